/**
 * The structural pass's validators: the standalone code `npm run build` writes must be current (built
 * from the schema text as it is) and must judge every document exactly as ajv compiling the schema
 * at run time does: same verdict, same errors (the diagnostics are made from them).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { listSpecPaths } from "../../generator/load/files.js";
import { compiledValidators, precompiledValidators, readSchemaText, type Validators } from "../../generator/load/schema-compile.js";
import type { FileKind } from "../../generator/load/document.js";

const repo = path.resolve(import.meta.dirname, "../..");

function kindOf(data: Record<string, unknown>): FileKind {
  return "overlay" in data ? "overlay" : "service" in data ? "service" : "package";
}

/** Copies of `data` with one value replaced or one key added, at every `step`-th node. */
function mutants(data: unknown, step: number): unknown[] {
  const out: unknown[] = [];
  const replacements: unknown[] = [42, "x", [], {}, null, true, -1.5, ["x"], { bogus: 1 }];
  let n = 0;
  const visit = (node: unknown, rebuild: (v: unknown) => unknown): void => {
    if (n++ % step === 0) out.push(rebuild(replacements[n % replacements.length]));
    if (Array.isArray(node)) node.forEach((v, i) => visit(v, (r) => rebuild(node.map((x, j) => (j === i ? r : x)))));
    else if (typeof node === "object" && node !== null) {
      const o = node as Record<string, unknown>;
      if (n % 5 === 0) out.push(rebuild({ ...o, Bogus_Key: 1 }));
      for (const k of Object.keys(o)) visit(o[k], (r) => rebuild({ ...o, [k]: r }));
    }
  };
  visit(data, (v) => v);
  return out;
}

function verdict(validators: Validators, kind: FileKind, data: unknown): unknown {
  const v = validators[kind];
  return v(data) ? "valid" : v.errors;
}

describe("precompiled structural validators", () => {
  const schema = readSchemaText();

  test("are current: the build wrote them from this schema text (run `npm run build` after editing the schema)", () => {
    expect(precompiledValidators(schema)).toBeDefined();
  });

  test("are not used when built from another schema text", () => {
    expect(precompiledValidators({ text: schema.text, hash: "0".repeat(64) })).toBeUndefined();
  });

  test("judge every spec file, and many broken copies of them, as the run-time compile does", async () => {
    const pre = precompiledValidators(schema)!;
    const run = compiledValidators(JSON.parse(schema.text) as Record<string, unknown>);
    let checked = 0;
    let invalid = 0;
    for (const dir of ["specs", "test/fixtures/specs"]) {
      for (const rel of await listSpecPaths(path.join(repo, dir))) {
        const data = parse(readFileSync(path.join(repo, dir, rel), "utf8")) as Record<string, unknown>;
        if (typeof data !== "object" || data === null) continue;
        const kind = kindOf(data);
        for (const doc of [data, ...mutants(data, 7)]) {
          const want = verdict(run, kind, doc);
          expect(verdict(pre, kind, doc), `${dir}/${rel}`).toEqual(want);
          checked++;
          if (want !== "valid") invalid++;
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(invalid).toBeGreaterThan(100);
  });
});
