import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Node } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { readMarkdown } from "@/lib/reports/read-markdown";
import { repairMojibake } from "@/lib/reports/repair-mojibake";

// The report reader builds remark's tree with markdown-it, for speed. remark-gfm is the
// reference: on every real report the two trees must be the same, node for node.

const remark = unified().use(remarkParse).use(remarkGfm);

function withoutPositions(node: Node): Node {
  const rest = { ...node } as Node & { children?: Node[] };
  delete rest.position;
  delete rest.data;
  if (rest.children) rest.children = rest.children.map(withoutPositions);
  return rest;
}
const remarkTree = (markdown: string) => withoutPositions(remark.parse(markdown));

const reports = [
  ...readdirSync("lib/seed/reports").filter((f) => f.endsWith(".txt")).map((f) => path.join("lib/seed/reports", f)),
  ...readdirSync("tests/fixtures/reports").filter((f) => f.endsWith(".md")).map((f) => path.join("tests/fixtures/reports", f)),
];

describe("readMarkdown builds remark-gfm's tree", () => {
  it.each(reports)("%s", (file) => {
    const markdown = repairMojibake(readFileSync(file, "utf8").replace(/\r\n?/g, "\n")).text;
    expect(readMarkdown(markdown)).toEqual(remarkTree(markdown));
  });

  it.each([
    ["task items", "- [ ] open\n- [x] done\n- [X] Done\n- [ ]\n- [x]text\n- [ ]\tTab"],
    ["a task item with a second paragraph", "* [ ] task\n\n  more\n* [x] other"],
    ["setext headings", "Title\n=====\n\nSub\n---\n"],
    ["quotes, HTML, entities and escapes", "> quote\n> - [ ] task in quote\n\n<div>\nhtml\n</div>\n\ntext <b>x</b> &amp; &copy; \\* end"],
    ["tight and loose lists", "1. one\n2. two\n\n   para\n3. three\n\n- a\n  - b\n\n  - c\n- d"],
    ["items apart with nested lists", "1. one\n\n2. two\n   - nested\n\n3. three"],
    ["autolinks", "www.example.com/path?q=1, https://x.io/a?b=1. and mail@example.com, not config.ts"],
    ["strikethrough and emphasis", "~~strike~~ **bold _em_**"],
    ["hard breaks", "a  \nb\\\nc"],
    ["fenced, indented and unclosed code", "```ts title=x\ncode\n```\n\n    indented\n\n~~~\nunclosed"],
    ["a table under a paragraph line", "text\n| a | b |\n|---|:-:|\n| 1 | `x \\| y` |"],
    ["images and links", "![alt *x*](img.png \"t\") [link](<u r l> 'ti') [file](file:///D:/a%20b/x.sql#L1)"],
    ["footnotes", "Footnote[^b].\n\n[^b]: other\n\n## After"],
  ])("%s", (_name, markdown) => {
    expect(readMarkdown(markdown)).toEqual(remarkTree(markdown));
  });
});

describe("where readMarkdown differs from remark-gfm, on purpose or by markdown-it's rules", () => {
  it("gives every table row the header's cells, as GFM renders it (remark keeps them as written)", () => {
    const cells = (markdown: string) => (readMarkdown(markdown).children[0] as { children: { children: unknown[] }[] }).children.map((r) => r.children.length);
    expect(cells("| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |")).toEqual([2, 2, 2]);
  });

  it("resolves reference links into links and keeps no definitions", () => {
    expect(readMarkdown("[ref]\n\n[ref]: http://x.io").children).toEqual([
      { type: "paragraph", children: [{ type: "link", title: null, url: "http://x.io", children: [{ type: "text", value: "ref" }] }] },
    ]);
  });

  it("reads a single tilde as text", () => {
    expect(readMarkdown("~one~").children).toEqual([{ type: "paragraph", children: [{ type: "text", value: "~one~" }] }]);
  });
});
