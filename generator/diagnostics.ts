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
