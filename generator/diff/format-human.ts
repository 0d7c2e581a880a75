/**
 * The human report of `tcgen diff` (stdout): breaking changes grouped by service and by action, type or
 * codes, most severe first; then the compatible ones, the same way; then the verdict. Untrusted text
 * is made printable.
 *
 * ```text
 * Breaking changes (2): 1 at run time, 1 at compile time only
 * cvm 2017-03-12
 *   action DescribeInstances
 *     run time  response field DescribeInstances.TotalCount may now be absent: … (specs/cvm/actions.yaml:12:7)
 *     compile   DescribeInstances can now return InvalidFilter: … (specs/cvm/actions.yaml:3:3)
 *
 * Compatible changes (1)
 * cvm 2017-03-12
 *   action RunInstances
 *     minor     new optional request field RunInstances.DryRun (specs/cvm/actions.yaml:40:7)
 *
 * verdict: major: 2 changes break code that uses the package (…)
 * ```
 */
import type { Change, DiffResult } from "./change.js";
import { counts, groupChanges, printable, type ReportContext, where } from "./report.js";

const TAG: Readonly<Record<string, string>> = { runtime: "run time", compile: "compile ", major: "major   ", minor: "minor   ", patch: "patch   " };

function section(changes: readonly Change[], ctx: ReportContext): string[] {
  const lines: string[] = [];
  for (const service of groupChanges(changes)) {
    lines.push(printable(service.label));
    for (const group of service.groups) {
      lines.push(`  ${printable(group.label)}`);
      for (const c of group.changes) {
        const tag = c.level === "compatible" ? TAG[c.semver] : TAG[c.level];
        lines.push(`    ${tag}  ${printable(c.message)} (${printable(where(c, ctx))})`);
      }
    }
  }
  return lines;
}

export function humanReport(result: DiffResult, ctx: ReportContext): string {
  const n = counts(result.changes);
  const breaking = result.changes.filter((c) => c.level !== "compatible");
  const compatible = result.changes.filter((c) => c.level === "compatible");
  const lines: string[] = [`tcgen diff: ${printable(ctx.oldLabel)} → ${printable(ctx.newLabel)}`, ""];
  if (breaking.length > 0) {
    lines.push(`Breaking changes (${breaking.length}): ${n.runtime} at run time, ${n.compile} at compile time only`, ...section(breaking, ctx), "");
  }
  if (compatible.length > 0) lines.push(`Compatible changes (${compatible.length})`, ...section(compatible, ctx), "");
  lines.push(`verdict: ${result.verdict.semver}: ${printable(result.verdict.reason)}`);
  return `${lines.join("\n")}\n`;
}
