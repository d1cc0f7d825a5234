import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { scanSourceFromFile } from "@/lib/ingest/scan-source";

/** A scan file named on the command line, with the API's size limit and its sha256 (read as a stream). */
export async function readScanFile(file: string) {
  const size = await stat(file).then(
    (s) => s.size,
    () => {
      throw new AppError("not_found", `Cannot read ${file}.`);
    },
  );
  const limit = env().SCAN_MAX_BYTES;
  if (size > limit) throw new AppError("too_large", `${file} is ${Math.ceil(size / 1024 / 1024)} MB; the limit is ${Math.round(limit / 1024 / 1024)} MB (SCAN_MAX_BYTES).`);
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return { source: scanSourceFromFile(file, path.basename(file), size), sha256: hash.digest("hex") };
}
