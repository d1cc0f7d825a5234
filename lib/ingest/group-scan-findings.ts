import { fingerprintOf } from "@/lib/ingest/normalize";
import type { ScanFinding, ScanLocation } from "@/lib/ingest/scan-types";

// Which project finding a scan finding is. A dependency advisory is the same finding whatever
// tool reports it (the same CVE in the same package); anything else is the tool's own.

const isDependencyAdvisory = (finding: ScanFinding): finding is ScanFinding & { cve: string; packageName: string } => Boolean(finding.cve && finding.packageName);

function findingKey(finding: ScanFinding): string {
  if (isDependencyAdvisory(finding)) return fingerprintOf("dependency", finding.cve.toUpperCase(), finding.packageName.toLowerCase());
  return finding.fingerprint;
}

/** One project finding a batch reports: its first sighting, plus the tool fingerprints and locations of every sighting. */
export type FindingGroup = { key: string; finding: ScanFinding; fingerprints: string[]; locations: ScanLocation[] };

/** What one scan has read so far: finding keys, and how often each tool fingerprint came. */
export type ScanSeen = { keys: Set<string>; occurrences: Map<string, number> };

export const newScanSeen = (): ScanSeen => ({ keys: new Set(), occurrences: new Map() });

/**
 * The same tool fingerprint twice in one file is the same code twice (two identical
 * `except: pass` in one module): the second is its own finding, numbered by its order, which
 * survives lines shifting. A dependency advisory repeated on another path stays one finding.
 */
function occurrence(finding: ScanFinding, seen: ScanSeen): ScanFinding {
  if (isDependencyAdvisory(finding)) return finding;
  const count = (seen.occurrences.get(finding.fingerprint) ?? 0) + 1;
  seen.occurrences.set(finding.fingerprint, count);
  return count === 1 ? finding : { ...finding, fingerprint: fingerprintOf(finding.fingerprint, count) };
}

/**
 * Groups a batch by finding, skipping findings an earlier batch of the same scan already had
 * (`seen` is updated). Repeats add their fingerprints and locations to the group.
 */
export function groupScanFindings(batch: ScanFinding[], seen: ScanSeen): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const sighting of batch) {
    const finding = occurrence(sighting, seen);
    const key = findingKey(finding);
    let group = groups.get(key);
    if (!group) {
      if (seen.keys.has(key)) continue;
      seen.keys.add(key);
      group = { key, finding, fingerprints: [], locations: [] };
      groups.set(key, group);
    }
    if (!group.fingerprints.includes(finding.fingerprint)) group.fingerprints.push(finding.fingerprint);
    for (const location of finding.locations) {
      if (!group.locations.some((l) => l.file === location.file && l.line === location.line)) group.locations.push(location);
    }
  }
  return [...groups.values()];
}
