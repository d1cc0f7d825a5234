import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeParsers } from "@/lib/ingest/parsers/code-scan-testing";
import { ScanShapeError, ScanSyntaxError } from "@/lib/ingest/scan-errors";
import { scanSourceFromBytes } from "@/lib/ingest/scan-source";
import type { ScanParser } from "@/lib/ingest/scan-types";

// Damaged reports (cut off anywhere, one byte changed) are read or refused with a position or a
// shape error, never a TypeError from a field that was not there.

const root = "tests/fixtures/scans";

async function fixtures(): Promise<{ parser: ScanParser; name: string; bytes: Uint8Array }[]> {
  const all = await Promise.all(
    codeParsers.map(async (parser) => {
      const names = await readdir(path.join(root, parser.format));
      return Promise.all(names.map(async (name) => ({ parser, name: `${parser.format}/${name}`, bytes: new Uint8Array(await readFile(path.join(root, parser.format, name))) })));
    }),
  );
  return all.flat();
}

type Container = Record<string, unknown> | unknown[];

/** Every (container, key) in a JSON value, to replace one of them. */
function containers(value: unknown, out: [Container, string | number][] = []): [Container, string | number][] {
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : typeof value === "object" && value !== null ? Object.entries(value) : [];
  for (const [key, item] of entries) {
    out.push([value as Container, key]);
    containers(item, out);
  }
  return out;
}

async function outcome(parser: ScanParser, bytes: Uint8Array): Promise<string> {
  try {
    for await (const record of parser.parse(scanSourceFromBytes("damaged", bytes))) void record;
    return "read";
  } catch (error) {
    if (error instanceof ScanSyntaxError || error instanceof ScanShapeError) return "refused";
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

describe("code, secret, IaC and DAST parsers on damaged reports", () => {
  it("read or refuse a report cut off or with one byte changed", async () => {
    const files = await fixtures();
    const damage = fc.record({
      file: fc.integer({ min: 0, max: files.length - 1 }),
      cut: fc.double({ min: 0, max: 1, noNaN: true }),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      byte: fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(...Buffer.from('"{}[],:0n \\'))),
      truncate: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(damage, async ({ file, cut, at, byte, truncate }) => {
        const { parser, name, bytes } = files[file]!;
        const damaged = bytes.slice(0, truncate ? Math.floor(bytes.length * cut) : bytes.length);
        if (!truncate && damaged.length) damaged[Math.min(damaged.length - 1, Math.floor(damaged.length * at))] = byte;
        expect({ name, outcome: await outcome(parser, damaged) }).toEqual({ name, outcome: expect.stringMatching(/^(read|refused)$/) });
      }),
      { numRuns: 120 },
    );
  });

  it("read or refuse a report where one value has another type or is missing", async () => {
    // Well-formed JSON reports (JSON lines are covered by the byte damage above).
    const documents = (await fixtures()).flatMap(({ parser, name, bytes }) => {
      try {
        return [{ parser, name, value: JSON.parse(new TextDecoder().decode(bytes)) as unknown }];
      } catch {
        return [];
      }
    });
    const change = fc.record({ file: fc.integer({ min: 0, max: documents.length - 1 }), node: fc.nat(), replacement: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined)) });
    await fc.assert(
      fc.asyncProperty(change, async ({ file, node, replacement }) => {
        const { parser, name, value } = documents[file]!;
        const changed = structuredClone(value);
        const slots = containers(changed);
        if (slots.length) {
          const [container, key] = slots[node % slots.length]!;
          if (replacement === undefined && !Array.isArray(container)) delete container[key as string];
          else (container as Record<string | number, unknown>)[key] = replacement ?? null;
        }
        const bytes = new TextEncoder().encode(JSON.stringify(changed) ?? "null");
        expect({ name, outcome: await outcome(parser, bytes) }).toEqual({ name, outcome: expect.stringMatching(/^(read|refused)$/) });
      }),
      { numRuns: 120 },
    );
  });
});
