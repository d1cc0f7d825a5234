"use client";

/** The browser's print dialog; the print stylesheet turns the overview into a clean PDF. */
export function PrintButton({ label, className }: { label: string; className: string }) {
  return (
    <button type="button" className={className} onClick={() => window.print()} data-testid="print">
      {label}
    </button>
  );
}
