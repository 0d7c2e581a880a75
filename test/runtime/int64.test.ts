/**
 * 64-bit integers in replies, in the three modes (`Field.int64`): `number` (beyond 2^53 − 1: drift
 * `int64-precision`, never silently rounded), `bigint` and `string` (exact, read from the JSON text).
 * Also: every other value keeps exactly what `JSON.parse` gives, and hostile texts stay typed results.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Field } from "../../generator/model/types.js";
import type { Success } from "../../generator/runtime/result.js";
import { buildTestModel, field, list, namedType, prim, ref } from "../helpers/model.js";
import { expectOutcomeShape } from "./outcome.js";
import { writePackage, type GeneratedPackage, type Parser } from "./package.js";

const MODES = ["number", "bigint", "string"] as const;
const wide = (mode: (typeof MODES)[number]): Field[] => [
  field("I", prim("int64"), { int64: mode, optional: true }),
  field("U", prim("uint64"), { int64: mode, optional: true }),
  field("Is", list(prim("int64")), { int64: mode, optional: true }),
  field("Box", ref(`Box_${mode}`), { optional: true }),
];
const model = buildTestModel({
  services: [
    {
      name: "wide",
      types: MODES.map((m) => namedType(`Box_${m}`, [field("V", prim("uint64"), { int64: m, nullable: true })])),
      actions: [
        ...MODES.map((m) => ({ name: `Get_${m}`, response: wide(m) })),
        { name: "Mixed", response: [field("S", prim("string"), { optional: true }), field("J", prim("json"), { optional: true }), field("Id", prim("uint64"), { int64: "bigint", optional: true })] },
      ],
    },
  ],
});

let pkg: GeneratedPackage;
let parsers: Record<string, Parser>;
beforeAll(async () => {
  pkg = writePackage(model);
  parsers = await pkg.parsers("wide");
});
afterAll(() => pkg.cleanup());

const run = (action: string, input: unknown) => {
  const parse = parsers[`parse${action}`] as Parser;
  const r = parse(input);
  expectOutcomeShape(r);
  return r;
};
/** Reply text with `body` spliced in verbatim (so literals keep every digit). */
const text = (body: string) => `{"Response":{${body}${body === "" ? "" : ","}"RequestId":"r"}}`;
const success = (action: string, input: unknown): Success<Record<string, unknown>> => {
  const r = run(action, input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r;
};

/** Literals at the edges: 2^53 − 1, 2^53, 2^53 + 1, 2^63 − 1, −2^63, 2^64 − 1, and the negative 2^53 edges. */
const SIGNED = ["9007199254740991", "9007199254740992", "9007199254740993", "9223372036854775807", "-9223372036854775808", "-9007199254740991", "-9007199254740993", "0", "-1"];
const UNSIGNED = ["0", "9007199254740991", "9007199254740993", "9223372036854775807", "18446744073709551615"];
const SAFE = 9007199254740991n;
const safe = (literal: string): boolean => BigInt(literal) <= SAFE && BigInt(literal) >= -SAFE;

describe("bigint and string modes: exact", () => {
  for (const mode of ["bigint", "string"] as const) {
    const as = (literal: string) => (mode === "bigint" ? BigInt(literal) : BigInt(literal).toString());
    it.each(SIGNED)(`${mode}: int64 %s, alone, in a list and beside others`, (literal) => {
      const r = success(`Get_${mode}`, text(`"I":${literal},"Is":[1,${literal},-2]`));
      expect(r.data["I"]).toStrictEqual(as(literal));
      expect(r.data["Is"]).toStrictEqual([as("1"), as(literal), as("-2")]);
      expect(r.drift).toEqual([]);
    });
    it.each(UNSIGNED)(`${mode}: uint64 %s, as a field and in a nested type`, (literal) => {
      const r = success(`Get_${mode}`, text(`"U":${literal},"Box":{"V":${literal}}`));
      expect(r.data["U"]).toStrictEqual(as(literal));
      expect(r.data["Box"]).toStrictEqual({ V: as(literal) });
    });
    it(`${mode}: outside int64/uint64 is malformed (range)`, () => {
      expect(run(`Get_${mode}`, text('"I":9223372036854775808'))).toMatchObject({ ok: false, error: { reason: "range", path: "$.Response.I" } });
      expect(run(`Get_${mode}`, text('"I":-9223372036854775809'))).toMatchObject({ ok: false, error: { reason: "range" } });
      expect(run(`Get_${mode}`, text('"U":18446744073709551616'))).toMatchObject({ ok: false, error: { reason: "range", path: "$.Response.U" } });
    });
    it(`${mode}: a negative uint64, a fraction, a string are malformed; null where nullable stays null`, () => {
      expect(run(`Get_${mode}`, text('"U":-18446744073709551615'))).toMatchObject({ ok: false, error: { reason: "range", path: "$.Response.U" } });
      expect(run(`Get_${mode}`, text('"I":1.5'))).toMatchObject({ ok: false, error: { reason: "integer" } });
      expect(run(`Get_${mode}`, text('"I":"12"'))).toMatchObject({ ok: false, error: { reason: "type", found: "a string" } });
      expect(success(`Get_${mode}`, text('"Box":{"V":null}')).data["Box"]).toEqual({ V: null });
    });
    it(`${mode}: a value input beyond 2^53 − 1 is converted as given and reported (it may already be rounded)`, () => {
      const r = success(`Get_${mode}`, { Response: { I: 2 ** 62, RequestId: "r" } });
      expect(r.data["I"]).toStrictEqual(as("4611686018427387904"));
      expect(r.drift).toMatchObject([{ reason: "int64-precision", path: "$.Response.I" }]);
      expect(success(`Get_${mode}`, { Response: { I: 5n, RequestId: "r" } }).data["I"]).toStrictEqual(as("5"));
    });
  }
});

describe("number mode: exact up to 2^53 − 1, drift beyond", () => {
  it.each([...SIGNED.map((l) => ["I", l] as const), ...UNSIGNED.map((l) => ["U", l] as const)])("%s %s", (key, literal) => {
    const r = success("Get_number", text(`"${key}":${literal}`));
    expect(r.data[key]).toBe(JSON.parse(literal) as number);
    if (safe(literal)) expect(r.drift).toEqual([]);
    else {
      expect(r.drift).toEqual([
        {
          path: `$.Response.${key}`,
          reason: "int64-precision",
          expected: key === "I" ? "integer (int64)" : "integer (uint64, >= 0)",
          found: `the number ${String(JSON.parse(literal))} (beyond 2^53 - 1: not exact)`,
        },
      ]);
    }
  });
});

describe("everything else keeps what JSON.parse gives", () => {
  it("an unknown key, a json field and a string field receiving a big literal see the number JSON.parse makes", () => {
    const t = text('"J":{"a":[12345678901234567890,-98765432109876543210]},"New":123456789012345678901234,"Id":18446744073709551615');
    const r = success("Mixed", t);
    const plain = JSON.parse(t) as { Response: Record<string, unknown> };
    expect(r.data["J"]).toEqual(plain.Response["J"]);
    expect(r.data["New"]).toBe(plain.Response["New"]);
    expect(r.data["Id"]).toBe(18446744073709551615n);
    expect(r.unknownFields).toEqual(["$.Response.New"]);
    expect(run("Mixed", text('"S":12345678901234567890'))).toMatchObject({ ok: false, error: { reason: "type", found: "a number", body: { Response: { S: 12345678901234567890 } } } });
  });

  it("leaves literals inside strings, in keys, with a leading zero, fraction or exponent alone", () => {
    const t = text('"S":"12345678901234567890 \\"99999999999999999999\\"","J":{"12345678901234567890":1.2345678901234567e30,"b":99999999999999999999e2}');
    const r = success("Mixed", t);
    expect(r.data).toEqual((JSON.parse(t) as { Response: unknown }).Response);
    expect(run("Mixed", text('"Id":012345678901234567890'))).toMatchObject({ ok: false, error: { reason: "not-json" } });
    expect(run("Mixed", '{"Response":{12345678901234567890:1,"RequestId":"r"}}')).toMatchObject({ ok: false, error: { reason: "not-json" } });
  });

  it("reads a __proto__ key as data and pollutes nothing", () => {
    const r = success("Mixed", text('"J":{"__proto__":{"x":12345678901234567890}},"__proto__":99999999999999999999'));
    expect(Object.getOwnPropertyDescriptor(r.data["J"], "__proto__")?.value).toEqual({ x: 12345678901234567890 });
    expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
  });

  it("does not mistake a server string for a marker (the text escapes every marker character)", () => {
    const markers = [1, 2, 3, 4, 5, 6, 7, 0, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25].map((c) => `\\u00${c.toString(16).padStart(2, "0")}12345678901234567890`);
    const t = text(`"J":[${markers.map((m) => `"${m}"`).join(",")}],"Id":12345678901234567891`);
    const r = success("Mixed", t);
    expect(r.data["J"]).toEqual((JSON.parse(t) as { Response: Record<string, unknown> }).Response["J"]);
    // no marker left: the id is read as JSON.parse reads it, converted and reported as not exact
    expect(r.data["Id"]).toBe(12345678901234567168n);
    expect(r.drift).toMatchObject([{ reason: "int64-precision", path: "$.Response.Id" }]);
    const one = text(`"S":"\\u000112345678901234567890","Id":18446744073709551615`);
    expect(success("Mixed", one).data).toEqual({ S: "\u000112345678901234567890", Id: 18446744073709551615n, RequestId: "r" });
  });
});

describe("hostile texts in exact mode stay typed results", () => {
  it.each([
    ["a 400-digit literal in a uint64 field (out of range)", text(`"Id":${"9".repeat(400)}`), "malformed"],
    ["a 400-digit literal in a json field", text(`"J":${"9".repeat(400)}`), "success"],
    ["a 400-digit literal in a string field", text(`"S":${"9".repeat(400)}`), "malformed"],
    ["100k levels of nesting", text(`"J":${"[".repeat(100_000)}12345678901234567890${"]".repeat(100_000)}`), "success"],
    ["100k levels of nesting in a string field", text(`"S":${"[".repeat(100_000)}12345678901234567890${"]".repeat(100_000)}`), "malformed"],
    ["an unterminated string", `{"Response":{"S":"12345678901234567890`, "malformed"],
    ["a lone minus and digits", `{"Response":{"J":-12345678901234567890-,"RequestId":"r"}}`, "malformed"],
  ])("%s", (_name, input, kind) => {
    let r: unknown;
    expect(() => {
      r = run("Mixed", input);
    }).not.toThrow();
    expect(expectOutcomeShape(r)).toBe(kind);
  });

  it("a 100 MB string beside a big literal", () => {
    const t = text(`"S":"${"1".repeat(100 * 1024 * 1024)}","Id":12345678901234567890`);
    const r = success("Mixed", t);
    expect(r.data["Id"]).toBe(12345678901234567890n);
    expect((r.data["S"] as string).length).toBe(100 * 1024 * 1024);
  });
});
