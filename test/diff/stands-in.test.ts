/**
 * `type-side-changed` claims that code naming the kept type for a request value may no longer compile,
 * and its absence that such code still compiles. Checked against the compiler: for each synthetic
 * split, the new specs' emitted types and a fixture that passes a value of the kept type `Tag` where
 * requests now expect `TagInput`, all compiled by ONE tsc run with the strictest options.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffModels } from "../../generator/diff/index.js";
import { runTsc, STRICT_TSCONFIG, type TscRun, writeTypesPackage } from "../types/package.js";
import { CASES } from "./cases.js";
import { baseSpecs, modelOf, specTexts } from "./specs.js";

const SPLITS = ["type split, both sides agree", "type split by per-side requiredness", "type split and a request field became required"] as const;

/** A value typed with the kept name, sent where requests now use TagInput. */
const FIXTURE = `import type { RunInstancesRequest, Tag } from "./cvm/types.js";
declare const tag: Tag;
export const request: RunInstancesRequest = { ImageId: "img-1", Tags: [tag] };
`;

const root = mkdtempSync(join(tmpdir(), "tcgen-diff-stands-in-"));
const flagged = new Map<string, boolean>();
let run: TscRun;

beforeAll(async () => {
  SPLITS.forEach((name, i) => {
    const c = CASES[name]!;
    const before = baseSpecs();
    c.before?.(before);
    const after = baseSpecs();
    c.after(after);
    const next = modelOf(specTexts(after));
    const changes = diffModels(modelOf(specTexts(before)), next).changes;
    flagged.set(name, changes.some((ch) => ch.kind === "type-side-changed" && ch.type === "Tag" && ch.side === "request"));
    writeTypesPackage(join(root, `case${i}`), next, { "fixture.ts": FIXTURE });
  });
  // One run over every case: a root project that includes the case folders.
  writeFileSync(join(root, "package.json"), `${JSON.stringify({ type: "module", private: true })}\n`);
  writeFileSync(join(root, "tsconfig.json"), JSON.stringify({ ...STRICT_TSCONFIG, include: ["case*/**/*.ts"] }));
  run = await runTsc(root);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("type-side-changed agrees with the compiler", () => {
  it.each(SPLITS.map((name, i) => [name, i] as const))("%s", (name, i) => {
    const errors = run.diagnostics.filter((d) => d.file.replace(/\\/g, "/").endsWith(`case${i}/fixture.ts`));
    expect(run.output).not.toContain("error TS6");
    const want = flagged.get(name) ? ["TS2322 Type 'Tag' is not assignable to type 'TagInput'."] : [];
    expect(errors.map((d) => `TS${d.code} ${d.message.split("\n")[0]}`)).toEqual(want);
  });

  it("the cases cover both answers", () => {
    expect([...flagged.values()].sort()).toEqual([false, true, true]);
  });
});
