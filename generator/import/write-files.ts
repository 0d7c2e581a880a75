/**
 * File system side of the importer: reading inputs as UTF-8, finding an existing package file in a
 * specs dir, and writing outputs (each through a temporary file and a rename, so a reader never sees a
 * half-written spec). Files whose content is already identical are left untouched.
 */
import { mkdir, readdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { compareText } from "../diagnostics.js";
import type { InputFile } from "./json-source.js";

export type ReadResult = { readonly ok: true; readonly file: InputFile } | { readonly ok: false; readonly diagnostic: Diagnostic };

/** Read `path` as UTF-8 text (a file that is not UTF-8 is a diagnostic). */
export async function readInput(path: string): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, diagnostic: { file: path, line: 0, col: 0, path: "", message: `cannot read the file: ${errorText(error)}` } };
  }
  try {
    return { ok: true, file: { path, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) } };
  } catch {
    return { ok: false, diagnostic: { file: path, line: 0, col: 0, path: "", message: "the file is not UTF-8 text" } };
  }
}

/** A package file found in a specs dir: its path relative to the dir, and its text. */
export interface FoundPackageFile {
  readonly path: string;
  readonly text: string;
}

/** The first (by sorted path) `*.yaml`/`*.yml` under `dir` with a top-level `package:` key; skips node_modules and dot folders. */
export async function findPackageFile(dir: string): Promise<FoundPackageFile | undefined> {
  for (const rel of await yamlFiles(dir, "")) {
    const text = await readFile(join(dir, rel), "utf8");
    if (/^package[ \t]*:/m.test(text)) return { path: rel, text };
  }
  return undefined;
}

async function yamlFiles(root: string, rel: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(join(root, rel), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => compareText(a.name, b.name))) {
    const child = rel === "" ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) {
      if (e.name !== "node_modules" && !e.name.startsWith(".")) for (const f of await yamlFiles(root, child)) out.push(f);
    } else if (e.isFile() && /\.ya?ml$/.test(e.name)) out.push(child);
  }
  return out;
}

/** Write files under `dir` (relative `/` paths). Returns the paths actually changed. */
export async function writeFilesAtomically(dir: string, files: readonly { path: string; text: string }[]): Promise<string[]> {
  const changed: string[] = [];
  for (const f of files) {
    const target = join(dir, ...f.path.split("/"));
    const existing = await readFile(target, "utf8").catch(() => undefined);
    if (existing === f.text) continue;
    await mkdir(dirname(target), { recursive: true });
    const temp = join(dirname(target), `.${f.path.split("/").pop() ?? "spec"}.${process.pid}.tmp`);
    try {
      await writeFile(temp, f.text, "utf8");
      await rename(temp, target);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    changed.push(f.path);
  }
  return changed;
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return "code" in error && typeof error.code === "string" ? `${error.code}: ${error.message}` : error.message;
  return String(error);
}
