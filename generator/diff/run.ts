/**
 * `tcgen diff` behind the command line: load both sides (two folders, or a git revision of the specs
 * folder against the working tree), diff the models, print the report, decide the exit code.
 * Loaded lazily by generator/cli/commands/diff.ts.
 *
 * Exit codes: 0 no change at or above `--fail-on` (always 0 without it), 1 some change is, 2 bad input
 * (a side that does not load, with its located diagnostics on stderr; an unknown revision; …).
 */
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { loadModel, loadModelFromFiles, type LoadResult } from "../model/index.js";
import type { DiffResult } from "./change.js";
import { githubReport } from "./format-github.js";
import { humanReport } from "./format-human.js";
import { jsonReport } from "./format-json.js";
import { markdownReport } from "./format-markdown.js";
import { readSpecsAtRef } from "./git.js";
import { diffModels } from "./index.js";
import { failing, type FailOn, type ReportContext } from "./report.js";

export type DiffFormat = "human" | "json" | "github" | "markdown";

export type DiffInput =
  | { readonly kind: "dirs"; readonly oldDir: string; readonly newDir: string }
  | { readonly kind: "git"; readonly ref: string; readonly specsDir: string };

export interface DiffRunOptions {
  readonly input: DiffInput;
  readonly format: DiffFormat;
  readonly failOn: FailOn | undefined;
  /** A path as shown to the user (relative to the cwd). */
  readonly show: (absolute: string) => string;
  readonly stdout: (text: string) => void;
  /** Located diagnostics of a side that does not load, already formatted by the caller's reporter. */
  readonly diagnostics: (list: readonly Diagnostic[], toShown: (file: string) => string) => void;
  readonly error: (message: string) => void;
}

export const RENDER: Readonly<Record<DiffFormat, (r: DiffResult, ctx: ReportContext) => string>> = {
  human: humanReport,
  json: jsonReport,
  github: githubReport,
  markdown: markdownReport,
};

interface Side {
  readonly label: string;
  readonly showFile: (file: string) => string;
  readonly loaded: LoadResult;
}

async function loadOld(input: DiffInput, show: (p: string) => string, error: (m: string) => void): Promise<Side | undefined> {
  if (input.kind === "dirs") {
    return { label: show(input.oldDir), showFile: (f) => show(join(input.oldDir, f)), loaded: await loadModel(input.oldDir) };
  }
  const read = await readSpecsAtRef(input.specsDir, input.ref);
  const label = `${input.ref}:${show(input.specsDir)}`;
  const showFile = (f: string) => `${label}/${f}`;
  if (!read.ok) {
    if (read.diagnostics) return { label, showFile, loaded: { ok: false, diagnostics: read.diagnostics } };
    error(read.message);
    return undefined;
  }
  return { label, showFile, loaded: loadModelFromFiles(read.files) };
}

export async function runDiff(o: DiffRunOptions): Promise<number> {
  const newDir = o.input.kind === "dirs" ? o.input.newDir : o.input.specsDir;
  const oldSide = await loadOld(o.input, o.show, o.error);
  if (oldSide === undefined) return 2;
  const newSide: Side = { label: o.show(newDir), showFile: (f) => o.show(join(newDir, f)), loaded: await loadModel(newDir) };
  let bad = false;
  for (const [side, name] of [[oldSide, "old"], [newSide, "new"]] as const) {
    if (side.loaded.ok) continue;
    bad = true;
    o.diagnostics(side.loaded.diagnostics, side.showFile);
    const n = side.loaded.diagnostics.length;
    o.error(`${n} problem${n === 1 ? "" : "s"} in the ${name} specs (${side.label})`);
  }
  if (bad || !oldSide.loaded.ok || !newSide.loaded.ok) return 2;
  const result = diffModels(oldSide.loaded.model, newSide.loaded.model);
  const ctx: ReportContext = {
    showFile: (file, spec) => (spec === "old" ? oldSide.showFile(file) : newSide.showFile(file)),
    oldLabel: oldSide.label,
    newLabel: newSide.label,
    failOn: o.failOn,
  };
  o.stdout(RENDER[o.format](result, ctx));
  return failing(result, o.failOn) > 0 ? 1 : 0;
}
