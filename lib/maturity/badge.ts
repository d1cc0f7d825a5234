// The readiness badge as SVG, in the two-part style READMEs use: "readiness" and the level with
// the gate. Text widths are estimated (Verdana 11 px averages about 6.5 px a character).

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
const width = (text: string) => Math.round(text.length * 6.5 + 12);

const colours = { pass: "#15803d", fail: "#b91c1c", none: "#64748b" } as const;

export function renderBadge(message: string, state: keyof typeof colours, label = "readiness"): string {
  const [lw, mw] = [width(label), width(message)];
  const total = lw + mw;
  const title = escapeXml(`${label}: ${message}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="20" role="img" aria-label="${title}"><title>${title}</title>` +
    `<rect width="${lw}" height="20" fill="#334155"/><rect x="${lw}" width="${mw}" height="20" fill="${colours[state]}"/>` +
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">` +
    `<text x="${lw / 2}" y="14">${escapeXml(label)}</text><text x="${lw + mw / 2}" y="14">${escapeXml(message)}</text></g></svg>`;
}
