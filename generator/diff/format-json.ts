/**
 * `tcgen diff --format json`: one JSON document, schema documented in docs/diff-format.md. `version`
 * changes only when a field changes meaning or disappears; new fields and new kinds may be added.
 *
 * ```json
 * {"version": 1, "old": "origin/main:specs", "new": "specs",
 *  "verdict": {"semver": "major", "reason": "…"},
 *  "summary": {"runtime": 1, "compile": 0, "compatible": 3, "failing": 1},
 *  "changes": [{"kind": "action-removed", "level": "runtime", "runtime": true, "compile": true, "semver": "major",
 *    "service": "cvm", "version": "2017-03-12", "action": "X",
 *    "location": {"spec": "old", "file": "cvm/actions.yaml", "line": 3, "col": 3}, "anchor": {…}, "message": "…"}]}
 * ```
 */
import type { DiffResult } from "./change.js";
import { counts, failing, type ReportContext } from "./report.js";

export const DIFF_JSON_VERSION = 1;

export function jsonReport(result: DiffResult, ctx: ReportContext): string {
  const doc = {
    version: DIFF_JSON_VERSION,
    old: ctx.oldLabel,
    new: ctx.newLabel,
    verdict: result.verdict,
    summary: { ...counts(result.changes), failing: failing(result, ctx.failOn) },
    changes: result.changes.map((c) => ({
      kind: c.kind,
      level: c.level,
      runtime: c.level === "runtime",
      compile: c.level !== "compatible",
      semver: c.semver,
      ...(c.service !== undefined ? { service: c.service, version: c.version } : {}),
      ...(c.action !== undefined ? { action: c.action } : {}),
      ...(c.type !== undefined ? { type: c.type } : {}),
      ...(c.field !== undefined ? { field: c.field } : {}),
      ...(c.side !== undefined ? { side: c.side } : {}),
      ...(c.code !== undefined ? { code: c.code } : {}),
      ...(c.values !== undefined ? { values: c.values } : {}),
      location: { spec: c.location.spec, file: c.location.file, line: c.location.line, col: c.location.col },
      ...(c.anchor !== undefined ? { anchor: c.anchor } : {}),
      message: c.message,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
