/**
 * What every output format of `tcgen diff` needs besides the changes: how to show a location, which
 * level fails the run, and the grouping of changes by service and by action, type or code (most severe
 * group first).
 */
import { compareText } from "../diagnostics.js";
import type { SourceLocation } from "../model/types.js";
import { type Change, type DiffResult, groupLabel, type Level, LEVEL_RANK } from "./change.js";

export type FailOn = "runtime" | "compile" | "any";

export interface ReportContext {
  /** `specs/cvm/actions.yaml` for a location of the new spec, `origin/main:specs/…` or `old/…` for the old one. */
  readonly showFile: (file: string, spec: "old" | "new") => string;
  /** Labels of the two sides (folders, or `<ref>:<folder>`), for headings. */
  readonly oldLabel: string;
  readonly newLabel: string;
  readonly failOn: FailOn | undefined;
}

/** The change is at or above the `--fail-on` level. */
export function fails(change: Change, failOn: FailOn | undefined): boolean {
  if (failOn === undefined) return false;
  if (failOn === "any") return true;
  return LEVEL_RANK[change.level] <= LEVEL_RANK[failOn];
}

export function failing(result: DiffResult, failOn: FailOn | undefined): number {
  return result.changes.filter((c) => fails(c, failOn)).length;
}

/** `file:line:col` (or the file alone for whole-file locations). */
export function showLocation(loc: SourceLocation, spec: "old" | "new", ctx: ReportContext): string {
  const file = ctx.showFile(loc.file, spec);
  return loc.line > 0 ? `${file}:${loc.line}:${loc.col}` : file;
}

/** Where a change is, for humans: `…:12:7`, or for removals `was at old:…:12:7`. */
export function where(change: Change, ctx: ReportContext): string {
  const at = showLocation(change.location, change.location.spec, ctx);
  return change.location.spec === "old" ? `was at ${at}` : at;
}

export interface Group {
  /** `action DescribeInstances`, `type Filter`, `codes` or `service`. */
  readonly label: string;
  /** The most severe level in the group. */
  readonly level: Level;
  readonly changes: readonly Change[];
}

export interface ServiceGroup {
  /** `cvm 2017-03-12`, or `package` for package-wide changes. */
  readonly label: string;
  readonly level: Level;
  readonly groups: readonly Group[];
}

function worst(changes: readonly Change[]): Level {
  return changes.reduce<Level>((w, c) => (LEVEL_RANK[c.level] < LEVEL_RANK[w] ? c.level : w), "compatible");
}

function byKey(items: readonly Change[], key: (c: Change) => string): [string, Change[]][] {
  const map = new Map<string, Change[]>();
  for (const c of items) map.set(key(c), [...(map.get(key(c)) ?? []), c]);
  return [...map];
}

const bySeverityThenLabel = (a: { level: Level; label: string }, b: { level: Level; label: string }): number =>
  LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || compareText(a.label, b.label);

/** Changes by service, then by action / type / codes; most severe groups first, each group's changes most severe first. */
export function groupChanges(changes: readonly Change[]): ServiceGroup[] {
  const serviceOf = (c: Change): string => (c.service === undefined ? "package" : `${c.service} ${c.version ?? ""}`);
  return byKey(changes, serviceOf)
    .map(([label, list]) => ({
      label,
      level: worst(list),
      groups: byKey(list, groupLabel)
        .map(([g, inGroup]) => ({ label: g, level: worst(inGroup), changes: inGroup }))
        .sort(bySeverityThenLabel),
    }))
    .sort(bySeverityThenLabel);
}

export function counts(changes: readonly Change[]): Record<Level, number> {
  const n: Record<Level, number> = { runtime: 0, compile: 0, compatible: 0 };
  for (const c of changes) n[c.level]++;
  return n;
}

/** Control characters and bidirectional overrides of untrusted text, made visible (`\u001b`). */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
