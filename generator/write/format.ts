/**
 * Formatting is no longer a stage: the emitters write each file in its final layout (emit/printer.ts),
 * which is prettier's layout under the pinned options (prettier-setup.ts); test/emit/prettier-fixed-point
 * proves it by formatting whole outputs and expecting no change.
 *
 * What remains here:
 *  - `formatFiles` with `prettier: true` (`tcgen generate --prettier`, or `"prettier": true` in the
 *    config): formats the output with the user's own prettier config (resolved from the output folder),
 *    for those who want their own style. Without it, files pass through unchanged.
 *  - `formatOne`: the pinned options, used at build time to format the compiled runtime once
 *    (scripts/format-runtime.mjs) and by the fixed-point test.
 */
import { resolve } from "node:path";
import type { OutputFile } from "../emit/output.js";
import { formatError, parserFor, prettierPackage, PRETTIER_OPTIONS, type FormatJob } from "./prettier-setup.js";

export { parserFor, PRETTIER_OPTIONS } from "./prettier-setup.js";

export interface FormatOptions {
  /** Format with the user's prettier config, resolved for files under this folder. Default: no formatting. */
  readonly prettier?: { readonly outDir: string } | false;
  /** Called as files get formatted (only when formatting). */
  readonly onProgress?: (done: number, total: number) => void;
}

async function loadPrettier(): Promise<typeof import("prettier")> {
  return (await import(prettierPackage().url)) as typeof import("prettier");
}

/** Format one file with the pinned options. Errors name the file (a prettier failure is an emitter bug). */
export async function formatOne(job: FormatJob): Promise<string> {
  const prettier = await loadPrettier();
  try {
    return await prettier.format(job.text, { ...PRETTIER_OPTIONS, parser: job.parser });
  } catch (error) {
    throw formatError(job.path, error);
  }
}

/** The files as emitted, or formatted with the user's prettier config when asked for. */
export async function formatFiles(files: readonly OutputFile[], options: FormatOptions = {}): Promise<OutputFile[]> {
  if (options.prettier === undefined || options.prettier === false) return [...files];
  const prettier = await loadPrettier();
  const outDir = options.prettier.outDir;
  const out: OutputFile[] = [];
  let done = 0;
  for (const file of files) {
    const parser = parserFor(file.path);
    if (parser === undefined) {
      out.push(file);
      continue;
    }
    const path = resolve(outDir, file.path);
    const config = (await prettier.resolveConfig(path)) ?? {};
    try {
      out.push({ path: file.path, text: await prettier.format(file.text, { ...config, parser, filepath: path }) });
    } catch (error) {
      throw formatError(file.path, error);
    }
    options.onProgress?.(++done, files.length);
  }
  return out;
}
