/**
 * `tcgen generate --watch` as a user runs it: the built CLI spawned on a temp project; spec edits
 * regenerate the output and print the API change, invalid specs print diagnostics without ending the
 * watch, SIGTERM and SIGINT end it with exit 0; the watcher itself (fs.watch and polling) in process.
 * Every wait is bounded. Needs `npm run build`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Reporter } from "../../generator/cli/reporter.js";
import { apiChangeLine, POLL_MS, watchSpecs } from "../../generator/cli/watch.js";
import { diffModels } from "../../generator/diff/index.js";
import { baseSpecs, modelOf, specTexts } from "./specs.js";
import { repoRoot } from "../import/corpus.js";

const bin = join(repoRoot, "bin", "tcgen.js");
const fixture = join(repoRoot, "test", "fixtures", "cli", "specs");
const root = mkdtempSync(join(tmpdir(), "tcgen-watch-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const WAIT_MS = 30_000;

interface Watching {
  readonly child: ChildProcess;
  /** Resolves once stderr has `count` lines matching `pattern` (fails after WAIT_MS). */
  readonly waitFor: (pattern: RegExp, count?: number) => Promise<string>;
  readonly stderr: () => string;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function watchProject(dir: string): Watching {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", TCGEN_CACHE_DIR: join(root, "cache") };
  const child = spawn(process.execPath, [bin, "generate", "--watch", "--out", "out"], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  const waiters: Array<() => void> = [];
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
    for (const w of [...waiters]) w();
  });
  child.stdout.resume();
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("close", (code, signal) => resolve({ code, signal })));
  const waitFor = (pattern: RegExp, count = 1): Promise<string> =>
    new Promise((resolve, reject) => {
      const global = new RegExp(pattern.source, "gm");
      const check = () => {
        if ((stderr.match(global) ?? []).length >= count) {
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(check), 1);
          resolve(stderr);
        }
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(check), 1);
        child.kill("SIGKILL");
        reject(new Error(`timed out waiting for ${pattern} (${count}); stderr so far:\n${stderr}`));
      }, WAIT_MS);
      waiters.push(check);
      check();
    });
  return { child, waitFor, stderr: () => stderr, exit };
}

let n = 0;
function project(): string {
  const dir = join(root, `project-${n++}`);
  cpSync(fixture, join(dir, "specs"), { recursive: true });
  return dir;
}

