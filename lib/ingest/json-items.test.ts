import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ANY, jsonItems, type PathPattern, type PathSegment } from "@/lib/ingest/json-items";
import { ScanSyntaxError } from "@/lib/ingest/scan-errors";

const encoder = new TextEncoder();

async function* inChunks(text: string | Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === "string" ? encoder.encode(text) : text;
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = Math.max(1, sizes.length ? sizes[i % sizes.length]! : bytes.length);
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

async function collect(text: string | Uint8Array, patterns: PathPattern[], sizes: number[] = []) {
  const out: { pattern: number; path: PathSegment[]; value: unknown }[] = [];
  for await (const item of jsonItems(inChunks(text, sizes), patterns)) out.push(item);
  return out;
}

/** What jsonItems must find: a walk of the parsed document in the order its text lists values. */
function expected(value: unknown, patterns: PathPattern[], path: PathSegment[] = []): { pattern: number; path: PathSegment[]; value: unknown }[] {
  const matches = (p: PathPattern, full: boolean) => (full ? p.length === path.length : p.length > path.length) && path.every((s, i) => p[i] === ANY || p[i] === s);
  const hit = patterns.findIndex((p) => matches(p, true));
  if (hit >= 0) return [{ pattern: hit, path, value }];
  if (!patterns.some((p) => matches(p, false)) || value === null || typeof value !== "object") return [];
  const entries: [PathSegment, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([segment, child]) => expected(child, patterns, [...path, segment]));
}

const patternArb = fc.array(fc.oneof(fc.constant(ANY), fc.constantFrom("a", "b", "runs", "results"), fc.nat(3)), { maxLength: 3 });
// Object.entries orders integer-like keys first; keep keys that JSON keeps in written order.
const key = fc.string({ maxLength: 6 }).filter((k) => !/^\d+$/.test(k));
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: "small" }, fc.jsonValue({ maxDepth: 0 }), fc.array(tie("tree"), { maxLength: 4 }), fc.dictionary(key, tie("tree"), { maxKeys: 4 })),
}));

describe("jsonItems", () => {
  it("finds exactly what a walk of JSON.parse's result finds, however the bytes are cut", async () => {
    await fc.assert(
      fc.asyncProperty(tree, fc.array(patternArb, { minLength: 1, maxLength: 3 }), fc.constantFrom(0, 2), fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 4 }), async (value, patterns, indent, sizes) => {
        const text = JSON.stringify(value, null, indent);
        const nonNested = patterns.filter((p, i) => !patterns.some((q, j) => j !== i && q.length < p.length && q.every((s, k) => s === ANY || p[k] === ANY || s === p[k])));
        expect(await collect(text, nonNested, sizes)).toEqual(expected(JSON.parse(text), nonNested));
      }),
      { numRuns: 400 },
    );
  });

  it("reads SARIF-shaped results one by one, with their paths", async () => {
    const text = JSON.stringify({ version: "2.1.0", runs: [{ tool: { driver: { name: "x" } }, results: [{ ruleId: "a" }, { ruleId: "b" }] }, { results: [] }] });
    expect(await collect(text, [["runs", ANY, "results", ANY], ["runs", ANY, "tool"]])).toEqual([
      { pattern: 1, path: ["runs", 0, "tool"], value: { driver: { name: "x" } } },
      { pattern: 0, path: ["runs", 0, "results", 0], value: { ruleId: "a" } },
      { pattern: 0, path: ["runs", 0, "results", 1], value: { ruleId: "b" } },
    ]);
  });

  it("decodes escaped keys and UTF-8 split across chunks", async () => {
    const text = '{"r\\u0065sults": [{"t": "café ☕ 🔴"}]}';
    expect(await collect(text, [["results", ANY]], [1])).toEqual([{ pattern: 0, path: ["results", 0], value: { t: "café ☕ 🔴" } }]);
  });

  it("skips a byte order mark", async () => {
    expect(await collect(`\uFEFF{"a": 1}`, [["a"]])).toEqual([{ pattern: 0, path: ["a"], value: 1 }]);
  });

  it.each([
    ['{"a": 1,}', 1, 9, "Expected a quoted key"],
    ['{"a": 1\n  "b": 2}', 2, 3, "Expected ',' or '}'"],
    ["[1, 2", 1, 6, "ends too early"],
    ['{"a": tru}', 1, 7, "is not a JSON value"],
    ['{"a": "x\ty"}', 1, 7, "control character"],
    ['{"a": "\\q"}', 1, 9, "Unknown escape"],
    ["[1] [2]", 1, 5, "after the end"],
    ["", 1, 1, "empty"],
    ['{"a": 01}', 1, 7, "is not a JSON value"],
  ])("says where %j stops being JSON", async (text, line, column, reason) => {
    const error = await collect(text, [["a"]]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScanSyntaxError);
    expect(error).toMatchObject({ line, column });
    expect((error as Error).message).toContain(reason);
  });

  it("refuses invalid UTF-8 in a chosen value", async () => {
    const bytes = Uint8Array.from([...encoder.encode('{"a": "'), 0xff, ...encoder.encode('"}')]);
    await expect(collect(bytes, [["a"]])).rejects.toThrow(/not valid UTF-8/);
  });

  it("only ever fails with a ScanSyntaxError on cut or damaged documents", async () => {
    await fc.assert(
      fc.asyncProperty(tree, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 255 }), async (value, cut, at, byte) => {
        const bytes = encoder.encode(JSON.stringify({ a: value }, null, 1));
        const damaged = Uint8Array.from(bytes.subarray(0, cut % (bytes.length + 1)));
        if (damaged.length) damaged[at % damaged.length] = byte;
        const result = await collect(damaged, [["a"], ["a", ANY]]).catch((e: unknown) => e);
        if (result instanceof Error) expect(result).toBeInstanceOf(ScanSyntaxError);
      }),
      { numRuns: 400 },
    );
  });
});
