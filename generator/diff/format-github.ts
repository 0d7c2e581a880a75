/**
 * `tcgen diff --format github`: GitHub Actions workflow commands on the spec lines. A change at or
 * above `--fail-on` is an `::error`, another breaking change a `::warning` (compatible changes are not
 * annotated); a removal points at the surviving parent in the new spec when there is one, else at
 * its old place. A last `::notice` carries the verdict.
 *
 * ```text
 * ::error file=specs/cvm/actions.yaml,line=12,col=7,title=response-field-became-optional (run time)::response field …
 * ::notice title=tcgen diff::verdict major: 2 changes break code that uses the package (…)
 * ```
 */
import type { Change, DiffResult } from "./change.js";
import { fails, printable, type ReportContext } from "./report.js";

/** GitHub's escaping of workflow command data; line breaks and other control characters are made visible first (`\u000a`). */
function escapeData(s: string): string {
  return printable(s).replace(/%/g, "%25");
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function annotation(c: Change, ctx: ReportContext): string {
  const command = fails(c, ctx.failOn) || (ctx.failOn === undefined && c.level === "runtime") ? "error" : "warning";
  const loc = c.location.spec === "old" && c.anchor !== undefined ? { ...c.anchor, spec: "new" as const } : c.location;
  const props = [`file=${escapeProperty(ctx.showFile(loc.file, loc.spec))}`];
  if (loc.line > 0) props.push(`line=${loc.line}`, `col=${loc.col}`);
  props.push(`title=${escapeProperty(`${c.kind} (${c.level === "runtime" ? "breaks at run time" : "breaks compilation"})`)}`);
  return `::${command} ${props.join(",")}::${escapeData(c.message)}`;
}

export function githubReport(result: DiffResult, ctx: ReportContext): string {
  const rows = result.changes.filter((c) => c.level !== "compatible").map((c) => annotation(c, ctx));
  rows.push(`::notice title=tcgen diff::${escapeData(`verdict ${result.verdict.semver}: ${result.verdict.reason}`)}`);
  return `${rows.join("\n")}\n`;
}
