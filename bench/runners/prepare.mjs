/**
 * Write the specs of one benchmark input into a folder (not timed):
 *   node bench/runners/prepare.mjs synthetic '<json options>' <dir>   bench/synthetic.ts (compiled by run.mjs)
 *   node bench/runners/prepare.mjs cvm '{}' <dir>                     the cvm corpus through generator/import
 *   node bench/runners/prepare.mjs union '{"codes":3000}' <dir>       bench/lib/union-spec.mjs
 * Prints {files, bytes}.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { unionSpecFiles } from "../lib/union-spec.mjs";
import { cvmCorpus, distDir, has, repoRoot, workDir } from "../lib/util.mjs";

const [kind, optionsText, dir] = process.argv.slice(2);
const options = JSON.parse(optionsText ?? "{}");

/** The importer may return service files only: then add the repo's own package file (specs/). */
function withPackageFile(files, importer) {
  const isPackage = (text) => /^package:/m.test(text);
  if (files.some((f) => isPackage(String(f.content ?? f.text)))) return files;
  const defaults = typeof importer.tencentDefaultsFile === "function" ? importer.tencentDefaultsFile() : undefined;
  if (defaults?.ok) return [...files, defaults.file];
  const specs = join(repoRoot, "specs");
  const found = has(specs) ? readdirSync(specs, { recursive: true }).map(String).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  for (const f of found) {
    const text = readFileSync(join(specs, f), "utf8");
    if (isPackage(text)) return [...files, { path: "package.yaml", content: text }];
  }
  throw new Error("the importer returned no package file and specs/ has none");
}

async function specFiles() {
  if (kind === "union") return unionSpecFiles(options.codes);
  if (kind === "synthetic") {
    const compiled = join(workDir, "build/synthetic.mjs");
    if (!has(compiled)) throw new Error("bench/synthetic.ts is unavailable");
    const mod = await import(pathToFileURL(compiled).href);
    return mod.syntheticSpecFiles(options);
  }
  if (kind === "cvm") {
    if (!has(cvmCorpus)) throw new Error(`corpus not found at ${cvmCorpus}`);
    const candidates = ["import/index.js", "import/tencentcloud/index.js"].map((p) => join(distDir, p)).filter(has);
    let mod;
    for (const c of candidates) {
      const m = await import(pathToFileURL(c).href);
      if (typeof m.importTencentCloud === "function") {
        mod = m;
        break;
      }
    }
    if (!mod) throw new Error("generator/import (importTencentCloud) is unavailable");
    const read = (f) => ({ path: join(cvmCorpus, f), text: readFileSync(join(cvmCorpus, f), "utf8") });
    const r = await mod.importTencentCloud({ api: read("api.json"), errors: read("errors.json") });
    if (r && r.ok === false) throw new Error(`import failed: ${JSON.stringify((r.diagnostics ?? []).slice(0, 2))}`);
    if (Array.isArray(r)) return withPackageFile(r, mod);
    return withPackageFile(r.files ?? r.specFiles ?? r.specs, mod);
  }
  throw new Error(`unknown input kind ${kind}`);
}

try {
  const files = await specFiles();
  rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  for (const f of files) {
    const p = join(dir, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.content ?? f.text);
    bytes += typeof (f.content ?? f.text) === "string" ? Buffer.byteLength(f.content ?? f.text) : (f.content ?? f.text).length;
  }
  console.log(JSON.stringify({ files: files.length, bytes }));
} catch (e) {
  console.log(JSON.stringify({ error: String(e?.message ?? e).split("\n")[0] }));
  process.exitCode = 1;
}
