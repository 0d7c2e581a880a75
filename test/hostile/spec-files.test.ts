/**
 * Defect classes 3 and 10: a spec file's size is known (fstat) before it is read, so a huge file is
 * refused without the memory to hold it; a file that cannot be read (dangling or looping symlink, a
 * symlink to a folder, an unreadable subfolder) is a message naming that file, relative to the cwd like
 * every location, with the cache on or off; the other files are still checked.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, closeSync, mkdirSync, openSync, symlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES } from "../../generator/load/files.js";
import { expectClean, scratch, tcgen, validSpecs } from "./cli.js";

const { project } = scratch("specs");
const MiB = 1024 * 1024;

describe("huge spec files are refused before they are read", () => {
  it.concurrent.each([
    ["a 1 GiB file (sparse)", 1024 * MiB, true],
    ["an 80 MB file of real bytes", 80 * MiB, false],
  ])("%s: exit 2, located, memory below twice the file", async (_name, size, isSparse) => {
    const dir = project(validSpecs());
    const path = join(dir, "specs", "huge.yaml");
    if (isSparse) execFileSync("truncate", ["-s", String(size), path]);
    else {
      const fd = openSync(path, "w");
      const chunk = Buffer.alloc(8 * MiB, "# padding line of a spec file that is far too large\n");
      for (let written = 0; written < size; written += chunk.length) writeSync(fd, chunk);
      closeSync(fd);
    }
    for (const cache of [[], ["--no-cache"]]) {
      const run = await tcgen(["validate", ...cache], { cwd: dir, measure: true });
      expectClean(run);
      expect(run.code).toBe(2);
      const mb = (n: number) => (n / MiB).toFixed(1);
      expect(run.stderr).toContain(`specs/huge.yaml: the file is too large (${mb(size)} MB; at most ${mb(MAX_FILE_BYTES)} MB per file): split it into several files\n`);
      expect(run.maxRss).toBeLessThan(2 * size);
      expect(run.maxRss).toBeLessThan(200 * MiB);
    }
  });
});

const unreadable: [string, (specs: string) => void, string][] = [
  ["a dangling symlink", (s) => symlinkSync(join(s, "gone.yaml"), join(s, "dangling.yaml")), "specs/dangling.yaml: cannot read the file: it is a symlink to a file that does not exist"],
  ["a symlink loop", (s) => (symlinkSync(join(s, "b.yaml"), join(s, "a.yaml")), symlinkSync(join(s, "a.yaml"), join(s, "b.yaml"))), "specs/a.yaml: cannot read the file: it is a symlink loop"],
  ["a self-referencing symlink", (s) => symlinkSync("self.yaml", join(s, "self.yaml")), "specs/self.yaml: cannot read the file: it is a symlink loop"],
  [
    "an unreadable subfolder",
    (s) => {
      mkdirSync(join(s, "locked"));
      chmodSync(join(s, "locked"), 0);
    },
    "specs/locked: cannot read the folder: permission denied",
  ],
];

const isRoot = process.getuid?.() === 0;

describe("unreadable spec files are named, not the folder", () => {
  // One specs folder holding every case (each is reported on its own) and a file with a problem of its
  // own, which is still checked; one run through the cache key and the loader each.
  it.concurrent("each is a message naming the file, with the cache on or off; the other files are still checked", async () => {
    const dir = project({ ...validSpecs(), "specs/bad.yaml": 'specVersion: 1\nservice:\n  name: bad\n  version: "2020-01-01"\n  nope: 1\n' });
    const cases = unreadable.filter(([name]) => !(isRoot && name.includes("unreadable")));
    for (const [, make] of cases) make(join(dir, "specs"));
    const runs = await Promise.all([["validate", "--no-cache"], ["check"]].map((args) => tcgen(args, { cwd: dir })));
    chmodSync(join(dir, "specs"), 0o755);
    for (const run of runs) {
      expectClean(run);
      expect(run.code).toBe(2);
      for (const [, , message] of cases) expect(run.stderr).toContain(`${message}\n`);
      expect(run.stderr).toContain('specs/bad.yaml:5:3: unknown key "nope"');
      expect(run.stderr).not.toContain("cannot read the specs directory");
      expect(run.stderr).not.toContain(dir);
    }
  });

  it.concurrent("a missing --specs folder given as an absolute path is shown once, not joined to itself", async () => {
    const dir = project({});
    const run = await tcgen(["validate", "--specs", join(dir, "nope")], { cwd: dir });
    expectClean(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('tcgen: specs folder not found: nope (give one with --specs <dir> or "specs" in tcgen.config.yaml)\n');
  });
});
