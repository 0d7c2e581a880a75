/**
 * Printing verify's verdicts. Human (default), one line per reply then a summary:
 *
 * ```text
 * cvm/examples.json: DescribeInstances #1 "List instances": conforming success
 * cvm/examples.json: RunInstances #2 "Bad id": conforming API error (InvalidInstanceId.Malformed)
 * replies.jsonl:3: DescribeZones #1: missing required field [missing] at $.Response.TotalCount: expected integer (int64), found absent
 * replies.jsonl:4: DescribeZones #2: unknown field (not drift) at $.Response.NewField
 *
 * 4 replies checked against cvm 2017-03-12:
 *   2  conforming success
 *   1  unknown field
 *   1  missing required field (drift)
 * drift: 1 reply disagrees with the specs
 * ```
 *
 * JSON (`--format json`): `{"service": {name, version, moduleDir}, "verdicts": [{file, action, index,
 * title?, line?, verdict, drift, reason?, path?, expected?, found?, code?, unknownFields?, issues?}], "summary":
 * {replies, drift, verdicts: {<verdict>: count}}}`.
 */
import { printable } from "../printable.js";
import type { Issue } from "../runtime/result.js";
import { IS_DRIFT, type VerdictKind } from "./classify.js";
import type { Verdict, VerifySummary } from "./verify.js";

export interface ReportInput {
  readonly service: { readonly name: string; readonly version: string; readonly moduleDir: string };
  readonly verdicts: readonly Verdict[];
  readonly summary: VerifySummary;
}

export function verdictLine(v: Verdict): string {
  const where = v.line !== undefined ? `${v.file}:${v.line}` : v.file;
  const title = v.title !== undefined && v.title !== "" ? ` ${JSON.stringify(v.title)}` : "";
  let what: string = v.verdict;
  if (v.verdict === "conforming API error" && v.code !== undefined) what += ` (${v.code})`;
  else if (v.verdict === "unknown field") what += ` (not drift) at ${(v.unknownFields ?? []).join(", ")}`;
  else if (v.expected !== undefined && v.found !== undefined) {
    if (v.reason !== undefined) what += ` [${v.reason}]`;
    if (!v.drift && v.verdict !== "unknown action") what += " (not drift)";
    what += `${v.path !== undefined ? ` at ${v.path}` : ""}: expected ${v.expected}, found ${v.found}`;
    const more = (v.issues?.length ?? 0) - 1;
    if (more > 0) what += ` (and ${more} more: ${reasonCounts(v.issues ?? [], v.path)})`;
  }
  // Names, paths and values come from the reply files: escaped, so they cannot forge lines or move the cursor.
  return printable(`${where}: ${v.action} #${v.index}${title}: ${what}`);
}

/** `format ×2, open-enum` for the issues besides the one at `path` (first occurrence). */
function reasonCounts(issues: readonly Issue[], path: string | undefined): string {
  const counts = new Map<string, number>();
  let skipped = false;
  for (const i of issues) {
    if (!skipped && i.path === path) {
      skipped = true;
      continue;
    }
    counts.set(i.reason, (counts.get(i.reason) ?? 0) + 1);
  }
  return [...counts].map(([r, n]) => (n === 1 ? r : `${r} ×${n}`)).join(", ");
}

export function humanReport(r: ReportInput): string[] {
  const lines = r.verdicts.map(verdictLine);
  const s = r.summary;
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  lines.push("", printable(`${plural(s.replies, "reply", "replies")} checked against ${r.service.moduleDir} ${r.service.version}:`));
  const width = String(Math.max(0, ...Object.values(s.verdicts).map((n) => n ?? 0))).length;
  for (const [kind, n] of Object.entries(s.verdicts) as Array<[VerdictKind, number]>) {
    lines.push(`  ${String(n).padStart(width)}  ${kind}${IS_DRIFT[kind] ? " (drift)" : ""}`);
  }
  lines.push(s.drift === 0 ? "no drift" : `drift: ${plural(s.drift, "reply disagrees", "replies disagree")} with the specs`);
  return lines;
}

/** The JSON report, with a fixed key order. */
export function jsonReport(r: ReportInput): string {
  const verdicts = r.verdicts.map((v) => ({
    file: v.file,
    action: v.action,
    index: v.index,
    ...(v.title !== undefined ? { title: v.title } : {}),
    ...(v.line !== undefined ? { line: v.line } : {}),
    verdict: v.verdict,
    drift: v.drift,
    ...(v.reason !== undefined ? { reason: v.reason } : {}),
    ...(v.path !== undefined ? { path: v.path } : {}),
    ...(v.expected !== undefined ? { expected: v.expected } : {}),
    ...(v.found !== undefined ? { found: v.found } : {}),
    ...(v.code !== undefined ? { code: v.code } : {}),
    ...(v.unknownFields !== undefined ? { unknownFields: v.unknownFields } : {}),
    ...(v.issues !== undefined ? { issues: v.issues } : {}),
  }));
  return JSON.stringify({ service: r.service, verdicts, summary: r.summary }, null, 2);
}
