/**
 * The output's `runtime/` folder: the compiled form (`.js` + `.d.ts`) of generator/runtime, produced by
 * `npm run build` into dist/runtime. Copied byte for byte; read once per process.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compareText } from "../diagnostics.js";
import type { OutputFile } from "./output.js";
import { tcgenRoot } from "./tcgen-root.js";

let cache: OutputFile[] | undefined;

export function emitRuntimeFiles(): OutputFile[] {
  if (cache) return cache;
  const dir = join(tcgenRoot(), "dist", "runtime");
  if (!existsSync(dir)) {
    throw new Error(`tcgen: the compiled runtime is missing (${dir}); run \`npm run build\``);
  }
  cache = readdirSync(dir)
    .filter((f) => f.endsWith(".js") || f.endsWith(".d.ts"))
    .sort(compareText)
    .map((f) => ({ path: `runtime/${f}`, text: readFileSync(join(dir, f), "utf8") }));
  return cache;
}
