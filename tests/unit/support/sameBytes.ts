// Byte-for-byte equality that costs microseconds: toEqual walks a typed array element by element, about a second
// per 300 KB on a busy machine, which pushed the downloader tests toward vitest's 5 s limit.
import { expect } from "vitest";

export function expectSameBytes(actual: Uint8Array | undefined, expected: Uint8Array): void {
  expect(actual).toBeInstanceOf(Uint8Array);
  expect(actual!.length).toBe(expected.length);
  const firstDifference = Buffer.from(actual!.buffer, actual!.byteOffset, actual!.byteLength).compare(
    Buffer.from(expected.buffer, expected.byteOffset, expected.byteLength),
  );
  expect(firstDifference, "the bytes differ").toBe(0);
}
