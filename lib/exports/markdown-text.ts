// Plain text written into Markdown so the importer reads the same text back. The importer reads
// the syntax tree (lib/reports/read-markdown.ts), so a "*", "_" or "[" in a title would turn
// into emphasis or a link and change the title on a re-import. Pure.

// What would open inline syntax: a backslash escape, emphasis, code, links, strikethrough, table
// cells, an HTML tag or autolink ("<" before a letter), an entity ("&amp;"). An underscore inside
// a word ("DATABASE_HOST") opens nothing and stays as it is. A backslash before ASCII
// punctuation is a literal in CommonMark, so escaping always reads back as the same text.
const inlineSpecial = /\\(?=[!-/:-@[-`{-~]|$)|[`*[\]|~]|<(?=[A-Za-z/!?])|&(?=#?[A-Za-z0-9]+;)|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;

// "http://…" becomes a link as it is read, its text taken from the source, escapes and all; an
// escaped colon keeps it text. Trailing "#"s would close a heading.
const escape = (text: string) =>
  text
    .replace(inlineSpecial, (c) => `\\${c}`)
    .replace(/([a-z][a-z0-9+.-]*):(?=\/\/)/gi, "$1\\:")
    .replace(/(\s)(#+)(\s*)$/, (_all, space: string, hashes: string, end: string) => `${space}${hashes.replace(/#/g, "\\#")}${end}`);

/** Text for one line inside a heading, table cell, list item or after a label. */
export const inline = (text: string) => escape(text.replace(/\s+/g, " "));

/** Escapes what would open a block at the start of a line: a list, quote, heading, setext underline. */
function lineStart(line: string): string {
  if (/^[-+=#>]/.test(line)) return `\\${line}`;
  return line.replace(/^(\d{1,9})([.)])/, "$1\\$2");
}

/** One line of text that stays one line of text, wherever it stands (a list item's text too). */
export const line = (text: string) => lineStart(inline(text));

/** A code span around text that may itself hold backticks. */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = /^[`\s]|[`\s]$/.test(text) ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A code span in a table cell: GFM splits cells at a pipe even inside code, unless escaped. */
export const cellCode = (text: string) => codeSpan(text).replace(/\|/g, "\\|");

/** A fenced block the importer reads as its exact text ("text", so it is never parsed as Markdown). */
function fencedText(text: string): string {
  const longest = Math.max(0, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}`;
}

// Paragraph lines lose leading and trailing blanks, and a run of blank lines reads back as one:
// such text is kept in a fenced block instead.
const readsBackAsProse = (paragraphs: string[]) =>
  paragraphs.every((p) => p !== "" && p.split("\n").every((l) => l !== "" && l === l.trim() && !/[\t\r]/.test(l)));

/**
 * Multi-paragraph text (paragraphs apart by a blank line) as Markdown paragraphs the importer
 * reads back to the same text, or as a fenced block when paragraphs cannot carry it exactly.
 */
export function paragraphs(text: string): string {
  const parts = text.split("\n\n");
  if (!readsBackAsProse(parts)) return fencedText(text);
  return parts.map((p) => p.split("\n").map((l) => lineStart(escape(l))).join("\n")).join("\n\n");
}
