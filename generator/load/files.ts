/**
 * Reading a specs directory: every `*.yaml` / `*.yml` below it, sorted by `/`-separated relative path.
 * Each file's size is known (fstat on the open file) before it is read, so a huge file is refused
 * without being read, and a file that cannot be read (permissions, a dangling or looping symlink, a
 * subfolder that cannot be listed) is a diagnostic naming that file; the other files are still read.
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { compareText, type Diagnostic } from "../diagnostics.js";
import type { SpecFile } from "../model/index.js";
import { readBounded } from "../read-bounded.js";

export const SPEC_EXTENSIONS: readonly string[] = [".yaml", ".yml"];

/** Larger files are refused up front: the YAML reader needs seconds per megabyte on slow machines. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export function isSpecPath(p: string): boolean {
  const lower = p.toLowerCase();
  return SPEC_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** The message for a file over MAX_FILE_BYTES. */
export function tooLargeMessage(size: number): string {
  const mb = (n: number): string => (n / (1024 * 1024)).toFixed(1);
  return `the file is too large (${mb(size)} MB; at most ${mb(MAX_FILE_BYTES)} MB per file): split it into several files`;
}

/** Why a path cannot be read, in words. */
export function unreadableReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOENT":
      return "it is a symlink to a file that does not exist";
    case "ELOOP":
      return "it is a symlink loop";
    case "EISDIR":
      return "it is a folder";
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

/**
 * Relative, `/`-separated paths of the spec files under `dir` (symlinked directories are not followed;
 * symlinks with a spec name are listed unless they point at something other than a file, so a broken
 * one is reported by the reader). A subfolder that cannot be listed goes to `onFolderError` (default:
 * skipped); the top folder failing throws.
 */
export async function listSpecPaths(dir: string, onFolderError?: (rel: string, error: unknown) => void): Promise<string[]> {
  const found: string[] = [];
  const pending: string[] = [""];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    let entries;
    try {
      entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    } catch (error) {
      if (rel === "") throw error;
      onFolderError?.(rel, error);
      continue;
    }
    for (const e of entries) {
      const childRel = rel === "" ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) pending.push(childRel);
      else if (isSpecPath(e.name)) {
        if (e.isFile()) found.push(childRel);
        else if (e.isSymbolicLink()) {
          const target = await stat(path.join(dir, childRel)).catch(() => undefined);
          if (target === undefined || target.isFile()) found.push(childRel);
        }
      }
    }
  }
  return found.sort(compareText);
}

export interface ReadSpecs {
  readonly files: SpecFile[];
  /** Files and folders that could not be read, or are too large (paths relative to `dir`). */
  readonly diagnostics: Diagnostic[];
}

const fileProblem = (file: string, message: string): Diagnostic => ({ file, line: 0, col: 0, message, path: "" });

/** Read one spec file: opened, sized with fstat, then read (never beyond MAX_FILE_BYTES). */
async function readOne(dir: string, rel: string): Promise<SpecFile | Diagnostic> {
  try {
    const read = await readBounded(path.join(dir, rel), MAX_FILE_BYTES);
    if (read.ok) return { path: rel, content: new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.length) };
    if (read.reason === "too-large") return fileProblem(rel, tooLargeMessage(read.size));
    return fileProblem(rel, `cannot read the file: ${read.reason === "changed" ? "it changed while being read" : "it is not a regular file"}`);
  } catch (error) {
    return fileProblem(rel, `cannot read the file: ${unreadableReason(error)}`);
  }
}

export async function readSpecFiles(dir: string): Promise<ReadSpecs> {
  const diagnostics: Diagnostic[] = [];
  const paths = await listSpecPaths(dir, (rel, error) => {
    diagnostics.push(fileProblem(rel, `cannot read the folder: ${unreadableReason(error)}`));
  });
  const files: SpecFile[] = [];
  for (const read of await Promise.all(paths.map((p) => readOne(dir, p)))) {
    if ("content" in read) files.push(read);
    else diagnostics.push(read);
  }
  return { files, diagnostics };
}
