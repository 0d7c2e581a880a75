/**
 * The generated parsers of one service, loaded into this process, so `verify` checks replies with
 * exactly the code the output package ships (never a second interpretation of the spec).
 *
 * The modules the parsers need are emitted by the same emitters `generate` uses (emit/parsers.ts,
 * emit/errors.ts, emit/common.ts, the compiled runtime), unformatted, for the chosen service only:
 *
 *   verify-<hash>/package.json              {"type":"module"}
 *   verify-<hash>/runtime/*.js              the compiled runtime
 *   verify-<hash>/common.js                 common codes
 *   verify-<hash>/<svc>/errors.js           code tables
 *   verify-<hash>/<svc>/codes.js            each action's own code table (emit/codes.ts)
 *   verify-<hash>/<svc>/parsers.js          parse<Action> — imported
 *
 * `<hash>` covers the model, the emitter sources and the runtime, so a folder is written once and
 * reused by later runs (emitting a large service costs seconds); it lives in tcgen's cache folder
 * (`node_modules/.cache/tcgen/`, see write/cache-store.ts; the 8 newest folders are kept). With
 * caching off, a temp folder is used and removed once the modules are loaded.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compareText } from "../diagnostics.js";
import { emitCommon } from "../emit/common.js";
import { emitCodes } from "../emit/codes.js";
import { emitErrors } from "../emit/errors.js";
import { serviceModuleDir, serviceNames } from "../emit/names.js";
import type { OutputFile } from "../emit/output.js";
import { emitParsersJs } from "../emit/parsers-js.js";
import { emitRuntimeFiles } from "../emit/runtime-files.js";
import type { Envelope, Model, Service } from "../model/types.js";
import type { Issue, MalformedReply } from "../runtime/result.js";
import { defaultCacheDir, sha256 } from "../write/cache-store.js";

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

/** The files verify needs for `service`, as `generate` would emit them (before formatting). */
export function parserModuleFiles(model: Model, service: Service): OutputFile[] {
  const dir = serviceModuleDir(service, model);
  const names = serviceNames(service);
  const parsers = { js: emitParsersJs(service, model, names, dir) };
  const errors = emitErrors(service, model, names, dir);
  const common = emitCommon(model);
  return [
    ...emitRuntimeFiles().filter((f) => f.path.endsWith(".js")),
    { path: "common.js", text: common.js },
    { path: `${dir}/errors.js`, text: errors.js },
    { path: `${dir}/codes.js`, text: emitCodes(service).js },
    { path: `${dir}/parsers.js`, text: parsers.js },
  ];
}

export interface LoadParsersOptions {
  /** tcgen's cache folder; default `defaultCacheDir()`. `null`: no cache (temp folder, removed after loading). */
  readonly cacheDir?: string | null;
}

/** Emit (or find in the cache) the parsers of `service` and import them. */
export async function loadServiceParsers(model: Model, service: Service, options: LoadParsersOptions = {}): Promise<ServiceParsers> {
  const moduleDir = serviceModuleDir(service, model);
  const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : (options.cacheDir ?? undefined);
  const key = sha256(emitterFingerprint(), JSON.stringify(model), service.name, service.version).slice(0, 20);

  let root: string;
  let temporary = false;
  const cached = cacheDir === undefined ? undefined : join(cacheDir, `verify-${key}`);
  if (cached !== undefined && existsSync(join(cached, moduleDir, "parsers.js"))) {
    root = cached;
  } else {
    const files = parserModuleFiles(model, service);
    const written = cached === undefined ? undefined : writeCached(cached, files);
    if (written !== undefined) {
      root = written;
    } else {
      root = mkdtempSync(join(tmpdir(), "tcgen-verify-"));
      writeTree(root, files);
      temporary = true;
    }
  }

  let exports: Record<string, unknown>;
  try {
    exports = (await import(pathToFileURL(join(root, moduleDir, "parsers.js")).href)) as Record<string, unknown>;
  } finally {
    // Every module is loaded once the import resolved: the folder is no longer needed.
    if (temporary) rmSync(root, { recursive: true, force: true });
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

/** Write to a sibling temp folder, then rename (readers never see half a folder). Undefined when the cache is unwritable. */
function writeCached(target: string, files: readonly OutputFile[]): string | undefined {
  let tmp: string | undefined;
  try {
    mkdirSync(dirname(target), { recursive: true });
    tmp = mkdtempSync(`${target}.tmp-`);
    writeTree(tmp, files);
    renameSync(tmp, target);
    prune(dirname(target), target);
    return target;
  } catch {
    if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true });
    // Another process may have written the same folder meanwhile (same hash, same content).
    return existsSync(join(target, "package.json")) ? target : undefined;
  }
}

/** Folders kept in the cache (one per specs × service state): the most recently written ones. */
const KEEP = 8;

/** Remove all but the KEEP newest `verify-*` folders, and temp folders left by crashed runs. Best effort. */
function prune(cacheDir: string, keep: string): void {
  try {
    const now = Date.now();
    const folders = readdirSync(cacheDir)
      .filter((n) => n.startsWith("verify-"))
      .map((n) => ({ path: join(cacheDir, n), tmp: n.includes(".tmp-"), mtime: statSync(join(cacheDir, n)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime || compareText(a.path, b.path));
    const done = folders.filter((f) => !f.tmp && f.path !== keep);
    for (const f of done.slice(KEEP - 1)) rmSync(f.path, { recursive: true, force: true });
    for (const f of folders) if (f.tmp && now - f.mtime > 3_600_000) rmSync(f.path, { recursive: true, force: true });
  } catch {
    // A cache that cannot be tidied only costs disk space.
  }
}

let fingerprint: string | undefined;

/** Hash of what decides the emitted text besides the model: the emitter sources and the compiled runtime. */
function emitterFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const emitDir = fileURLToPath(new URL("../emit/", import.meta.url));
  const parts: string[] = [];
  for (const name of readdirSync(emitDir).sort(compareText)) {
    if (/\.(?:ts|js)$/.test(name)) parts.push(name, readFileSync(join(emitDir, name), "utf8"));
  }
  for (const f of emitRuntimeFiles()) parts.push(f.path, f.text);
  fingerprint = sha256(...parts);
  return fingerprint;
}
