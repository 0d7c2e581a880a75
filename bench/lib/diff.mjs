/**
 * Benchmark section "diff": `tcgen diff` between two cvm history snapshots, as a whole CLI process
 * (`node bin/tcgen.js diff <old> <new> --format json`), median of fresh-process runs. The snapshots
 * (../shared/corpus/history, read in place) are imported once into bench/.work/diff/ with `tcgen import`.
 * The pair is the two oldest cvm snapshots: the largest diff of the history (hundreds of changes).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fmtMs, fmtStat } from "./format.mjs";
import { corpusRoot, failureReason, freshDir, has, repoRoot, runNode, summarize, workDir } from "./util.mjs";

const RUNS = 7;

/** Measures; returns { data, table, median } (median undefined when not measured; data.reason says why). */
export async function measureDiff({ quick = false } = {}) {
  const cli = join(repoRoot, "bin/tcgen.js");
  const history = join(corpusRoot, "history/cvm/v20170312");
  const keys = { pair: null, changes: null, verdict: null, wallMs: null, reason: null };
  const table = { title: "8. `tcgen diff` on two cvm history snapshots (whole CLI process, `--format json`)", head: ["snapshots", "changes", "diff", "runs"], rows: [] };
  if (!has(history)) return { data: { ...keys, reason: `no history corpus at ${history}` }, table, median: undefined };
  const [a, b] = readdirSync(history).sort();
  const dir = join(workDir, "diff");
  freshDir(dir);
  for (const snap of [a, b]) {
    const src = join(history, snap);
    const r = await runNode(cli, ["import", "tencentcloud", "--api", join(src, "api.json"), "--errors", join(src, "errors.json"), "--out", join(dir, snap)]);
    if (!r.ok) return { data: { ...keys, reason: `import of ${snap} failed: ${failureReason(r)}` }, table, median: undefined };
  }
  const times = [];
  let doc;
  for (let i = 0; i < (quick ? 2 : RUNS); i++) {
    const r = await runNode(cli, ["diff", a, b, "--format", "json"], { cwd: dir });
    if (!r.ok) return { data: { ...keys, reason: `diff failed: ${failureReason(r)}` }, table, median: undefined };
    doc ??= JSON.parse(r.stdout);
    times.push(r.wallMs);
  }
  const t = summarize(times);
  const pair = `${a} → ${b}`;
  table.rows.push([pair, String(doc.changes.length), fmtStat(t, fmtMs), String(t.runs)]);
  return { data: { pair, changes: doc.changes.length, verdict: doc.verdict.semver, wallMs: t, reason: null }, table, median: t.median };
}
