// Reads the rows of one worksheet of an exported XLSX, enough to compare its figures with the JSON report.
/** The cells of each row of a worksheet, by row: numbers as numbers, inline strings as text. */
export function sheetRows(xml: string): Array<Array<string | number | null>> {
  const rows: Array<Array<string | number | null>> = [];
  for (const [, body] of xml.matchAll(/<row [^>]*>(.*?)<\/row>/gs)) {
    const cells: Array<string | number | null> = [];
    for (const [, ref, inner] of body.matchAll(/<c r="([A-Z]+)\d+"[^>]*?(?:\/>|>(.*?)<\/c>)/gs)) {
      let col = 0;
      for (const ch of ref) col = col * 26 + ch.charCodeAt(0) - 64;
      while (cells.length < col - 1) cells.push(null);
      const v = /<v>(.*?)<\/v>/s.exec(inner ?? "");
      const t = /<t[^>]*>(.*?)<\/t>/s.exec(inner ?? "");
      cells.push(
        v
          ? Number(v[1])
          : t
            ? t[1]
                .replace(/&amp;/g, "&")
                .replace(/&lt;/g, "<")
                .replace(/&gt;/g, ">")
                .replace(/&quot;/g, '"')
            : null,
      );
    }
    rows.push(cells);
  }
  return rows;
}
