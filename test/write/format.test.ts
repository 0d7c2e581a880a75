/** `--prettier`: the output formatted with the user's prettier config; without it, the text passes as it is. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatFiles } from "../../generator/write/format.js";

const dir = mkdtempSync(join(tmpdir(), "tcgen-format-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = [
  { path: "a/index.js", text: 'export const a = "x";\n' },
  { path: "a/index.d.ts", text: 'export declare const a: "x";\n' },
  { path: "README.md", text: "#  Title\n" },
];

describe("formatFiles", () => {
  it("leaves the emitted text as it is by default", async () => {
    expect(await formatFiles(files)).toEqual(files);
  });

  it("formats code with the user's prettier config, resolved from the output folder", async () => {
    writeFileSync(join(dir, ".prettierrc.json"), JSON.stringify({ singleQuote: true, semi: false }));
    const out = await formatFiles(files, { prettier: { outDir: dir } });
    expect(out).toEqual([
      { path: "a/index.js", text: "export const a = 'x'\n" },
      { path: "a/index.d.ts", text: "export declare const a: 'x'\n" },
      { path: "README.md", text: "#  Title\n" },
    ]);
  });
});
