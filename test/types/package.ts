/**
 * A minimal output package for type-level tests: the compiled runtime (dist/runtime, from
 * `npm run build`), `common.*`, and each service's `types.d.ts` and `errors.*` — only the modules the
 * type and error emitters produce — plus fixture files, compiled by ONE tsc run with the strictest options.
 */
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { emitCommon } from "../../generator/emit/common.js";
import { emitErrors } from "../../generator/emit/errors.js";
import { serviceModuleDir, serviceNames } from "../../generator/emit/names.js";
import { emitTypes } from "../../generator/emit/types.js";
import type { Model } from "../../generator/model/types.js";
import { repoRoot } from "../helpers/paths.js";

export const STRICT_TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022", "DOM"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noPropertyAccessFromIndexSignature: true,
    noImplicitReturns: true,
    noFallthroughCasesInSwitch: true,
    verbatimModuleSyntax: true,
    isolatedModules: true,
    noEmit: true,
    skipLibCheck: false,
    types: [],
  },
};

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** dist/runtime; throws with the fix when it is missing or older than generator/runtime/match.ts. */
export function compiledRuntimeDir(root = repoRoot): string {
  const dist = join(root, "dist", "runtime");
  const built = join(dist, "match.js");
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first`);
  if (statSync(built).mtimeMs < statSync(join(root, "generator", "runtime", "match.ts")).mtimeMs) {
    throw new Error(`${built} is older than generator/runtime/match.ts: run \`npm run build\``);
  }
  return dist;
}

/** Write the package for `model` into `dir`, with `fixtures` (file name → text) at its root. */
export function writeTypesPackage(dir: string, model: Model, fixtures: Readonly<Record<string, string>>, root = repoRoot): void {
  const runtime = compiledRuntimeDir(root);
  mkdirSync(join(dir, "runtime"), { recursive: true });
  for (const f of readdirSync(runtime)) {
    if (f.endsWith(".js") || f.endsWith(".d.ts")) copyFileSync(join(runtime, f), join(dir, "runtime", f));
  }
  write(join(dir, "package.json"), `${JSON.stringify({ name: "types-fixture", type: "module", private: true })}\n`);
  write(join(dir, "tsconfig.json"), JSON.stringify({ ...STRICT_TSCONFIG, include: ["**/*.ts"] }, null, 2));
  const common = emitCommon(model);
  write(join(dir, "common.js"), common.js);
  write(join(dir, "common.d.ts"), common.dts);
  for (const service of model.services) {
    const moduleDir = serviceModuleDir(service, model);
    const names = serviceNames(service);
    const errors = emitErrors(service, model, names, moduleDir);
    write(join(dir, moduleDir, "errors.js"), errors.js);
    write(join(dir, moduleDir, "errors.d.ts"), errors.dts);
    write(join(dir, moduleDir, "types.js"), "export {};\n");
    write(join(dir, moduleDir, "types.d.ts"), emitTypes(service, names, model.envelope));
  }
  for (const [name, text] of Object.entries(fixtures)) write(join(dir, name), text);
}

export interface TscDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly code: number;
  readonly message: string;
}

export interface TscRun {
  readonly diagnostics: TscDiagnostic[];
  /** `--extendedDiagnostics` figures by name (e.g. "Instantiations", "Check time"), as printed. */
  readonly stats: Readonly<Record<string, string>>;
  readonly output: string;
}

const DIAGNOSTIC = /^(.+?)\((\d+),(\d+)\): error TS(\d+): (.*)$/;

/**
 * Run one TypeScript of the repository (default `typescript`, 5.9) once on `project` (a folder with a
 * tsconfig.json, or a tsconfig file).
 */
export async function runTsc(project: string, root = repoRoot, tscPackage = "typescript"): Promise<TscRun> {
  const tsc = join(root, "node_modules", tscPackage, "bin", "tsc");
  const run = promisify(execFile);
  let output: string;
  try {
    const r = await run(process.execPath, [tsc, "-p", project, "--pretty", "false", "--extendedDiagnostics"], {
      cwd: project.endsWith(".json") ? dirname(project) : project,
      maxBuffer: 64 * 1024 * 1024,
    });
    output = r.stdout + r.stderr;
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    output = (err.stdout ?? "") + (err.stderr ?? "");
  }
  const diagnostics: TscDiagnostic[] = [];
  const stats: Record<string, string> = {};
  let last: { message: string } | undefined;
  for (const line of output.split("\n")) {
    const m = DIAGNOSTIC.exec(line);
    if (m) {
      const d = { file: m[1]!, line: Number(m[2]), col: Number(m[3]), code: Number(m[4]), message: m[5]! };
      diagnostics.push(d);
      last = d;
      continue;
    }
    if (line.startsWith("  ") && last) {
      last.message += `\n${line.trim()}`;
      continue;
    }
    const s = /^([A-Za-z][A-Za-z ()/]+):\s+(\S.*)$/.exec(line);
    if (s) stats[s[1]!.trim()] = s[2]!.trim();
    last = undefined;
  }
  return { diagnostics, stats, output };
}
