/**
 * Golden fixtures: each case's specs generate exactly its committed `expected/` tree (file set and
 * bytes), and every expected tree compiles under the strictest settings. The `runtime/` folder is
 * left out of the trees: it is dist/runtime copied byte for byte (tested with the runtime itself),
 * and the compile step puts it back. Regenerate after an
 * intended output change with `UPDATE_GOLDEN=1 npx vitest run test/golden`, then review the diff.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateFromDir } from "../../generator/pipeline.js";
import { readTree } from "../../generator/write/check.js";
import { repoRoot } from "../helpers/paths.js";
import { writeOutput } from "../helpers/write-output.js";

/** case name → specs dir. Expected output lives in test/fixtures/golden/<case>/expected. */
const CASES: Record<string, string> = {
  hostile: "test/fixtures/golden/hostile/specs",
  "tencent-mini": "test/fixtures/specs/tencent-mini",
  "flat-envelope": "test/fixtures/specs/flat-envelope",
  "numeric-envelope": "test/fixtures/specs/numeric-envelope",
  "error-object": "test/fixtures/specs/error-object",
  "success-flag": "test/fixtures/specs/success-flag",
};

const update = process.env["UPDATE_GOLDEN"] === "1";

/** Paths of every file under `dir` (sorted), or [] when it does not exist. */
function listFiles(dir: string): string[] {
  return [...readTree(dir).keys()].sort();
}

describe("golden fixtures", () => {
  for (const [name, specs] of Object.entries(CASES)) {
    it(`${name}: output equals expected/`, async () => {
      const expectedDir = join(repoRoot, "test/fixtures/golden", name, "expected");
      const result = await generateFromDir(join(repoRoot, specs));
      if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`).join("\n"));
      const files = result.files.filter((f) => !f.path.startsWith("runtime/"));
      if (update) {
        rmSync(expectedDir, { recursive: true, force: true });
        writeOutput(expectedDir, files);
      }
      expect(files.map((f) => f.path)).toEqual(listFiles(expectedDir));
      for (const f of files) {
        expect(f.text, f.path).toBe(readFileSync(join(expectedDir, f.path), "utf8"));
      }
    });
  }

  it("every expected tree compiles under the strictest settings", () => {
    const work = mkdtempSync(join(tmpdir(), "tcgen-golden-"));
    try {
      const files: string[] = [];
      for (const name of Object.keys(CASES)) {
        const dir = join(work, name);
        cpSync(join(repoRoot, "test/fixtures/golden", name, "expected"), dir, { recursive: true });
        cpSync(join(repoRoot, "dist/runtime"), join(dir, "runtime"), { recursive: true });
        for (const f of listFiles(dir)) if (f.endsWith(".d.ts")) files.push(join(dir, f));
      }
      const tsconfig = {
        compilerOptions: {
          target: "ES2022",
          lib: ["ES2022", "DOM"],
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: true,
          noPropertyAccessFromIndexSignature: true,
          noImplicitOverride: true,
          verbatimModuleSyntax: true,
          skipLibCheck: false,
          noEmit: true,
          types: [],
        },
        files,
      };
      writeFileSync(join(work, "tsconfig.json"), JSON.stringify(tsconfig));
      const r = spawnSync(process.execPath, [join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", work], {
        encoding: "utf8",
      });
      expect(r.stdout + r.stderr).toBe("");
      expect(r.status).toBe(0);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
