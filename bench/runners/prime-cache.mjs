/**
 * Put a generation's output into tcgen's whole-output cache, exactly as a successful `tcgen generate`
 * leaves it (generator/cli/produce.ts: key = outputCacheKey(specsDir), value = {files, services,
 * actions}), so `tcgen check` can be measured after a generation without generating a second time.
 * The files are read back from the output folder the generation wrote. run.mjs confirms with
 * `check --debug` that the CLI then reports a cache hit, and falls back to a real `tcgen generate`
 * otherwise. node bench/runners/prime-cache.mjs <specsDir> <outDir> <cacheDir> <services> <actions>
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { distDir } from "../lib/util.mjs";

const [specsDir, outDir, cacheDir, services, actions] = process.argv.slice(2);
try {
  const cache = await import(pathToFileURL(join(distDir, "write/output-cache.js")).href);
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const abs = join(d.parentPath ?? d.path, d.name);
      return { path: abs.slice(outDir.length + 1).split("\\").join("/"), text: readFileSync(abs, "utf8") };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const key = await cache.outputCacheKey(specsDir);
  cache.writeCachedOutput(cacheDir, key, { files, services: Number(services), actions: Number(actions) });
  console.log(JSON.stringify({ files: files.length }));
} catch (e) {
  console.log(JSON.stringify({ error: String(e?.message ?? e).split("\n")[0] }));
  process.exitCode = 1;
}
