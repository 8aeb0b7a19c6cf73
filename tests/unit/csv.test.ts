// parseCsv (RFC 4180): quoted commas, doubled quotes, line breaks and BOMs read right; malformed files refused by line.
import { describe, expect, it } from "vitest";
import { CsvSyntaxError, parseCsv } from "../../src/shared/csv";

describe("parseCsv (RFC 4180)", () => {
  it("reads quoted commas, doubled quotes, line breaks inside quotes, CRLF and a BOM, and skips blank lines", () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\n,,\nlast,row,';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["x, y", 'say "hi"', "two\nlines"] },
      { line: 5, fields: ["", "", ""] },
      { line: 6, fields: ["last", "row", ""] },
    ]);
  });

  it("a quoted field after a comma is still quoted", () => {
    expect(parseCsv('a,"b,c"')).toEqual([{ line: 1, fields: ["a", "b,c"] }]);
  });

  it("refuses an unclosed quote and text after a closing quote, naming the line", () => {
    expect(() => parseCsv('a\n"open,b')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"open,b')).toThrow(/line 2/);
    expect(() => parseCsv('"x"y,z')).toThrow(/closing quote/);
  });
});
