/**
 * The TypeScript helpers other parts of the project keep in bench/ (bench/synthetic.ts …) are compiled
 * with esbuild into bench/.work/build/*.mjs at bench start, so the runners need no TS loader.
 * Packages stay external (resolved from the repo's node_modules); relative imports are bundled.
 */
import { join } from "node:path";
import { benchDir, ensureDir, has, workDir } from "./util.mjs";

export const BENCH_TS = ["synthetic"];

export async function buildBenchTs() {
  const esbuild = await import("esbuild");
  const outDir = ensureDir(join(workDir, "build"));
  const missing = {};
  for (const name of BENCH_TS) {
    const entry = join(benchDir, `${name}.ts`);
    if (!has(entry)) {
      missing[name] = "file not found";
      continue;
    }
    try {
      await esbuild.build({
        entryPoints: [entry],
        outfile: join(outDir, `${name}.mjs`),
        bundle: true,
        packages: "external",
        platform: "node",
        format: "esm",
        target: "node20",
        logLevel: "silent",
      });
    } catch (e) {
      missing[name] = String(e?.message ?? e).split("\n").slice(0, 2).join(" ");
    }
  }
  return { missing };
}
