import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (where package.json is). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** ../shared/corpus beside the repo: read at test time only, never copied. */
export const corpusRoot = resolve(repoRoot, "../shared/corpus");
export const hasCorpus = existsSync(resolve(corpusRoot, "tencentcloud"));
