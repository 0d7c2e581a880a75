/**
 * Times `importTencentCloud` on the corpus (cvm: 106 actions, 422 codes; plus cbs and sts) and prints
 * the median of several runs after warm-up, with JSON.parse of the same api.json for scale.
 *
 * Run: npx esbuild bench/import.ts --bundle --platform=node --format=esm --packages=external \
 *        --outfile=bench/.import.mjs && node bench/.import.mjs [runs]
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { importTencentCloud } from "../generator/import/tencentcloud/index.js";

const corpus = resolve(dirname(fileURLToPath(import.meta.url)), "../../shared/corpus/tencentcloud");

export interface ImportTiming {
  readonly service: string;
  readonly apiBytes: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly parseMedianMs: number;
  readonly outputBytes: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function benchImport(folder: string, runs = 15, warmup = 3): ImportTiming {
  const api = { path: `${folder}/api.json`, text: readFileSync(resolve(corpus, folder, "api.json"), "utf8") };
  const errors = { path: `${folder}/errors.json`, text: readFileSync(resolve(corpus, folder, "errors.json"), "utf8") };
  let outputBytes = 0;
  const times: number[] = [];
  const parses: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    const r = importTencentCloud({ api, errors });
    const t1 = performance.now();
    JSON.parse(api.text);
    const t2 = performance.now();
    if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.diagnostics)}`);
    outputBytes = r.files.reduce((n, f) => n + f.text.length, 0);
    if (i >= warmup) {
      times.push(t1 - t0);
      parses.push(t2 - t1);
    }
  }
  return {
    service: folder,
    apiBytes: api.text.length,
    medianMs: median(times),
    minMs: Math.min(...times),
    parseMedianMs: median(parses),
    outputBytes,
  };
}

function main(): void {
  const runs = Number(process.argv[2] ?? 15);
  for (const folder of ["cvm/v20170312", "cbs/v20170312", "sts/v20180813"]) {
    const t = benchImport(folder, runs);
    console.log(
      `${t.service}: import median ${t.medianMs.toFixed(1)} ms (min ${t.minMs.toFixed(1)}, ${runs} runs) for ` +
        `${(t.apiBytes / 1024).toFixed(0)} KiB api.json → ${(t.outputBytes / 1024).toFixed(0)} KiB YAML; ` +
        `JSON.parse alone ${t.parseMedianMs.toFixed(1)} ms`,
    );
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
