/**
 * Builds a runnable output package in a temp dir from a hand-built model: the real pipeline's emitters
 * (`emitPackage`: an emitter failure fails the test) and the runtime compiled from generator/runtime.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import type { Model } from "../../../generator/model/types.js";
import { emitPackage } from "../../../generator/emit/index.js";
import type { OutputFile } from "../../../generator/emit/output.js";
import type { CallOptions, CallResult, ClientOptions, ServiceMethod } from "../../../generator/runtime/client.js";
import { repoRoot } from "../../helpers/paths.js";
import { writeOutput } from "../../helpers/write-output.js";

/** dist/runtime (from `npm run build`) when every file is newer than its source, else undefined. */
function distRuntime(): OutputFile[] | undefined {
  const src = join(repoRoot, "generator", "runtime");
  const out = join(repoRoot, "dist", "runtime");
  for (const f of readdirSync(src).filter((x) => x.endsWith(".ts"))) {
    const base = join(out, f.replace(/\.ts$/, ""));
    for (const ext of [".js", ".d.ts"]) {
      if (!existsSync(base + ext) || statSync(base + ext).mtimeMs < statSync(join(src, f)).mtimeMs) return undefined;
    }
  }
  return readFolder(out);
}

function readFolder(dir: string): OutputFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".js") || f.endsWith(".d.ts"))
    .sort()
    .map((f) => ({ path: `runtime/${f}`, text: readFileSync(join(dir, f), "utf8") }));
}

/**
 * The output's runtime/ folder: dist/runtime when it is up to date, else compiled here from
 * generator/runtime with the TypeScript API (other work may be rebuilding dist at the same moment),
 * cached per content hash, one compiling worker at a time.
 */
export function compiledRuntime(): OutputFile[] {
  const fresh = distRuntime();
  if (fresh) return fresh;
  const src = join(repoRoot, "generator", "runtime");
  const sources = readdirSync(src).filter((f) => f.endsWith(".ts")).sort();
  const hash = createHash("sha256");
  for (const f of [...sources, "tsconfig.json"]) hash.update(f).update(readFileSync(join(src, f)));
  const cache = join(tmpdir(), `tcgen-client-runtime-${hash.digest("hex").slice(0, 16)}`);
  const lock = `${cache}.lock`;
  const deadline = Date.now() + 120_000;
  while (!existsSync(cache)) {
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100); // another worker compiles
      continue;
    }
    try {
      compileRuntime(join(src, "tsconfig.json"), cache);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return readFolder(cache);
}

function compileRuntime(config: string, into: string): void {
  const parsed = ts.getParsedCommandLineOfConfigFile(config, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!parsed) throw new Error("cannot read generator/runtime/tsconfig.json");
  const staging = mkdtempSync(`${into}-staging-`);
  const program = ts.createProgram(parsed.fileNames, { ...parsed.options, outDir: staging });
  const emitted = program.emit();
  const errors = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (errors.length > 0) {
    rmSync(staging, { recursive: true, force: true });
    const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => repoRoot, getNewLine: () => "\n" };
    throw new Error(`generator/runtime does not compile:\n${ts.formatDiagnostics(errors, host)}`);
  }
  renameSync(staging, into);
}

/** The whole package as the real pipeline emits it, with the runtime compiled from generator/runtime. */
export function emitClientPackage(model: Model): OutputFile[] {
  const runtime = compiledRuntime();
  return [...emitPackage(model).filter((f) => !f.path.startsWith("runtime/")), ...runtime];
}

export interface BuiltPackage {
  readonly dir: string;
  /** `createClient` of a service module (`cvm`, `tke/v20180525`), untyped. */
  client(moduleDir: string, options: ClientOptions): Promise<UntypedClient>;
  /** A service module (`cvm`, `tke`), untyped: its per-action functions, `createBareClient`, … */
  module(moduleDir: string): Promise<Record<string, unknown>>;
  /** The package's own runtime module (for `orThrow`, `TcgenCallError` of the same realm). */
  runtime(): Promise<typeof import("../../../generator/runtime/client.js")>;
  remove(): void;
}

export type UntypedMethod = (request?: unknown, options?: CallOptions) => Promise<CallResult<unknown, string>>;
export type UntypedClient = { readonly [action: string]: UntypedMethod };

export function writeClientPackage(model: Model): BuiltPackage {
  const dir = mkdtempSync(join(tmpdir(), "tcgen-client-"));
  writeOutput(dir, emitClientPackage(model));
  const url = (p: string) => pathToFileURL(join(dir, p)).href;
  return {
    dir,
    async module(moduleDir) {
      return (await import(url(`${moduleDir}/index.js`))) as Record<string, unknown>;
    },
    async client(moduleDir, options) {
      const m = (await import(url(`${moduleDir}/client.js`))) as { createClient(o: ClientOptions): Record<string, ServiceMethod> };
      return m.createClient(options) as UntypedClient;
    },
    async runtime() {
      return (await import(url("runtime/index.js"))) as typeof import("../../../generator/runtime/client.js");
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
