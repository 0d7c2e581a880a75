/**
 * `tcgen diff --format markdown`: a pull-request comment. A heading with the verdict, the breaking
 * changes as a list grouped by service and by action/type/codes, the compatible ones folded in a
 * `<details>` block. Untrusted text is escaped for markdown (and HTML).
 *
 * ```markdown
 * ### API changes: major
 * 2 changes break code that uses the package (…)
 *
 * **Breaking (2)**: 1 at run time, 1 at compile time only
 *
 * - **cvm 2017-03-12**, action DescribeInstances
 *   - 🔴 run time: response field DescribeInstances.TotalCount may now be absent: … (`specs/cvm/actions.yaml:12:7`)
 *   - 🟠 compile: DescribeInstances can now return InvalidFilter: … (`specs/cvm/actions.yaml:3:3`)
 *
 * <details><summary>Compatible changes (1)</summary>
 *
 * - **cvm 2017-03-12**, action RunInstances
 *   - minor: new optional request field RunInstances.DryRun (`specs/cvm/actions.yaml:40:7`)
 *
 * </details>
 * ```
 */
import type { Change, DiffResult } from "./change.js";
import { counts, groupChanges, printable, type ReportContext, where } from "./report.js";

/** Escape text for markdown and inline HTML, on one line; `@` and `#` too (no mentions or issue links). */
function md(text: string): string {
  return printable(text.replace(/[\r\n]+/g, " ")).replace(/[\\`*_{}[\]<>|~&@#]/g, (ch) => `\\${ch}`);
}

/** Inline code that cannot be closed early: backticks become `'`. */
function code(text: string): string {
  return `\`${printable(text).replace(/`/g, "'")}\``;
}

const MARK: Readonly<Record<string, string>> = { runtime: "🔴 run time", compile: "🟠 compile" };

function list(changes: readonly Change[], ctx: ReportContext): string[] {
  const lines: string[] = [];
  for (const service of groupChanges(changes)) {
    for (const group of service.groups) {
      lines.push(`- **${md(service.label)}**, ${md(group.label)}`);
      for (const c of group.changes) lines.push(`  - ${MARK[c.level] ?? c.semver}: ${md(c.message)} (${code(where(c, ctx))})`);
    }
  }
  return lines;
}

export function markdownReport(result: DiffResult, ctx: ReportContext): string {
  const n = counts(result.changes);
  const breaking = result.changes.filter((c) => c.level !== "compatible");
  const compatible = result.changes.filter((c) => c.level === "compatible");
  const lines = [`### API changes: ${result.verdict.semver}`, md(result.verdict.reason), "", `Compared ${code(ctx.oldLabel)} with ${code(ctx.newLabel)}.`, ""];
  if (breaking.length > 0) {
    lines.push(`**Breaking (${breaking.length})**: ${n.runtime} at run time, ${n.compile} at compile time only`, "", ...list(breaking, ctx), "");
  }
  if (compatible.length > 0) {
    lines.push(`<details><summary>Compatible changes (${compatible.length})</summary>`, "", ...list(compatible, ctx), "", "</details>", "");
  }
  return `${lines.join("\n")}`;
}
