/**
 * Shared by the hostile suite: run the built CLI (`node bin/tcgen.js …`) in a temp folder, the way a
 * user would, and check what every hostile run must show: no exit 3, no stack trace, no Node warning,
 * no raw control character in what it printed. Needs `npm run build` (npm test does it first).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect } from "vitest";
import { PACKAGE } from "../load/helpers.js";

export const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bin = join(repo, "bin", "tcgen.js");

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Peak resident set size of the process in bytes (when `measure` was asked for). */
  readonly maxRss: number | undefined;
}

/** Records `process.resourceUsage().maxRSS` (KiB) into $TCGEN_TEST_RSS_FILE when the process exits. */
const RSS_HOOK =
  "data:text/javascript," +
  encodeURIComponent(
    'import { writeFileSync } from "node:fs"; process.on("exit", () => writeFileSync(process.env.TCGEN_TEST_RSS_FILE, String(process.resourceUsage().maxRSS)));',
  );

export function tcgen(
  args: readonly string[],
  options: { readonly cwd: string; readonly env?: Record<string, string>; readonly measure?: boolean },
): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, TCGEN_CACHE_DIR: join(options.cwd, ".cache"), ...options.env };
  for (const name of ["NO_COLOR", "FORCE_COLOR", "NODE_OPTIONS"]) if (!options.env?.[name]) delete env[name];
  const rssFile = join(options.cwd, `.rss-${Math.random().toString(16).slice(2)}`);
  const node = options.measure ? ["--import", RSS_HOOK] : [];
  if (options.measure) env["TCGEN_TEST_RSS_FILE"] = rssFile;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...node, bin, ...args], { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      let maxRss: number | undefined;
      if (options.measure && existsSync(rssFile)) {
        maxRss = Number(readFileSync(rssFile, "utf8")) * 1024;
        rmSync(rssFile);
      }
      resolve({ code, stdout, stderr, maxRss });
    });
  });
}

/** Raw control characters (TAB and LF are layout, everything else would act on the terminal). */
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** What every hostile run must show, whatever the input. */
export function expectClean(run: Run): void {
  expect(run.code, run.stderr).not.toBe(3);
  expect(run.code, run.stderr).not.toBeNull();
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/internal error|Warning:|\(node:\d+\)/);
  expect(run.stdout + run.stderr).not.toMatch(RAW_CONTROL);
}

/** A temp root for one test file, removed afterwards; `project()` makes a fresh folder in it. */
export function scratch(prefix: string): { root: () => string; project: (files?: Record<string, string | Buffer>) => string } {
  let root = "";
  let n = 0;
  beforeAll(() => {
    if (!existsSync(join(repo, "dist", "cli", "main.js"))) throw new Error("run `npm run build` before the hostile tests");
    root = mkdtempSync(join(tmpdir(), `tcgen-hostile-${prefix}-`));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return {
    root: () => root,
    project: (files = {}) => {
      const dir = join(root, `p${n++}`);
      mkdirSync(dir);
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      return dir;
    },
  };
}

/** A valid specs folder: the package file and one service `demo` with one action. */
export function validSpecs(prefix = "specs"): Record<string, string> {
  return {
    [`${prefix}/package.yaml`]: PACKAGE,
    [`${prefix}/demo.yaml`]: 'specVersion: 1\nservice:\n  name: demo\n  version: "2020-01-01"\nactions:\n  Get:\n    response:\n      Id: string\n',
  };
}
