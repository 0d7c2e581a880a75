// STUB — replaced by the loader work. Contract below is fixed.
import type { Diagnostic } from "../diagnostics.js";
import type { Model } from "./types.js";

/** A spec file given in memory: path relative to the specs dir (`/`-separated), raw bytes or text. */
export interface SpecFile {
  readonly path: string;
  readonly content: Uint8Array | string;
}

export type LoadResult =
  | { readonly ok: true; readonly model: Model }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Read every `*.yaml` / `*.yml` under `specsDir` (recursively, sorted), validate, build the model. */
export async function loadModel(_specsDir: string): Promise<LoadResult> {
  throw new Error("not implemented");
}

/** Same as loadModel, from files in memory (tests, the importer). */
export function loadModelFromFiles(_files: readonly SpecFile[]): LoadResult {
  throw new Error("not implemented");
}
