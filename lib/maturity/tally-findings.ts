import { noCounts, type CategoryTally, type Severity, type SeverityCounts } from "@/lib/maturity/score";

// Grouped finding counts (by category and severity, as SQL returns them) into what scoring reads.

export type TallyRow = { categoryId: string | null; severity: Severity; counted: bigint | number; filed: bigint | number; closed: bigint | number };
export type TallyCategory = { id: string; key: string; name: string; weight: number };

export type Tally = { tallies: CategoryTally[]; open: SeverityCounts; closed: number };

export function tallyFindings(categories: TallyCategory[], rows: TallyRow[]): Tally {
  const tallies = new Map<string | null, CategoryTally>(categories.map((c) => [c.id, { key: c.key, name: c.name, weight: c.weight, open: noCounts(), total: 0 }]));
  const open = noCounts();
  let closed = 0;
  for (const row of rows) {
    let tally = tallies.get(row.categoryId);
    if (!tally) tallies.set(row.categoryId, (tally = { key: null, name: "Uncategorised", weight: 1, open: noCounts(), total: 0 }));
    tally.open[row.severity] += Number(row.counted);
    tally.total += Number(row.filed);
    open[row.severity] += Number(row.counted);
    closed += Number(row.closed);
  }
  return { tallies: [...tallies.values()], open, closed };
}

export const gapsOf = (open: SeverityCounts) => open.critical + open.high + open.medium + open.low;
