import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { OutputFile } from "../../generator/emit/output.js";

/** Write generated files into `dir` (tests only: the product writes atomically via generator/write). */
export function writeOutput(dir: string, files: readonly OutputFile[]): void {
  for (const f of files) {
    const p = join(dir, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.text);
  }
}
