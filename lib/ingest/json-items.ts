import { ScanSyntaxError } from "@/lib/ingest/scan-errors";

// Streaming JSON: the values at chosen paths (SARIF's `runs.*.results.*`), one at a time, from a
// file of any size. The document's structure is checked byte by byte (strings only for their
// quotes and escapes); only the chosen values are built, by JSON.parse, so a 100 MB report
// never becomes one object graph. stream-json read 1.2 MB a second here and
// @streamparser/json 6; this reads 25 with the values built and 55 without.

export type PathSegment = string | number;
export type PathPattern = readonly PathSegment[];
/** In a pattern, matches any key or index. */
export const ANY = "*";

export type JsonItem = { pattern: number; path: PathSegment[]; value: unknown };

export type JsonItemsOptions = {
  /** Called for every object key outside the chosen values, with the path of its object. */
  onKey?: (path: PathSegment[], key: string) => void;
  /** A document cut off at the end of the bytes is not an error (for reading a file's head). */
  partial?: boolean;
};

const enum State {
  Value,
  FirstValue,
  After,
  FirstKey,
  Key,
  Colon,
  String,
  Escape,
  Unicode,
  Number,
  Literal,
  Done,
}

type Frame = { array: boolean; segment: PathSegment; index: number; mask: number };
type Capture = { start: number; depth: number; pattern: number; path: PathSegment[]; line: number; column: number };

const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c, COLON = 0x3a, NEWLINE = 0x0a;
const OPEN_OBJECT = 0x7b, CLOSE_OBJECT = 0x7d, OPEN_ARRAY = 0x5b, CLOSE_ARRAY = 0x5d;
const isSpace = (b: number) => b === 0x20 || b === NEWLINE || b === 0x0d || b === 0x09;
const isDelimiter = (b: number) => isSpace(b) || b === COMMA || b === CLOSE_ARRAY || b === CLOSE_OBJECT;
const isHex = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
// After a backslash: " \ / b f n r t u
const escapes = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74, 0x75]);
const MAX_DEPTH = 512;

const utf8 = new TextDecoder("utf-8", { fatal: true });
const latin1 = new TextDecoder("latin1");

/**
 * Yields the values at `patterns` in document order, each with the index of the pattern it
 * matched and its path from the root. Throws ScanSyntaxError with the line and column of the
 * first error. A pattern may not lie inside another's value (the outer one is built whole).
 */
export async function* jsonItems(chunks: AsyncIterable<Uint8Array>, patterns: readonly PathPattern[], options: JsonItemsOptions = {}): AsyncGenerator<JsonItem> {
  const scanner = new JsonScanner(patterns, options);
  for await (const chunk of chunks) yield* scanner.push(chunk);
  yield* scanner.end();
}

export class JsonScanner {
  private state = State.Value;
  private readonly frames: Frame[] = [];
  private readonly rootMask: number;
  // Bytes from the oldest one still needed (a chosen value's start, a key's or token's) to the end of the last chunk.
  private buf: Uint8Array = new Uint8Array(0);
  private older: { base: number; bytes: Uint8Array }[] = [];
  private base = 0;
  private pos = 0;
  line = 1;
  private lineStart = 0;
  private tokenStart = -1;
  private stringIsKey = false;
  private keyEscaped = false;
  private hexLeft = 0;
  private key = "";
  private capture: Capture | null = null;
  private out: JsonItem[] = [];

  constructor(
    private readonly patterns: readonly PathPattern[],
    private readonly options: JsonItemsOptions = {},
  ) {
    if (patterns.length > 30) throw new Error("At most 30 patterns.");
    this.rootMask = (2 ** patterns.length - 1) | 0;
  }

  *push(bytes: Uint8Array): Generator<JsonItem> {
    // Node's Buffers make every subarray a Buffer too, which costs; a plain view does not.
    const chunk = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const keepFrom = this.capture ? this.capture.start : this.tokenStart;
    // Chunks a chosen value (or a key) spans are kept as they are and joined once, when it
    // ends: joining on every chunk would copy a large value once per chunk.
    if (keepFrom >= 0) {
      this.older.push({ base: this.base, bytes: this.buf });
      this.older = this.older.filter((c) => c.base + c.bytes.length > keepFrom);
    } else this.older = [];
    this.base += this.buf.length;
    this.buf = chunk;
    // A byte order mark before the document is allowed.
    if (this.pos === 0 && this.base === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) this.pos = 3;
    this.scan();
    if (this.out.length) {
      const out = this.out;
      this.out = [];
      yield* out;
    }
  }

  *end(): Generator<JsonItem> {
    if (this.state === State.Number || this.state === State.Literal) this.endToken(this.pos);
    if (this.out.length) yield* this.out;
    this.out = [];
    if (this.state !== State.Done && !this.options.partial) {
      this.fail(this.base + this.buf.length === 0 ? "The file is empty." : "The JSON ends too early: a value, bracket or quote is missing.");
    }
  }

