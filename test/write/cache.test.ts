import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultCacheDir, pruneEntries, readEntry, writeEntry } from "../../generator/write/cache-store.js";
import {
  matchesManifest,
  outputCacheKey,
  readCachedManifest,
  readCachedOutput,
  writeCachedOutput,
} from "../../generator/write/output-cache.js";

const root = mkdtempSync(join(tmpdir(), "tcgen-cache-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  const dir = join(root, `d${n++}`);
  mkdirSync(dir);
  return dir;
};

describe("cache entries", () => {
  it("round-trip, and read as a miss when damaged or absent", () => {
    const dir = join(fresh(), "not-yet-created");
    expect(readEntry(dir, "x")).toBeUndefined();
    writeEntry(dir, "x", "body\nwith lines");
    expect(readEntry(dir, "x")).toBe("body\nwith lines");
    writeFileSync(join(dir, "x"), readFileSync(join(dir, "x"), "utf8").replace("body", "bodY"));
    expect(readEntry(dir, "x")).toBeUndefined();
    expect(readdirSync(dir)).toEqual(["x"]); // no temp files left behind
  });

  it("never throw when the folder cannot be written", () => {
    const file = join(fresh(), "file");
    writeFileSync(file, "");
    expect(() => writeEntry(join(file, "sub"), "x", "y")).not.toThrow();
    expect(readEntry(join(file, "sub"), "x")).toBeUndefined();
  });

  it("prune keeps the most recent entries with a prefix", () => {
    const dir = fresh();
    for (let i = 0; i < 5; i++) {
      writeEntry(dir, `output-${i}`, String(i));
      utimesSync(join(dir, `output-${i}`), 1000 + i, 1000 + i);
    }
    writeEntry(dir, "format-v1.json", "{}");
    pruneEntries(dir, "output-", 2);
    expect(readdirSync(dir).sort()).toEqual(["format-v1.json", "output-3", "output-4"]);
  });
});

describe("defaultCacheDir", () => {
  it("honours TCGEN_NO_CACHE and TCGEN_CACHE_DIR", () => {
    expect(defaultCacheDir(root, { TCGEN_NO_CACHE: "1" })).toBeUndefined();
    expect(defaultCacheDir(root, { TCGEN_CACHE_DIR: "/x/y" })).toBe("/x/y");
  });

  it("uses node_modules/.cache/tcgen of the nearest project, else a private temp folder", () => {
    const project = fresh();
    writeFileSync(join(project, "package.json"), "{}");
    mkdirSync(join(project, "node_modules"));
    mkdirSync(join(project, "src", "deep"), { recursive: true });
    expect(defaultCacheDir(join(project, "src", "deep"), {})).toBe(join(project, "node_modules", ".cache", "tcgen"));
    const bare = fresh();
    writeFileSync(join(bare, "package.json"), "{}"); // a project without node_modules: do not create one
    expect(defaultCacheDir(bare, {})).toMatch(/tcgen-cache-/);
  });
});

describe("whole-output cache", () => {
  it("keys on the path and bytes of every spec file the loader reads", async () => {
    const specs = fresh();
    writeFileSync(join(specs, "a.yaml"), "a: 1\n");
    mkdirSync(join(specs, "sub"));
    writeFileSync(join(specs, "sub", "b.yml"), "b: 1\n");
    const key = await outputCacheKey(specs);
    expect(await outputCacheKey(specs)).toBe(key);
    writeFileSync(join(specs, "notes.txt"), "not a spec");
    expect(await outputCacheKey(specs)).toBe(key);
    writeFileSync(join(specs, "sub", "b.yml"), "b: 2\n");
    const edited = await outputCacheKey(specs);
    expect(edited).not.toBe(key);
    rmSync(join(specs, "sub", "b.yml"));
    writeFileSync(join(specs, "sub", "c.yml"), "b: 2\n");
    const renamed = await outputCacheKey(specs);
    expect(renamed).not.toBe(edited);
    // A symlinked spec file counts by its target's bytes.
    const target = join(fresh(), "shared.yaml");
    writeFileSync(target, "x: 1\n");
    symlinkSync(target, join(specs, "link.yaml"));
    const linked = await outputCacheKey(specs);
    expect(linked).not.toBe(renamed);
    writeFileSync(target, "x: 2\n");
    expect(await outputCacheKey(specs)).not.toBe(linked);
  });

  it("stores and returns the files, and rejects entries of the wrong shape", () => {
    const dir = fresh();
    const value = { files: [{ path: "index.js", text: "x\n" }], services: 1, actions: 2 };
    writeCachedOutput(dir, "k", value);
    expect(readCachedOutput(dir, "k")).toEqual(value);
    expect(readCachedOutput(dir, "other")).toBeUndefined();
    writeEntry(dir, "output-bad.json", JSON.stringify({ files: [{ path: 1 }], services: 1, actions: 1 }));
    expect(readCachedOutput(dir, "bad")).toBeUndefined();
    expect(readCachedOutput(undefined, "k")).toBeUndefined();
  });

  it("a manifest of hashes tells whether the output folder holds exactly the cached files", () => {
    const dir = fresh();
    const files = [
      { path: "index.js", text: "x\n" },
      { path: "svc/types.d.ts", text: "t\n" },
    ];
    writeCachedOutput(dir, "k", { files, services: 1, actions: 3 });
    const manifest = readCachedManifest(dir, "k");
    expect(manifest).toMatchObject({ services: 1, actions: 3 });
    const out = fresh();
    mkdirSync(join(out, "svc"));
    writeFileSync(join(out, "index.js"), "x\n");
    expect(matchesManifest(out, manifest!)).toBe(false); // svc/types.d.ts missing
    writeFileSync(join(out, "svc", "types.d.ts"), "t\n");
    expect(matchesManifest(out, manifest!)).toBe(true);
    writeFileSync(join(out, "svc", "types.d.ts"), "T\n");
    expect(matchesManifest(out, manifest!)).toBe(false);
    writeFileSync(join(out, "svc", "types.d.ts"), "t\n");
    writeFileSync(join(out, "extra.txt"), "");
    expect(matchesManifest(out, manifest!)).toBe(false);
    expect(matchesManifest(join(out, "index.js"), manifest!)).toBe(false); // not a folder: no throw
  });
});
