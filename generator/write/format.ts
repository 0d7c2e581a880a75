// STUB — replaced by the write work. Contract: format every file with pinned prettier options
// (.js, .d.ts, .json, .md), returning files in the same order. Deterministic.
import type { OutputFile } from "../emit/output.js";
export async function formatFiles(files: readonly OutputFile[]): Promise<OutputFile[]> {
  return [...files];
}
