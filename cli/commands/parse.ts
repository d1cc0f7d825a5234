import { access } from "node:fs/promises";
import { CliUsageError, parseOptions, type CliCommand } from "@/cli/command";
import { AppError } from "@/lib/errors";

// readyboard parse <file> [--json] — never opens a database. Report and scan parsers plug in
// here; until then every file is an unsupported format (exit code 2).
const parse: CliCommand = async (argv) => {
  const { positionals } = parseOptions(argv, { json: { type: "boolean" }, format: { type: "string" } });
  const file = positionals[0];
  if (!file) throw new CliUsageError("give the file to parse: readyboard parse <file> --json");
  await access(file).catch(() => {
    throw new AppError("not_found", `Cannot read ${file}.`);
  });
  throw new AppError("unsupported_format", `unsupported format: ${file} (report and scan parsers are not installed yet)`);
};

export default parse;
