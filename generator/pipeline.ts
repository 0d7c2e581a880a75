/**
 * The whole pipeline as one pure function from specs to files: load → model → emit → format.
 * Only generator/write touches the output directory; `generate` and `check` both start here.
 */
import type { Diagnostic } from "./diagnostics.js";
import { emitPackage } from "./emit/index.js";
import type { OutputFile } from "./emit/output.js";
import { loadModel, loadModelFromFiles, type LoadResult, type SpecFile } from "./model/index.js";
import type { Model } from "./model/types.js";
import { formatFiles } from "./write/format.js";

export type GenerateResult =
  | { readonly ok: true; readonly model: Model; readonly files: readonly OutputFile[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export interface GenerateOptions {
  /** Run prettier over the output (default true). Tests of emitters may skip it. */
  readonly format?: boolean;
}

async function fromLoad(loaded: LoadResult, options: GenerateOptions): Promise<GenerateResult> {
  if (!loaded.ok) return loaded;
  const emitted = emitPackage(loaded.model);
  const files = options.format === false ? emitted : await formatFiles(emitted);
  return { ok: true, model: loaded.model, files };
}

export async function generateFromDir(specsDir: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  return fromLoad(await loadModel(specsDir), options);
}

export async function generateFromFiles(
  specFiles: readonly SpecFile[],
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  return fromLoad(loadModelFromFiles(specFiles), options);
}