describe("tcgen generate --watch", () => {
  it("regenerates on changes, prints the API change, survives invalid specs, stops on SIGTERM", async () => {
    const dir = project();
    const spec = join(dir, "specs", "demo.yaml");
    const original = readFileSync(spec, "utf8");
    const w = watchProject(dir);
    await w.waitFor(/^wrote out \(/);
    expect(w.stderr().split("\n")[0]).toBe("watching specs for changes (Ctrl-C to stop)");

    writeFileSync(spec, original.replace("errors: [InvalidWidgetId.NotFound]", "errors: []"));
    await w.waitFor(/^API since the last generation: /);
    expect(w.stderr()).toContain(
      "API since the last generation: major (1 breaking compilation only); first: DescribeWidgets no longer returns InvalidWidgetId.NotFound: a match handler for it no longer compiles\n",
    );
    expect(readFileSync(join(dir, "out", "demo", "errors.d.ts"), "utf8")).toContain("export type DescribeWidgetsCode = CommonCode;\n");

    writeFileSync(spec, `${original}bad: [\n`);
    await w.waitFor(/^tcgen: nothing was written; out is unchanged$/);
    expect(w.stderr()).toMatch(/^specs\/demo\.yaml:\d+:\d+: invalid YAML: /m);
    expect(w.child.exitCode).toBe(null);

    writeFileSync(spec, original);
    await w.waitFor(/^API since the last generation: /, 2);
    expect(w.stderr().trimEnd().split("\n").at(-1)).toBe(
      "API since the last generation: major (1 breaking compilation only); first: DescribeWidgets can now return InvalidWidgetId.NotFound: an exhaustive match on its errors no longer compiles until it handles it or InvalidWidgetId.*",
    );

    mkdirSync(join(dir, "specs", "more"));
    writeFileSync(join(dir, "specs", "more", "other.yaml"), 'specVersion: 1\nservice: { name: other, version: "2024-01-01" }\n');
    await w.waitFor(/^API since the last generation: /, 3);
    expect(w.stderr().trimEnd().split("\n").at(-1)).toBe("API since the last generation: minor (1 compatible); first: new service other 2024-01-01");

    w.child.kill("SIGTERM");
    expect(await w.exit).toEqual({ code: 0, signal: null });
    expect(w.stderr().trimEnd().split("\n").at(-1)).toBe("stopped watching");
  }, 120_000);

  it("stops on SIGINT", async () => {
    const w = watchProject(project());
    await w.waitFor(/^wrote out \(/);
    w.child.kill("SIGINT");
    expect(await w.exit).toEqual({ code: 0, signal: null });
  }, 60_000);
});

describe("watchSpecs", () => {
  const reporter = new Reporter({ stdout: () => {}, stderr: () => {}, stderrIsTTY: false, cwd: root, env: {} }, {});
  /** Resolves when `onChange` has been called, rejects after WAIT_MS. */
  function changes(dir: string, poll: boolean) {
    let count = 0;
    let wake: (() => void) | undefined;
    const seen = (): number => count;
    const stop = watchSpecs(dir, () => (count++, wake?.()), reporter, { poll });
    const next = (): Promise<void> =>
      new Promise((resolve, reject) => {
        const start = count;
        const timer = setTimeout(() => reject(new Error("no change noticed")), WAIT_MS);
        wake = () => {
          if (count > start) (clearTimeout(timer), resolve());
        };
      });
    return { stop, next, seen };
  }

  it.each([
    ["fs.watch", false],
    ["polling", true],
  ])("%s notices edited, added and nested spec files, not other files", async (_name, poll) => {
    const dir = join(project(), "specs");
    const w = changes(dir, poll);
    try {
      const settle = () => new Promise((r) => setTimeout(r, POLL_MS + 200));
      if (poll) await settle(); // the first poll takes the baseline
      writeFileSync(join(dir, "notes.txt"), "not a spec");
      await settle();
      expect(w.seen()).toBe(0);
      let next = w.next();
      writeFileSync(join(dir, "demo.yaml"), `${readFileSync(join(dir, "demo.yaml"), "utf8")}# edited\n`);
      await next;
      next = w.next();
      mkdirSync(join(dir, "nested"));
      writeFileSync(join(dir, "nested", "more.yml"), "specVersion: 1\n");
      await next;
      next = w.next();
      writeFileSync(join(dir, "nested", "more.yml"), "specVersion: 1\n# again\n");
      await next;
    } finally {
      w.stop();
    }
  }, 60_000);
});

describe("apiChangeLine", () => {
  it.each([
    [(): void => {}, "API unchanged since the last generation"],
    [
      (s: ReturnType<typeof baseSpecs>): void => {
        s.service["actions"].DescribeInstances.description = "Other.";
        s.service["types"].Zone = { fields: { Name: "string" } };
      },
      "API since the last generation: minor (2 compatible); first: new type Zone",
    ],
    [
      (s: ReturnType<typeof baseSpecs>): void => {
        delete s.service["actions"].RunInstances;
        s.service["actions"].DescribeInstances.errors = [];
        s.service["types"].Zone = { fields: { Name: "string" } };
      },
      "API since the last generation: major (1 breaking at run time, 1 breaking compilation only, 1 compatible); first: action RunInstances was removed: calls to it no longer compile and the API rejects them",
    ],
  ])("%#", (edit, line) => {
    const after = baseSpecs();
    edit(after);
    expect(apiChangeLine(diffModels(modelOf(specTexts(baseSpecs())), modelOf(specTexts(after))))).toBe(line);
  });
});
