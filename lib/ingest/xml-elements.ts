import { SaxesParser, type SaxesTagPlain } from "saxes";
import { ScanSyntaxError } from "@/lib/ingest/scan-errors";

// Streaming XML: the chosen elements (JUnit's testcase, Dependency-Check's dependency) built one
// at a time as small trees, with their ancestors' attributes, from a file of any size. saxes
// expands only XML's five named entities and character references and never fetches a DTD. A
// DOCTYPE with an internal subset, where entity bombs and external entities are declared, is
// refused; one that only names an external DTD (c8's Cobertura output does) declares nothing.

export type XmlElement = { name: string; attributes: Record<string, string>; children: XmlElement[]; text: string };
export type XmlAncestor = { name: string; attributes: Record<string, string> };
export type XmlItem = { path: string[]; element: XmlElement; ancestors: XmlAncestor[] };

/** Names without their namespace prefix: `<cdx:bom>` and `<bom xmlns=…>` are both "bom". */
const localName = (name: string) => name.slice(name.indexOf(":") + 1);

const encodings = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

/** The text decoder a file's prolog asks for; UTF-8 when it names none. */
function decoderFor(head: Uint8Array): TextDecoder {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder("utf-16le");
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder("utf-16be");
  const label = encodings.exec(new TextDecoder("latin1").decode(head.subarray(0, 200)))?.[1] ?? "utf-8";
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    throw new ScanSyntaxError(`The XML declares the encoding "${label}", which is not supported.`, 1, 1);
  }
}

/**
 * Yields every element whose path (local names from the root, e.g. ["testsuites", "testsuite",
 * "testcase"]) `select` accepts, in document order, with the text and children inside it. An
 * element inside a chosen one is part of it, not yielded on its own.
 */
export async function* xmlElements(chunks: AsyncIterable<Uint8Array>, select: (path: readonly string[]) => boolean): AsyncGenerator<XmlItem> {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const path: string[] = [];
  const ancestors: XmlAncestor[] = [];
  // The chosen element being built, innermost last.
  const open: XmlElement[] = [];
  let out: XmlItem[] = [];
  let failure: ScanSyntaxError | null = null;
  let sawRoot = false;

  const fail = (reason: string) => {
    failure ??= new ScanSyntaxError(reason, parser.line, parser.column + 1);
  };
  parser.on("error", (error) => fail(error.message.replace(/^[^:]*:\d+:\d+: /, "")));
  parser.on("doctype", (doctype) => {
    if (doctype.includes("[")) fail("XML with a DOCTYPE that declares entities is refused: they can expand without end or read other files.");
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    sawRoot = true;
    const name = localName(tag.name);
    path.push(name);
    if (open.length || select(path)) {
      const element: XmlElement = { name, attributes: tag.attributes, children: [], text: "" };
      open.at(-1)?.children.push(element);
      open.push(element);
    } else ancestors.push({ name, attributes: tag.attributes });
  });
  parser.on("text", (text) => {
    const element = open.at(-1);
    if (element) element.text += text;
  });
  parser.on("cdata", (text) => {
    const element = open.at(-1);
    if (element) element.text += text;
  });
  parser.on("closetag", () => {
    if (open.length) {
      const element = open.pop()!;
      if (!open.length) out.push({ path: [...path], element, ancestors: [...ancestors] });
    } else ancestors.pop();
    path.pop();
  });

  let decoder: TextDecoder | null = null;
  // The prolog names the encoding, so the first bytes wait until there are enough to read it.
  let waiting: Uint8Array[] = [];
  let waited = 0;
  const feed = (chunk: Uint8Array) => {
    try {
      parser.write(decoder!.decode(chunk, { stream: true }));
    } catch (error) {
      if (error instanceof ScanSyntaxError) throw error;
      throw new ScanSyntaxError(`The file is not valid ${decoder!.encoding}.`, parser.line, parser.column + 1);
    }
  };
  for await (const chunk of chunks) {
    if (!decoder) {
      waiting.push(chunk);
      waited += chunk.byteLength;
      if (waited < 256) continue;
      const head = concat(waiting);
      waiting = [];
      decoder = decoderFor(head);
      feed(head);
    } else feed(chunk);
    if (failure) throw failure;
    if (out.length) {
      yield* out;
      out = [];
    }
  }
  if (!decoder) {
    const head = concat(waiting);
    decoder = decoderFor(head);
    feed(head);
  }
  try {
    parser.write(decoder.decode());
  } catch {
    throw new ScanSyntaxError(`The file is not valid ${decoder.encoding}.`, parser.line, parser.column + 1);
  }
  parser.close();
  if (failure) throw failure;
  if (!sawRoot) throw new ScanSyntaxError("The file holds no XML element.", parser.line, parser.column + 1);
  yield* out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
