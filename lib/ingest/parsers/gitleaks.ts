import { createHash } from "node:crypto";
import { fingerprintOf, paragraphs, titleText } from "@/lib/ingest/normalize";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import type { ScanParser, ScanRecord, ScanSeverity } from "@/lib/ingest/scan-types";
import { finding, forwardSlashes, lineBreak, lineOf, rootListItems, textList, uniqueLocations } from "@/lib/ingest/parsers/code-scan-support";
import { isObject, type JsonObject, textOf } from "@/lib/ingest/parsers/json-values";

// gitleaks --report-format json: leaked credentials, v7 (lower-case keys, `offender`) and v8
// (`RuleID`, `Secret`, `Match`). The secret itself never leaves this file: titles, descriptions
// and fingerprints carry only its first characters, its length, or a hash of it.
//
// One finding per credential per file. gitleaks reports it once per commit (and per line) it
// appears in; all of those are one thing to rotate, so they are merged, and the finding keeps its
// identity while the credential stays in the code: the fingerprint is rule + file + a hash of the
// secret. v8's own Fingerprint (commit:file:rule:line) is not used for that, as it changes with
// every commit and every line shift; it is quoted for .gitleaksignore instead.

type Leak = {
  ruleId: string;
  ruleTitle: string;
  file: string;
  line: number | null;
  secret: string;
  /** The matched text or line around the secret, in clear until every secret of the file is known. */
  excerpt: Excerpt | null;
  commit: string | null;
  date: string | null;
  author: string | null;
  /** The commit message's first line, redacted. */
  subject: string | null;
  tags: string[];
  ignoreKey: string | null;
};

/** A merged credential: the first leak, with every commit and place it was seen. */
type Credential = { leak: Leak; fingerprint: string; severity: ScanSeverity; commits: Set<string>; lines: (number | null)[]; ignoreKeys: Set<string> };

type Excerpt = { text: string; cutBefore: boolean; cutAfter: boolean };

// An excerpt keeps this much on each side in memory, and shows a tenth of it.
const KEPT_CHARS = 1000;
const SHOWN_CHARS = 100;
// A file with more secrets than this (a dump) gets no excerpts: redacting each in each is quadratic.
const MAX_SECRETS_PER_FILE = 50;

/** "AKIA…" with the length: enough to recognise a credential, too little to use it. */
export function redactSecret(secret: string): string {
  const kept = secret.length >= 12 ? secret.slice(0, 4) : "";
  return `${kept}…[redacted, ${secret.length} characters]`;
}

/** `text` with each of the secrets (longest first, so one inside another goes whole) redacted. */
function redactAll(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join(redactSecret(secret));
  return out;
}

/** The text around the secret; null when the text does not contain it, as then nothing can be redacted with certainty. */
function excerptOf(text: string | null, secret: string): Excerpt | null {
  if (!text || !secret) return null;
  const at = text.indexOf(secret);
  if (at < 0) return null;
  // A minified file puts a whole bundle on one line: keep the part around the secret.
  const start = Math.max(0, at - KEPT_CHARS);
  const end = Math.min(text.length, at + secret.length + KEPT_CHARS);
  return { text: text.slice(start, end), cutBefore: start > 0, cutAfter: end < text.length };
}

/** The excerpt with every secret gitleaks found in the file redacted (a line can hold two), cut to a few words around this one. */
function shownExcerpt(excerpt: Excerpt | null, secret: string, fileSecrets: readonly string[]): string | null {
  if (!excerpt || fileSecrets.length > MAX_SECRETS_PER_FILE) return null;
  const text = redactAll(excerpt.text, fileSecrets);
  const mark = redactSecret(secret);
  const at = text.indexOf(mark);
  if (at < 0) return null;
  const start = Math.max(0, at - SHOWN_CHARS);
  const end = Math.min(text.length, at + mark.length + SHOWN_CHARS);
  return `${excerpt.cutBefore || start > 0 ? "…" : ""}${text.slice(start, end)}${excerpt.cutAfter || end < text.length ? "…" : ""}`;
}

const firstLine = (text: string | null) => text?.split(lineBreak, 1)[0]?.trim() || null;

function leakOf(item: JsonObject, where: string): Leak {
  const v8 = "RuleID" in item || "Secret" in item;
  const ruleId = textOf(v8 ? item.RuleID : item.rule);
  const file = textOf(v8 ? item.File : item.file);
  const secret = (v8 ? textOf(item.Secret) : null) ?? textOf(item.offender) ?? textOf(item.Match) ?? "";
  if (!ruleId) throw new ScanShapeError("a leak without a rule", where);
  const commit = textOf(v8 ? item.Commit : item.commit);
  const date = textOf(v8 ? item.Date : item.date);
  return {
    ruleId,
    ruleTitle: textOf(v8 ? item.Description : item.rule) ?? ruleId,
    file: file ? forwardSlashes(file) : "",
    line: lineOf(v8 ? item.StartLine : item.lineNumber),
    secret,
    excerpt: excerptOf(textOf(v8 ? item.Match : item.line), secret),
    commit,
    // gitleaks writes the zero time for leaks found outside git history.
    date: date?.startsWith("0001-01-01") ? null : date,
    author: textOf(v8 ? item.Author : item.author),
    subject: firstLine(textOf(v8 ? item.Message : item.commitMessage)),
    tags: textList(v8 ? item.Tags : item.tags, ","),
    ignoreKey: v8 ? textOf(item.Fingerprint) : null,
  };
}

