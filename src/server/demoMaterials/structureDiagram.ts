// The demo image: a PNG diagram of the RKC's layers (Body, General Annex, ten Specific Annexes), drawn pixel by pixel.
import { deflateSync } from "node:zlib";

const WIDTH = 640;
const HEIGHT = 360;
type Rgb = readonly [number, number, number];

const BACKGROUND: Rgb = [0xf4, 0xf7, 0xf8];
const BODY: Rgb = [0x0b, 0x55, 0x60];
const GENERAL_ANNEX: Rgb = [0x1f, 0x7a, 0x8c];
const SPECIFIC_ANNEX: Rgb = [0xf2, 0xa9, 0x00];
const LINE: Rgb = [0x44, 0x55, 0x5a];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgb): Uint8Array {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      const o = y * stride + 1 + x * 3;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return new Uint8Array(
    Buffer.concat([
      signature,
      chunk("IHDR", header),
      chunk("IDAT", deflateSync(raw, { level: 9 })),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  color: Rgb;
}

const inside = (b: Box, x: number, y: number) => x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h;

export function rkcStructurePng(): Uint8Array {
  const body: Box = { x: 220, y: 30, w: 200, h: 60, color: BODY };
  const general: Box = { x: 80, y: 140, w: 480, h: 60, color: GENERAL_ANNEX };
  const specific: Box[] = Array.from({ length: 10 }, (_, i) => ({
    x: 40 + i * 58,
    y: 260,
    w: 44,
    h: 70,
    color: SPECIFIC_ANNEX,
  }));
  // General Annex: ten chapter stripes, a reminder that it has ten chapters.
  const chapterStripe = (x: number) => (x - general.x) % 48 < 2 && x > general.x + 2;
  const connectors = (x: number, y: number) =>
    (Math.abs(x - 320) <= 1 && y >= 90 && y < 140) ||
    (Math.abs(x - 320) <= 1 && y >= 200 && y < 230) ||
    (Math.abs(y - 230) <= 1 && x >= 62 && x <= 604) ||
    (y >= 230 && y < 260 && specific.some((b) => Math.abs(x - (b.x + b.w / 2)) <= 1));
  return encodePng(WIDTH, HEIGHT, (x, y) => {
    if (inside(general, x, y)) return chapterStripe(x) ? BACKGROUND : general.color;
    for (const box of [body, ...specific]) if (inside(box, x, y)) return box.color;
    if (connectors(x, y)) return LINE;
    return BACKGROUND;
  });
}
