/**
 * The whole pipeline as one pure function from specs to files: load → model → emit → format.
 * Only generator/write touches the output directory; `generate` and `check` both start here.
 */
import type { Diagnostic } from "./diagnostics.js";
import { emitPackage } from "./emit/index.js";
import type { OutputFile } from "./emit/output.js";
import { loadModel, loadModelFromFiles, type LoadResult, type SpecFile } from "./model/index.js";
import type { Model } from "./model/types.js";
import { formatFiles, type FormatOptions } from "./write/format.js";

export type GenerateResult =
  | { readonly ok: true; readonly model: Model; readonly files: readonly OutputFile[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export interface GenerateOptions {
  /** Run prettier over the output (default true). Tests of emitters may skip it. */
  readonly format?: boolean;
  /** Cache folder, worker threads and progress of the format stage. */
  readonly formatting?: FormatOptions;
  /** Told when a stage starts (for a progress line). */
  readonly onStage?: (stage: "load" | "emit" | "format") => void;
}

async function fromLoad(loaded: LoadResult, options: GenerateOptions): Promise<GenerateResult> {
  if (!loaded.ok) return loaded;
  options.onStage?.("emit");
  const emitted = emitPackage(loaded.model);
  if (options.format !== false) options.onStage?.("format");
  const files = options.format === false ? emitted : await formatFiles(emitted, options.formatting);
  return { ok: true, model: loaded.model, files };
}

export async function generateFromDir(specsDir: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  options.onStage?.("load");
  return fromLoad(await loadModel(specsDir), options);
}

export async function generateFromFiles(
  specFiles: readonly SpecFile[],
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  options.onStage?.("load");
  return fromLoad(loadModelFromFiles(specFiles), options);
}
