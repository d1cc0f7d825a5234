import type { FindingStatus } from "@/lib/generated/prisma/enums";

const styles: Record<FindingStatus, string> = {
  open: "bg-sky-50 text-sky-800 ring-sky-200",
  in_progress: "bg-violet-50 text-violet-800 ring-violet-200",
  resolved: "bg-green-50 text-green-800 ring-green-200",
  risk_accepted: "bg-amber-50 text-amber-800 ring-amber-200",
  false_positive: "bg-slate-100 text-slate-700 ring-slate-200",
  duplicate: "bg-slate-100 text-slate-700 ring-slate-200",
};

export function StatusBadge({ status, label, testId }: { status: FindingStatus; label: string; testId?: string }) {
  return (
    <span data-testid={testId} className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${styles[status]}`}>
      {label}
    </span>
  );
}
