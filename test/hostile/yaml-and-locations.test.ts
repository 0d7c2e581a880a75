/**
 * Defect classes 12 and 13, and impossible service dates: a YAML key that is a collection (`? [a, b]`)
 * or an alias is a located diagnostic at the key itself, with no Node warning; "first defined at" is
 * shown relative to the same base as the main location; `2024-13-45` is refused, located.
 */
import { basename, dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE, service } from "../load/helpers.js";
import { expectClean, scratch, tcgen } from "./cli.js";

const { project } = scratch("yaml");

describe("keys that are not plain strings", () => {
  const cases: [string, string, string][] = [
    ["a list key in block style", "types:\n  T:\n    fields:\n      ? [a, b]\n      : string\n", "8:9: a key must be a plain string, found a list"],
    ["a mapping key", "types:\n  T:\n    fields:\n      ? {a: 1}\n      : string\n", "8:9: a key must be a plain string, found a mapping"],
    ["a list key in flow style", "types:\n  T:\n    fields: { [a, b]: string }\n", "7:15: a key must be a plain string, found a list"],
    ["an alias as a key", "types:\n  T:\n    fields:\n      A: &name X\n      *name : string\n", "9:7: a key must be a plain string, found an alias"],
    ["a collection key at the top level", "? [x]\n: 1\n", "5:3: a key must be a plain string, found a list"],
  ];
  // One run over one file per case (each file is read on its own).
  it("each is located at the key, with no Node warning", async () => {
    const files: Record<string, string> = { "specs/package.yaml": PACKAGE };
    cases.forEach(([, body], i) => (files[`specs/k${i}.yaml`] = service(body, `k${i}`)));
    const run = await tcgen(["validate", "--no-cache"], { cwd: project(files) });
    expectClean(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${cases.map(([, , want], i) => `specs/k${i}.yaml:${want}\n`).join("")}tcgen: ${cases.length} problems in the specs (specs)\n`);
  });
});

describe("related locations use the main location's base", () => {
  it.concurrent("duplicate type across files in a subfolder, run from the project and from elsewhere", async () => {
    const dir = project({
      "specs/package.yaml": PACKAGE,
      "specs/svc/t1.yaml": service("types:\n  T:\n    fields: { a: string }\n", "svc"),
      "specs/svc/t2.yaml": service("types:\n  T:\n    fields: { a: string }\n", "svc"),
    });
    const name = basename(dir);
    const [here, there] = await Promise.all([
      tcgen(["validate", "--no-cache"], { cwd: dir }),
      tcgen(["validate", "--no-cache", "--specs", `${name}/specs`], { cwd: dirname(dir) }).then((r) => ({ ...r, stderr: r.stderr.replaceAll(name, "p") })),
    ]);
    for (const run of [here, there]) expectClean(run);
    expect(here.stderr).toContain('specs/svc/t2.yaml:6:3: duplicate type "T" (first defined at specs/svc/t1.yaml:6:3) (at types.T)\n');
    expect(there.stderr).toContain('p/specs/svc/t2.yaml:6:3: duplicate type "T" (first defined at p/specs/svc/t1.yaml:6:3) (at types.T)\n');
  });
});

describe("service versions are real dates", () => {
  const bad = ["2024-13-45", "2023-02-29", "2024-06-31", "0000-00-00"];
  it("impossible days are refused at the value; 2024-02-29 is a day", async () => {
    const files: Record<string, string> = { "specs/package.yaml": PACKAGE, "specs/leap.yaml": service("", "leap", "2024-02-29") };
    bad.forEach((version, i) => (files[`specs/v${i}.yaml`] = service("", `v${i}`, version)));
    const run = await tcgen(["validate", "--no-cache"], { cwd: project(files) });
    expectClean(run);
    expect(run.code).toBe(2);
    const want = bad.map((v, i) => `specs/v${i}.yaml:4:12: invalid service version "${v}": must be a date like "2017-03-12" (no such day) (at service.version)\n`);
    expect(run.stderr).toBe(`${want.join("")}tcgen: ${bad.length} problems in the specs (specs)\n`);
  });
});
