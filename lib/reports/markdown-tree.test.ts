import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { toString } from "mdast-util-to-string";
import { describe, expect, it } from "vitest";
import { readBlocks, splitAtHeadings } from "@/lib/reports/markdown-tree";
import { repairMojibake } from "@/lib/reports/repair-mojibake";

const files = [
  ...readdirSync("lib/seed/reports").filter((f) => f.endsWith(".txt")).map((f) => path.join("lib/seed/reports", f)),
  ...readdirSync("tests/fixtures/reports").filter((f) => f.endsWith(".md")).map((f) => path.join("tests/fixtures/reports", f)),
];
const shape = (markdown: string, chunkChars: number) =>
  readBlocks(markdown, { chunkChars }).map((b) => ({ type: b.node.type, text: toString(b.node), path: b.path.map((h) => h.text) }));

describe("readBlocks in pieces", () => {
  it.each(files)("%s reads the same in 2 kB pieces as whole", (file) => {
    const markdown = repairMojibake(readFileSync(file, "utf8")).text;
    expect(shape(markdown, 2_000)).toEqual(shape(markdown, Infinity));
  });

  it("never cuts inside a code fence, and cuts only before a heading after a blank line", () => {
    const markdown = ["# A", "", "text", "", "```md", "", "## not a cut", "```", "", "## B", "more", "## C", "", "## D"].join("\n");
    expect(splitAtHeadings(markdown, 1)).toEqual(["# A\n\ntext\n\n```md\n\n## not a cut\n```\n", "## B\nmore\n## C\n", "## D"]);
  });
});
