/**
 * Entry points of the load + model stages: spec files → located diagnostics, or the frozen model.
 * Parse and structural problems of all files are reported together; the semantic pass runs once
 * every file is structurally valid (its checks would only echo structural mistakes otherwise).
 */
import { sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { loadSpecs } from "../load/index.js";
import { readSpecFiles, type ReadSpecs } from "../load/files.js";
import { buildModel } from "./build.js";
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
export async function loadModel(specsDir: string): Promise<LoadResult> {
  let read: ReadSpecs;
  try {
    read = await readSpecFiles(specsDir);
  } catch (e) {
    // The folder itself, as given (an absolute path stays absolute when shown relative to the folder).
    const code = (e as NodeJS.ErrnoException | null)?.code;
    const reason = code ?? (e instanceof Error ? e.message : String(e));
    return { ok: false, diagnostics: [{ file: specsDir, line: 0, col: 0, path: "", message: `cannot read the specs directory: ${reason}` }] };
  }
  if (read.diagnostics.length === 0) return loadModelFromFiles(read.files);
  // Unreadable files are reported with the problems of the files that could be read.
  const loaded = read.files.length > 0 ? loadSpecs(read.files).diagnostics : [];
  const all = [...read.diagnostics];
  for (const d of loaded) all.push(d);
  return { ok: false, diagnostics: sortDiagnostics(all) };
}

/** Same as loadModel, from files in memory (tests, the importer). */
export function loadModelFromFiles(files: readonly SpecFile[]): LoadResult {
  if (files.length === 0) {
    return { ok: false, diagnostics: [{ file: ".", line: 0, col: 0, path: "", message: "no spec files (*.yaml, *.yml) found" }] };
  }
  const loaded = loadSpecs(files);
  if (loaded.diagnostics.length > 0) return { ok: false, diagnostics: loaded.diagnostics };
  return buildModel(loaded.docs);
}
