import { ANY, JsonScanner, type PathSegment } from "@/lib/ingest/json-items";
import type { ScanSource, Sniff } from "@/lib/ingest/scan-types";

// A look at a file's first 256 KB: JSON (which keys, how deep), JSON lines, XML (which root
// element) or text. Formats are told apart by this, never by the file's name.

const HEAD_BYTES = 256 * 1024;
const MAX_KEY_DEPTH = 5;

async function readHead(source: ScanSource): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source.open()) {
    parts.push(chunk);
    size += chunk.byteLength;
    if (size >= HEAD_BYTES) break;
  }
  const head = new Uint8Array(Math.min(size, HEAD_BYTES));
  let at = 0;
  for (const part of parts) {
    const take = part.subarray(0, head.length - at);
    head.set(take, at);
    at += take.length;
    if (at >= head.length) break;
  }
  return head;
}

/** Key paths of a JSON document's head, and where its syntax breaks if it does. */
function jsonKeys(head: Uint8Array): { root: "object" | "array"; keys: Set<string>; error: string | null } {
  const keys = new Set<string>();
  const scanner = new JsonScanner([], {
    partial: true,
    onKey: (path: PathSegment[], key: string) => {
      if (path.length >= MAX_KEY_DEPTH) return;
      keys.add([...path.map((s) => (typeof s === "number" ? ANY : s)), key].join("."));
    },
  });
  let error: string | null = null;
  try {
    // No patterns, so nothing is yielded: the scan only reports keys.
    Array.from(scanner.push(head));
    Array.from(scanner.end());
  } catch (e) {
    error = (e as Error).message;
  }
  const first = new TextDecoder().decode(head.subarray(0, 64)).replace(/^\uFEFF/, "").trimStart()[0];
  return { root: first === "[" ? "array" : "object", keys, error };
}

function xmlRoot(text: string): Sniff["xmlRoot"] {
  // Skip the prolog, comments, processing instructions and a DOCTYPE to the first element.
  const body = text.replace(/^\uFEFF/, "").replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?>/g, "");
  const tag = /^\s*<([A-Za-z_][\w.:-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/.exec(body);
  if (!tag) return null;
  const attributes: Record<string, string> = {};
  for (const [, name, dq, sq] of tag[2]!.matchAll(/([^\s=>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attributes[name!] = dq ?? sq ?? "";
  return { name: tag[1]!.slice(tag[1]!.indexOf(":") + 1), attributes };
}

export async function sniffScan(source: ScanSource): Promise<Sniff> {
  const bytes = await readHead(source);
  const head = new TextDecoder("utf-8").decode(bytes);
  const base = { fileName: source.fileName, head, root: null, keys: new Set<string>(), xmlRoot: null, error: null };
  const start = head.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("{") || start.startsWith("[")) {
    const json = jsonKeys(bytes);
    if (!json.error) return { ...base, syntax: "json", ...json };
    // Several objects, one a line: read the first line's.
    const firstLine = start.split(/\r?\n/, 1)[0]!;
    const line = jsonKeys(new TextEncoder().encode(firstLine));
    if (!line.error && line.root === "object" && start.slice(firstLine.length).trimStart().startsWith("{")) return { ...base, syntax: "jsonl", ...line };
    return { ...base, syntax: "json", ...json };
  }
  if (start.startsWith("<")) {
    const root = xmlRoot(head);
    if (root) return { ...base, syntax: "xml", xmlRoot: root };
  }
  return { ...base, syntax: "text" };
}
