/**
 * The generated parsers of one service, loaded into this process, so `verify` checks replies with
 * exactly the code the output package ships (never a second interpretation of the spec).
 *
 * The modules the parsers need are emitted by the same emitters `generate` uses (emit/parsers-js.ts,
 * emit/errors.ts, emit/common.ts, the compiled runtime), for the chosen service only:
 *
 *   <tmp>/package.json              {"type":"module"}
 *   <tmp>/runtime/*.js              the compiled runtime
 *   <tmp>/common.js                 common codes
 *   <tmp>/<svc>/errors.js           code tables
 *   <tmp>/<svc>/codes.js            each action's own code table (emit/codes.ts)
 *   <tmp>/<svc>/parsers.js          parse<Action> — imported
 *
 * written to a temp folder (`tcgen-verify-*`) and removed once the modules are loaded. Emitting is cheap
 * (the emitters write final text directly: tens of milliseconds for cvm's 106 actions), so nothing is
 * cached between runs.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { emitCommon } from "../emit/common.js";
import { emitCodes } from "../emit/codes.js";
import { emitErrors } from "../emit/errors.js";
import { serviceModuleDir, serviceNames } from "../emit/names.js";
import type { OutputFile } from "../emit/output.js";
import { emitParsersJs } from "../emit/parsers-js.js";
import { emitRuntimeFiles } from "../emit/runtime-files.js";
import type { Envelope, Model, Service } from "../model/types.js";
import type { Issue, MalformedReply } from "../runtime/result.js";

/** What a generated `parse<Action>` returns (runtime/result.ts `ParseResult`, as verify reads it). */
export type ParseOutcome =
  | { readonly ok: true; readonly requestId: string; readonly unknownFields: readonly string[]; readonly drift: readonly Issue[] }
  | {
      readonly ok: false;
      readonly error:
        | { readonly kind: "api-error"; readonly code: string; readonly rawCode: string; readonly message: string }
        | (Pick<MalformedReply, "kind" | "path" | "expected" | "found" | "reason" | "issues" | "body">);
    };

export type Parser = (input: unknown) => ParseOutcome;

export interface ServiceParsers {
  readonly service: Service;
  readonly envelope: Envelope;
  /** `cvm`, or `tke/v20180525` when the specs hold several versions of the service. */
  readonly moduleDir: string;
  /** The parser of an action, or undefined when the service has no such action. */
  parser(action: string): Parser | undefined;
}

/** The files verify needs for `service`, exactly as `generate` emits them. */
export function parserModuleFiles(model: Model, service: Service): OutputFile[] {
  const dir = serviceModuleDir(service, model);
  const names = serviceNames(service);
    const errors = emitErrors(service, model, names, dir);
  const common = emitCommon(model);
  return [
    ...emitRuntimeFiles().filter((f) => f.path.endsWith(".js")),
    { path: "common.js", text: common.js },
    { path: `${dir}/errors.js`, text: errors.js },
    { path: `${dir}/codes.js`, text: emitCodes(service).js },
    { path: `${dir}/parsers.js`, text: emitParsersJs(service, model, names, dir) },
  ];
}

/** Emit the parsers of `service` into a temp folder and import them. */
export async function loadServiceParsers(model: Model, service: Service): Promise<ServiceParsers> {
  const moduleDir = serviceModuleDir(service, model);
  const root = mkdtempSync(join(tmpdir(), "tcgen-verify-"));
  let exports: Record<string, unknown>;
  try {
    writeTree(root, parserModuleFiles(model, service));
    exports = (await import(pathToFileURL(join(root, moduleDir, "parsers.js")).href)) as Record<string, unknown>;
  } finally {
    // Every module is loaded once the import resolved: the folder is no longer needed.
    rmSync(root, { recursive: true, force: true });
  }
  const names = serviceNames(service);
  const actions = new Set(service.actions.map((a) => a.name));
  return {
    service,
    envelope: model.envelope,
    moduleDir,
    parser(action) {
      if (!actions.has(action)) return undefined;
      const fn = exports[names.parserName(action)];
      return typeof fn === "function" ? (fn as Parser) : undefined;
    },
  };
}

/** Write `files` under `dir` (plus a package.json marking them ES modules). */
function writeTree(dir: string, files: readonly OutputFile[]): void {
  writeFileSync(join(dir, "package.json"), '{ "type": "module", "private": true }\n');
  for (const f of files) {
    const target = join(dir, ...f.path.split("/"));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.text);
  }
}
