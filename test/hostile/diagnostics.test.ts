/**
 * Defect classes 4 and 5: diagnostics are collected without spreading large arrays (no stack overflow),
 * did-you-mean is bounded per file, and what is printed is capped per file and overall, each cut closed
 * by an "… and N more" line. 20,000 unknown type references is the report's size; unknown and duplicate
 * keys are 150,000 each, past the ~125,000 where `push(...list)` overflowed the stack (the report's
 * 250,000 / 300,000 pass too, at twice the time: the YAML syntax tree for locations is the cost).
 */
import { describe, expect, it } from "vitest";
import { loadModelFromFiles } from "../../generator/model/index.js";
import { MAX_DIAGNOSTICS, MAX_PER_FILE } from "../../generator/diagnostics.js";
import { SUGGESTIONS_PER_FILE } from "../../generator/load/suggest.js";
import { PACKAGE, service } from "../load/helpers.js";
import { expectClean, scratch, tcgen } from "./cli.js";

const { project } = scratch("diag");

const lines = (n: number, line: (i: number) => string): string => Array.from({ length: n }, (_, i) => line(i)).join("");

const cases: [string, string, number, string][] = [
  ["150,000 unknown top-level keys (1.5 MB)", service(lines(150_000, (i) => `k${i}: 1\n`)), 150_000, 'specs/big.yaml:5:1: unknown key "k0"'],
  ["150,000 duplicate keys", service(`types:\n  T:\n    fields:\n${lines(150_000, () => "      a: string\n")}`), 149_999, 'specs/big.yaml:9:7: duplicate key "a"'],
  [
    "20,000 unknown type references among 2,000 types",
    service(`types:\n${lines(2000, (i) => `  T${i}:\n    fields: { a: string }\n`)}  Big:\n    fields:\n${lines(20_000, (i) => `      f${i}: Unknown${i}\n`)}`),
    20_000,
    'unknown type "Unknown0"',
  ],
];

describe("many problems in one file", () => {
  it.each(cases)("%s: exit 2, capped output with closing lines", async (_name, text, count, first) => {
    const dir = project({ "specs/package.yaml": PACKAGE, "specs/big.yaml": text });
    const run = await tcgen(["validate", "--no-cache"], { cwd: dir });
    expectClean(run);
    expect(run.code).toBe(2);
    const printed = run.stderr.split("\n").filter((l) => l.startsWith("specs/big.yaml:") && !l.includes("… and"));
    expect(printed).toHaveLength(MAX_PER_FILE);
    expect(printed.join("\n")).toContain(first);
    expect(run.stderr).toContain(`specs/big.yaml: … and ${count - MAX_PER_FILE} more problems in this file\n`);
    expect(run.stderr).toContain(`tcgen: ${count} problems in the specs (specs)\n`);
  });
});

describe("the caps", () => {
  it("over many files: at most MAX_PER_FILE per file, MAX_DIAGNOSTICS in all, then one closing line", async () => {
    const files: Record<string, string> = { "specs/package.yaml": PACKAGE };
    for (let f = 0; f < 6; f++) files[`specs/s${f}.yaml`] = service(lines(60, (i) => `k${i}: 1\n`), `s${f}`);
    const dir = project(files);
    const run = await tcgen(["validate", "--no-cache"], { cwd: dir });
    expectClean(run);
    const out = run.stderr.split("\n");
    expect(out.filter((l) => /^specs\/s\d\.yaml:\d+:\d+: /.test(l))).toHaveLength(MAX_DIAGNOSTICS);
    expect(out.filter((l) => l.endsWith("more problems in this file"))).toEqual([
      "specs/s0.yaml: … and 10 more problems in this file",
      "specs/s1.yaml: … and 10 more problems in this file",
      "specs/s2.yaml: … and 10 more problems in this file",
      "specs/s3.yaml: … and 10 more problems in this file",
    ]);
    expect(run.stderr).toContain(`… and ${360 - MAX_DIAGNOSTICS - 40} more problems\ntcgen: 360 problems in the specs (specs)\n`);
  });

  it.concurrent("import prints the same capped lines", async () => {
    const members = Array.from({ length: 300 }, (_, i) => ({ name: `F${i}`, type: "nope", member: "x" }));
    const api = { metadata: { serviceShortName: "demo", apiVersion: "2020-01-01" }, actions: {}, objects: { X: { members } } };
    const dir = project({ "api.json": JSON.stringify(api) });
    const run = await tcgen(["import", "tencentcloud", "--api", "api.json", "--out", "specs"], { cwd: dir });
    expectClean(run);
    expect(run.code).toBe(2);
    const lines = run.stderr.split("\n");
    expect(lines.filter((l) => l.includes('unknown member type "nope"'))).toHaveLength(MAX_PER_FILE);
    expect(lines).toContain(`api.json: … and ${300 - MAX_PER_FILE} more problems in this file`);
    expect(lines).toContain("tcgen import: 300 problem(s); nothing written");
  });

  it("did-you-mean is searched for the first unknown names of a file only", () => {
    const refs = lines(SUGGESTIONS_PER_FILE + 5, (i) => `      f${i}: Instanse\n`);
    const r = loadModelFromFiles([
      { path: "p.yaml", content: PACKAGE },
      { path: "a.yaml", content: service(`types:\n  Instance:\n    fields: { a: string }\n  Big:\n    fields:\n${refs}`) },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const hinted = r.diagnostics.filter((d) => d.message.endsWith('(did you mean "Instance"?)'));
    expect(hinted).toHaveLength(SUGGESTIONS_PER_FILE);
    expect(r.diagnostics).toHaveLength(SUGGESTIONS_PER_FILE + 5);
  });
});
