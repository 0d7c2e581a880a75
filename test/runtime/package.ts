/**
 * Test helper: generate the parsers of a model into a temporary package (runtime copied from
 * dist/runtime, code tables written from the model by a local stand-in for the errors emitter) and
 * import them. Run `npm run build` first.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { emitCodes } from "../../generator/emit/codes.js";
import { emitParsersDts } from "../../generator/emit/parsers-dts.js";
import { emitParsersJs } from "../../generator/emit/parsers-js.js";
import { serviceModuleDir, serviceNames, stringLiteral } from "../../generator/emit/names.js";
import type { Model } from "../../generator/model/types.js";
import type { ParseResult } from "../../generator/runtime/result.js";

/** tcgen's root: up from this file (or, when bundled elsewhere for a script, from the working directory). */
function findRoot(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && /"name":\s*"tcgen"/.test(readFileSync(pkg, "utf8"))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
export const repoRoot =
  findRoot(dirname(fileURLToPath(import.meta.url))) ?? findRoot(process.cwd()) ?? resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** A parse function as generated (typed loosely: the tests look at the outcome shape). */
export type Parser = (input: unknown) => ParseResult<Record<string, unknown>, string>;

export interface GeneratedPackage {
  readonly dir: string;
  /** parse<Action> functions of a service module, by action name. */
  parsers(serviceDir: string): Promise<Record<string, Parser>>;
  cleanup(): void;
}

function codeTable(entries: Array<[string, string]>): string {
  const body = entries.map(([k, v]) => `[${stringLiteral(k)}]: ${v}`).join(", ");
  return `Object.freeze({ __proto__: null${body ? `, ${body}` : ""} })`;
}

/** Stand-in for the errors emitter's tables (same contract: null-prototype frozen objects). */
function commonJs(model: Model): string {
  const entries = model.commonErrors.map((c): [string, string] => [c.code, stringLiteral(c.retry)]);
  return `export const commonCodes = ${codeTable(entries)};\n`;
}

function errorsJs(model: Model, serviceIndex: number): string {
  const s = model.services[serviceIndex];
  if (!s) throw new Error("no such service");
  const service = codeTable(s.errors.map((c): [string, string] => [c.code, stringLiteral(c.retry)]));
  const actions = codeTable(
    s.actions.map((a): [string, string] => [a.name, codeTable(a.ownErrors.map((c): [string, string] => [c, "true"]))]),
  );
  return `export const serviceCodes = ${service};\nexport const actionCodes = ${actions};\n`;
}

export function writePackage(model: Model): GeneratedPackage {
  const runtime = join(repoRoot, "dist", "runtime");
  if (!existsSync(join(runtime, "check.js"))) throw new Error("dist/runtime is missing or stale: run `npm run build`");
  const dir = mkdtempSync(join(tmpdir(), "tcgen-parsers-"));
  cpSync(runtime, join(dir, "runtime"), { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  writeFileSync(join(dir, "common.js"), commonJs(model));
  model.services.forEach((service, i) => {
    const moduleDir = serviceModuleDir(service, model);
    mkdirSync(join(dir, moduleDir), { recursive: true });
    const pair = {
      js: emitParsersJs(service, model, serviceNames(service), moduleDir),
      dts: emitParsersDts(service, serviceNames(service), moduleDir, model.envelope),
    };
    writeFileSync(join(dir, moduleDir, "parsers.js"), pair.js);
    writeFileSync(join(dir, moduleDir, "parsers.d.ts"), pair.dts);
    writeFileSync(join(dir, moduleDir, "errors.js"), errorsJs(model, i));
    writeFileSync(join(dir, moduleDir, "codes.js"), emitCodes(service).js);
  });
  return {
    dir,
    async parsers(serviceDir) {
      const url = pathToFileURL(join(dir, serviceDir, "parsers.js")).href;
      return (await import(/* @vite-ignore */ url)) as Record<string, Parser>;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
