/**
 * One generation, timed per stage, in a fresh process: node bench/runners/generate.mjs <specsDir> <outDir>
 * Prints {stages: {name: ms}, totalMs, importMs, maxRssMB, files, bytes}.
 */
import { loadStages, timedModel, writeFiles } from "../lib/tcgen.mjs";

const [specsDir, outDir] = process.argv.slice(2);
/** Progress on stderr, one line per finished stage, so a run stopped at a time cap still tells how far it got. */
const progress = (stage, ms) => process.stderr.write(`bench-stage ${JSON.stringify({ stage, ms })}\n`);
try {
  let t = performance.now();
  const stages = await loadStages();
  const importMs = performance.now() - t;
  const { model, times } = await timedModel(stages, specsDir);
  for (const [k, v] of Object.entries(times)) progress(k, v);
  t = performance.now();
  const emitted = stages.emit.emitPackage(model);
  times.emit = performance.now() - t;
  progress("emit", times.emit);
  t = performance.now();
  // Cold: prettier's content cache is off, so every run formats everything. Without a format stage
  // (emitters write their final layout) the emitted files are the output.
  const files = stages.format?.formatFiles ? await stages.format.formatFiles(emitted, { cacheDir: false }) : emitted;
  times.format = performance.now() - t;
  progress("format", times.format);
  t = performance.now();
  await writeFiles(stages, outDir, files);
  times.write = performance.now() - t;
  const totalMs = Object.values(times).reduce((a, b) => a + b, 0);
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  const sum = (f) => model.services.reduce((n, s) => n + f(s), 0);
  const counts = {
    services: model.services.length,
    actions: sum((s) => s.actions.length),
    types: sum((s) => s.types.length),
    codes: sum((s) => s.errors.length) + model.commonErrors.length,
  };
  console.log(JSON.stringify({ stages: times, totalMs, importMs, maxRssMB, files: files.length, bytes, counts }));
} catch (e) {
  console.log(JSON.stringify({ error: String(e?.message ?? e).split("\n")[0] }));
  process.exitCode = 1;
}
