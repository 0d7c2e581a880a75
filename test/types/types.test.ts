/**
 * Type-level proofs for the emitted types and errors and for `match` / `assertNever` / the guards:
 * the fixtures in test/types/fixtures (`// @ts-expect-error` marks every line that must NOT compile,
 * `expectTrue<Equal<…>>` every exact type) plus a 1,000-code action with `match` consumers, compiled
 * by ONE tsc run (TypeScript 5.9, strictest options) against a package emitted from a hand-built model.
 * Needs `npm run build` (the compiled runtime in dist/runtime).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestModel, code, enumOf, field, list, namedType, openEnumOf, prim, ref } from "../helpers/model.js";
import { runTsc, writeTypesPackage, type TscDiagnostic, type TscRun } from "./package.js";
import { scaleCodes, scaleFixtures, scaleService } from "./scale.js";

const SCALE_CODES = 1000;
const SCALE_FAMILIES = 20;
const COMMON = ["AuthFailure.SignatureFailure", "AuthFailure.TokenFailure", "InternalError"];

const model = buildTestModel({
  common: [code("AuthFailure.SignatureFailure"), code("AuthFailure.TokenFailure"), code("InternalError", { retry: "transient" })],
  services: [
    {
      name: "svc",
      errors: [
        code("InvalidParameter"),
        code("InvalidParameter.Foo.Bar", { retry: "transient" }),
        code("ResourceNotFound.Instance"),
        code("toString"),
      ],
      types: [
        namedType("Item", [
          field("Plain", prim("string")),
          field("Opt", prim("string"), { optional: true }),
          field("Null", prim("string"), { nullable: true }),
          field("Both", prim("string"), { optional: true, nullable: true }),
        ]),
        namedType("Shapes", [
          field("State", enumOf("RUNNING", "PENDING")),
          field("States", list(enumOf("B", "A"))),
          field("NullableStates", list(enumOf("B", "A")), { nullable: true }),
          field("Grid", list(list(enumOf("X", "Y")))),
          field("Matrix", list(list(prim("int64")))),
          field("Json", prim("json"), { nullable: true }),
        ]),
        namedType("Node", [field("Children", list(ref("Node"))), field("Parent", ref("Node"), { optional: true, nullable: true })]),
        namedType("Keys", [
          field("__proto__", prim("string"), { description: "A key */ that needs quotes" }),
          field("a-b", prim("string")),
          field("2x", prim("string")),
          field("constructor", prim("string")),
        ]),
        namedType("Error", [field("Cause", ref("Error"), { optional: true })], { deprecated: true }),
        namedType("Image", [field("Errors", list(ref("Error")))]),
        namedType("GetRequest", [field("Ok", prim("boolean"))]),
        namedType("Wide", [
          field("N", prim("int64")),
          field("B", prim("uint64"), { int64: "bigint" }),
          field("S", prim("int64"), { int64: "string" }),
          field("Bs", list(prim("int64")), { int64: "bigint" }),
          field("Kind", openEnumOf("SMALL", "LARGE")),
        ]),
      ],
      actions: [
        { name: "Describe", errors: ["InvalidParameter", "InvalidParameter.Foo.Bar", "ResourceNotFound.Instance"] },
        { name: "Ping" },
        { name: "__proto__", errors: ["toString"] },
        { name: "Get", request: [field("Use", ref("GetRequest"))], response: [field("Img", ref("Image"))] },
        {
          name: "Put",
          request: [field("Id", prim("uint64"), { int64: "bigint" }), field("Ref", prim("int64"), { int64: "string", optional: true }), field("Count", prim("int64"))],
          response: [field("W", ref("Wide"))],
        },
      ],
    },
    scaleService(scaleCodes(SCALE_CODES, SCALE_FAMILIES)),
  ],
});

const fixturesDir = join(import.meta.dirname, "fixtures");
let dir: string;
let run: TscRun;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tcgen-types-"));
  const fixtures: Record<string, string> = {};
  for (const f of readdirSync(fixturesDir)) fixtures[f] = readFileSync(join(fixturesDir, f), "utf8");
  Object.assign(fixtures, scaleFixtures(scaleCodes(SCALE_CODES, SCALE_FAMILIES), SCALE_FAMILIES, COMMON));
  writeTypesPackage(dir, model, fixtures);
  run = await runTsc(dir);
}, 120_000);

afterAll(() => {
  // TCGEN_KEEP_TYPES=1 keeps the package for a look (`npx tsc -p <dir>`).
  if (process.env["TCGEN_KEEP_TYPES"]) console.log(`types package kept in ${dir}`);
  else if (dir) rmSync(dir, { recursive: true, force: true });
});

const show = (d: TscDiagnostic) => `${d.file}(${d.line},${d.col}): TS${d.code}: ${d.message}`;

describe("one tsc run over the emitted package and the fixtures", () => {
  it("reports nothing outside match-rejected.ts (every @ts-expect-error is used, every Equal holds)", () => {
    expect(run.diagnostics.filter((d) => !d.file.endsWith("match-rejected.ts")).map(show)).toEqual([]);
    expect(run.output).not.toContain("error TS6");
  });

  // [line, TS code, text the message must contain]: each rejected call fails for its own reason.
  const rejected: [number, number, string][] = [
    [11, 2345, `Property '"AuthFailure.TokenFailure"' is missing in type`],
    [13, 2345, `Property '"InvalidParameter.Foo.Bar"' is missing in type`],
    [15, 2345, `Property '$unknown' is missing in type`],
    [17, 2345, `Property '$malformed' is missing in type`],
    [19, 2345, `Property '$transport' is missing in type`],
    [21, 2322, `"InvalidParameter is not a code, family or kind of this error"`],
    [23, 2322, `"AuthFailures.* is not a code, family or kind of this error"`],
    [25, 2322, `"InvalidParameter.* is not a code, family or kind of this error"`],
    [27, 2322, `"$malformed is not a code, family or kind of this error"`],
    [29, 2322, `"Nope is not a code, family or kind of this error"`],
    [31, 2322, "Types of parameters 'x' and 'error' are incompatible"],
    [33, 2322, `Type '() => "later"' is not assignable to type '(error: KnownApiError<"InternalError">) => "fail" | "retry"'`],
  ];

  it("rejects each wrong handler set, naming the missing code, kind or extra key", () => {
    const got = run.diagnostics.filter((d) => d.file.endsWith("match-rejected.ts"));
    expect(got.map((d) => [d.line, d.code])).toEqual(rejected.map(([line, code]) => [line, code]));
    for (const [i, [, , text]] of rejected.entries()) expect(got[i]!.message).toContain(text);
  });

  it("says which keys are missing in the required type's name too", () => {
    const got = run.diagnostics.filter((d) => d.file.endsWith("match-rejected.ts"));
    expect(got.find((d) => d.line === 15)!.message).toContain(`but required in type 'Missing<PingError, "$unknown">'`);
    expect(got.find((d) => d.line === 11)!.message).toContain(`but required in type 'Missing<PingError, "AuthFailure.TokenFailure">'`);
  });

  it(`handles a ${SCALE_CODES}-code action without TS2589 and with linear instantiation counts`, () => {
    expect(run.diagnostics.filter((d) => d.code === 2589)).toEqual([]);
    const instantiations = Number(run.stats["Instantiations"]);
    expect(instantiations).toBeGreaterThan(0);
    // Measured ≈ 2.5e5 for this run; a per-key filter of the union would be ~N² = 1e6 and more.
    expect(instantiations).toBeLessThan(800_000);
  });
});
