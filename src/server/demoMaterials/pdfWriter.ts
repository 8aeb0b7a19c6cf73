// A deliberately small PDF 1.4 writer: text pages in Helvetica, one content stream per page, exact xref offsets.
// Enough for demo documents that open in pdf.js and poppler; deterministic bytes (no dates, no ids).

export interface PdfTextLine {
  text: string;
  /** Points; default 11. */
  size?: number;
  bold?: boolean;
  /** Extra space before the line, in points. */
  spaceBefore?: number;
  /** Left indent in points. */
  indent?: number;
}

export interface PdfDocumentSpec {
  title: string;
  pages: PdfTextLine[][];
}

const PAGE_WIDTH = 595; // A4 in points
const PAGE_HEIGHT = 842;
const MARGIN = 64;

/** PDF literal strings: backslash, parentheses escaped; outside printable ASCII replaced (Helvetica's standard encoding). */
function pdfString(text: string): string {
  const ascii = text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/[^\x20-\x7e]/g, "?");
  return `(${ascii.replace(/([\\()])/g, "\\$1")})`;
}

/** Wraps at about the width of the line; Helvetica averages a little over half an em per character. */
export function wrapText(text: string, size: number, width = PAGE_WIDTH - 2 * MARGIN): string[] {
  const maxChars = Math.max(10, Math.floor(width / (size * 0.5)));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== "" && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

function pageContent(lines: PdfTextLine[], pageNumber: number, pageCount: number): string {
  const ops: string[] = [];
  let y = PAGE_HEIGHT - MARGIN;
  for (const line of lines) {
    const size = line.size ?? 11;
    y -= (line.spaceBefore ?? 0) + size * 1.35;
    ops.push(
      `BT /${line.bold ? "F2" : "F1"} ${size} Tf ${MARGIN + (line.indent ?? 0)} ${y.toFixed(2)} Td ${pdfString(line.text)} Tj ET`,
    );
  }
  ops.push(`BT /F1 9 Tf ${PAGE_WIDTH / 2 - 20} 36 Td ${pdfString(`Page ${pageNumber} of ${pageCount}`)} Tj ET`);
  return `${ops.join("\n")}\n`;
}

export function writePdf(spec: PdfDocumentSpec): Uint8Array {
  // Object numbers: 1 catalog, 2 page tree, 3 Helvetica, 4 Helvetica-Bold, 5 info, then a page and its content per page.
  const pageCount = spec.pages.length;
  const pageObject = (i: number) => 6 + 2 * i;
  const objects: string[] = [];
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${spec.pages.map((_, i) => `${pageObject(i)} 0 R`).join(" ")}] /Count ${pageCount} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  objects[4] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>";
  objects[5] = `<< /Title ${pdfString(spec.title)} /Producer (Outrigger demo materials) >>`;
  spec.pages.forEach((lines, i) => {
    const content = pageContent(lines, i + 1, pageCount);
    objects[pageObject(i)] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageObject(i) + 1} 0 R >>`;
    objects[pageObject(i) + 1] = `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}endstream`;
  });

  // Offsets are byte offsets: everything is ASCII, so string length = byte length, checked through latin1 buffers.
  const chunks: string[] = ["%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"];
  let offset = Buffer.byteLength(chunks[0], "latin1");
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = offset;
    const text = `${n} 0 obj\n${objects[n]}\nendobj\n`;
    chunks.push(text);
    offset += Buffer.byteLength(text, "latin1");
  }
  const xref = [
    `xref\n0 ${objects.length}\n`,
    "0000000000 65535 f \n",
    ...offsets.slice(1).map((o) => `${String(o).padStart(10, "0")} 00000 n \n`),
  ].join("");
  chunks.push(xref, `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${offset}\n%%EOF\n`);
  return new Uint8Array(Buffer.from(chunks.join(""), "latin1"));
}
