// The Range and conditional headers of RFC 9110 for a single stored file with a strong ETag.

export type RangeDecision =
  /** Send the whole file with 200. */
  | { kind: "full" }
  /** Send bytes start..end (inclusive) with 206. */
  | { kind: "partial"; start: number; end: number }
  /** 416 with `Content-Range: bytes *\/size`. */
  | { kind: "unsatisfiable" };

const RANGE_SPEC = /^(\d*)-(\d*)$/;

type Spec = { start: number; end: number | undefined } | { suffix: number };

function parseSpec(text: string): Spec | undefined {
  const match = RANGE_SPEC.exec(text.trim());
  if (!match) return undefined;
  const [, first, last] = match;
  if (first === "" && last === "") return undefined;
  if (first === "") return { suffix: Number(last) };
  const start = Number(first);
  const end = last === "" ? undefined : Number(last);
  if (end !== undefined && end < start) return undefined;
  return { start, end };
}

/**
 * What to send for a `Range` header on a file of `size` bytes.
 * - `bytes=a-b`, `bytes=a-`, `bytes=-n`: one range → 206; an end beyond the file is clamped to its last byte.
 * - Several ranges (`bytes=0-1,5-6`): answered with the whole file and 200. RFC 9110 §14.2 lets a server
 *   ignore Range; our clients (resuming downloads, media seeking) only ever ask for one, and a
 *   multipart/byteranges body would be larger than the file for the small overlapping asks browsers make.
 * - Anything else (another unit, `bytes=5-2`, garbage) or a range starting at or past the end → 416.
 */
export function decideRange(header: string | undefined, size: number): RangeDecision {
  if (header === undefined || header.trim() === "") return { kind: "full" };
  const match = /^\s*bytes\s*=(.*)$/i.exec(header);
  if (!match) return { kind: "unsatisfiable" };
  const parts = match[1].split(",");
  const specs = parts.map(parseSpec);
  if (specs.some((s) => s === undefined)) return { kind: "unsatisfiable" };
  if (specs.length > 1) return { kind: "full" };
  const spec = specs[0] as Spec;
  if (size === 0) return { kind: "unsatisfiable" };
  if ("suffix" in spec) {
    if (spec.suffix === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - spec.suffix), end: size - 1 };
  }
  if (spec.start >= size) return { kind: "unsatisfiable" };
  const end = spec.end === undefined || spec.end >= size ? size - 1 : spec.end;
  return { kind: "partial", start: spec.start, end };
}

function entityTags(header: string): string[] {
  return header
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

/** If-None-Match uses weak comparison: `W/"x"` matches `"x"`; `*` matches anything that exists. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return entityTags(header).some((tag) => tag === "*" || tag.replace(/^W\//, "") === etag);
}

/** If-Range uses strong comparison; a date (we send no Last-Modified) or another tag means "send it all". */
export function ifRangeAllowsRange(header: string | undefined, etag: string): boolean {
  if (header === undefined) return true;
  return header.trim() === etag;
}
