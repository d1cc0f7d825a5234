import type { Heading, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

// A report as a flat run of blocks, each knowing the headings it sits under. Extractors read
// this instead of walking the tree themselves: "which section am I in" is the question every
// rule asks.

export type SectionHeading = { depth: number; text: string; node: Heading };

export type Block = {
  node: RootContent;
  /** Enclosing headings, outermost first; a heading block's own heading is not in it. */
  path: SectionHeading[];
};

const processor = unified().use(remarkParse).use(remarkGfm);

const isMarkdownFence = (node: RootContent) => node.type === "code" && /^(markdown|md)$/i.test(node.lang ?? "");

export function headingText(node: Heading): string {
  return toString(node).replace(/\s+/g, " ").trim();
}

/**
 * Parses Markdown into blocks. Fenced blocks tagged markdown/md are parsed too and their
 * headings nested under the section holding the fence, so a checklist kept in a fence (seed
 * 000's roadmap) belongs to the phase that contains it.
 */
export function readBlocks(markdown: string, options: { chunkChars?: number } = {}): Block[] {
  const children = splitAtHeadings(markdown, options.chunkChars ?? 4_000).flatMap((chunk) => processor.parse(chunk).children);
  const blocks: Block[] = [];
  walk({ type: "root", children }, [], 0, blocks);
  return blocks;
}

const fence = /^ {0,3}(`{3,}|~{3,})/;
// Not indented: an indented heading may belong to the list item above it.
const atxHeading = /^#{1,6}(?:\s|$)/;

/**
 * The Markdown tokenizer's time grows with the square of a document's length (a 400 kB report
 * takes ten times as long as a 100 kB one), so long reports are parsed in pieces of about
 * `chunkChars` (4 kB measured fastest: 1 MB in about 4 s on the CI machine, against 16 s
 * whole). A piece is cut only before an unindented heading that follows a blank line outside
 * a code fence: such a heading ends every open block, so the pieces parse as the whole would.
 */
export function splitAtHeadings(markdown: string, chunkChars: number): string[] {
  if (markdown.length <= chunkChars) return [markdown];
  const chunks: string[] = [];
  const lines = markdown.split("\n");
  let current: string[] = [];
  let size = 0;
  let openFence: string | null = null;
  let previousBlank = true;
  for (const line of lines) {
    const marker = fence.exec(line)?.[1];
    if (openFence === null && size >= chunkChars && previousBlank && atxHeading.test(line)) {
      chunks.push(current.join("\n"));
      current = [];
      size = 0;
    }
    if (marker && (openFence === null || (marker[0] === openFence[0] && marker.length >= openFence.length))) {
      openFence = openFence === null ? marker : null;
    }
    current.push(line);
    size += line.length + 1;
    previousBlank = line.trim() === "";
  }
  chunks.push(current.join("\n"));
  return chunks;
}

function walk(root: Root, outer: SectionHeading[], depthOffset: number, out: Block[]) {
  const stack = [...outer];
  for (const node of root.children) {
    if (node.type === "heading") {
      const depth = node.depth + depthOffset;
      while (stack.length > outer.length && (stack.at(-1)?.depth ?? 0) >= depth) stack.pop();
      out.push({ node, path: [...stack] });
      stack.push({ depth, text: headingText(node), node });
    } else if (isMarkdownFence(node) && node.type === "code") {
      const innermost = stack.at(-1)?.depth ?? 0;
      walk(processor.parse(node.value), stack, innermost, out);
    } else {
      out.push({ node, path: [...stack] });
    }
  }
}

/** The blocks under a heading block, up to the next heading of the same or a higher level. */
export function sectionBody(blocks: Block[], headingIndex: number): Block[] {
  const depth = blocks[headingIndex]?.path.length ?? 0;
  const body: Block[] = [];
  for (const block of blocks.slice(headingIndex + 1)) {
    if (block.node.type === "heading" && block.path.length <= depth) break;
    body.push(block);
  }
  return body;
}
