/**
 * Format the output package with prettier, always with the same pinned options (never the user's
 * prettier config), so the output is a function of the specs and tcgen's version only.
 *
 * Prettier is the slowest stage (seconds for a thousand actions), so:
 *  - results are cached by content: sha256(prettier version, options, parser, unformatted text) →
 *    formatted text, in one LRU file in tcgen's cache folder (see cache-store.ts);
 *  - cache misses are formatted in worker threads when there is enough text and there are cores to spare.
 * The result is byte-identical whichever path produced it.
 */
import { availableParallelism } from "node:os";
import type { OutputFile } from "../emit/output.js";
import { defaultCacheDir, readEntry, sha256, writeEntry } from "./cache-store.js";
import { formatInWorkers } from "./format-pool.js";
import {
  formatError,
  parserFor,
  prettierPackage,
  PRETTIER_OPTIONS,
  type FormatJob,
} from "./prettier-setup.js";

export { parserFor, PRETTIER_OPTIONS } from "./prettier-setup.js";

export interface FormatOptions {
  /** Cache folder; `false` turns the cache off. Default: `defaultCacheDir()`. */
  readonly cacheDir?: string | false;
  /** Worker threads for cache misses: "auto" (default) uses them for large work on 4+ cores. */
  readonly workers?: "auto" | boolean;
  /** Called as cache misses get formatted. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Below this much unformatted text (bytes), starting workers costs more than it saves. */
const WORKER_THRESHOLD_BYTES = 400_000;
/**
 * Workers only pay off with cores to spare: prettier on large files allocates heavily and V8's GC
 * threads already use a second core. Measured on 2 cores (4 × 450 kB parsers.js): 1 worker 4.9 s,
 * 2 workers 4.8 s — no gain, so "auto" needs at least this many cores.
 */
const WORKER_MIN_CORES = 4;
/** The format cache keeps entries (most recently used first) up to this many bytes. */
const CACHE_LIMIT_BYTES = 64 * 1024 * 1024;
const CACHE_ENTRY = "format-v1.json";

/** Format one file in this thread. Errors name the file (a prettier failure is an emitter bug). */
export async function formatOne(job: FormatJob): Promise<string> {
  const prettier = (await import(prettierPackage().url)) as typeof import("prettier");
  try {
    return await prettier.format(job.text, { ...PRETTIER_OPTIONS, parser: job.parser });
  } catch (error) {
    throw formatError(job.path, error);
  }
}

function loadCache(dir: string | undefined): Map<string, string> {
  const body = readEntry(dir, CACHE_ENTRY);
  if (body === undefined) return new Map();
  try {
    const parsed = JSON.parse(body) as unknown;
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return new Map();
    return new Map(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    return new Map();
  }
}

/** Used entries first, then the older ones until the size limit: a least-recently-used cache. */
function saveCache(dir: string | undefined, used: Map<string, string>, old: Map<string, string>): void {
  const out: Record<string, string> = {};
  let size = 0;
  for (const [key, value] of [...used, ...old]) {
    if (key in out) continue;
    size += value.length + key.length;
    if (size > CACHE_LIMIT_BYTES) break;
    out[key] = value;
  }
  writeEntry(dir, CACHE_ENTRY, JSON.stringify(out));
}

export async function formatFiles(
  files: readonly OutputFile[],
  options: FormatOptions = {},
): Promise<OutputFile[]> {
  const dir = options.cacheDir === false ? undefined : (options.cacheDir ?? defaultCacheDir());
  const { version } = prettierPackage();
  const optionsKey = JSON.stringify(PRETTIER_OPTIONS);
  const cache = loadCache(dir);
  const used = new Map<string, string>();
  const result: string[] = files.map((f) => f.text);
  const misses: { index: number; key: string; job: FormatJob }[] = [];

  files.forEach((file, index) => {
    const parser = parserFor(file.path);
    if (parser === undefined) return;
    const key = sha256(version, optionsKey, parser, file.text);
    const hit = cache.get(key);
    if (hit !== undefined) {
      result[index] = hit;
      used.set(key, hit);
    } else {
      misses.push({ index, key, job: { path: file.path, text: file.text, parser } });
    }
  });

  if (misses.length > 0) {
    const bytes = misses.reduce((n, m) => n + m.job.text.length, 0);
    const cores = availableParallelism();
    const useWorkers =
      options.workers === true
        ? misses.length > 1
        : options.workers !== false &&
          cores >= WORKER_MIN_CORES &&
          misses.length > 1 &&
          bytes >= WORKER_THRESHOLD_BYTES;
    const jobs = misses.map((m) => m.job);
    const formatted = useWorkers
      ? await formatInWorkers(jobs, Math.max(2, Math.min(cores - 1, 4, jobs.length)), options.onProgress)
      : await formatSequentially(jobs, options.onProgress);
    misses.forEach((miss, i) => {
      const text = formatted[i] as string;
      result[miss.index] = text;
      used.set(miss.key, text);
    });
  }

  if (misses.length > 0) saveCache(dir, used, cache);
  return files.map((file, index) => ({ path: file.path, text: result[index] as string }));
}

async function formatSequentially(
  jobs: readonly FormatJob[],
  onProgress: ((done: number, total: number) => void) | undefined,
): Promise<string[]> {
  const out: string[] = [];
  for (const job of jobs) {
    out.push(await formatOne(job));
    onProgress?.(out.length, jobs.length);
  }
  return out;
}
