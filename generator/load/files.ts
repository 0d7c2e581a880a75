/** Reading a specs directory: every `*.yaml` / `*.yml` below it, sorted by `/`-separated relative path. */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { compareText } from "../diagnostics.js";
import type { SpecFile } from "../model/index.js";

export const SPEC_EXTENSIONS: readonly string[] = [".yaml", ".yml"];

export function isSpecPath(p: string): boolean {
  const lower = p.toLowerCase();
  return SPEC_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Relative, `/`-separated paths of the spec files under `dir` (symlinked directories are not followed). */
export async function listSpecPaths(dir: string): Promise<string[]> {
  const found: string[] = [];
  const pending: string[] = [""];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      const childRel = rel === "" ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) pending.push(childRel);
      else if (isSpecPath(e.name)) {
        if (e.isFile()) found.push(childRel);
        else if (e.isSymbolicLink() && (await stat(path.join(dir, childRel))).isFile()) found.push(childRel);
      }
    }
  }
  return found.sort(compareText);
}

export async function readSpecFiles(dir: string): Promise<SpecFile[]> {
  const paths = await listSpecPaths(dir);
  return Promise.all(paths.map(async (p) => ({ path: p, content: new Uint8Array(await readFile(path.join(dir, p))) })));
}
