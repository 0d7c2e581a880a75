/**
 * Property: for any JSON value, any text and any envelope-like value, a generated parser never throws
 * and returns exactly one of the three documented outcome shapes.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestModel, field, list, prim } from "../helpers/model.js";
import { flatModel, seedModel } from "./models.js";
import { expectOutcomeShape } from "./outcome.js";
import { writePackage, type GeneratedPackage, type Parser } from "./package.js";

let pkgs: GeneratedPackage[] = [];
let parsers: Parser[] = [];

beforeAll(async () => {
  // a third package whose replies are read exactly (64-bit fields in bigint and string mode)
  const exact = buildTestModel({
    services: [
      {
        name: "wide",
        actions: [
          {
            name: "Get",
            response: [
              field("I64", prim("int64"), { int64: "bigint", optional: true }),
              field("U64", list(prim("uint64")), { int64: "string", optional: true }),
              field("S", prim("string"), { optional: true }),
            ],
          },
        ],
      },
    ],
  });
  pkgs = [writePackage(seedModel()), writePackage(flatModel()), writePackage(exact)];
  const [seed, flat, wide] = [await pkgs[0]!.parsers("cvm"), await pkgs[1]!.parsers("shop"), await pkgs[2]!.parsers("wide")];
  parsers = [...Object.values(seed), ...Object.values(flat), ...Object.values(wide)];
});
afterAll(() => {
  for (const p of pkgs) p.cleanup();
});

const check = (input: unknown) => {
  for (const parse of parsers) {
    let r: unknown;
    expect(() => {
      r = parse(input);
    }).not.toThrow();
    expectOutcomeShape(r);
  }
};

/** Values shaped like replies, so the checks past the envelope are reached too. */
const fieldValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.bigInt({ min: -(2n ** 66n), max: 2n ** 66n }).map((b) => Number(b)),
  fc.array(fc.constantFrom(0, 2 ** 53, 2 ** 64, -(2 ** 63), 1.5), { maxLength: 3 }),
  fc.constantFrom("RUNNING", "2023-03-09", "2023-03-09 10:45:11", "2020-03-10T02:43:51Z", "YWJj", "Success"),
  fc.array(fc.record({ InstanceId: fc.string(), InstanceState: fc.constantFrom("RUNNING", "X") }), { maxLength: 3 }),
);
const keys = fc.constantFrom(
  "I64", "U64",
  "TotalCount", "InstanceStatusSet", "Names", "S", "I32", "I64", "U64", "F", "B", "D", "DT", "ISO", "Bin", "J", "Null",
  "OptNull", "Grid", "Nested", "Tree", "Hazard", "__proto__", "toString", "Item", "Count", "Code", "Message", "Error", "RequestId",
);
const body = fc.dictionary(keys, fieldValue, { maxKeys: 12 });
const replyLike = fc.oneof(
  body.map((b) => ({ Response: { ...b, RequestId: "r" } })),
  fc.record({ Response: fc.record({ Error: fc.record({ Code: fc.oneof(fc.string(), fc.jsonValue()), Message: fc.jsonValue() }), RequestId: fc.jsonValue() }) }),
  body.map((b) => ({ RequestId: "r", Code: "Success", Message: "", Data: b })),
  body.map((b) => ({ RequestId: "r", Code: "Oops.Bad", Data: b })),
);

describe("parsers never throw", () => {
  it("for any JSON value, as a value and as text", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        check(v);
        check(JSON.stringify(v));
      }),
      { numRuns: 100 },
    );
  });

  it("for any string", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => check(s)), { numRuns: 200 });
  });

  it("for any value at all (functions, symbols, bigints, odd prototypes)", () => {
    fc.assert(fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withNullPrototype: true }), (v) => check(v)), {
      numRuns: 150,
    });
  });

  it("for reply-shaped values, as a value and as text", () => {
    fc.assert(
      fc.property(replyLike, (v) => {
        // (text first: in bigint/string mode a value given as a reply is converted in place)
        check(JSON.stringify(v));
        check(v);
      }),
      { numRuns: 200 },
    );
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});
