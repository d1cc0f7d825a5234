import type { Heading, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { readMarkdown } from "@/lib/reports/read-markdown";

// A report as a flat run of blocks, each knowing the headings it sits under. Extractors read
// this instead of walking the tree themselves: "which section am I in" is the question every
// rule asks.

export type SectionHeading = { depth: number; text: string; node: Heading };

export type Block = {
  node: RootContent;
  /** Enclosing headings, outermost first; a heading block's own heading is not in it. */
  path: SectionHeading[];
};

const isMarkdownFence = (node: RootContent) => node.type === "code" && /^(markdown|md)$/i.test(node.lang ?? "");

export function headingText(node: Heading): string {
  return toString(node).replace(/\s+/g, " ").trim();
}

/**
 * Parses Markdown into blocks. Fenced blocks tagged markdown/md are parsed too and their
 * headings nested under the section holding the fence, so a checklist kept in a fence (seed
 * 000's roadmap) belongs to the phase that contains it.
 */
export function readBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  walk(readMarkdown(markdown), [], 0, blocks);
  return blocks;
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
      walk(readMarkdown(node.value), stack, innermost, out);
    } else {
      out.push({ node, path: [...stack] });
    }
  }
}

/** The blocks under a heading block, up to the next heading of the same or a higher level. */
export function sectionBody(blocks: Block[], headingIndex: number): Block[] {
  const depth = blocks[headingIndex]?.path.length ?? 0;
  let end = headingIndex + 1;
  while (end < blocks.length && !(blocks[end]!.node.type === "heading" && blocks[end]!.path.length <= depth)) end++;
  return blocks.slice(headingIndex + 1, end);
}
