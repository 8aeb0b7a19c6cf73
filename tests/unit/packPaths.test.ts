// Names inside a pack, edge by edge: safe file names, extensions, truncation, duplicates, and the zip path check.
import { describe, expect, it } from "vitest";
import {
  extensionOf,
  isSafeZipPath,
  MAX_PACK_FILE_NAME_CHARS,
  packPaths,
  readableFileName,
  uniqueName,
} from "../../src/shared/packs/paths";

describe("pack file names", () => {
  it("writes a title typed with combining accents in composed form (NFC)", () => {
    expect(readableFileName("Cafe\u0301 menu", "x.pdf")).toBe("Caf\u00e9 menu.pdf");
  });

  it("drops every trailing dot and space of a title, which Windows would drop on its own", () => {
    expect(readableFileName("Notes. . ..", "x.pdf")).toBe("Notes.pdf");
    expect(readableFileName("Notes.", "x.pdf")).toBe("Notes.pdf");
  });

  it("does not repeat the extension when a title ends with it behind trailing dots", () => {
    expect(readableFileName("Guide.pdf..", "x.pdf")).toBe("Guide.pdf");
  });

  it("uses the file name, without an extension, when the title gives nothing and the file has no extension", () => {
    expect(readableFileName("???", "notes")).toBe("notes");
    expect(readableFileName("", "Read me first")).toBe("Read me first");
  });

  it("uses the file name without its extension when the title gives nothing", () => {
    expect(readableFileName("???", "Annex B.PDF")).toBe("Annex B.pdf");
  });

  it("turns unsafe characters and runs of white space into one space, and drops leading dots", () => {
    expect(readableFileName("a:b", "x.pdf")).toBe("a b.pdf");
    expect(readableFileName("a \t\n b", "x.pdf")).toBe("a b.pdf");
    expect(readableFileName(".. .hidden", "x.pdf")).toBe("hidden.pdf");
  });

  it("falls back to 'file' when neither title nor file name gives a usable name", () => {
    expect(readableFileName("...", " . ")).toBe("file");
    expect(readableFileName("***", "?")).toBe("file");
  });

  it("keeps a title of exactly the limit whole and cuts one character longer to the limit", () => {
    // The limit leaves room for the extension and a " (2)" added when names collide.
    const room = MAX_PACK_FILE_NAME_CHARS - ".pdf".length - 4;
    expect(readableFileName("x".repeat(room), "f.pdf")).toBe(`${"x".repeat(room)}.pdf`);
    expect(readableFileName("x".repeat(room + 1), "f.pdf")).toBe(`${"x".repeat(room)}.pdf`);
    expect(readableFileName("é".repeat(room + 5), "f.pdf")).toBe(`${"é".repeat(room)}.pdf`);
  });

  it("drops the dots and spaces a cut leaves at the end of a long title", () => {
    const room = MAX_PACK_FILE_NAME_CHARS - ".pdf".length - 4;
    expect(readableFileName(`${"x".repeat(room - 2)}..end`, "f.pdf")).toBe(`${"x".repeat(room - 2)}.pdf`);
    expect(readableFileName(`${"x".repeat(room - 3)} . end`, "f.pdf")).toBe(`${"x".repeat(room - 3)}.pdf`);
  });

  it("prefixes Windows reserved device names, with or without an extension", () => {
    expect(readableFileName("nul", "x")).toBe("_nul");
    expect(readableFileName("LPT1", "a.txt")).toBe("_LPT1.txt");
    expect(readableFileName("console", "a.txt")).toBe("console.txt");
  });
});

describe("pack file extensions", () => {
  it("takes the extension only from the end of the name, in lower case", () => {
    expect(extensionOf("report.v2.final.PDF")).toBe(".pdf");
    expect(extensionOf("archive.tar.gz")).toBe(".gz");
    expect(extensionOf("notes.draft")).toBe(".draft");
  });

  it("ignores spaces around the file name", () => {
    expect(extensionOf("  slides.pptx  ")).toBe(".pptx");
    expect(readableFileName("Slides", "slides.pptx ")).toBe("Slides.pptx");
  });

  it("has none when the name ends in a dot, has no dot, or the last part is not letters and digits (up to 10)", () => {
    expect(extensionOf("report.pdf.")).toBe("");
    expect(extensionOf("README")).toBe("");
    expect(extensionOf("v1.2-beta")).toBe("");
    expect(extensionOf("a.abcdefghijk")).toBe("");
    expect(extensionOf("a.abcdefghij")).toBe(".abcdefghij");
  });
});

describe("duplicate names in a pack", () => {
  it("numbers a taken name before its extension, or at the end when it has none", () => {
    const taken = new Set<string>();
    expect(uniqueName("Slides.pdf", taken)).toBe("Slides.pdf");
    expect(uniqueName("SLIDES.PDF", taken)).toBe("SLIDES (2).pdf");
    expect(uniqueName("slides.pdf", taken)).toBe("slides (3).pdf");
    expect(uniqueName("notes", taken)).toBe("notes");
    expect(uniqueName("Notes", taken)).toBe("Notes (2)");
    expect([...taken]).toEqual(["slides.pdf", "slides (2).pdf", "slides (3).pdf", "notes", "notes (2)"]);
  });

  it("puts every material under the materials folder, in order", () => {
    expect(
      packPaths([
        { title: "A", fileName: "a.pdf" },
        { title: "A", fileName: "b.pdf" },
      ]),
    ).toEqual(["materials/A.pdf", "materials/A (2).pdf"]);
  });
});

describe("zip paths a pack may use", () => {
  it("accepts relative paths with forward slashes, and folders ending in a slash", () => {
    expect(isSafeZipPath("a/b")).toBe(true);
    expect(isSafeZipPath("materials/")).toBe(true);
    expect(isSafeZipPath("x".repeat(1024))).toBe(true);
  });

  it("refuses an empty path and one longer than 1024 characters", () => {
    expect(isSafeZipPath("")).toBe(false);
    expect(isSafeZipPath("x".repeat(1025))).toBe(false);
  });

  it("refuses control characters", () => {
    expect(isSafeZipPath("a\u0001b")).toBe(false);
    expect(isSafeZipPath("a\u007fb")).toBe(false);
  });

  it("refuses empty, '.' and '..' segments, also in a folder path", () => {
    expect(isSafeZipPath("a//b")).toBe(false);
    expect(isSafeZipPath("a/./b")).toBe(false);
    expect(isSafeZipPath("a/../b")).toBe(false);
    expect(isSafeZipPath("a/../")).toBe(false);
    expect(isSafeZipPath("a//")).toBe(false);
    expect(isSafeZipPath("./")).toBe(false);
  });

  it("refuses absolute paths, backslashes, drive letters and colons", () => {
    expect(isSafeZipPath("/etc/passwd")).toBe(false);
    expect(isSafeZipPath("a\\b")).toBe(false);
    expect(isSafeZipPath("C:/x")).toBe(false);
    expect(isSafeZipPath("a/b:c")).toBe(false);
  });
});
