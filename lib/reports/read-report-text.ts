import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Bytes of an uploaded report in, its Markdown text out; refuses what cannot be a report before
// the parser sees it. Pure apart from reading the size limit: no database, no files.

/** File signatures of formats people upload by mistake (exported PDFs, zipped reports, screenshots). */
const binarySignatures: { name: string; bytes: number[] }[] = [
  { name: "PDF", bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: "ZIP", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: "PNG", bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: "JPEG", bytes: [0xff, 0xd8, 0xff] },
  { name: "GIF", bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: "gzip", bytes: [0x1f, 0x8b] },
  { name: "OLE (old Office)", bytes: [0xd0, 0xcf, 0x11, 0xe0] },
];

// JSON or XML documents: scanner output (SARIF, Trivy, npm audit, JUnit, Cobertura), not a
// report. A leading "[" is only JSON when an array value follows: Markdown may open with a link.
const structuredStart = /^(?:\{\s*["}]|\[\s*[[{"\]]|<\?xml|<!DOCTYPE|<html[\s>]|<testsuites?[\s>]|<coverage[\s>])/i;

const megabyte = 1024 * 1024;

/** "5 MB", "5.1 MB", "12 KB": sizes round up so a file just over the limit never reads as equal to it. */
function formatSize(bytes: number, round: (n: number) => number = Math.ceil): string {
  if (bytes < megabyte) return `${round(bytes / 1024)} KB`;
  return `${round((bytes / megabyte) * 10) / 10} MB`;
}

/** Refuses a report over REPORT_MAX_BYTES; `atLeast` when only part of it was read. */
export function checkReportSize(byteLength: number, options: { atLeast?: boolean } = {}): void {
  const limit = env().REPORT_MAX_BYTES;
  if (byteLength <= limit) return;
  const size = `${options.atLeast ? "over " : ""}${formatSize(options.atLeast ? limit : byteLength)}`;
  throw new AppError("too_large", `The report is ${size}; the limit is ${formatSize(limit, Math.round)}.`);
}

function notMarkdown(fileName: string | undefined): AppError {
  const name = fileName ? `"${fileName}"` : "The file";
  return new AppError(
    "unsupported_format",
    `${name} is not a Markdown report. Upload the .md (or .txt) file of the report; scanner output goes to Scans.`,
  );
}

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** Text from bytes: UTF-8 (BOM stripped), UTF-16 with a BOM, or Windows-1252 when it is not UTF-8. */
function decode(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(bytes);
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(bytes);
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

// Windows-1252's 0x80–0x9F (Node 20's TextDecoder reads that label as Latin-1); 0 = unassigned.
const cp1252High = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * A report saved by an old Windows editor is legible once read as Windows-1252. Binary data is
 * not: it holds control characters or unassigned bytes that no text file has, so null.
 */
function decodeWindows1252(bytes: Uint8Array): string | null {
  const chars: string[] = [];
  for (const byte of bytes) {
    const isControl = (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f;
    const code = byte >= 0x80 && byte <= 0x9f ? cp1252High[byte - 0x80]! : byte;
    if (isControl || code === 0) return null;
    chars.push(String.fromCharCode(code));
  }
  return chars.join("");
}

/**
 * The Markdown text of an uploaded report: within the size limit, not binary, not a JSON or XML
 * document, without a byte-order mark. Throws too_large or unsupported_format, saying what to do.
 */
export function readReportText(bytes: Uint8Array, fileName?: string): string {
  checkReportSize(bytes.byteLength);
  if (binarySignatures.some((s) => startsWith(bytes, s.bytes))) throw notMarkdown(fileName);
  const text = decode(bytes);
  if (text === null || text.includes("\u0000")) throw notMarkdown(fileName);
  const withoutBom = text.replace(/^\uFEFF/, "");
  if (structuredStart.test(withoutBom.trimStart()) || isJson(withoutBom)) throw notMarkdown(fileName);
  return withoutBom;
}

/** A whole JSON document that starts some other way than `structuredStart` catches ("[1, 2]", "[]"). */
function isJson(text: string): boolean {
  const start = text.trimStart()[0];
  if (start !== "[" && start !== "{") return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
