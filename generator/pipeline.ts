/**
 * The whole pipeline as one pure function from specs to files: load → model → emit (final text; with
 * `formatting.prettier`, the user's prettier style on top).
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
  /** Format with the user's prettier config (`--prettier`); by default the emitted text is final. */
  readonly formatting?: FormatOptions;
  /** Told when a stage starts (for a progress line). */
  readonly onStage?: (stage: "load" | "emit" | "format") => void;
}

async function fromLoad(loaded: LoadResult, options: GenerateOptions): Promise<GenerateResult> {
  if (!loaded.ok) return loaded;
  options.onStage?.("emit");
  const emitted = emitPackage(loaded.model);
  const prettier = options.formatting?.prettier;
  if (prettier === undefined || prettier === false) return { ok: true, model: loaded.model, files: emitted };
  options.onStage?.("format");
  const files = await formatFiles(emitted, options.formatting);
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
