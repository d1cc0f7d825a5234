import type { PortfolioRow } from "@/lib/maturity/get-portfolio";

// The portfolio's order, chosen in the URL (?sort=score&dir=asc) so it works without script and
// links keep it. Projects without a score yet sort last either way.

const portfolioSortKeys = ["name", "level", "score", "critical", "gate", "scan"] as const;
export type PortfolioSortKey = (typeof portfolioSortKeys)[number];

const value = (row: PortfolioRow, key: PortfolioSortKey): string | number | null => {
  switch (key) {
    case "name":
      return row.name.toLowerCase();
    case "level":
      return row.level;
    case "score":
      return row.score;
    case "critical":
      return row.openCritical;
    case "gate":
      return row.gatePassed === null ? null : row.gatePassed ? 1 : 0;
    case "scan":
      return row.lastScanDays;
  }
};

export function sortPortfolio(rows: PortfolioRow[], key: PortfolioSortKey, dir: "asc" | "desc"): PortfolioRow[] {
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a, key), value(b, key)];
    if (x === null || y === null) return x === y ? a.name.localeCompare(b.name) : x === null ? 1 : -1;
    return (x < y ? -1 : x > y ? 1 : 0) * sign || a.name.localeCompare(b.name);
  });
}

export function readPortfolioSort(query: Record<string, string | undefined>): { key: PortfolioSortKey; dir: "asc" | "desc" } {
  const key = (portfolioSortKeys as readonly string[]).includes(query.sort ?? "") ? (query.sort as PortfolioSortKey) : "score";
  const dir = query.dir === "desc" || query.dir === "asc" ? query.dir : key === "name" || key === "score" || key === "level" ? "asc" : "desc";
  return { key, dir };
}
