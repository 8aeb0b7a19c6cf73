// Invitation links as QR codes: an SVG built from uqr's module matrix, one path of merged horizontal runs
// (a few kilobytes for a join link), with the standard four-module quiet zone.
import { encode } from "uqr";

const QUIET_ZONE = 4;

/** An SVG QR code of `text` (error correction M: survives a smudged print), scalable, black on white. */
export function qrSvg(text: string): string {
  const { data, size } = encode(text, { ecc: "M", border: 0 });
  const side = size + 2 * QUIET_ZONE;
  let d = "";
  for (let y = 0; y < size; y++) {
    const row = data[y];
    for (let x = 0; x < size;) {
      if (!row[x]) {
        x++;
        continue;
      }
      let end = x + 1;
      while (end < size && row[end]) end++;
      d += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${end - x}v1h-${end - x}z`;
      x = end;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="${side * 4}" height="${side * 4}" shape-rendering="crispEdges" role="img" aria-label="QR code">` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  );
}
