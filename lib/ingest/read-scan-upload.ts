import "server-only";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { scanSourceFromFile } from "@/lib/ingest/scan-source";
import { megabytes } from "@/lib/megabytes";
import type { ScanSource } from "@/lib/ingest/scan-types";

// An uploaded scan goes to a temporary file as it arrives, hashed on the way, never whole in
// memory: a multipart form (`file` plus format, branch, commit, closeMissing fields), or the
// file itself as the body with those as query parameters (curl --data-binary).

export type ScanUpload = { source: ScanSource; sha256: string; fields: Record<string, string>; cleanup: () => Promise<void> };

const FIELD_NAMES = new Set(["format", "branch", "commit", "closeMissing"]);
const MULTIPART_OVERHEAD = 64 * 1024;

const tooLarge = () => new AppError("too_large", `The scan file is over ${megabytes(env().SCAN_MAX_BYTES)} MB, the limit (SCAN_MAX_BYTES).`);

/** The last path segment, so "C:\\scans\\trivy.json" and "../x.json" are stored as their names. */
const baseName = (name: string | null | undefined, fallback: string) => name?.split(/[\\/]/).pop()?.trim().slice(0, 255) || fallback;

export async function readScanUpload(request: Request): Promise<ScanUpload> {
  const limit = env().SCAN_MAX_BYTES;
  const type = request.headers.get("content-type") ?? "";
  const multipart = /^multipart\/form-data/i.test(type);
  const declared = Number(request.headers.get("content-length"));
  if (declared > limit + (multipart ? MULTIPART_OVERHEAD : 0)) throw tooLarge();
  if (!request.body) throw new AppError("invalid", "Send a scan file.", { file: ["Choose a scan file."] });

  const dir = await mkdtemp(path.join(os.tmpdir(), "readyboard-scan-"));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const file = path.join(dir, "upload");
  try {
    const body = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream<Uint8Array>);
    const received = multipart ? await receiveMultipart(body, type, file, limit) : await receiveRaw(body, file, limit, declared, new URL(request.url).searchParams);
    const { size } = await stat(file);
    if (size === 0) throw new AppError("invalid", "The scan file is empty.", { file: ["The file is empty."] });
    return { source: scanSourceFromFile(file, received.fileName, size), sha256: received.sha256, fields: received.fields, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

type Received = { fileName: string; sha256: string; fields: Record<string, string> };

async function receiveRaw(body: Readable, file: string, limit: number, declared: number, query: URLSearchParams): Promise<Received> {
  const hash = createHash("sha256");
  let size = 0;
  await pipeline(
    body,
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        size += chunk.length;
        if (size > limit) throw tooLarge();
        hash.update(chunk);
        yield chunk;
      }
    },
    createWriteStream(file),
  );
  // A body cut short at a line boundary still parses (JSON lines) and would close what it lacks.
  if (declared > 0 && size !== declared) throw new AppError("invalid", `The upload was cut short (${size} of ${declared} bytes arrived); send it again.`);
  const fields = Object.fromEntries([...query].filter(([k]) => FIELD_NAMES.has(k)));
  return { fileName: baseName(query.get("fileName"), "scan"), sha256: hash.digest("hex"), fields };
}

function receiveMultipart(body: Readable, contentType: string, file: string, limit: number): Promise<Received> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { "content-type": contentType }, limits: { files: 1, fileSize: limit, fields: 10, fieldSize: 1024 } });
    } catch {
      reject(new AppError("invalid", "The form could not be read as multipart/form-data."));
      return;
    }
    const fields: Record<string, string> = {};
    const hash = createHash("sha256");
    let fileName: string | null = null;
    let writing: Promise<void> | null = null;
    let failed: AppError | null = null;
    const fail = (error: AppError) => {
      failed ??= error;
      body.unpipe(parser);
      body.resume();
      reject(failed);
    };
    parser.on("field", (name, value) => {
      if (FIELD_NAMES.has(name)) fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      if (name !== "file" || writing) {
        stream.resume();
        return;
      }
      fileName = baseName(info.filename, "scan");
      stream.on("limit", () => fail(tooLarge()));
      stream.on("data", (chunk: Buffer) => hash.update(chunk));
      writing = pipeline(stream, createWriteStream(file));
    });
    parser.on("error", () => fail(new AppError("invalid", "The upload was cut short or is not a well-formed multipart form; send it again.")));
    parser.on("close", async () => {
      if (failed) return;
      if (!writing || fileName === null) return reject(new AppError("invalid", "Send the scan as the form's `file` field.", { file: ["Choose a scan file."] }));
      try {
        await writing;
        resolve({ fileName, sha256: hash.digest("hex"), fields });
      } catch {
        reject(new AppError("invalid", "The upload was cut short; send it again."));
      }
    });
    body.on("error", () => fail(new AppError("invalid", "The upload was cut short; send it again.")));
    body.pipe(parser);
  });
}
