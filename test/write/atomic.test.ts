import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { OutputFile } from "../../generator/emit/output.js";
import { writeOutputAtomically } from "../../generator/write/atomic.js";
import { readTree } from "../../generator/write/check.js";

const root = mkdtempSync(join(tmpdir(), "tcgen-atomic-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshParent = () => {
  const dir = join(root, `case-${n++}`);
  mkdirSync(dir);
  return dir;
};
const snapshot = (dir: string) => Object.fromEntries([...readTree(dir)].map(([p, b]) => [p, b.toString("utf8")]));

const oldFiles: OutputFile[] = [
  { path: "index.js", text: "old index\n" },
  { path: "gone/only-old.js", text: "removed by the next run\n" },
];
const newFiles: OutputFile[] = [
  { path: "index.js", text: "new index\n" },
  { path: "a/b/deep.d.ts", text: "deep\n" },
  { path: "package.json", text: "{}\n" },
];

describe("writeOutputAtomically", () => {
  it("creates the output folder (and its parents) when absent", async () => {
    const out = join(freshParent(), "nested", "generated");
    await writeOutputAtomically(out, newFiles);
    expect(snapshot(out)).toEqual({ "a/b/deep.d.ts": "deep\n", "index.js": "new index\n", "package.json": "{}\n" });
  });

  it("replaces the previous output entirely and leaves no temp or old folder", async () => {
    const parent = freshParent();
    const out = join(parent, "generated");
    await writeOutputAtomically(out, oldFiles);
    writeFileSync(join(out, "hand-added.txt"), "x");
    await writeOutputAtomically(out, newFiles);
    expect(Object.keys(snapshot(out))).toEqual(["a/b/deep.d.ts", "index.js", "package.json"]);
    expect(readdirSync(parent)).toEqual(["generated"]);
  });

  it("leaves the previous output untouched when writing fails midway", async () => {
    const parent = freshParent();
    const out = join(parent, "generated");
    await writeOutputAtomically(out, oldFiles);
    const before = snapshot(out);
    await expect(writeOutputAtomically(out, newFiles, { failAfterFiles: 2 })).rejects.toThrow(/after 2 files/);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(["generated"]);
  });

  it("keeps a node_modules folder of the previous output", async () => {
    const out = join(freshParent(), "generated");
    await writeOutputAtomically(out, oldFiles);
    mkdirSync(join(out, "node_modules", "dep"), { recursive: true });
    writeFileSync(join(out, "node_modules", "dep", "index.js"), "dep");
    await writeOutputAtomically(out, newFiles);
    expect(readFileSync(join(out, "node_modules", "dep", "index.js"), "utf8")).toBe("dep");
    expect(readFileSync(join(out, "index.js"), "utf8")).toBe("new index\n");
  });

  it("removes leftovers of runs whose process is gone, not those of live ones", async () => {
    const parent = freshParent();
    const dead = join(parent, ".generated.tmp-2147483646-abcdef");
    const live = join(parent, `.generated.old-${process.ppid}-abcdef`);
    const other = join(parent, ".other.tmp-2147483646-abcdef");
    for (const dir of [dead, live, other]) mkdirSync(dir);
    await writeOutputAtomically(join(parent, "generated"), newFiles);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(other)).toBe(true);
  });

  it("refuses a target that is a file", async () => {
    const parent = freshParent();
    writeFileSync(join(parent, "generated"), "not a folder");
    await expect(writeOutputAtomically(join(parent, "generated"), newFiles)).rejects.toThrow(/not a directory/);
    expect(readdirSync(parent)).toEqual(["generated"]);
  });
});
