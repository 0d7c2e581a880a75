/**
 * Compare the files tcgen would write with what is on disk, and describe the drift: stale files
 * (content differs) with a bounded unified diff, missing files, and unexpected files (on disk but not
 * generated — hand-added ones too). Only a top-level `node_modules` folder of the output is ignored.
 */
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { OutputFile } from "../emit/output.js";
import { compareText } from "../diagnostics.js";
import { printable } from "../printable.js";
import { readBoundedSync } from "../read-bounded.js";

export interface StaleFile {
  readonly path: string;
  readonly onDisk: string;
  readonly generated: string;
  /** Set when the file on disk was not read (too large, or not a regular file): shown instead of a diff. */
  readonly note?: string;
}

export interface Drift {
  readonly stale: readonly StaleFile[];
  readonly missing: readonly string[];
  readonly unexpected: readonly string[];
}

export function hasDrift(drift: Drift): boolean {
  return drift.stale.length + drift.missing.length + drift.unexpected.length > 0;
}

/** An entry of a listed tree: a regular file with its size, or anything else (symlink, fifo, socket, device). */
export interface TreeEntry {
  readonly regular: boolean;
  readonly size: number;
}

/**
 * Every entry under `dir` that is not a folder (relative, `/`-separated, sorted) with its kind and size,
 * without reading any file and without following symlinks. A missing dir is empty. The top-level
 * `node_modules` is skipped.
 */
export function listTree(dir: string): Map<string, TreeEntry> {
  const out = new Map<string, TreeEntry>();
  const pending: string[] = [""];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    const abs = rel === "" ? dir : join(dir, ...rel.split("/"));
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch (error) {
      if (rel === "" && (error as NodeJS.ErrnoException).code === "ENOENT") return out;
      throw error;
    }
    for (const entry of entries) {
      const relPath = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (relPath !== "node_modules") pending.push(relPath);
      } else if (entry.isFile()) {
        out.set(relPath, { regular: true, size: statSize(join(abs, entry.name)) });
      } else {
        out.set(relPath, { regular: false, size: 0 });
      }
    }
  }
  return new Map([...out].sort((a, b) => compareText(a[0], b[0])));
}

function statSize(path: string): number {
  try {
    return lstatSync(path).size;
  } catch {
    return 0;
  }
}

/** Every file under `dir` → bytes (special files as empty), sorted; for trees tcgen wrote (tests, its own dist). */
export function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const [rel, entry] of listTree(dir)) {
    out.set(rel, entry.regular ? readFileSync(join(dir, ...rel.split("/"))) : Buffer.alloc(0));
  }
  return out;
}

/** Files on disk larger than this are not read to show a diff (only their size is reported). */
export const MAX_DIFF_BYTES = 8 * 1024 * 1024;

/**
 * Compare by listing first: a file of another size than the generated one is stale without being
 * compared; a file is read only when it is a regular file and small enough (its size equal to the
 * generated file's, or at most MAX_DIFF_BYTES to show a diff). Unexpected files are never read.
 */
export function compareWithDisk(outDir: string, files: readonly OutputFile[]): Drift {
  const disk = listTree(outDir);
  const stale: StaleFile[] = [];
  const missing: string[] = [];
  for (const file of files) {
    const entry = disk.get(file.path);
    disk.delete(file.path);
    if (entry === undefined) {
      missing.push(file.path);
      continue;
    }
    const generated = Buffer.from(file.text, "utf8");
    if (!entry.regular) {
      stale.push({ path: file.path, onDisk: "", generated: file.text, note: "not a regular file on disk" });
      continue;
    }
    if (entry.size !== generated.length && entry.size > MAX_DIFF_BYTES) {
      stale.push({ path: file.path, onDisk: "", generated: file.text, note: `${entry.size} bytes on disk, ${generated.length} generated (too large to diff)` });
      continue;
    }
    // Bounded and non-blocking: the file may have changed since it was listed.
    const read = readBoundedSync(join(outDir, ...file.path.split("/")), Math.max(MAX_DIFF_BYTES, generated.length));
    if (!read.ok) stale.push({ path: file.path, onDisk: "", generated: file.text, note: "changed while being compared" });
    else if (!read.bytes.equals(generated)) stale.push({ path: file.path, onDisk: read.bytes.toString("utf8"), generated: file.text });
  }
  const sortPaths = (a: { path: string }, b: { path: string }) => compareText(a.path, b.path);
  return {
    stale: stale.sort(sortPaths),
    missing: missing.sort(compareText),
    unexpected: [...disk.keys()],
  };
}

