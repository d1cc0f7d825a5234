import { AppError } from "@/lib/errors";
import { ScanShapeError, ScanSyntaxError } from "@/lib/ingest/scan-errors";
import { detectParser, parserForFormat, scanFormats, supportedFormatNames } from "@/lib/ingest/scan-formats";
import type { ScanParser, ScanRecord, ScanSource } from "@/lib/ingest/scan-types";
import { sniffScan } from "@/lib/ingest/sniff";

// Which parser reads an upload: the one named by --format / the form, else the one whose
// detect recognises the content. No database: the CLI's `parse` uses it too.

export async function chooseParser(source: ScanSource, format?: string): Promise<ScanParser> {
  if (format) {
    const named = parserForFormat(format);
    if (!named) throw new AppError("invalid", `Unknown format "${format}". Formats: ${scanFormats.join(", ")}.`, { format: [`One of ${scanFormats.join(", ")}.`] });
    return named;
  }
  if (source.size === 0) throw new AppError("unprocessable", `${source.fileName} is empty.`);
  const sniff = await sniffScan(source);
  const parser = detectParser(sniff);
  if (!parser && sniff.error) throw new AppError("unprocessable", `${source.fileName} is not well-formed JSON. ${sniff.error}`);
  if (!parser) {
    throw new AppError(
      "unsupported_format",
      `Readyboard cannot tell which tool wrote ${source.fileName}. It reads ${supportedFormatNames()}. If the file is one of these, name its format (--format, or the form's Format field).`,
    );
  }
  return parser;
}

/** The parser's records, with its errors turned into a 422 that says where reading stopped. */
export async function* readScanRecords(parser: ScanParser, source: ScanSource): AsyncGenerator<ScanRecord> {
  try {
    yield* parser.parse(source);
  } catch (error) {
    if (error instanceof ScanSyntaxError || error instanceof ScanShapeError) {
      throw new AppError("unprocessable", `${source.fileName} could not be read as ${parser.name}. ${error.message}`);
    }
    throw error;
  }
}
