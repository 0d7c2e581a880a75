/**
 * Type-level guarantees of the envelope styles (issue 15), compiled under the strictest settings
 * against the golden packages: the data-key response type holds only the data; optional request ids,
 * numeric code unions, declared error fields and `match` with numeric codes are typed as the replies
 * are. Run `npm run build` first (the runtime comes from dist/runtime).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { repoRoot } from "../helpers/paths.js";

it("the envelope styles' types compile exactly as the fixture expects", () => {
  const work = mkdtempSync(join(tmpdir(), "tcgen-envelope-types-"));
  try {
    for (const style of ["numeric-envelope", "error-object", "success-flag"]) {
      cpSync(join(repoRoot, "test/fixtures/golden", style, "expected"), join(work, style), { recursive: true });
      cpSync(join(repoRoot, "dist/runtime"), join(work, style, "runtime"), { recursive: true });
    }
    cpSync(join(repoRoot, "test/types/envelope-fixtures/styles.ts"), join(work, "styles.ts"));
    const compilerOptions = {
      target: "ES2022",
      lib: ["ES2022"],
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      noPropertyAccessFromIndexSignature: true,
      noUnusedLocals: true,
      verbatimModuleSyntax: true,
      skipLibCheck: false,
      noEmit: true,
      types: [],
    };
    writeFileSync(join(work, "package.json"), JSON.stringify({ type: "module" }));
    writeFileSync(join(work, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["styles.ts"] }));
    const r = spawnSync(process.execPath, [join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", work], { encoding: "utf8" });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
