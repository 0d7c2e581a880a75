/**
 * openapi-typescript on an OpenAPI document, in a fresh process, the way its CLI runs:
 * read + validate (redocly) → transform → print → write. node bench/runners/peer-openapi.mjs <doc.json> <out.ts>
 * Prints {totalMs, importMs, maxRssMB, bytes}.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { peersDir } from "../lib/util.mjs";

const [docPath, outPath] = process.argv.slice(2);
try {
  let t = performance.now();
  const mod = await import(pathToFileURL(join(peersDir, "node_modules/openapi-typescript/dist/index.mjs")).href);
  const importMs = performance.now() - t;
  t = performance.now();
  const ast = await mod.default(pathToFileURL(docPath));
  const text = mod.astToString(ast);
  writeFileSync(outPath, text);
  const totalMs = performance.now() - t;
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ totalMs, importMs, maxRssMB, bytes: Buffer.byteLength(text) }));
} catch (e) {
  console.log(JSON.stringify({ error: String(e?.message ?? e).split("\n")[0] }));
  process.exitCode = 1;
}
