/**
 * The generator's stages, from the compiled generator in dist/ (built by `npm run build`).
 * Stages are found by their exported names; when a split is not exported, stages are merged and the
 * merged stage is reported under a joined name (e.g. `load+model`).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { distDir } from "./util.mjs";

const dist = (p) => import(pathToFileURL(join(distDir, p)).href);
const tryDist = async (p) => {
  try {
    return await dist(p);
  } catch (e) {
    if (e?.code === "ERR_MODULE_NOT_FOUND") return undefined;
    throw e;
  }
};

export async function loadStages() {
  const modelIndex = await dist("model/index.js");
  const emit = await dist("emit/index.js");
  // Absent once emitters write their final layout (prettier off the hot path): then no format stage.
  const format = await tryDist("write/format.js");
  const write = await tryDist("write/atomic.js");
  const load = await tryDist("load/index.js");
  const build = await tryDist("model/build.js");
  return { modelIndex, emit, format, write, load, build };
}

function fail(diagnostics) {
  const first = (diagnostics ?? []).slice(0, 3).map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`);
  throw new Error(`specs do not load: ${first.join("; ")}`);
}

/**
 * Load + build the model from a specs dir, timing each stage that tcgen exposes separately.
 * Returns { model, times: { load, model } | { "load+model" } }.
 */
export async function timedModel(stages, specsDir) {
  const { load, build, modelIndex } = stages;
  if (load?.loadSpecs && load?.readSpecFiles && build?.buildModel) {
    // load = read the files + parse YAML + structural validation; model = semantic pass + build + freeze.
    let t = performance.now();
    // readSpecFiles gives { files, diagnostics } (a plain list before the hostile-input work).
    const read = await load.readSpecFiles(specsDir);
    const files = Array.isArray(read) ? read : read.files;
    if (!Array.isArray(read) && read.diagnostics.length > 0) fail(read.diagnostics);
    const loaded = load.loadSpecs(files);
    const tLoad = performance.now() - t;
    if (loaded.diagnostics.length > 0) fail(loaded.diagnostics);
    t = performance.now();
    const built = build.buildModel(loaded.docs);
    const tModel = performance.now() - t;
    if (!built.ok) fail(built.diagnostics);
    return { model: built.model, times: { load: tLoad, model: tModel } };
  }
  const t = performance.now();
  const r = await modelIndex.loadModel(specsDir);
  const dt = performance.now() - t;
  if (!r.ok) fail(r.diagnostics);
  return { model: r.model, times: { "load+model": dt } };
}

/** Load the model without timing (for runners that only need its content). */
export async function modelOf(specsDir) {
  const stages = await loadStages();
  return (await timedModel(stages, specsDir)).model;
}

/** Write the files into outDir (replacing it): tcgen's atomic writer when built, else plain fs. */
export async function writeFiles(stages, outDir, files) {
  const w = stages.write;
  if (w?.writeOutputAtomically) return w.writeOutputAtomically(outDir, files);
  rmSync(outDir, { recursive: true, force: true });
  for (const f of files) {
    const p = join(outDir, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.text);
  }
}
