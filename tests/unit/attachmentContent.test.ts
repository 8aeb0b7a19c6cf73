// The shared sniffer and name cleaner: a file is what its leading bytes say, and its name cannot disguise it.
import { describe, expect, it } from "vitest";
import { checkAttachmentContent, cleanAttachmentFileName } from "../../src/shared/attachmentContent";

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? Array.from(new TextEncoder().encode(p)) : p)));
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

describe("attachment content sniffing", () => {
  it.each([
    ["application/pdf", bytes("%PDF-1.7\n")],
    ["image/png", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])],
    ["image/jpeg", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])],
    ["image/gif", bytes("GIF89a", [1, 0])],
    ["image/webp", bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 ")],
    ["video/mp4", bytes([0, 0, 0, 0x18], "ftypmp42")],
    [DOCX, bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0])],
    [PPTX, bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0])],
    ["text/plain", bytes("Notes from the in-house session\nTalaʻofa — Ōtautahi\n")],
    ["text/plain", bytes("<3 the trainers\n")],
  ])("accepts a real %s", (type, content) => {
    expect(checkAttachmentContent(type, content)).toEqual({ ok: true });
  });

  it("refuses a Windows program declared as a PDF, naming what it claims to be", () => {
    const verdict = checkAttachmentContent("application/pdf", bytes("MZ", [0x90, 0, 3, 0]), "invoice.pdf.exe");
    expect(verdict).toEqual({
      ok: false,
      code: "attachment_content_mismatch",
      message: expect.stringMatching(/^"invoice\.pdf\.exe" is not really a PDF/),
    });
  });

  it.each([
    ["an HTML page", bytes("<!DOCTYPE html><html><script>alert(1)</script>")],
    ["an HTML page after a BOM and spaces", bytes([0xef, 0xbb, 0xbf], "  \n<html>")],
    ["an SVG", bytes("<svg xmlns='http://www.w3.org/2000/svg'>")],
    ["a script", bytes("#!/bin/sh\nrm -rf /\n")],
    ["text with a NUL", bytes("abc", [0], "def")],
    ["invalid UTF-8", bytes([0x61, 0xff, 0xfe, 0x62])],
  ])("refuses %s declared as plain text", (_what, content) => {
    const verdict = checkAttachmentContent("text/plain", content);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.code).toBe("attachment_content_mismatch");
  });

  it("refuses a PNG declared as JPEG, a zip that is empty, and any type outside the list", () => {
    expect(checkAttachmentContent("image/jpeg", bytes([0x89, 0x50, 0x4e, 0x47])).ok).toBe(false);
    expect(checkAttachmentContent(DOCX, bytes([])).ok).toBe(false);
    expect(checkAttachmentContent("application/x-msdownload", bytes("MZ")).ok).toBe(false);
  });
});

describe("attachment file names", () => {
  it("drops a trailing executable extension: invoice.pdf.exe becomes invoice.pdf", () => {
    expect(cleanAttachmentFileName("invoice.pdf.exe", "application/pdf")).toBe("invoice.pdf");
  });

  it("removes a right-to-left override that disguises the extension", () => {
    // Shown as "reportexe.pdf" by a bidi-aware screen, it is really "report\u202Efdp.exe".
    expect(cleanAttachmentFileName("report\u202Efdp.exe", "application/pdf")).toBe("reportfdp.pdf");
  });

  it("removes control characters, zero-width characters and paths", () => {
    expect(cleanAttachmentFileName("..\\..\\windows\\sys\u0000tem\u200b32.txt", "text/plain")).toBe("system32.txt");
    expect(cleanAttachmentFileName("../../etc/passwd", "text/plain")).toBe("passwd.txt");
    expect(cleanAttachmentFileName("line\nbreak\ttab.pdf", "application/pdf")).toBe("line break tab.pdf");
  });

  it("breaks an inner executable extension and makes the name end as its type", () => {
    expect(cleanAttachmentFileName("report.exe.pdf", "application/pdf")).toBe("report_exe.pdf");
    expect(cleanAttachmentFileName("photo", "image/jpeg")).toBe("photo.jpg");
    expect(cleanAttachmentFileName("slides.key", PPTX)).toBe("slides.key.pptx");
    expect(cleanAttachmentFileName("IMG_0042.JPEG", "image/jpeg")).toBe("IMG_0042.JPEG");
  });

  it("keeps ordinary names, accents and parentheses as they are", () => {
    expect(cleanAttachmentFileName("Workshop report (Tonga).pdf", "application/pdf")).toBe(
      "Workshop report (Tonga).pdf",
    );
    expect(cleanAttachmentFileName("Rapport d’atelier – Nouméa.docx", DOCX)).toBe("Rapport d’atelier – Nouméa.docx");
  });

  it("names an empty or dots-only name, and keeps names within 255 characters", () => {
    expect(cleanAttachmentFileName("\u202e...", "application/pdf")).toBe("attachment.pdf");
    const long = cleanAttachmentFileName(`${"a".repeat(400)}.pdf`, "application/pdf");
    expect(long).toHaveLength(255);
    expect(long.endsWith(".pdf")).toBe(true);
  });
});