// Credentials that open a cloud account, a code host or a private key's owner straight away.
const takeoverRules = /\b(?:aws|gcp|azure|github|gitlab|heroku)\b|private[-_ ]?key|\bpk\b/i;
const separators = /[-_]/g;

const severityOf = (leak: Leak): ScanSeverity => (takeoverRules.test(`${leak.ruleId.replace(separators, " ")} ${leak.ruleTitle}`) ? "critical" : "high");

/** Hashed on its own first, so the secret is not part of any longer string that could be logged. */
const secretHash = (secret: string) => createHash("sha256").update(secret).digest("hex");

function credentialFinding({ leak, fingerprint, severity, commits, lines, ignoreKeys }: Credential, fileSecrets: readonly string[]) {
  const excerpt = shownExcerpt(leak.excerpt, leak.secret, fileSecrets);
  // A commit message could quote a secret too.
  const subject = leak.subject ? redactAll(leak.subject, fileSecrets.length > MAX_SECRETS_PER_FILE ? [leak.secret] : fileSecrets) : null;
  const commitList = [...commits];
  const seenIn = commitList.length > 1 ? `Commits: ${commitList.slice(0, 10).join(", ")}${commitList.length > 10 ? ` and ${commitList.length - 10} more` : ""}` : null;
  const commitLine = leak.commit ? `Commit: ${leak.commit}${[leak.date, leak.author].some(Boolean) ? ` (${[leak.date, leak.author].filter(Boolean).join(", ")})` : ""}` : null;
  const keys = [...ignoreKeys].slice(0, 5);
  return finding(
    {
      tool: "gitleaks",
      ruleId: leak.ruleId,
      title: titleText(`Hard-coded ${leak.ruleTitle} in ${leak.file || "an unnamed file"}`),
      description: paragraphs(
        `gitleaks rule \`${leak.ruleId}\` found ${leak.ruleTitle} in ${leak.file || "a file"}.`,
        leak.secret ? `Secret: \`${redactSecret(leak.secret)}\`` : null,
        excerpt ? `Match: \`${excerpt}\`` : null,
        seenIn ?? commitLine,
        subject ? `Commit message: ${subject}` : null,
        leak.tags.length ? `Tags: ${leak.tags.join(", ")}` : null,
      ),
      severity,
      kind: "secret",
      category: "security",
      fingerprint,
    },
    {
      locations: uniqueLocations(lines.map((line) => ({ file: leak.file, line }))),
      cwe: "CWE-798",
      recommendation: paragraphs(
        "Revoke the credential and issue a new one: it is in the repository's history, so removing it from the code does not make it secret again. Then load it from a secret store or the environment at run time.",
        keys.length ? `If it is not a real credential, add ${keys.map((k) => `\`${k}\``).join(", ")} to .gitleaksignore.` : null,
      ),
    },
  );
}

export const gitleaksParser: ScanParser = {
  format: "gitleaks",
  name: "Gitleaks JSON",
  produces: "findings",
  // A bare `null` (v7's empty report) is not claimed: other tools write the same four bytes.
  detect: (sniff) => sniff.syntax === "json" && sniff.root === "array" && (sniff.keys.has("*.RuleID") || (sniff.keys.has("*.rule") && sniff.keys.has("*.offender"))),
  async *parse(source): AsyncGenerator<ScanRecord> {
    yield { type: "tool", name: "gitleaks", version: null };
    const credentials = new Map<string, Credential>();
    // The rules' severities, worked out once per rule.
    const severities = new Map<string, ScanSeverity>();
    for await (const { value, path } of rootListItems(source, "leaks")) {
      if (!isObject(value)) throw new ScanShapeError("a leak that is not an object", path.join("."));
      const leak = leakOf(value, path.join("."));
      const fingerprint = fingerprintOf("gitleaks", leak.ruleId, leak.file, secretHash(leak.secret));
      const severity = severities.get(leak.ruleId) ?? severityOf(leak);
      severities.set(leak.ruleId, severity);
      const credential = credentials.get(fingerprint) ?? { leak, fingerprint, severity, commits: new Set<string>(), lines: [], ignoreKeys: new Set<string>() };
      credentials.set(fingerprint, credential);
      if (leak.commit) credential.commits.add(leak.commit);
      if (leak.ignoreKey) credential.ignoreKeys.add(leak.ignoreKey);
      credential.lines.push(leak.line);
    }
    const secretsByFile = new Map<string, string[]>();
    for (const { leak } of credentials.values()) {
      const secrets = secretsByFile.get(leak.file) ?? [];
      secrets.push(leak.secret);
      secretsByFile.set(leak.file, secrets);
    }
    for (const secrets of secretsByFile.values()) secrets.sort((a, b) => b.length - a.length);
    for (const credential of credentials.values()) yield { type: "finding", finding: credentialFinding(credential, secretsByFile.get(credential.leak.file)!) };
  },
};
