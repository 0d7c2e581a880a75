/**
 * A located problem in the input. Every stage reports problems as diagnostics (never throws for bad
 * input); the CLI prints them as `file:line:col: message (at path)` and exits 2.
 */
import { printable } from "./printable.js";

export interface Diagnostic {
  /** Path of the offending file, relative to the specs directory (or as given for other inputs), `/`-separated. */
  readonly file: string;
  /** 1-based; 0 when the problem concerns the whole file (for example, it is not UTF-8). */
  readonly line: number;
  /** 1-based; 0 when the problem concerns the whole file. */
  readonly col: number;
  readonly message: string;
  /** Path inside the document, e.g. `actions.DescribeInstances.response.TotalCount.type`; "" for the root. */
  readonly path: string;
  /**
   * A second location the message refers to (`first defined at …`), its file relative to the same base
   * as `file`, so whoever maps `file` for display maps this one the same way.
   */
  readonly related?: RelatedLocation;
}

export interface RelatedLocation {
  /** Words before the location, e.g. "first defined at". */
  readonly label: string;
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** Sort diagnostics by file, line, column, message: the one order used for printing and tests. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.line - b.line ||
      a.col - b.col ||
      compareText(a.message, b.message),
  );
}

/**
 * `file:line:col: message (label file:line:col) (at path)`, one line, escaped for the terminal (every
 * part may come from input: see printable.ts).
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
  const related = d.related ? ` (${d.related.label} ${d.related.file}:${d.related.line}:${d.related.col})` : "";
  return printable(d.path ? `${where}: ${d.message}${related} (at ${d.path})` : `${where}: ${d.message}${related}`);
}

/** Code-unit order. The single comparator for everything the generator sorts. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Thrown only by stages to abort with diagnostics already collected; the CLI catches it. */
export class DiagnosticsError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(`${diagnostics.length} problem(s) in the specs`);
    this.name = "DiagnosticsError";
    this.diagnostics = sortDiagnostics(diagnostics);
  }
}

/** At most this many diagnostics are printed in all, and at most MAX_PER_FILE of one file. */
export const MAX_DIAGNOSTICS = 200;
export const MAX_PER_FILE = 50;

/**
 * The printed lines of a list of diagnostics: sorted, `toShown` applied to their file names (of related
 * locations too), at most MAX_PER_FILE per file and MAX_DIAGNOSTICS in all, each cut closed by an
 * "… and N more" line. Linear in the list; every line escaped (formatDiagnostic).
 */
export function diagnosticLines(list: readonly Diagnostic[], toShown: (file: string) => string = (f) => f): string[] {
  const sorted = sortDiagnostics(list);
  const lines: string[] = [];
  let printed = 0;
  let accounted = 0;
  let index = 0;
  const plural = (n: number): string => `${n} more problem${n === 1 ? "" : "s"}`;
  while (index < sorted.length && printed < MAX_DIAGNOSTICS) {
    const file = sorted[index]!.file;
    let end = index;
    while (end < sorted.length && sorted[end]!.file === file) end++;
    const take = Math.min(end - index, MAX_PER_FILE, MAX_DIAGNOSTICS - printed);
    for (let i = index; i < index + take; i++) {
      const d = sorted[i]!;
      const related = d.related ? { related: { ...d.related, file: toShown(d.related.file) } } : {};
      lines.push(formatDiagnostic({ ...d, file: toShown(d.file), ...related }));
    }
    printed += take;
    accounted += take;
    const rest = end - index - take;
    if (rest > 0) {
      lines.push(printable(`${toShown(file)}: … and ${plural(rest)} in this file`));
      accounted += rest;
    }
    index = end;
  }
  const left = sorted.length - accounted;
  if (left > 0) lines.push(`… and ${plural(left)}`);
  return lines;
}
