/**
 * Specs → formatted output files, the shared first half of `generate`, `check` and `validate`.
 * Tries the whole-output cache first; only on a miss is the pipeline imported. With `--prettier` the
 * output is formatted with the user's prettier config (and not cached).
 * Only successful runs are cached, and only if the specs did not change while we worked.
 */
import { resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import type { OutputFile } from "../emit/output.js";
import type { Model } from "../model/types.js";
import { defaultCacheDir } from "../write/cache-store.js";
import {
  matchesManifest,
  outputCacheKey,
  readCachedManifest,
  readCachedOutput,
  writeCachedOutput,
} from "../write/output-cache.js";
import type { Reporter } from "./reporter.js";
import { requireSpecsDir, type Settings } from "./settings.js";

export type Produced =
  | {
      readonly ok: true;
      readonly files: readonly OutputFile[];
      readonly services: number;
      readonly actions: number;
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

function counts(model: Model): { services: number; actions: number } {
  return { services: model.services.length, actions: model.services.reduce((n, s) => n + s.actions.length, 0) };
}

const STAGES = { load: "reading specs", emit: "generating code", format: "formatting" } as const;

/**
 * The fast path of `check` and `generate`: if the cache knows what these specs generate and the output
 * folder holds exactly that (compared by hash), the sizes of the output; otherwise undefined.
 */
export async function upToDateByCache(
  settings: Settings,
  reporter: Reporter,
): Promise<{ readonly files: number; readonly services: number; readonly actions: number } | undefined> {
  requireSpecsDir(settings);
  const cacheDir = settings.cache ? defaultCacheDir(reporter.io.cwd, reporter.io.env) : undefined;
  if (cacheDir === undefined) return undefined;
  const manifest = readCachedManifest(cacheDir, await outputCacheKey(settings.specsDir));
  if (!manifest || !matchesManifest(settings.outDir, manifest)) return undefined;
  reporter.debugNote(`output cache hit, output unchanged (${cacheDir})`);
  return { files: manifest.files.length, services: manifest.services, actions: manifest.actions };
}

export async function produceOutput(settings: Settings, reporter: Reporter): Promise<Produced> {
  requireSpecsDir(settings);
  const cacheDir = settings.cache ? defaultCacheDir(reporter.io.cwd, reporter.io.env) : undefined;
  const key = cacheDir === undefined || settings.prettier ? undefined : await outputCacheKey(settings.specsDir);
  const hit = key === undefined ? undefined : readCachedOutput(cacheDir, key);
  if (hit) {
    reporter.debugNote(`output cache hit (${cacheDir})`);
    return { ok: true, ...hit };
  }
  reporter.debugNote(cacheDir === undefined ? "cache off" : `output cache miss (${cacheDir})`);

  reporter.progress(STAGES.load);
  const { generateFromDir } = await import("../pipeline.js");
  const result = await generateFromDir(settings.specsDir, {
    onStage: (stage) => reporter.progress(STAGES[stage]),
    formatting: {
      prettier: settings.prettier ? { outDir: settings.outDir } : false,
      onProgress: (done, total) => reporter.progress(`formatting ${done}/${total} files`),
    },
  });
  reporter.clearProgress();
  if (!result.ok) return result;
  const produced = { files: result.files, ...counts(result.model) };
  if (key !== undefined && (await outputCacheKey(settings.specsDir)) === key) {
    writeCachedOutput(cacheDir, key, produced);
  }
  return { ok: true, ...produced };
}

export type Validated =
  | { readonly ok: true; readonly services: number; readonly actions: number }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Load and check the specs only (a hit in the output cache proves them valid). */
export async function validateSpecs(settings: Settings, reporter: Reporter): Promise<Validated> {
  requireSpecsDir(settings);
  const cacheDir = settings.cache ? defaultCacheDir(reporter.io.cwd, reporter.io.env) : undefined;
  const hit = cacheDir === undefined ? undefined : readCachedOutput(cacheDir, await outputCacheKey(settings.specsDir));
  if (hit) return { ok: true, services: hit.services, actions: hit.actions };
  reporter.progress(STAGES.load);
  const { loadModel } = await import("../model/index.js");
  const loaded = await loadModel(settings.specsDir);
  reporter.clearProgress();
  return loaded.ok ? { ok: true, ...counts(loaded.model) } : loaded;
}

export function printSpecDiagnostics(
  diagnostics: readonly Diagnostic[],
  settings: Settings,
  reporter: Reporter,
): void {
  // `resolve`, not `join`: a file given as an absolute path (the folder itself) must not be joined to it.
  reporter.diagnostics(diagnostics, (file) => settings.show(resolve(settings.specsDir, file)));
  const n = diagnostics.length;
  reporter.error(`${n} problem${n === 1 ? "" : "s"} in the specs (${settings.show(settings.specsDir)})`);
}
