/**
 * `tcgen generate --watch`: generate, then again whenever a spec file changes, until SIGINT or SIGTERM.
 *
 * - Changes are noticed with `fs.watch` on the specs folder and every folder below it, or, where that
 *   is not available, by polling the spec files' sizes and modification times every POLL_MS.
 * - Runs are debounced (DEBOUNCE_MS after the last change) and never overlap: a change during a run
 *   starts one more run after it.
 * - Each run is a normal `generate` (atomic write, nothing written on error); invalid specs print
 *   their diagnostics and the watch goes on.
 * - After each successful run, one line tells what changed in the API since the last successful one
 *   (from `tcgen diff`'s classification).
 * - A signal ends the watch once the current run has finished; the exit code is then 0.
 */
import { type FSWatcher, readdirSync, statSync, watch } from "node:fs";
import { join } from "node:path";
import type { DiffResult } from "../diff/change.js";
import { mostSevere } from "../diff/verdict.js";
import { listSpecPaths, isSpecPath } from "../load/files.js";
import type { Model } from "../model/types.js";
import { CliError, EXIT } from "./errors.js";
import type { Reporter } from "./reporter.js";
import type { Settings } from "./settings.js";

export const DEBOUNCE_MS = 150;
export const POLL_MS = 500;

/** One line for the API change of a run: `API since the last generation: major (…); first: …`. */
export function apiChangeLine(result: DiffResult): string {
  if (result.changes.length === 0) return "API unchanged since the last generation";
  const n = { runtime: 0, compile: 0, compatible: 0 };
  for (const c of result.changes) n[c.level]++;
  const parts = [
    n.runtime > 0 ? `${n.runtime} breaking at run time` : "",
    n.compile > 0 ? `${n.compile} breaking compilation only` : "",
    n.compatible > 0 ? `${n.compatible} compatible` : "",
  ].filter(Boolean);
  const first = mostSevere(result.changes)!;
  return `API since the last generation: ${result.verdict.semver} (${parts.join(", ")}); first: ${first.message}`;
}

/** Sizes and modification times of the spec files: what polling compares. */
async function snapshot(dir: string): Promise<string> {
  try {
    const paths = await listSpecPaths(dir);
    return paths
      .map((p) => {
        try {
          const s = statSync(join(dir, p));
          return `${p}\0${s.size}\0${s.mtimeMs}`;
        } catch {
          return `${p}\0gone`;
        }
      })
      .join("\n");
  } catch (error) {
    return `unreadable ${(error as NodeJS.ErrnoException).code ?? ""}`;
  }
}

/** `dir` and every folder below it (symlinked folders are not followed, as when specs are read). */
function foldersUnder(dir: string): string[] {
  const found = [dir];
  for (let i = 0; i < found.length; i++) {
    try {
      for (const e of readdirSync(found[i]!, { withFileTypes: true })) if (e.isDirectory()) found.push(join(found[i]!, e.name));
    } catch {
      // gone meanwhile: the next rescan drops it
    }
  }
  return found;
}

/**
 * Calls `onChange` on every change of a spec file under `dir`; returns the function that stops it.
 * One non-recursive `fs.watch` per folder (a folder watch sees its files replaced, as editors and
 * `sed -i` do, which a recursive watch on Linux misses), rescanned when entries appear or disappear;
 * polling when `fs.watch` is not available.
 */
export function watchSpecs(dir: string, onChange: () => void, reporter: Reporter, options: { readonly poll?: boolean } = {}): () => void {
  const watchers = new Map<string, FSWatcher>();
  let closed = false;
  /** Watch new folders, drop gone ones; true when a folder was added (it may already hold specs). */
  const rescan = (initial = false): boolean => {
    if (closed) return false;
    const now = new Set(foldersUnder(dir));
    let added = false;
    for (const [folder, w] of watchers) if (!now.has(folder)) (w.close(), watchers.delete(folder));
    for (const folder of now) {
      if (watchers.has(folder)) continue;
      let w: FSWatcher;
      try {
        w = watch(folder, (event, name) => {
          const newFolder = event === "rename" && rescan();
          if (newFolder || name === null || isSpecPath(String(name))) onChange();
        });
      } catch (error) {
        if (initial) throw error;
        continue; // gone meanwhile: nothing to watch there
      }
      w.on("error", () => {
        w.close();
        watchers.delete(folder);
        if (rescan()) onChange();
      });
      watchers.set(folder, w);
      added = true;
    }
    return added;
  };
  try {
    if (options.poll === true) throw new Error("polling asked for");
    rescan(true);
    return () => {
      closed = true;
      for (const w of watchers.values()) w.close();
      watchers.clear();
    };
  } catch {
    for (const w of watchers.values()) w.close();
    watchers.clear();
    reporter.debugNote("fs.watch unavailable: polling the specs");
  }
  let last: string | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const poll = async (): Promise<void> => {
    const now = await snapshot(dir);
    if (stopped) return;
    if (last !== undefined && now !== last) onChange();
    last = now;
    timer = setTimeout(() => void poll(), POLL_MS);
  };
  void poll();
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}

/**
 * Run `generateOnce` now and after every change of the specs until a signal arrives (or `stop` is
 * aborted). Resolves with the exit code (0).
 */
export async function watchAndGenerate(
  settings: Settings,
  reporter: Reporter,
  generateOnce: () => Promise<number>,
  stop?: AbortSignal,
): Promise<number> {
  const { loadModel } = await import("../model/index.js");
  const { diffModels } = await import("../diff/index.js");
  let previous: Model | undefined;

  const runOnce = async (): Promise<void> => {
    // The model is read before generating: a change made while we generate starts another run, whose
    // summary is then measured from this model (so every change is reported once, in order).
    const loaded = await loadModel(settings.specsDir);
    let code: number;
    try {
      code = await generateOnce();
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      reporter.error(error.message);
      code = error.exitCode;
    }
    if (code !== EXIT.ok || !loaded.ok) return;
    if (previous !== undefined) reporter.info(apiChangeLine(diffModels(previous, loaded.model)));
    previous = loaded.model;
  };

  return new Promise<number>((resolve, reject) => {
    let running: Promise<void> | undefined;
    let again = false;
    let stopping = false;
    let debounce: NodeJS.Timeout | undefined;

    const start = (): void => {
      if (stopping) return;
      if (running) {
        again = true;
        return;
      }
      running = runOnce()
        .catch((error: unknown) => {
          finish();
          reject(error);
        })
        .finally(() => {
          running = undefined;
          if (again && !stopping) {
            again = false;
            start();
          }
        });
    };
    const changed = (): void => {
      if (debounce !== undefined) clearTimeout(debounce);
      debounce = setTimeout(start, DEBOUNCE_MS);
    };

    const unwatch = watchSpecs(settings.specsDir, changed, reporter);
    const onSignal = (): void => finish(true);
    const finish = (byRequest = false): void => {
      if (stopping) return;
      stopping = true;
      if (debounce !== undefined) clearTimeout(debounce);
      unwatch();
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      stop?.removeEventListener("abort", onSignal);
      if (byRequest) {
        void (running ?? Promise.resolve()).then(() => {
          reporter.info("stopped watching");
          resolve(EXIT.ok);
        });
      }
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    stop?.addEventListener("abort", onSignal);
    reporter.info(`watching ${settings.show(settings.specsDir)} for changes (Ctrl-C to stop)`);
    start();
  });
}
