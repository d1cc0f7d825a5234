const width = 96;
const height = 24;
const inset = 2; // half the stroke and a little air, so 0 and 100 are not clipped
// seriesColours.score, written out: importing chart-parts would pull Recharts into pages that only list sparklines.
const stroke = "#1d4ed8";

/**
 * Scores (0–100) as SVG polyline points in a width × height box: evenly spaced left to right,
 * 100 at the top. Out-of-range scores are clamped rather than drawn outside the box.
 */
export function sparklinePoints(scores: readonly number[], boxWidth = width, boxHeight = height, pad = inset): string {
  if (scores.length < 2) return "";
  const stepX = (boxWidth - 2 * pad) / (scores.length - 1);
  const spanY = boxHeight - 2 * pad;
  const round = (n: number) => Math.round(n * 100) / 100;
  return scores
    .map((score, i) => {
      const clamped = Math.min(100, Math.max(0, Number.isFinite(score) ? score : 0));
      return `${round(pad + i * stepX)},${round(pad + spanY * (1 - clamped / 100))}`;
    })
    .join(" ");
}

/**
 * A score trend small enough for a table cell. Plain SVG, not Recharts: a portfolio page
 * draws hundreds of these, and they need no axes, tooltip or resize observer.
 */
export function Sparkline({ points, label }: { points: number[]; label: string }) {
  if (points.length < 2) {
    return (
      <span role="img" aria-label={label} className="inline-block w-24 text-center text-slate-500">
        —
      </span>
    );
  }
  return (
    <svg role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="inline-block align-middle">
      <polyline points={sparklinePoints(points)} fill="none" stroke={stroke} strokeWidth={1.5} strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}
