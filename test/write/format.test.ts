import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { OutputFile } from "../../generator/emit/output.js";
import { readEntry, writeEntry } from "../../generator/write/cache-store.js";
import { formatFiles, parserFor } from "../../generator/write/format.js";

const root = mkdtempSync(join(tmpdir(), "tcgen-format-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshCache = () => join(root, `cache-${n++}`);

const longCall = `export function f(){return callSomething('alpha','beta','gamma','delta','epsilon','zeta','eta','theta','iota')}`;
const files: OutputFile[] = [
  { path: "b/index.js", text: `${longCall}\nconst o={a:1,'b':2}` },
  { path: "b/index.d.ts", text: "export interface X {a:string;b?:number|null}\nexport declare function f(x:X):X" },
  { path: "package.json", text: '{"name":"x","exports":{".":{"types":"./index.d.ts"}}}' },
  { path: "README.md", text: "# Title\n* one\n* two\n" },
  { path: "LICENSE", text: "keep   me  as is" },
];

describe("formatFiles", () => {
  it("formats by extension with the pinned options and keeps the order", async () => {
    const out = await formatFiles(files, { cacheDir: false });
    expect(out.map((f) => f.path)).toEqual(files.map((f) => f.path));
    const [js, dts, json, md, other] = out.map((f) => f.text);
    // printWidth 100, double quotes, trailing commas, semicolons
    expect(js).toContain('  return callSomething(\n    "alpha",');
    expect(js).toContain('    "iota",\n  );');
    expect(js).toContain('const o = { a: 1, b: 2 };\n');
    expect(dts).toBe("export interface X {\n  a: string;\n  b?: number | null;\n}\nexport declare function f(x: X): X;\n");
    expect(json).toBe('{ "name": "x", "exports": { ".": { "types": "./index.d.ts" } } }\n');
    expect(md).toBe("# Title\n* one\n* two\n"); // left as the template made it
    expect(other).toBe("keep   me  as is");
  });

  it("chooses parsers by extension", () => {
    expect(["a.js", "a.d.ts", "a.json", "a.md", "a.txt"].map(parserFor)).toEqual([
      "espree",
      "babel-ts",
      "json",
      undefined,
      undefined,
    ]);
  });

  it("ignores a prettier config in the current directory", async () => {
    const dir = join(root, "with-rc");
    const cwd = process.cwd();
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dir);
    writeFileSync(join(dir, ".prettierrc"), JSON.stringify({ semi: false, singleQuote: true, printWidth: 40 }));
    writeFileSync(join(dir, ".editorconfig"), "root = true\n[*]\nindent_style = tab\n");
    process.chdir(dir);
    try {
      const [js] = await formatFiles([files[0]!], { cacheDir: false });
      expect(js!.text).toContain('const o = { a: 1, b: 2 };');
    } finally {
      process.chdir(cwd);
    }
  });

  it("gives byte-identical output with or without cache and workers", async () => {
    const big: OutputFile[] = Array.from({ length: 6 }, (_, i) => ({
      path: `s${i}/parsers.js`,
      text: Array.from({ length: 15 }, (_, j) => `export function p${j}(x){if(x==null){return {ok:false,code:'E${i}${j}'}}return {ok:true,data:x}}`).join("\n"),
    }));
    const plain = await formatFiles(big, { cacheDir: false, workers: false });
    const threaded = await formatFiles(big, { cacheDir: false, workers: true });
    const cacheDir = freshCache();
    const cold = await formatFiles(big, { cacheDir, workers: true });
    const warm = await formatFiles(big, { cacheDir });
    expect(threaded).toEqual(plain);
    expect(cold).toEqual(plain);
    expect(warm).toEqual(plain);
  });

  it("serves repeated inputs from the cache, and survives a damaged cache", async () => {
    const cacheDir = freshCache();
    const first = await formatFiles([files[1]!], { cacheDir });
    const body = readEntry(cacheDir, "format-v1.json");
    expect(body).toBeDefined();
    const entries = JSON.parse(body!) as Record<string, string>;
    expect(Object.values(entries)).toEqual([first[0]!.text]);
    // A (validly stored) cached value is returned as is: proof that the cache is consulted.
    const key = Object.keys(entries)[0]!;
    writeEntry(cacheDir, "format-v1.json", JSON.stringify({ [key]: "from cache\n" }));
    expect((await formatFiles([files[1]!], { cacheDir }))[0]!.text).toBe("from cache\n");
    // A damaged file is a miss, not an error.
    const path = join(cacheDir, "format-v1.json");
    writeFileSync(path, readFileSync(path, "utf8").replace("from cache", "edited"));
    expect(await formatFiles([files[1]!], { cacheDir })).toEqual(first);
    writeFileSync(path, "garbage");
    expect(await formatFiles([files[1]!], { cacheDir })).toEqual(first);
  });

  it("names the file when prettier cannot parse it", async () => {
    const bad: OutputFile[] = [
      { path: "x/broken.js", text: "export const = ;" },
      { path: "x/ok.js", text: "export const a = 1;" },
    ];
    await expect(formatFiles(bad, { cacheDir: false })).rejects.toThrow(/x\/broken\.js/);
    await expect(formatFiles(bad, { cacheDir: false, workers: true })).rejects.toThrow(/x\/broken\.js/);
  });
});
