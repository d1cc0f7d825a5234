import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { scanSourceFromFile } from "@/lib/ingest/scan-source";
import type { ScanSource } from "@/lib/ingest/scan-types";

/** A scan file named on the command line, refused above the API's size limit. */
export async function openScanFile(file: string): Promise<ScanSource> {
  const size = await stat(file).then(
    (s) => s.size,
    () => {
      throw new AppError("not_found", `Cannot read ${file}.`);
    },
  );
  const limit = env().SCAN_MAX_BYTES;
  if (size > limit) throw new AppError("too_large", `${file} is ${Math.ceil(size / 1024 / 1024)} MB; the limit is ${Math.round(limit / 1024 / 1024)} MB (SCAN_MAX_BYTES).`);
  return scanSourceFromFile(file, path.basename(file), size);
}

/** The scan file and its sha256 (read as a stream), for an upload; `parse` needs no hash and opens it only. */
export async function readScanFile(file: string) {
  const source = await openScanFile(file);
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return { source, sha256: hash.digest("hex") };
}
