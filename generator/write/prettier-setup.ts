/** The pinned prettier set-up shared by the main thread and the formatting workers. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Options } from "prettier";

/** Every option prettier 3 knows that affects JS/TS/JSON/Markdown output, set explicitly. */
export const PRETTIER_OPTIONS: Readonly<Options> = Object.freeze({
  printWidth: 100,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  jsxSingleQuote: false,
  quoteProps: "as-needed",
  trailingComma: "all",
  bracketSpacing: true,
  objectWrap: "preserve",
  bracketSameLine: false,
  arrowParens: "always",
  proseWrap: "preserve",
  htmlWhitespaceSensitivity: "css",
  endOfLine: "lf",
  embeddedLanguageFormatting: "auto",
  singleAttributePerLine: false,
  experimentalTernaries: false,
  experimentalOperatorPosition: "end",
});

/**
 * The prettier parser for an output path, or undefined for files left as they are. The fastest
 * parsers that print the same text: on cvm's output, babel-ts formats declarations in about half
 * the time of typescript-estree, and espree JavaScript in about 70% of babel's time.
 */
export function parserFor(path: string): string | undefined {
  // The runtime is formatted once, at build time (scripts/format-runtime.mjs), and copied as it is.
  if (path.startsWith("runtime/")) return undefined;
  if (path.endsWith(".d.ts") || path.endsWith(".ts")) return "babel-ts";
  if (path.endsWith(".js") || path.endsWith(".mjs") || path.endsWith(".cjs")) return "espree";
  if (path.endsWith(".json")) return "json";
  // README.md comes from a template already in its final shape; prettier's markdown pass would only
  // pad table columns (a third of the format time for cvm).
  return undefined;
}

interface PrettierInfo {
  readonly version: string;
  readonly url: string;
}
let prettierInfo: PrettierInfo | undefined;

/** prettier's version and ESM entry, without importing it. */
export function prettierPackage(): PrettierInfo {
  if (!prettierInfo) {
    const pkgPath = createRequire(import.meta.url).resolve("prettier/package.json");
    const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { version: string };
    prettierInfo = { version: pkg.version, url: pathToFileURL(join(dirname(pkgPath), "index.mjs")).href };
  }
  return prettierInfo;
}

export interface FormatJob {
  readonly path: string;
  readonly text: string;
  readonly parser: string;
}

export function formatError(path: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`prettier could not format generated file ${path}: ${message.split("\n")[0]}`);
}
