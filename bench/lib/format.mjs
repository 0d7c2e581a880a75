/** Number formatting and markdown tables for the printed report. */

export function fmtMs(ms) {
  if (ms === undefined || !Number.isFinite(ms)) return "–";
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(1)} ms`;
}

export function fmtMB(mb) {
  if (mb === undefined || !Number.isFinite(mb)) return "–";
  return mb >= 1024 ? `${(mb / 1024).toFixed(2)} GB` : `${mb.toFixed(0)} MB`;
}

export function fmtBytes(n) {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(2)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

export const fmtCount = (n) => (n === undefined ? "–" : Math.round(n).toLocaleString("en-US"));

export function fmtOps(n) {
  if (!Number.isFinite(n)) return "–";
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)} M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} k`;
  return n.toFixed(0);
}

export const fmtRatio = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : "–");

/** `median (min–max)`; just the median when there is one run. */
export function fmtStat(s, fmt) {
  if (!s || !s.runs) return "–";
  if (s.runs === 1 || fmt(s.min) === fmt(s.max)) return fmt(s.median);
  return `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`;
}

export function markdownTable(head, rows) {
  const width = head.length;
  const cell = (c) => String(c ?? "").replace(/\|/g, "\\|");
  const pad = (r) => [...r, ...Array(Math.max(0, width - r.length)).fill("")].slice(0, width);
  return [
    `| ${head.map(cell).join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${pad(r).map(cell).join(" | ")} |`),
  ].join("\n");
}

/** Time per action: µs below a millisecond. */
export const fmtPerAction = (ms) => (ms >= 1 ? fmtMs(ms) : `${(ms * 1000).toFixed(0)} µs`);
