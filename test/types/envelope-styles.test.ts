/**
 * Type-level guarantees of the envelope styles and protocols (issue 15), compiled as a strict
 * consumer on TypeScript 5.9, 6 and 7 (with `lib: ["es2022"]` alone, and once with the DOM lib) against
 * the golden packages: the data-key response type holds only the data; optional request ids, numeric
 * code unions, declared error fields and `match` with numeric codes are typed as the replies are; the
 * client options follow the auth preset. Run `npm run build` first (the runtime comes from dist/runtime).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/paths.js";

const compilers = [
  ["TypeScript 5.9", join(repoRoot, "node_modules/typescript/bin/tsc")],
  ["TypeScript 6", join(repoRoot, "node_modules/typescript6/bin/tsc")],
  ["TypeScript 7", join(repoRoot, "node_modules/typescript7/bin/tsc")],
] as const;

let work = "";
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "tcgen-envelope-types-"));
  for (const style of ["numeric-envelope", "error-object", "success-flag", "flat-envelope"]) {
    cpSync(join(repoRoot, "test/fixtures/golden", style, "expected"), join(work, style), { recursive: true });
    cpSync(join(repoRoot, "dist/runtime"), join(work, style, "runtime"), { recursive: true });
  }
  cpSync(join(repoRoot, "test/types/envelope-fixtures/styles.ts"), join(work, "styles.ts"));
  writeFileSync(join(work, "package.json"), JSON.stringify({ type: "module" }));
  for (const [name, lib] of [["es2022", ["ES2022"]], ["dom", ["ES2022", "DOM"]]] as const) {
    const compilerOptions = {
      target: "ES2022",
      lib,
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
    writeFileSync(join(work, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions, files: ["styles.ts"] }));
  }
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the envelope styles' types compile exactly as the fixture expects", () => {
  for (const [label, tsc] of compilers) {
    // the DOM lib once (it only adds the platform's fetch and AbortSignal types; slow to load)
    for (const config of label === "TypeScript 5.9" ? ["tsconfig.es2022.json", "tsconfig.dom.json"] : ["tsconfig.es2022.json"]) {
      it(`${label}, ${config}`, () => {
        const r = spawnSync(process.execPath, [tsc, "-p", config], { cwd: work, encoding: "utf8" });
        expect(r.stdout + r.stderr).toBe("");
        expect(r.status).toBe(0);
      });
    }
  }
});