  /** The document's bytes from `from` to `to`, which may begin in a kept earlier chunk. */
  private bytes(from: number, to: number): Uint8Array {
    if (from >= this.base) return this.buf.subarray(from - this.base, to - this.base);
    const parts: Uint8Array[] = [];
    for (const chunk of [...this.older, { base: this.base, bytes: this.buf }]) {
      const start = Math.max(from, chunk.base) - chunk.base;
      const end = Math.min(to, chunk.base + chunk.bytes.length) - chunk.base;
      if (end > start) parts.push(chunk.bytes.subarray(start, end));
    }
    const out = new Uint8Array(to - from);
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }

  private fail(message: string): never {
    throw new ScanSyntaxError(message, this.line, this.pos - this.lineStart + 1);
  }

  private scan() {
    const buf = this.buf;
    const base = this.base;
    const length = buf.length;
    let i = this.pos - base;
    // Where the next backslash is, searched once per chunk stretch rather than once per string.
    let nextBackslash = -2;
    while (i < length) {
      const state = this.state;
      if (state === State.String) {
        // The hot path: most bytes of a scan report are inside strings.
        const quote = buf.indexOf(QUOTE, i);
        if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = buf.indexOf(BACKSLASH, i);
        const stop = quote < 0 ? length : quote;
        if (nextBackslash >= 0 && nextBackslash < stop) {
          if (this.stringIsKey) this.keyEscaped = true;
          i = nextBackslash + 1;
          this.state = State.Escape;
          continue;
        }
        if (quote < 0) {
          i = length;
          break;
        }
        this.pos = base + quote;
        this.endString();
        i = quote + 1;
        continue;
      }
      const b = buf[i]!;
      if (state === State.Escape) {
        this.pos = base + i;
        if (!escapes.has(b)) this.fail("Unknown escape in a string.");
        if (b === 0x75) {
          this.state = State.Unicode;
          this.hexLeft = 4;
        } else this.state = State.String;
        i++;
        continue;
      }
      if (state === State.Unicode) {
        this.pos = base + i;
        if (!isHex(b)) this.fail("\\u must be followed by four hex digits.");
        if (--this.hexLeft === 0) this.state = State.String;
        i++;
        continue;
      }
      if (state === State.Number || state === State.Literal) {
        if (isDelimiter(b)) {
          this.pos = base + i;
          this.endToken(base + i);
          continue; // the delimiter is read again in the After state
        }
        i++;
        continue;
      }
      if (b === 0x20 || b === 0x09 || b === 0x0d) {
        i++;
        continue;
      }
      if (b === NEWLINE) {
        this.line++;
        this.lineStart = base + i + 1;
        i++;
        continue;
      }
      this.pos = base + i;
      this.structure(b);
      i++;
    }
    this.pos = base + i;
  }

  private structure(b: number) {
    switch (this.state) {
      case State.FirstValue:
        if (b === CLOSE_ARRAY) return this.close(true);
        return this.startValue(b);
      case State.Value:
        return this.startValue(b);
      case State.FirstKey:
        if (b === CLOSE_OBJECT) return this.close(false);
        return this.startKey(b);
      case State.Key:
        return this.startKey(b);
      case State.Colon:
        if (b !== COLON) this.fail("Expected ':' after an object key.");
        this.state = State.Value;
        return;
      case State.After: {
        const frame = this.frames[this.frames.length - 1]!;
        if (b === COMMA) {
          if (frame.array) {
            frame.index++;
            this.state = State.Value;
          } else this.state = State.Key;
          return;
        }
        if (b === (frame.array ? CLOSE_ARRAY : CLOSE_OBJECT)) return this.close(frame.array);
        this.fail(frame.array ? "Expected ',' or ']' after an array element." : "Expected ',' or '}' after an object member.");
      }
      // falls through
      case State.Done:
        this.fail("Unexpected text after the end of the JSON document.");
    }
  }

  private startKey(b: number) {
    if (b !== QUOTE) this.fail(this.state === State.Key ? "Expected a quoted key after ','." : "Expected a quoted object key.");
    this.state = State.String;
    this.stringIsKey = true;
    this.keyEscaped = false;
    this.tokenStart = this.pos;
  }

  private path(): PathSegment[] {
    const path: PathSegment[] = [];
    for (let i = 1; i < this.frames.length; i++) path.push(this.frames[i]!.segment);
    return path;
  }

  private segment(): PathSegment | undefined {
    const frame = this.frames[this.frames.length - 1];
    if (!frame) return undefined;
    return frame.array ? frame.index : this.key;
  }

  /** Patterns that still match a value at `segment` inside the innermost container. */
  private maskFor(segment: PathSegment | undefined): number {
    const depth = this.frames.length;
    if (depth === 0) return this.rootMask;
    const parentMask = this.frames[depth - 1]!.mask;
    if (parentMask === 0) return 0;
    let mask = 0;
    for (let i = 0; i < this.patterns.length; i++) {
      if (!(parentMask & (1 << i))) continue;
      const pattern = this.patterns[i]!;
      if (pattern.length < depth) continue;
      const want = pattern[depth - 1];
      if (want === ANY || want === segment) mask |= 1 << i;
    }
    return mask;
  }

