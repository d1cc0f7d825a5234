import "server-only";
import { exportPageSize, findExportFindings } from "@/lib/exports/find-export-findings";
import { findingCsvLine, findingsCsvHead } from "@/lib/exports/findings-csv";
import { findFindingsSchema } from "@/lib/findings/schema";
import { logger } from "@/lib/logger";
import { parseInput } from "@/lib/validation";

/**
 * A project's findings, filtered as the findings list filters them, as a CSV stream: one page of
 * findings is read when the reader wants more, so a 100,000-finding export holds one page in
 * memory, and a client that stops reading stops the queries. The query is checked before the
 * stream starts, so a bad filter is a 400, not a broken download.
 */
export function streamFindingsCsv(projectId: string, rawQuery: unknown, requestId: string): ReadableStream<Uint8Array> {
  const query = parseInput(findFindingsSchema, rawQuery ?? {});
  const encoder = new TextEncoder();
  let after: string | null = null;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(findingsCsvHead));
    },
    async pull(controller) {
      try {
        const page = await findExportFindings(projectId, query, after);
        if (page.length) controller.enqueue(encoder.encode(page.map(findingCsvLine).join("")));
        if (page.length < exportPageSize) controller.close();
        else after = page.at(-1)!.id;
      } catch (error) {
        // The status line is sent by now: the download breaks off, and the log says why.
        logger.error({ err: error, requestId }, "findings CSV export failed");
        controller.error(error);
      }
    },
  });
}
