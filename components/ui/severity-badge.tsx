import type { Severity } from "@/lib/generated/prisma/enums";

// Colour plus the word, never colour alone.
const styles: Record<Severity, string> = {
  critical: "bg-red-100 text-red-800 ring-red-200",
  high: "bg-orange-100 text-orange-800 ring-orange-200",
  medium: "bg-amber-100 text-amber-800 ring-amber-200",
  low: "bg-green-100 text-green-800 ring-green-200",
  info: "bg-slate-100 text-slate-700 ring-slate-200",
};

export function SeverityBadge({ severity, label }: { severity: Severity; label: string }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${styles[severity]}`}>
      {label}
    </span>
  );
}

export const severityOrder: Severity[] = ["critical", "high", "medium", "low", "info"];