  private startValue(b: number) {
    const segment = this.segment();
    const mask = this.capture ? 0 : this.maskFor(segment);
    if (mask) {
      const depth = this.frames.length;
      const pattern = this.patterns.findIndex((p, i) => mask & (1 << i) && p.length === depth);
      if (pattern >= 0) {
        this.capture = { start: this.pos, depth, pattern, path: depth ? [...this.path(), segment!] : [], line: this.line, column: this.pos - this.lineStart + 1 };
      }
    }
    if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
      if (this.frames.length >= MAX_DEPTH) this.fail(`The JSON nests deeper than ${MAX_DEPTH} levels.`);
      const array = b === OPEN_ARRAY;
      this.frames.push({ array, segment: segment ?? "", index: 0, mask });
      this.state = array ? State.FirstValue : State.FirstKey;
      return;
    }
    if (b === QUOTE) {
      this.state = State.String;
      this.stringIsKey = false;
      return;
    }
    if (b === 0x2d || (b >= 0x30 && b <= 0x39)) this.state = State.Number;
    else if (b === 0x74 || b === 0x66 || b === 0x6e) this.state = State.Literal;
    else this.fail(b === CLOSE_ARRAY || b === CLOSE_OBJECT ? "A comma before a closing bracket leaves an empty value." : "Expected a value: an object, array, string, number, true, false or null.");
    this.tokenStart = this.pos;
  }

  private endString() {
    if (!this.stringIsKey) {
      this.state = State.After;
      return this.afterValue(this.pos + 1);
    }
    // Keys matter only where a pattern or the key listener still looks.
    if (!this.capture && (this.options.onKey || this.frames[this.frames.length - 1]!.mask)) {
      const bytes = this.bytes(this.tokenStart, this.pos + 1);
      this.key = this.keyEscaped ? (JSON.parse(decode(bytes, this)) as string) : decodePlain(bytes.subarray(1, -1), this);
      this.options.onKey?.(this.path(), this.key);
    }
    this.tokenStart = -1;
    this.state = State.Colon;
  }

  private endToken(endPos: number) {
    const bytes = this.bytes(this.tokenStart, endPos);
    const valid = this.state === State.Number ? isNumber(bytes) : isLiteral(bytes);
    if (!valid) {
      this.pos = this.tokenStart;
      this.fail(`"${latin1.decode(bytes.subarray(0, 20))}" is not a JSON value.`);
    }
    this.tokenStart = -1;
    this.state = State.After;
    this.afterValue(endPos);
  }

  private close(array: boolean) {
    const frame = this.frames.pop()!;
    if (frame.array !== array) this.fail("Mismatched bracket.");
    this.state = State.After;
    this.afterValue(this.pos + 1);
  }

  /** A value ended just before `endPos`: emit it if it was chosen; the document may be done. */
  private afterValue(endPos: number) {
    const capture = this.capture;
    if (capture && this.frames.length === capture.depth) {
      const text = decode(this.bytes(capture.start, endPos), capture);
      this.out.push({ pattern: capture.pattern, path: capture.path, value: parseChosen(text, capture) });
      this.capture = null;
    }
    if (this.frames.length === 0) this.state = State.Done;
  }
}

function decode(bytes: Uint8Array, at: { line: number; column?: number }): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ScanSyntaxError("The file is not valid UTF-8.", at.line, at.column ?? 1);
  }
}

/**
 * The scan does not look at every byte of a string, so a raw control character in one reaches
 * JSON.parse, which finds it; it is reported where the value starts.
 */
function parseChosen(text: string, at: Capture): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message.replace(/ in JSON at position \d+.*$/, "").replace(/, ".*" is not valid JSON$/, "");
    throw new ScanSyntaxError(`In the value that starts here: ${reason}.`, at.line, at.column);
  }
}

function decodePlain(bytes: Uint8Array, at: { line: number }): string {
  for (const b of bytes) if (b >= 0x80) return decode(bytes, at);
  return latin1.decode(bytes);
}

const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;

/** -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
function isNumber(bytes: Uint8Array): boolean {
  let i = 0;
  if (bytes[i] === 0x2d) i++;
  if (bytes[i] === 0x30) i++;
  else if (isDigit(bytes[i])) while (isDigit(bytes[i])) i++;
  else return false;
  if (bytes[i] === 0x2e) {
    i++;
    if (!isDigit(bytes[i])) return false;
    while (isDigit(bytes[i])) i++;
  }
  if (bytes[i] === 0x65 || bytes[i] === 0x45) {
    i++;
    if (bytes[i] === 0x2b || bytes[i] === 0x2d) i++;
    if (!isDigit(bytes[i])) return false;
    while (isDigit(bytes[i])) i++;
  }
  return i === bytes.length;
}

const literals = ["true", "false", "null"].map((word) => Uint8Array.from(word, (c) => c.charCodeAt(0)));

function isLiteral(bytes: Uint8Array): boolean {
  return literals.some((word) => word.length === bytes.length && word.every((b, i) => bytes[i] === b));
}
