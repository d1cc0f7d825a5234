import type { Blockquote, Code, FootnoteDefinition, Heading, List, ListItem, Parent, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from "mdast";
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import footnotes from "markdown-it-footnote";

// Markdown in, an mdast tree (remark's syntax tree) out. The extractors read mdast; it is built
// here from markdown-it's tokens because remark's tokenizer reads about 0.25 MB a second on a
// CI core (a 1 MB report took 4–5 s, growing faster than its length) where markdown-it reads
// the same megabyte in about 0.3 s. Both follow CommonMark and GFM (tables, task lists,
// strikethrough, autolinks, footnotes); read-markdown.test.ts checks that they build the same
// tree from every real report. Positions are left out: nothing reads them.

const markdownIt = new MarkdownIt({ html: true, linkify: true }).use(footnotes);
// Footnote definitions stay where they are written, as in remark, so they keep their section.
markdownIt.core.ruler.disable("footnote_tail");
// "^[…]" inline footnotes are not GFM.
markdownIt.inline.ruler.disable("footnote_inline");
// Nothing is rendered, so link targets are kept as written (file:// links too).
markdownIt.validateLink = () => true;
markdownIt.normalizeLink = (url) => url;
// GFM links "www." hosts without a scheme; bare names ("config.ts") stay text.
markdownIt.linkify.set({ fuzzyLink: false });
let wwwTail: RegExp | undefined;
markdownIt.linkify.add("www.", {
  validate(text, pos, self) {
    // linkify-it keeps the sources of its patterns as strings beside the compiled ones.
    const source = self.re as unknown as Record<string, string>;
    wwwTail ??= new RegExp(`^${source.src_host_port_strict}${source.src_path}`, "i");
    return wwwTail.exec(text.slice(pos))?.[0].length ?? 0;
  },
  normalize(match) {
    match.url = `http://${match.url}`;
  },
});

type Open = { node: Parent; close: string; lastLine?: number };

const identifier = (label: string) => label.replace(/[\t\n\r ]+/g, " ").trim().toLowerCase();

const blockOpeners: Record<string, (token: Token) => Parent> = {
  paragraph_open: () => ({ type: "paragraph", children: [] }) as Parent,
  heading_open: (t) => ({ type: "heading", depth: Number(t.tag.slice(1)) as Heading["depth"], children: [] }) as Parent,
  blockquote_open: () => ({ type: "blockquote", children: [] }) as Blockquote,
  bullet_list_open: () => ({ type: "list", ordered: false, start: null, spread: false, children: [] }) as List,
  ordered_list_open: (t) => ({ type: "list", ordered: true, start: Number(t.attrGet("start") ?? 1), spread: false, children: [] }) as List,
  list_item_open: () => ({ type: "listItem", spread: false, checked: null, children: [] }) as ListItem,
  table_open: () => ({ type: "table", align: [], children: [] }) as Table,
  tr_open: () => ({ type: "tableRow", children: [] }) as TableRow,
  th_open: () => ({ type: "tableCell", children: [] }) as TableCell,
  td_open: () => ({ type: "tableCell", children: [] }) as TableCell,
  footnote_reference_open: (t) =>
    ({ type: "footnoteDefinition", identifier: identifier(t.meta.label), label: t.meta.label, children: [] }) as FootnoteDefinition,
};

const inlineOpeners: Record<string, (token: Token) => Parent> = {
  strong_open: () => ({ type: "strong", children: [] }) as Parent,
  em_open: () => ({ type: "emphasis", children: [] }) as Parent,
  s_open: () => ({ type: "delete", children: [] }) as Parent,
  link_open: (t) => ({ type: "link", title: t.attrGet("title"), url: t.attrGet("href") ?? "", children: [] }) as Parent,
};

const closerOf = (type: string) => type.replace(/_open$/, "_close");

/** Adds text, merged into the text before it as remark does ("a\nb" is one node). */
function pushText(parent: Parent, value: string) {
  if (!value) return;
  const last = parent.children.at(-1);
  if (last?.type === "text") last.value += value;
  else parent.children.push({ type: "text", value });
}

/** An image's alt is the plain text of its description, as remark makes it. */
const plainText = (tokens: Token[]): string =>
  tokens.map((t) => (t.type === "softbreak" ? "\n" : t.type === "image" ? plainText(t.children ?? []) : t.type === "text" || t.type === "code_inline" ? t.content : "")).join("");

function readInline(tokens: Token[], into: Parent) {
  const stack: Open[] = [{ node: into, close: "" }];
  for (const token of tokens) {
    const top = stack.at(-1)!;
    const opener = inlineOpeners[token.type];
    if (opener) {
      const node = opener(token);
      top.node.children.push(node as PhrasingContent);
      stack.push({ node, close: closerOf(token.type) });
      continue;
    }
    if (token.type === top.close) {
      stack.pop();
      continue;
    }
    const parent = top.node;
    switch (token.type) {
      case "text":
        pushText(parent, token.content);
        break;
      case "softbreak":
        pushText(parent, "\n");
        break;
      case "hardbreak":
        parent.children.push({ type: "break" });
        break;
      case "code_inline":
        parent.children.push({ type: "inlineCode", value: token.content });
        break;
      case "html_inline":
        parent.children.push({ type: "html", value: token.content });
        break;
      case "image":
        parent.children.push({ type: "image", title: token.attrGet("title"), url: token.attrGet("src") ?? "", alt: plainText(token.children ?? []) });
        break;
      case "footnote_ref":
        parent.children.push({ type: "footnoteReference", identifier: identifier(token.meta.label), label: token.meta.label });
        break;
    }
  }
}

function alignOf(token: Token): "left" | "right" | "center" | null {
  const style = /text-align:\s*(left|right|center)/.exec(token.attrGet("style") ?? "");
  return (style?.[1] as "left" | "right" | "center" | undefined) ?? null;
}

function codeNode(token: Token): Code {
  const [lang = "", ...meta] = token.info.trim().split(/\s+/);
  return { type: "code", lang: lang || null, meta: meta.join(" ") || null, value: token.content.replace(/\n$/, "") };
}

/** GFM task items: "[ ] " or "[x] " opening an item's first paragraph. */
function readTaskMarker(item: ListItem) {
  const paragraph = item.children[0];
  if (paragraph?.type !== "paragraph") return;
  const first = paragraph.children[0];
  if (first?.type !== "text") return;
  const marker = /^\[([ \t]|[xX])\](?:[ \t]+|(?=\n))/.exec(first.value);
  if (!marker) return;
  item.checked = marker[1] === "x" || marker[1] === "X";
  first.value = first.value.slice(marker[0].length).replace(/^\n/, "");
  if (!first.value) paragraph.children.shift();
}

/**
 * Tracks blank lines between blocks, which is what mdast's `spread` records: an item whose
 * children are apart by a blank line, a list whose items are.
 */
function blockAt(open: Open, [start, end]: [number, number]) {
  if (open.node.type !== "listItem" && open.node.type !== "list") return;
  if (open.lastLine !== undefined && start > open.lastLine) (open.node as List | ListItem).spread = true;
  open.lastLine = end;
}

export function readMarkdown(markdown: string): Root {
  const root: Root = { type: "root", children: [] };
  const stack: Open[] = [{ node: root, close: "" }];
  for (const token of markdownIt.parse(markdown, {})) {
    const top = stack.at(-1)!;
    const opener = blockOpeners[token.type];
    if (opener) {
      const node = opener(token);
      if (token.map) blockAt(top, token.map);
      top.node.children.push(node as RootContent);
      stack.push({ node, close: closerOf(token.type) });
      if (token.type === "th_open") (stack.at(-3)!.node as Table).align!.push(alignOf(token));
      continue;
    }
    if (token.type === top.close) {
      stack.pop();
      if (token.type === "list_item_close") readTaskMarker(top.node as ListItem);
      // A list or item ends where its last child ends, not after the blank lines that follow.
      if (top.lastLine !== undefined) stack.at(-1)!.lastLine = top.lastLine;
      continue;
    }
    if (token.map && token.block) blockAt(top, token.map);
    switch (token.type) {
      case "inline":
        readInline(token.children ?? [], top.node);
        break;
      case "fence":
      case "code_block":
        top.node.children.push(codeNode(token));
        break;
      case "html_block":
        top.node.children.push({ type: "html", value: token.content.replace(/\n$/, "") });
        break;
      case "hr":
        top.node.children.push({ type: "thematicBreak" });
        break;
    }
  }
  return root;
}
