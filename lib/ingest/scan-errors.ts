// Why a scan file could not be read. Both become 422 answers that say where reading stopped;
// they are thrown by pure parsers, so they carry no HTTP or UI concerns of their own.

/** The bytes are not well-formed JSON or XML: the line and column of the first error. */
export class ScanSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`Line ${line}, column ${column}: ${reason}`);
    this.name = "ScanSyntaxError";
  }
}

/** Well-formed, but not what the format promises (a SARIF run without a tool, say). */
export class ScanShapeError extends Error {
  constructor(
    readonly reason: string,
    readonly where: string,
  ) {
    super(where ? `${where}: ${reason}` : reason);
    this.name = "ScanShapeError";
  }
}
