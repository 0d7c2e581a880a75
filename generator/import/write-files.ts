/**
 * File system side of the importer: reading inputs as UTF-8 (size known before reading), finding an
 * existing package file in a specs dir, and writing outputs all or nothing (staged, then renamed in;
 * undone on failure). Files whose content is already identical are left untouched.
 */
import { randomBytes } from "node:crypto";
import { lstat, mkdir, readdir, rename, rm, unlink, writeFile } from "node:fs/promises";
import { dirname, join, posix } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { compareText } from "../diagnostics.js";
import { MAX_FILE_BYTES } from "../load/files.js";
import { readBounded } from "../read-bounded.js";
import { realPath, within } from "../real-path.js";
import type { InputFile } from "./json-source.js";

export type ReadResult = { readonly ok: true; readonly file: InputFile } | { readonly ok: false; readonly diagnostic: Diagnostic };

/** Largest api.json / errors.json read (checked with fstat before reading): JSON.parse needs several times the size. */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

/** Read `path` as UTF-8 text (a file that is not UTF-8, not a regular file or too large is a diagnostic). */
export async function readInput(path: string): Promise<ReadResult> {
  const problem = (message: string): ReadResult => ({ ok: false, diagnostic: { file: path, line: 0, col: 0, path: "", message } });
  let bytes: Uint8Array;
  try {
    const read = await readBounded(path, MAX_INPUT_BYTES);
    if (!read.ok) {
      if (read.reason === "too-large") return problem(`the file is too large (${(read.size / 1048576).toFixed(1)} MB; at most ${MAX_INPUT_BYTES / 1048576} MB)`);
      return problem(`cannot read the file: ${read.reason === "changed" ? "it changed while being read" : "it is not a regular file"}`);
    }
    bytes = read.bytes;
  } catch (error) {
    return problem(`cannot read the file: ${errorText(error)}`);
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
    const info = await lstat(join(dir, rel)).catch(() => undefined);
    if (!info?.isFile()) continue;
    // the loader refuses a larger one anyway; never read whole
    const read = await readBounded(join(dir, rel), MAX_FILE_BYTES).catch(() => undefined);
    if (!read?.ok) continue;
    const text = read.bytes.toString("utf8");
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

/**
 * Write files under `dir` (relative `/` paths) and remove `remove` (relative paths, absent ones are
 * skipped), all or nothing. Phase 1 stages every changed file's new text in a private folder
 * `dir/.tcgen-import-<pid>-<random>/` (files named `<n>.tmp`, which no spec loader lists) and creates
 * the missing folders; phase 2 moves each existing target aside into that folder and the staged file in
 * (renames within one file system). Any failure undoes what was done, in reverse: the specs folder is
 * as before, and the error is rethrown. Staging folders of runs that no longer exist are removed.
 * Test hook: `TCGEN_TEST_FAIL_AFTER_RENAMES=N` fails phase 2 after N files were swapped in.
 * Returns the paths actually changed (written or removed).
 */
export async function writeFilesAtomically(
  dir: string,
  files: readonly { path: string; text: string }[],
  remove: readonly string[] = [],
): Promise<string[]> {
  const changed: { path: string; text: string | undefined }[] = [];
  for (const f of files) {
    const existing = await readSmallText(join(dir, ...f.path.split("/")), Buffer.byteLength(f.text));
    if (existing !== f.text) changed.push(f);
  }
  for (const path of remove) {
    if (await exists(join(dir, ...path.split("/")))) changed.push({ path, text: undefined });
  }
  if (changed.length === 0) return [];

  await mkdir(dir, { recursive: true });
  const root = realPath(dir);
  await removeDeadStages(dir);
  const stage = join(dir, `${STAGE_PREFIX}${process.pid}-${randomBytes(6).toString("hex")}`);
  await mkdir(stage);
  const undo: Array<() => Promise<void>> = [];
  try {
    // Phase 1: nothing visible changes but new (empty) folders.
    for (const [i, f] of changed.entries()) {
      const target = join(dir, ...f.path.split("/"));
      // A folder of the specs tree that is a symlink out of it is not followed: nothing is written outside.
      if (!within(realPath(dirname(target)), root)) {
        throw new Error(`${posix.dirname(f.path)} leads outside the specs folder (a symlink); nothing is written through it`);
      }
      if (f.text === undefined) continue;
      const present = await lstat(target).catch(() => undefined);
      if (present !== undefined && !present.isFile()) throw new Error(`${target} exists and is not a regular file`);
      const parent = dirname(target);
      const made = await mkdir(parent, { recursive: true });
      if (made !== undefined) undo.push(() => rm(made, { recursive: true, force: true }));
      await writeFile(join(stage, `${i}.tmp`), f.text, "utf8");
    }
    // Phase 2: swap each file in, keeping what it replaces until the end.
    const failAfter = Number(process.env["TCGEN_TEST_FAIL_AFTER_RENAMES"] ?? Number.NaN);
    for (const [i, f] of changed.entries()) {
      if (i === failAfter) throw new Error(`injected failure after ${i} files (TCGEN_TEST_FAIL_AFTER_RENAMES)`);
      const target = join(dir, ...f.path.split("/"));
      const backup = join(stage, `${i}.bak`);
      if (await exists(target)) {
        await rename(target, backup);
        undo.push(() => rename(backup, target));
      }
      if (f.text !== undefined) {
        await rename(join(stage, `${i}.tmp`), target);
        undo.push(() => unlink(target));
      }
    }
  } catch (error) {
    for (const step of undo.reverse()) await step().catch(() => undefined);
    await rm(stage, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  await rm(stage, { recursive: true, force: true }).catch(() => undefined);
  return changed.map((f) => f.path);
}

const STAGE_PREFIX = ".tcgen-import-";

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** The text of a regular file no larger than `size` bytes (only then can it equal the new text), else undefined. */
async function readSmallText(path: string, size: number): Promise<string | undefined> {
  const info = await lstat(path).catch(() => undefined);
  if (!info?.isFile() || info.size !== size) return undefined;
  const read = await readBounded(path, size).catch(() => undefined);
  return read?.ok ? read.bytes.toString("utf8") : undefined;
}

async function removeDeadStages(dir: string): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  for (const name of entries) {
    const pid = new RegExp(`^${STAGE_PREFIX.replace(/\./g, "\\.")}(\\d+)-[0-9a-f]+$`).exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid) continue;
    let alive = true;
    try {
      process.kill(Number(pid), 0);
    } catch (error) {
      alive = (error as NodeJS.ErrnoException).code === "EPERM";
    }
    if (!alive) await rm(join(dir, name), { recursive: true, force: true }).catch(() => undefined);
  }
}

/** An error's text once: Node's file-system messages already start with their code (`ENOTDIR: not a directory, …`). */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
  return code === undefined || error.message.startsWith(code) ? error.message : `${code}: ${error.message}`;
}
