import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { jsonItems } from "@/lib/ingest/json-items";
import { ScanSyntaxError } from "@/lib/ingest/scan-errors";
import type { ScanSource } from "@/lib/ingest/scan-types";

// Where a parser's bytes come from: a file on disk (uploads are spooled there) or bytes in
// memory (tests, pasted text). Both can be read again from the start.

const CHUNK = 256 * 1024;

export function scanSourceFromFile(path: string, fileName: string, size: number): ScanSource {
  return { fileName, size, open: () => createReadStream(path, { highWaterMark: CHUNK }) };
}

export async function scanSourceFromPath(path: string, fileName = path.split(/[\\/]/).pop() ?? path): Promise<ScanSource> {
  return scanSourceFromFile(path, fileName, (await stat(path)).size);
}

export function scanSourceFromBytes(fileName: string, bytes: Uint8Array | string): ScanSource {
  const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  return {
    fileName,
    size: data.byteLength,
    async *open() {
      for (let at = 0; at < data.byteLength; at += CHUNK) yield data.subarray(at, at + CHUNK);
    },
  };
}

/** The whole file as text (UTF-8, byte order mark dropped), for formats read in one piece. */
export async function readScanText(source: ScanSource): Promise<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let text = "";
  try {
    for await (const chunk of source.open()) text += decoder.decode(chunk, { stream: true });
    text += decoder.decode();
  } catch {
    throw new ScanSyntaxError("The file is not valid UTF-8.", 1, 1);
  }
  return text;
}

/** The whole file as one JSON value, with the line and column of a syntax error. */
export async function readScanJson(source: ScanSource): Promise<unknown> {
  let value: unknown;
  for await (const item of jsonItems(source.open(), [[]])) value = item.value;
  return value;
}

/** One JSON value a line (yarn audit, nuclei); blank lines are skipped. */
export async function* readScanJsonLines(source: ScanSource): AsyncGenerator<{ line: number; value: unknown }> {
  const text = await readScanText(source);
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    try {
      yield { line: i + 1, value: JSON.parse(line) };
    } catch (error) {
      throw new ScanSyntaxError(`Not a JSON value: ${(error as Error).message.replace(/ in JSON at position \d+.*$/, "")}.`, i + 1, 1);
    }
  }
}

const byteOrderMark = [0xef, 0xbb, 0xbf];

/** The first character of a document ("{", "[", "n" for null, "<" for XML…), after a byte order mark and whitespace. */
export async function jsonStart(source: ScanSource): Promise<string> {
  let at = 0;
  for await (const chunk of source.open()) {
    for (const byte of chunk) {
      const inBom = at < 3 && byte === byteOrderMark[at];
      at++;
      if (inBom || byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
      return String.fromCharCode(byte);
    }
  }
  throw new ScanSyntaxError("The file is empty.", 1, 1);
}
