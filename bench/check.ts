/**
 * `tcgen check` wall time, by cache state: `npm run bench:check` (builds, then runs this via esbuild).
 *
 * For this repo's specs/ and for a synthetic 1,000-action spec (bench/synthetic.ts), after one
 * `tcgen generate` into bench/.work/check/<case>/generated:
 *   - warm        nothing changed: the whole-output cache hits (no ts-morph, no prettier);
 *   - format-only the whole-output cache is cleared before each run, the prettier cache is warm
 *                 (what a spec edit costs, roughly);
 *   - no cache    `--no-cache`: load + emit + format from scratch.
 * Each figure is the median (min–max) of several spawned `node bin/tcgen.js check` processes.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { syntheticSpecFiles } from "./synthetic.js";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const work = join(repo, "bench", ".work", "check");

// Run a snapshot of the built tcgen, so a rebuild during the bench cannot change what is measured.
const tool = join(work, "tcgen");
rmSync(tool, { recursive: true, force: true });
for (const part of ["bin", "dist", "schema", "templates", "package.json"]) cpSync(join(repo, part), join(tool, part), { recursive: true });
symlinkSync(join(repo, "node_modules"), join(tool, "node_modules"));
const bin = join(tool, "bin", "tcgen.js");

function tcgen(args: string[], cacheDir: string): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args, "--quiet"], {
    encoding: "utf8",
    env: { ...process.env, TCGEN_CACHE_DIR: cacheDir },
  });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`tcgen ${args.join(" ")} exited ${r.status}:\n${r.stderr}`);
  return ms;
}

function stat(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const f = (ms: number) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);
  return `${f(median)} (${f(sorted[0]!)}–${f(sorted[sorted.length - 1]!)})`;
}

function measure(name: string, id: string, specsDir: string, runs: { warm: number; cold: number }): string[] {
  const dir = join(work, id);
  const cacheDir = join(dir, "cache");
  rmSync(cacheDir, { recursive: true, force: true });
  const paths = ["--specs", specsDir, "--out", join(dir, "generated")];
  const generate = tcgen(["generate", ...paths], cacheDir);
  const warm = Array.from({ length: runs.warm }, () => tcgen(["check", ...paths], cacheDir));
  const formatOnly = Array.from({ length: runs.cold }, () => {
    for (const entry of readdirSync(cacheDir)) if (/^(output|manifest)-/.test(entry)) rmSync(join(cacheDir, entry));
    return tcgen(["check", ...paths], cacheDir);
  });
  const none = Array.from({ length: runs.cold }, () => tcgen(["check", "--no-cache", ...paths], cacheDir));
  return [name, stat(warm), stat(formatOnly), stat(none), stat([generate])];
}

const synthDir = join(work, "synthetic-1000", "specs");
rmSync(synthDir, { recursive: true, force: true });
for (const file of syntheticSpecFiles({ actions: 1000 })) {
  const path = join(synthDir, file.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.content);
}

const rows = [
  measure("this repo (specs/)", "repo", join(repo, "specs"), { warm: 7, cold: 3 }),
  measure("synthetic, 1,000 actions", "synthetic-1000", synthDir, { warm: 7, cold: 3 }),
];
const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(`tcgen check, wall time per process: median (min–max). ${availableParallelism()} × ${cpu}, Node ${process.version}\n`);
console.log("| input | warm (nothing changed) | output cache cold, format cache warm | --no-cache | first generate |");
console.log("|---|---|---|---|---|");
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
