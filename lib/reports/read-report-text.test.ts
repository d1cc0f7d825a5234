import { describe, expect, it } from "vitest";
import { checkReportSize, readReportText } from "@/lib/reports/read-report-text";

const utf8 = (text: string) => new TextEncoder().encode(text);
const refusal = (bytes: Uint8Array, fileName?: string) => {
  try {
    readReportText(bytes, fileName);
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error("expected readReportText to refuse the bytes");
};

describe("readReportText", () => {
  it("returns Markdown as it is, from a Buffer or a Uint8Array, without a byte-order mark", () => {
    const text = "# Analisis\n\n### CRIT-01: Token — bocor\n";
    expect(readReportText(utf8(text))).toBe(text);
    expect(readReportText(Buffer.from(`\uFEFF${text}`, "utf8"))).toBe(text);
    expect(readReportText(Buffer.from(`\uFEFF${text}`, "utf16le"))).toBe(text);
  });

  it("keeps mis-encoded text (UTF-8 read as Windows-1252) for the parser to repair", () => {
    const mojibake = "Ringkasan â€” ðŸ”´ kritis";
    expect(readReportText(utf8(mojibake))).toBe(mojibake);
  });

  it("reads a Windows-1252 file that is not UTF-8", () => {
    const bytes = new Uint8Array([0x93, 0x4f, 0x4b, 0x94, 0x20, 0x96, 0x20, 0x63, 0x61, 0x66, 0xe9]);
    expect(readReportText(bytes)).toBe("\u201cOK\u201d \u2013 caf\u00e9");
  });

  it("leaves Markdown that opens with a link, an HTML block or a brace in prose alone", () => {
    for (const text of ["[![CI](badge.svg)](ci)\n# Report", '<p align="center">Logo</p>\n\n## Findings', "{draft} notes\n- [ ] item"]) {
      expect(readReportText(utf8(text))).toBe(text);
    }
  });

  it.each([
    ["PNG", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])],
    ["PDF", utf8("%PDF-1.7\n% text-looking start\n")],
    ["ZIP (docx)", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0])],
    ["NUL bytes", utf8("# Report\u0000\u0000\u0001")],
    ["bytes that are neither UTF-8 nor text", new Uint8Array([0x23, 0x20, 0xc3, 0x28, 0x01, 0x02, 0x90])],
  ])("refuses binary content: %s", (_name, bytes) => {
    expect(refusal(bytes, "upload.bin")).toMatchObject({
      code: "unsupported_format",
      message: '"upload.bin" is not a Markdown report. Upload the .md (or .txt) file of the report; scanner output goes to Scans.',
    });
  });

  it.each([
    ["a SARIF object", '  \n{"version": "2.1.0", "runs": []}'],
    ["an npm audit array", '[{"name": "lodash"}]'],
    ["a bare JSON array", "[1, 2, 3]"],
    ["JSON lines", '{"rule":"a"}\n{"rule":"b"}'],
    ["JUnit XML", '<?xml version="1.0"?>\n<testsuites/>'],
    ["JUnit without a declaration", '<testsuite name="api" tests="3">'],
    ["an HTML page", "<!DOCTYPE html><html><body>report</body></html>"],
  ])("refuses a structured document: %s", (_name, text) => {
    expect(refusal(utf8(text))).toMatchObject({ code: "unsupported_format", message: expect.stringMatching(/^The file is not a Markdown report\./) });
  });

  it("refuses a report over the limit (5 MB by default), naming both sizes", () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61);
    expect(refusal(big)).toEqual(expect.objectContaining({ code: "too_large", message: "The report is 5.1 MB; the limit is 5 MB." }));
    expect(readReportText(big.subarray(1))).toHaveLength(5 * 1024 * 1024);
  });
});

describe("checkReportSize", () => {
  it("says 'over' the limit when only part of an upload was read", () => {
    expect(() => checkReportSize(5 * 1024 * 1024)).not.toThrow();
    expect(() => checkReportSize(9 * 1024 * 1024)).toThrow("The report is 9 MB; the limit is 5 MB.");
    expect(() => checkReportSize(5 * 1024 * 1024 + 10, { atLeast: true })).toThrow("The report is over 5 MB; the limit is 5 MB.");
  });
});
