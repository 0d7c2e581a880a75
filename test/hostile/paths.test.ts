/**
 * Defect class 1 (and the long --out name): every guard on the output path compares resolved real
 * paths, so no spelling or symlink makes `generate --force` replace the specs, the current folder, the
 * home folder or the root, and nothing is written outside --out.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectClean, scratch, tcgen, validSpecs } from "./cli.js";

const { project } = scratch("paths");

/** Everything under `dir` (names only), to prove nothing else was touched. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
}

interface Case {
  /** Sets up the project; returns the arguments and, optionally, the cwd (relative) and HOME. */
  readonly setup: (dir: string) => { args: string[]; cwd?: string; home?: string };
  readonly message: string;
}

const refusals: [string, Case][] = [
  [
    "--specs is a symlink to --out (the reported case)",
    {
      setup: (dir) => {
        symlinkSync(join(dir, "specs"), join(dir, "link"));
        return { args: ["generate", "--specs", "link", "--out", "specs", "--force"] };
      },
      message: "tcgen: refusing to replace specs: it contains the current folder or the specs",
    },
  ],
  [
    "--out is a symlink to the specs folder",
    {
      setup: (dir) => {
        symlinkSync(join(dir, "specs"), join(dir, "out"));
        return { args: ["generate", "--out", "out", "--force"] };
      },
      message: "tcgen: refusing to replace out: it contains the current folder or the specs",
    },
  ],
  [
    "--out is a parent of the specs, spelled with ..",
    { setup: () => ({ args: ["generate", "--specs", "specs", "--out", "specs/..", "--force"] }), message: "tcgen: refusing to replace .: it contains the current folder or the specs" },
  ],
  [
    "--out is a symlink to a parent of the current folder",
    {
      setup: (dir) => {
        mkdirSync(join(dir, "work"));
        symlinkSync(dir, join(dir, "work", "up"));
        return { args: ["generate", "--specs", "../specs", "--out", "up", "--force"], cwd: "work" };
      },
      message: "tcgen: refusing to replace up: it contains the current folder or the specs",
    },
  ],
  [
    "a spec file is a symlink into --out",
    {
      setup: (dir) => {
        mkdirSync(join(dir, "out"));
        symlinkSync(join(dir, "specs", "demo.yaml"), join(dir, "out", "demo.yaml"));
        mkdirSync(join(dir, "specs2"));
        symlinkSync(join(dir, "specs", "package.yaml"), join(dir, "specs2", "package.yaml"));
        symlinkSync(join(dir, "out", "demo.yaml"), join(dir, "specs2", "demo.yaml"));
        return { args: ["generate", "--specs", "specs2", "--out", "out", "--force"] };
      },
      message: "tcgen: refusing to replace out: it contains the spec file demo.yaml (through a symlink)",
    },
  ],
  [
    "a spec file is a symlink to a regular file inside --out",
    {
      setup: (dir) => {
        mkdirSync(join(dir, "out", "deep"), { recursive: true });
        writeFileSync(join(dir, "out", "deep", "demo.yaml"), readFileSync(join(dir, "specs", "demo.yaml")));
        mkdirSync(join(dir, "specs2"));
        symlinkSync(join(dir, "specs", "package.yaml"), join(dir, "specs2", "package.yaml"));
        symlinkSync("../out/deep/demo.yaml", join(dir, "specs2", "demo.yaml"));
        return { args: ["generate", "--specs", "specs2", "--out", "out", "--force"] };
      },
      message: "tcgen: refusing to replace out: it contains the spec file demo.yaml (through a symlink)",
    },
  ],
  [
    "--out is the root of the file system",
    { setup: () => ({ args: ["generate", "--out", "/", "--force"] }), message: "tcgen: refusing to replace ../../..: it is the root of the file system" },
  ],
  [
    "--out is the home folder",
    {
      setup: (dir) => {
        mkdirSync(join(dir, "home"));
        return { args: ["generate", "--out", "home", "--force"], home: join(dir, "home") };
      },
      message: "tcgen: refusing to replace home: it contains the home folder",
    },
  ],
  [
    "--out is a symlink to a parent of the home folder",
    {
      setup: (dir) => {
        mkdirSync(join(dir, "users", "me"), { recursive: true });
        symlinkSync(join(dir, "users"), join(dir, "people"));
        return { args: ["generate", "--out", "people", "--force"], home: join(dir, "users", "me") };
      },
      message: "tcgen: refusing to replace people: it contains the home folder",
    },
  ],
];

describe("output path guards compare resolved real paths (exit 2, nothing written)", () => {
  it.concurrent.each(refusals)("%s", async (_name, c) => {
    const dir = project(validSpecs());
    const { args, cwd, home } = c.setup(dir);
    const before = listing(dir);
    const specsBefore = readFileSync(join(dir, "specs", "demo.yaml"), "utf8");
    const run = await tcgen(args, { cwd: join(dir, cwd ?? "."), env: home ? { HOME: home } : {} });
    expectClean(run);
    expect(run.code).toBe(2);
    expect(run.stderr.replace(/replace (?:\.\.\/)+\.\.:/, "replace ../../..:")).toContain(c.message);
    expect(listing(dir)).toEqual(before);
    expect(readFileSync(join(dir, "specs", "demo.yaml"), "utf8")).toBe(specsBefore);
  });
});

describe("the output folder's name", () => {
  it("an --out name of 230 characters is written (the temporary sibling's name stays short)", async () => {
    const dir = project(validSpecs());
    const name = "o".repeat(230);
    const run = await tcgen(["generate", "--out", name, "--no-cache"], { cwd: dir });
    expectClean(run);
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, name, "index.js"))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([name, "specs"]);
  });
});

describe("config files are sized before they are read", () => {
  it.concurrent.each([
    ["--config /dev/zero", (_dir: string) => ["--config", "/dev/zero"], "tcgen: invalid configuration", "the config file is not a regular file"],
    [
      "a FIFO named tcgen.config.yaml",
      (dir: string) => (execFileSync("mkfifo", [join(dir, "tcgen.config.yaml")]), []),
      "tcgen: invalid configuration",
      "tcgen.config.yaml: cannot read the config file: not a regular file, or over 1024 KB",
    ],
  ])("%s: exit 2, no hang", async (_name, setup, last, message) => {
    const dir = project(validSpecs());
    const args = setup(dir);
    const run = await tcgen(["validate", "--no-cache", ...args], { cwd: dir });
    expectClean(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain(last);
  });

  it.concurrent("a 2 GiB package.json is not read (so it holds no tcgen key)", async () => {
    const dir = project(validSpecs());
    execFileSync("truncate", ["-s", String(2 * 1024 ** 3), join(dir, "package.json")]);
    const run = await tcgen(["validate", "--no-cache"], { cwd: dir, measure: true });
    expectClean(run);
    expect(run.code).toBe(0);
    expect(run.maxRss).toBeLessThan(300 * 1024 * 1024);
  });
});
