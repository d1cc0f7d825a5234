import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { parseReport } from "@/lib/reports/parse-report";
import { checkReportSize, readReportText } from "@/lib/reports/read-report-text";

/**
 * A Markdown report named on the command line, read and parsed the way the API does it (size
 * limit, binary and JSON/XML refused, BOM stripped). Touches no database.
 */
export async function readReportFile(file: string) {
  const size = await stat(file).then(
    (s) => s.size,
    () => {
      throw new AppError("not_found", `Cannot read ${file}.`);
    },
  );
  checkReportSize(size);
  const bytes = await readFile(file);
  const fileName = path.basename(file);
  return { report: parseReport(readReportText(bytes, fileName)), fileName, sha256: createHash("sha256").update(bytes).digest("hex") };
}