/** 1-based number of the first line where the two texts differ. */
export function firstDifferentLine(a: string, b: string): number {
  const la = a.split("\n");
  const lb = b.split("\n");
  let i = 0;
  while (i < la.length && i < lb.length && la[i] === lb[i]) i++;
  return Math.min(i + 1, la.length);
}

export interface ReportOptions {
  /** How the output dir is shown (relative to the cwd), e.g. `generated`. */
  readonly outLabel: string;
  readonly maxLinesPerFile?: number;
  readonly maxLinesTotal?: number;
  /** ANSI colour for diff lines. */
  readonly color?: boolean;
}

const RED = (s: string) => `\u001b[31m${s}\u001b[39m`;
const GREEN = (s: string) => `\u001b[32m${s}\u001b[39m`;
const CYAN = (s: string) => `\u001b[36m${s}\u001b[39m`;

function more(k: number, what: string): string {
  return `… (${k} more ${what}${k === 1 ? "" : "s"})`;
}

/** A human report: the file lists, then a diff per stale file (on disk → generated), bounded. */
export async function renderDrift(drift: Drift, options: ReportOptions): Promise<string> {
  const { createTwoFilesPatch } = await import("diff");
  const perFile = options.maxLinesPerFile ?? 40;
  let budget = options.maxLinesTotal ?? 200;
  const at = (p: string) => printable(`${options.outLabel}/${p}`);
  const lines: string[] = [];
  const list = (title: string, paths: readonly string[]) => {
    if (paths.length === 0) return;
    lines.push(`${title} (${paths.length}):`, ...paths.map((p) => `  ${at(p)}`));
  };
  list("stale: content differs from what the specs generate", drift.stale.map((s) => s.path));
  list("missing: generated by the specs but absent on disk", drift.missing);
  list("unexpected: on disk but not generated", drift.unexpected);

  let omittedFiles = 0;
  for (const file of drift.stale) {
    if (budget <= 0) {
      omittedFiles++;
      continue;
    }
    if (file.note !== undefined) {
      lines.push("", `${at(file.path)}: ${file.note}`);
      budget--;
      continue;
    }
    const patch = createTwoFilesPatch(at(file.path), at(file.path), file.onDisk, file.generated, "on disk", "generated", {
      context: 3,
      timeout: 2000,
    });
    lines.push("");
    if (patch === undefined) {
      lines.push(`${at(file.path)}: too many changes to diff; first difference at line ${firstDifferentLine(file.onDisk, file.generated)}`);
      budget--;
      continue;
    }
    const body = patch.replace(/\n$/, "").split("\n").filter((l) => !l.startsWith("=====") && !l.startsWith("Index: "));
    const shown = Math.min(body.length, perFile, budget);
    for (const raw of body.slice(0, shown)) {
      // File text from disk may hold anything: each diff line is escaped before it is coloured.
      const header = raw.startsWith("--- ") || raw.startsWith("+++ ");
      const line = header ? raw.split("\t").map(printable).join("\t") : printable(raw);
      if (!options.color) lines.push(line);
      else if (line.startsWith("+++") || line.startsWith("---")) lines.push(line);
      else if (line.startsWith("+")) lines.push(GREEN(line));
      else if (line.startsWith("-")) lines.push(RED(line));
      else if (line.startsWith("@@")) lines.push(CYAN(line));
      else lines.push(line);
    }
    if (shown < body.length) lines.push(more(body.length - shown, "line"));
    budget -= shown;
  }
  if (omittedFiles > 0) lines.push("", `${more(omittedFiles, "stale file")} not shown: the diff limit is reached`);
  return `${lines.join("\n")}\n`;
}

/** GitHub Actions escaping for workflow command data and properties. */
function escapeData(s: string): string {
  return printable(s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** One `::error` workflow command per drifted file, pointing at the first differing line. */
export function renderGithubAnnotations(drift: Drift, outLabel: string): string {
  const fix = "run `tcgen generate` and commit the result";
  const rows: string[] = [];
  const annotate = (path: string, line: number, message: string) => {
    rows.push(`::error file=${escapeProperty(`${outLabel}/${path}`)},line=${line}::${escapeData(message)}`);
  };
  for (const file of drift.stale) {
    annotate(file.path, firstDifferentLine(file.onDisk, file.generated), `Generated file is out of date with the specs: ${fix}.`);
  }
  for (const path of drift.missing) annotate(path, 1, `Generated file is missing: ${fix}.`);
  for (const path of drift.unexpected) annotate(path, 1, `File is not generated by the specs: delete it or ${fix}.`);
  return rows.length ? `${rows.join("\n")}\n` : "";
}
