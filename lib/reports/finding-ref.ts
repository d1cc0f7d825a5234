// A report's own finding ids: "CRIT-01", "K-1", "INC-05", "GAP-CRIT-001", "VULN-07". Letters,
// optional further letter groups, a hyphen and a number. Standards that look the same
// ("SHA-256", "UTF-8", "ISO-27001", "CVE-2024-…") are not finding ids.

const ref = String.raw`[A-Z][A-Z0-9]{0,9}(?:-[A-Z][A-Z0-9]{0,9})*-\d{1,4}[a-z]?`;
const notRefs = new Set(["SHA", "UTF", "ISO", "TLS", "SSL", "HTTP", "CVE", "CWE", "GHSA", "RFC", "PEP", "ES", "MD", "AES", "RSA", "ECMA", "IEC", "NIST", "PCI", "SOC", "WCAG", "X", "K8S"]);

const isRef = (candidate: string) => !notRefs.has(candidate.split("-")[0] ?? "");

// Emoji, bullets, brackets and emphasis that may precede an id in a heading or cell.
const leadingNoise = /^[\s*_`>#[\]()|•·\p{Extended_Pictographic}\p{Emoji_Component}\uFE0F]*/u;
const leading = new RegExp(`^(${ref})(?![\\w-])\\s*(?:[:.)\\]|—–-]+\\s*)?`);

/** The id a heading or cell starts with, and the text after it. */
export function leadingRef(text: string): { ref: string; rest: string } | null {
  const trimmed = text.replace(leadingNoise, "");
  const match = leading.exec(trimmed);
  const found = match?.[1];
  if (!match || !found || !isRef(found)) return null;
  return { ref: found, rest: trimmed.slice(match[0].length).trim() };
}

/** Every id a text mentions, in order, once each. */
export function refsIn(text: string): string[] {
  const found = text.match(new RegExp(`(?<![\\w-])${ref}(?![\\w-])`, "g")) ?? [];
  return [...new Set(found.filter(isRef))];
}

/** The section of an id that states a severity: "CRIT-01", "GAP-HIGH-003", "MEDIUM-008". */
export function refSeverityWord(refText: string): string | null {
  const words: Record<string, string> = { CRIT: "critical", CRITICAL: "critical", HIGH: "high", MED: "medium", MEDIUM: "medium", LOW: "low" };
  for (const part of refText.split("-")) if (words[part]) return words[part];
  return null;
}
