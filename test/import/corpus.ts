/** Test-time access to the shared Tencent Cloud corpus (never copied into the repo). */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const corpusRoot = resolve(repoRoot, "../shared/corpus/tencentcloud");
export const hasCorpus = existsSync(corpusRoot);
export const CORPUS_SKIP = `corpus not found at ${corpusRoot}: corpus tests skipped`;
if (!hasCorpus) console.warn(CORPUS_SKIP);

/** The corpus' service version folders. */
export const CORPUS_SERVICES = [
  { svc: "cvm", folder: "v20170312", version: "2017-03-12" },
  { svc: "cbs", folder: "v20170312", version: "2017-03-12" },
  { svc: "sts", folder: "v20180813", version: "2018-08-13" },
] as const;

export interface CorpusFiles {
  /** Paths as the importer sees them (relative to the corpus root, for stable diagnostics). */
  readonly api: { path: string; text: string };
  readonly errors: { path: string; text: string };
  readonly examples: { path: string; text: string };
}

const cache = new Map<string, CorpusFiles>();

export function corpusFiles(svc: string, folder: string): CorpusFiles {
  const key = `${svc}/${folder}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const read = (name: string): { path: string; text: string } => ({
    path: `${key}/${name}`,
    text: readFileSync(resolve(corpusRoot, key, name), "utf8"),
  });
  const files = { api: read("api.json"), errors: read("errors.json"), examples: read("examples.json") };
  cache.set(key, files);
  return files;
}

export function corpusPath(svc: string, folder: string, name: string): string {
  return resolve(corpusRoot, svc, folder, name);
}
