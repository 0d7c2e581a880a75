/**
 * The load stage: spec files → parsed, structurally valid documents with source positions.
 * Every problem of every file is collected; nothing here throws for bad input.
 */
import { sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import type { SpecFile } from "../model/index.js";
import type { SpecDocument } from "./document.js";
import { parseSpec } from "./parse.js";
import { validateStructure } from "./schema.js";

export { SpecDocument, formatPath, fileDiagnostic, type DocPath, type FileKind, type PathSegment } from "./document.js";
export { readSpecFiles, listSpecPaths } from "./files.js";

export interface LoadedSpecs {
  /** Documents that parsed and passed the structural pass (sorted by file path). */
  readonly docs: readonly SpecDocument[];
  /** Problems from parsing and the structural pass, sorted. Empty when every file is fine. */
  readonly diagnostics: readonly Diagnostic[];
}

export function loadSpecs(files: readonly SpecFile[]): LoadedSpecs {
  const docs: SpecDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const f of sorted) {
    const parsed = parseSpec(f.path, f.content);
    for (const d of parsed.diagnostics) diagnostics.push(d);
    if (!parsed.doc) continue;
    const problems = validateStructure(parsed.doc);
    for (const d of problems) diagnostics.push(d);
    if (problems.length === 0) docs.push(parsed.doc);
  }
  return { docs, diagnostics: sortDiagnostics(diagnostics) };
}
