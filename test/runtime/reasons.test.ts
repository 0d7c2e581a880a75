/**
 * What the generated parsers say about a reply, by reason code (runtime/result.ts `ReasonCode`): one
 * case per code, every problem listed (bounded), the reply kept in `body`, drift on successes, and
 * reads that never see keys added to Object.prototype or Array.prototype.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MalformedReply, Success } from "../../generator/runtime/result.js";
import { buildTestModel, enumOf, field, list, namedType, openEnumOf, prim, ref } from "../helpers/model.js";
import { expectOutcomeShape } from "./outcome.js";
import { writePackage, type GeneratedPackage, type Parser } from "./package.js";

const model = buildTestModel({
  services: [
    {
      name: "rsn",
      types: [
        namedType("Item", [field("Id", prim("string")), field("State", enumOf("ON", "OFF")), field("Kind", openEnumOf("A", "B"), { optional: true })]),
        namedType("Node", [field("Next", ref("Node"), { optional: true })]),
      ],
      actions: [
        {
          name: "Get",
          response: [
            field("S", prim("string")),
            field("I32", prim("int32"), { optional: true }),
            field("I64", prim("int64"), { optional: true }),
            field("U64", prim("uint64"), { optional: true }),
            field("F", prim("float"), { optional: true }),
            field("DT", prim("datetime"), { optional: true }),
            field("D", prim("date"), { optional: true }),
            field("Bin", prim("binary"), { optional: true }),
            field("Items", list(ref("Item")), { optional: true }),
            field("Node", ref("Node"), { optional: true }),
            field("Names", list(prim("string")), { optional: true }),
          ],
        },
      ],
    },
  ],
});

let pkg: GeneratedPackage;
let get: Parser;
beforeAll(async () => {
  pkg = writePackage(model);
  get = (await pkg.parsers("rsn"))["parseGet"] as Parser;
});
afterAll(() => pkg.cleanup());

const reply = (fields: Record<string, unknown>) => JSON.stringify({ Response: { S: "s", ...fields, RequestId: "r" } });
const parse = (input: unknown) => {
  const r = get(input);
  expectOutcomeShape(r);
  return r;
};
const malformedOf = (input: unknown): MalformedReply => {
  const r = parse(input);
  if (r.ok || r.error.kind !== "malformed") throw new Error(`not malformed: ${JSON.stringify(r)}`);
  return r.error;
};
const successOf = (input: unknown): Success<Record<string, unknown>> => {
  const r = parse(input);
  if (!r.ok) throw new Error(`not a success: ${JSON.stringify(r)}`);
  return r;
};
const deep = (n: number): unknown => {
  let node: Record<string, unknown> = {};
  const top = node;
  for (let i = 0; i < n; i++) {
    const next = {};
    node["Next"] = next;
    node = next;
  }
  return top;
};

describe("one reason code per kind of problem", () => {
  const fatal: ReadonlyArray<readonly [string, unknown, { path: string; reason: string; expected: string; found: string }]> = [
    // (the parenthesis quotes JSON.parse, whose wording varies by Node version)
    ["not-json", "{nope", { path: "$", reason: "not-json", expected: "JSON text", found: expect.stringMatching(/^text that is not JSON \(.+\)$/) as unknown as string }],
    ["not-envelope", '{"Response":[]}', { path: "$.Response", reason: "not-envelope", expected: "an object", found: "an array" }],
    ["missing", JSON.stringify({ Response: { RequestId: "r" } }), { path: "$.Response.S", reason: "missing", expected: "string", found: "absent" }],
    ["null", reply({ S: null }), { path: "$.Response.S", reason: "null", expected: "string", found: "null" }],
    ["type", reply({ Names: ["a", 1] }), { path: "$.Response.Names[1]", reason: "type", expected: "string", found: "a number" }],
    ["enum", reply({ Items: [{ Id: "i", State: "MAYBE" }] }), { path: "$.Response.Items[0].State", reason: "enum", expected: 'one of "OFF" | "ON"', found: 'the string "MAYBE"' }],
    ["integer", reply({ I64: 1.5 }), { path: "$.Response.I64", reason: "integer", expected: "integer (int64)", found: "the number 1.5" }],
    ["integer (int32)", reply({ I32: 0.5 }), { path: "$.Response.I32", reason: "integer", expected: "integer (int32)", found: "the number 0.5" }],
    ["range (int32)", reply({ I32: 2147483648 }), { path: "$.Response.I32", reason: "range", expected: "integer (int32)", found: "the number 2147483648" }],
    ["range (a 400-digit int64)", `{"Response":{"S":"s","I64":${"9".repeat(400)},"RequestId":"r"}}`, { path: "$.Response.I64", reason: "range", expected: "integer (int64)", found: "the number Infinity" }],
    ["range (uint64)", reply({ U64: -1 }), { path: "$.Response.U64", reason: "range", expected: "integer (uint64, >= 0)", found: "the number -1" }],
    ["too-deep", { Response: { S: "s", RequestId: "r", Node: deep(1200) } }, { path: `$.Response.Node${".Next".repeat(1000)}`, reason: "too-deep", expected: "nesting within 1000 levels", found: "deeper nesting" }],
  ];
  it.each(fatal)("%s", (_name, input, first) => {
    const e = malformedOf(input);
    expect(e.issues[0]).toEqual(first);
    expect({ path: e.path, reason: e.reason, expected: e.expected, found: e.found }).toEqual(first);
  });

  it("threw: a getter that throws", () => {
    const data = { S: "s", RequestId: "r" };
    Object.defineProperty(data, "I64", { enumerable: true, get: () => { throw new Error("boom"); } });
    const input = { Response: data };
    const e = malformedOf(input);
    expect(e).toMatchObject({ reason: "threw", path: "$", issues: [{ reason: "threw" }] });
    expect(e.body).toBe(input);
  });

  const drift: ReadonlyArray<readonly [string, Record<string, unknown>, { path: string; reason: string; expected: string; found: string }]> = [
    ["format (datetime)", { DT: "0000-00-00 00:00:00" }, { path: "$.Response.DT", reason: "format", expected: "datetime (YYYY-MM-DD hh:mm:ss)", found: 'the string "0000-00-00 00:00:00"' }],
    ["format (date)", { D: "2023-02-30x" }, { path: "$.Response.D", reason: "format", expected: "date (YYYY-MM-DD)", found: 'the string "2023-02-30x"' }],
    ["format (binary)", { Bin: "abc" }, { path: "$.Response.Bin", reason: "format", expected: "base64 string", found: 'the string "abc"' }],
    ["open-enum", { Items: [{ Id: "i", State: "ON", Kind: "C" }] }, { path: "$.Response.Items[0].Kind", reason: "open-enum", expected: 'one of "A" | "B" (or another string)', found: 'the string "C"' }],
    ["unknown-field", { Extra: 1 }, { path: "$.Response.Extra", reason: "unknown-field", expected: "only the keys the spec declares", found: "a key the spec does not declare" }],
    ["int64-precision", { I64: 2 ** 53 }, { path: "$.Response.I64", reason: "int64-precision", expected: "integer (int64)", found: "the number 9007199254740992 (beyond 2^53 - 1: not exact)" }],
  ];
  it.each(drift)("%s: drift on a success that keeps the data", (_name, fields, entry) => {
    const r = successOf(reply(fields));
    expect(r.drift).toEqual([entry]);
    expect(r.data).toMatchObject(fields);
  });
});

describe("every problem, bounded, and the reply kept", () => {
  it("lists every problem in document order, the first one as path/expected/found", () => {
    const text = reply({ S: 1, Items: [{ Id: 2, State: "ON" }, { State: "X" }, null], Names: [null] });
    const e = malformedOf(text);
    expect(e.issues.map((i) => `${i.reason} ${i.path}`)).toEqual([
      "type $.Response.S",
      "null $.Response.Items[2]",
      "type $.Response.Items[0].Id",
      "missing $.Response.Items[1].Id",
      "enum $.Response.Items[1].State",
      "null $.Response.Names[0]",
    ]);
    expect(e.body).toEqual(JSON.parse(text));
    expect(e.requestId).toBe("r");
  });

  it("lists at most 100 problems and counts the rest", () => {
    const e = malformedOf(reply({ Names: Array.from({ length: 250 }, (_, i) => i) }));
    expect(e.issues).toHaveLength(100);
    expect(e.issuesOmitted).toBe(150);
    expect(e.issues[99]?.path).toBe("$.Response.Names[99]");
  });

  it("lists at most 100 drift entries and counts the rest", () => {
    const extra = Object.fromEntries(Array.from({ length: 130 }, (_, i) => [`X${i}`, i]));
    const r = successOf(reply({ ...extra, DT: "bad" }));
    expect(r.drift).toHaveLength(100);
    expect(r.driftOmitted).toBe(31);
    expect(r.unknownFields).toHaveLength(130);
  });

  it("keeps the raw text of a reply that is not JSON, and the parsed reply of one without an envelope", () => {
    expect(malformedOf("<html>busy</html>").body).toBe("<html>busy</html>");
    expect(malformedOf('{"Error":"x"}').body).toEqual({ Error: "x" });
    expect(malformedOf('{"Response":{"Error":{"Code":5},"RequestId":"r"}}')).toMatchObject({ reason: "not-envelope", requestId: "r", body: { Response: { Error: { Code: 5 } } } });
  });

  it("hands over a reply with a format deviation, an open-enum value and an unknown key as a success", () => {
    const r = successOf(reply({ DT: "0000-00-00 00:00:00", Items: [{ Id: "ins-1", State: "ON", Kind: "NEW" }], New: true }));
    expect(r.data["Items"]).toEqual([{ Id: "ins-1", State: "ON", Kind: "NEW" }]);
    expect(r.drift.map((d) => d.reason).sort()).toEqual(["format", "open-enum", "unknown-field"]);
    expect(r.unknownFields).toEqual(["$.Response.New"]);
  });
});

describe("only own properties are read (issue 14, defect 9)", () => {
  const keys = ["Response", "S", "RequestId", "Items", "Id", "State"] as const;
  const fabricated = { Response: { S: "s", RequestId: "fake" }, S: "s", RequestId: "fake", Items: [{ Id: "i", State: "ON" }], Id: "i", State: "ON" };
  const cases: ReadonlyArray<readonly [string, boolean]> = [
    ["non-enumerable", false],
    ["enumerable", true],
  ];
  for (const [kind, enumerable] of cases) {
    it(`ignores ${kind} keys added to Object.prototype, as text and as a value`, () => {
      const op = Object.prototype as Record<string, unknown>;
      for (const k of keys) Object.defineProperty(op, k, { value: fabricated[k], enumerable, configurable: true, writable: true });
      try {
        expect(parse("{}")).toMatchObject({ ok: false, error: { reason: "not-envelope", path: "$.Response", found: "absent" } });
        expect(parse({})).toMatchObject({ ok: false, error: { reason: "not-envelope", path: "$.Response" } });
        expect(parse('{"Response":{}}')).toMatchObject({ ok: false, error: { path: "$.Response.RequestId", found: "absent" } });
        expect(parse('{"Response":{"RequestId":"r"}}')).toMatchObject({ ok: false, error: { reason: "missing", path: "$.Response.S" } });
        const e = malformedOf('{"Response":{"RequestId":"r","S":"s","Items":[{}]}}');
        expect(e.issues.map((i) => i.path)).toEqual(["$.Response.Items[0].Id", "$.Response.Items[0].State"]);
        expect(parse(reply({}))).toMatchObject({ ok: true, data: { S: "s", RequestId: "r" } });
      } finally {
        for (const k of keys) delete op[k];
      }
      expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("Response");
    });
  }

  it("ignores getters added to Object.prototype that make a fresh value on every read", () => {
    const op = Object.prototype as Record<string, unknown>;
    let reads = 0;
    for (const k of keys) {
      Object.defineProperty(op, k, {
        get: () => {
          reads++;
          return JSON.parse(JSON.stringify(fabricated[k])) as unknown;
        },
        enumerable: false,
        configurable: true,
      });
    }
    try {
      expect(parse("{}")).toMatchObject({ ok: false, error: { reason: "not-envelope", path: "$.Response" } });
      expect(parse('{"Response":{"RequestId":"r"}}')).toMatchObject({ ok: false, error: { reason: "missing", path: "$.Response.S" } });
      expect(malformedOf('{"Response":{"RequestId":"r","S":"s","Items":[{}]}}').issues.map((i) => i.path)).toEqual([
        "$.Response.Items[0].Id",
        "$.Response.Items[0].State",
      ]);
    } finally {
      for (const k of keys) delete op[k];
    }
    expect(reads).toBeGreaterThan(0);
  });

  it("reads no inherited element from a hole of an array given as a value (Array.prototype keys)", () => {
    const ap = Array.prototype as unknown as Record<string, unknown>;
    Object.defineProperty(ap, "0", { value: "fake", enumerable: false, configurable: true, writable: true });
    try {
      // eslint-disable-next-line no-sparse-arrays
      const names: unknown[] = [, "b"];
      expect(parse({ Response: { S: "s", RequestId: "r", Names: names } })).toMatchObject({
        ok: false,
        error: { reason: "missing", path: "$.Response.Names[0]", found: "absent" },
      });
      expect(parse(reply({ Names: ["a"] }))).toMatchObject({ ok: true });
    } finally {
      delete ap["0"];
    }
  });
});
