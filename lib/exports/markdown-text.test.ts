import { describe, expect, it } from "vitest";
import { codeSpan, inline, line, paragraphs } from "@/lib/exports/markdown-text";
import { parseReport } from "@/lib/reports/parse-report";

// Each helper is held to the importer itself: what it writes, parseReport reads back unchanged.

const finding = (markdown: string) => parseReport(`## Security\n\n### Gaps\n\n${markdown}`).findings[0];

const nasty = [
  "Use *emphasis* and __strong__ and `code` and [a link](http://x.test) and ~~gone~~",
  "Token in .git/config & <script>alert(1)</script> &amp; &copy;",
  "services/*/base/deployment.yaml uses snake_case_names and a|pipe",
  "See https://example.test/a_b?c=d and www.example.test/x_y and mail@example.test",
  "Ends with a hash #",
  "Backslash \\ and \\* and a footnote[^1] and ![image](x.png)",
  "1. looks like a list",
  "- also a list",
  "+ and this",
  "= setext",
  "2024) date",
  "a_b and _x_ and DATABASE_HOST and snake_case_ and *y* z",
  "<div>html</div> and a < b > c and <!-- c --> and <http://x.test>",
  "Issue #12 and # and trailing ##",
  "AT&T and &amp; and &#35; and & alone",
  "C:\\Users\\x and a trailing backslash\\",
  "# looks like a heading",
  "> looks like a quote",
];

describe("inline", () => {
  it.each(nasty)("keeps a finding title as written: %s", (title) => {
    expect(finding(`#### CRIT-01: ${inline(title)}`)?.title).toBe(title);
  });

  it("puts a multi-line text on one line", () => {
    expect(inline("a\n  b")).toBe("a b");
  });
});

describe("line", () => {
  it.each(nasty)("keeps a list item's text as written: %s", (text) => {
    const report = parseReport(`## Strengths\n\n- ${line(text)}\n`);
    expect(report.strengths[0]?.title).toBe(text);
  });
});

describe("paragraphs", () => {
  it("reads back as the same description, paragraph by paragraph", () => {
    const description = [nasty.slice(0, 4).join("\n"), ...nasty.slice(4), "---", "***", "> quote", "| a | b |\n| --- | --- |"].join("\n\n");
    expect(finding(`#### CRIT-01: t\n\n${paragraphs(description)}`)?.description).toBe(description);
  });

  it("writes text that paragraphs cannot carry (indentation, blank runs, tabs) as a fenced block", () => {
    for (const description of ["apiVersion: v1\n  kind: Secret", "a\n\n\nb", "a\tb", "x:\n  ```yaml\n  y: 1\n  ```"]) {
      const written = paragraphs(description);
      expect(written).toMatch(/^`{3,}text\n/);
      expect(finding(`#### CRIT-01: t\n\n${written}`)?.description).toBe(description);
    }
  });

  it("leaves ordinary prose readable", () => {
    expect(paragraphs("PostgreSQL runs as a StatefulSet with 1 replica.\n\nNo failover.")).toBe("PostgreSQL runs as a StatefulSet with 1 replica.\n\nNo failover.");
  });
});

describe("codeSpan", () => {
  // (A file whose name starts or ends with a backtick loses it: the importer trims backticks.)
  it.each(["base/np.yaml", "a`b.ts", "x``y.md"])("is read as a file location: %s", (file) => {
    expect(finding(`#### CRIT-01: t\n\n**File**: ${codeSpan(file)}`)?.locations).toEqual([{ file, line: null }]);
  });
});
