/**
 * Load benchmark: median time of parse + structural pass + model build (`loadModelFromFiles`) over
 * synthetic specs of 1,000 and 3,000 actions. Wall time and process CPU time are both reported: on a
 * busy machine the wall time mostly measures the neighbours. `firstMs` is the first load of the
 * process (what one CLI run pays: schema validators set up, code not yet optimised); the medians are
 * warm.
 *
 * Run it with any TypeScript runner (`npx vite-node bench/load.ts`, `node --experimental-strip-types`
 * on Node ≥ 22.6), or import `runLoadBench()` from another script or a throwaway vitest file.
 */
import { loadModelFromFiles } from "../generator/model/index.js";
import { syntheticSpecFiles } from "./synthetic.js";

export interface LoadBenchRow {
  readonly actions: number;
  readonly files: number;
  readonly bytes: number;
  readonly runs: number;
  /** The first load in this process (cold: only the first size of a run has it truly cold). */
  readonly firstMs: number;
  readonly medianMs: number;
  readonly minMs: number;
  /** Median process CPU time (user + system) of one run. */
  readonly medianCpuMs: number;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function runLoadBench(sizes: readonly number[] = [1000, 3000], runs = 5): LoadBenchRow[] {
  const rows: LoadBenchRow[] = [];
  for (const actions of sizes) {
    const files = syntheticSpecFiles({ actions });
    const bytes = files.reduce((n, f) => n + (typeof f.content === "string" ? Buffer.byteLength(f.content) : f.content.length), 0);
    const t = performance.now();
    const warm = loadModelFromFiles(files);
    const firstMs = Math.round(performance.now() - t);
    if (!warm.ok) throw new Error(`synthetic spec does not load: ${JSON.stringify(warm.diagnostics.slice(0, 3))}`);
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      loadModelFromFiles(files);
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    rows.push({
      actions,
      files: files.length,
      bytes,
      runs,
      firstMs,
      medianMs: Math.round(median(times)),
      minMs: Math.round(Math.min(...times)),
      medianCpuMs: Math.round(median(cpu)),
    });
  }
  return rows;
}

const invokedDirectly = typeof process !== "undefined" && process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"));
if (invokedDirectly) {
  for (const row of runLoadBench()) {
    console.log(
      `${row.actions} actions (${row.files} files, ${(row.bytes / 1e6).toFixed(2)} MB): first ${row.firstMs} ms, then median ${row.medianMs} ms (CPU ${row.medianCpuMs} ms), min ${row.minMs} ms over ${row.runs} runs`,
    );
  }
}
