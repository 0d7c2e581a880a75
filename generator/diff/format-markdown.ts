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

/** GitHub refuses comments over 65,536 characters: the report stops short of this, saying what it left out. */
export const MAX_MARKDOWN_CHARS = 60_000;

/** A budget of characters shared by the lists of one report. */
interface Budget {
  left: number;
  omitted: number;
}

function list(changes: readonly Change[], ctx: ReportContext, budget: Budget): string[] {
  const lines: string[] = [];
  for (const service of groupChanges(changes)) {
    for (const group of service.groups) {
      const head = `- **${md(service.label)}**, ${md(group.label)}`;
      let headShown = false;
      for (const c of group.changes) {
        const line = `  - ${MARK[c.level] ?? c.semver}: ${md(c.message)} (${code(where(c, ctx))})`;
        const cost = line.length + 1 + (headShown ? 0 : head.length + 1);
        if (budget.omitted > 0 || cost > budget.left) {
          budget.omitted++;
          continue;
        }
        if (!headShown) lines.push(head);
        headShown = true;
        lines.push(line);
        budget.left -= cost;
      }
    }
  }
  return lines;
}

export function markdownReport(result: DiffResult, ctx: ReportContext): string {
  const n = counts(result.changes);
  const breaking = result.changes.filter((c) => c.level !== "compatible");
  const compatible = result.changes.filter((c) => c.level === "compatible");
  const lines = [`### API changes: ${result.verdict.semver}`, md(result.verdict.reason), "", `Compared ${code(ctx.oldLabel)} with ${code(ctx.newLabel)}.`, ""];
  const budget: Budget = { left: MAX_MARKDOWN_CHARS - lines.join("\n").length - 500, omitted: 0 };
  if (breaking.length > 0) {
    lines.push(`**Breaking (${breaking.length})**: ${n.runtime} at run time, ${n.compile} at compile time only`, "", ...list(breaking, ctx, budget), "");
  }
  const omittedBreaking = budget.omitted;
  if (compatible.length > 0 && omittedBreaking === 0) {
    lines.push(`<details><summary>Compatible changes (${compatible.length})</summary>`, "", ...list(compatible, ctx, budget), "", "</details>", "");
  }
  const omitted = budget.omitted + (omittedBreaking > 0 ? compatible.length : 0);
  if (omitted > 0) lines.push(`${omitted} more change${omitted === 1 ? "" : "s"} not shown (a comment has a size limit): see \`tcgen diff --format json\`.`, "");
  return `${lines.join("\n")}`;
}
