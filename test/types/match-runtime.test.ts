/**
 * Run-time behaviour of match / assertNever / the guards (generator/runtime/match.ts): dispatch order,
 * own properties only, and error messages that name the code or kind and nothing else.
 */
import { describe, expect, it } from "vitest";
import { assertNever, isApiError, isFamily, isKnownCode, isMalformed, match } from "../../generator/runtime/match.js";
import type { ApiError, KnownApiError, MalformedReply, UnknownApiError } from "../../generator/runtime/result.js";

type Code = "AuthFailure.SignatureFailure" | "InvalidParameter" | "InvalidParameter.Foo.Bar" | "toString" | "constructor";

function known<C extends Code>(c: C): KnownApiError<C> {
  const family = c.split(".")[0] as KnownApiError<C>["family"];
  return { kind: "api-error", code: c, rawCode: c, family, message: "secret text", requestId: "r-1" };
}
const unknown = (raw: string): UnknownApiError => ({
  kind: "api-error",
  code: "$unknown",
  rawCode: raw,
  family: raw.split(".")[0] ?? raw,
  message: "secret text",
  requestId: "r-2",
});
const malformed: MalformedReply = {
  kind: "malformed",
  path: "$.Response",
  expected: "an object",
  found: "null",
  reason: "not-envelope",
  issues: [{ path: "$.Response", reason: "not-envelope", expected: "an object", found: "null" }],
  body: { Response: null },
  requestId: undefined,
};

// Loose view for dispatch tests: the type-level rules are proved in types.test.ts.
const run = match as unknown as (e: unknown, h: object) => unknown;

describe("match dispatch", () => {
  const handlers = {
    InvalidParameter: (e: { code: string }) => `code:${e.code}`,
    "InvalidParameter.*": (e: { code: string }) => `family:${e.code}`,
    "AuthFailure.*": (e: { code: string }) => `family:${e.code}`,
    toString: () => "code:toString",
    $unknown: (e: { rawCode: string }) => `unknown:${e.rawCode}`,
    $malformed: (e: { path: string }) => `malformed:${e.path}`,
  };
  const cases: [string, unknown, unknown][] = [
    ["a code's own key", known("InvalidParameter"), "code:InvalidParameter"],
    ["the family key for a child code", known("InvalidParameter.Foo.Bar"), "family:InvalidParameter.Foo.Bar"],
    ["the family key for another family", known("AuthFailure.SignatureFailure"), "family:AuthFailure.SignatureFailure"],
    ["a code named like an Object.prototype method, as a handler key", known("toString"), "code:toString"],
    ["$unknown for the unknown variant (never a family key)", unknown("InvalidParameter.New"), "unknown:InvalidParameter.New"],
    ["$<kind> for other kinds", malformed, "malformed:$.Response"],
  ];
  it.each(cases)("%s", (_name, error, want) => {
    expect(run(error, handlers)).toBe(want);
  });

  it("falls back to $default, and only then", () => {
    const h = { InvalidParameter: () => "own", $default: (e: { kind: string }) => `default:${e.kind}` };
    expect(run(known("InvalidParameter"), h)).toBe("own");
    expect(run(known("AuthFailure.SignatureFailure"), h)).toBe("default:api-error");
    expect(run(unknown("X"), h)).toBe("default:api-error");
    expect(run({ kind: "transport" }, h)).toBe("default:transport");
  });

  it("never calls inherited properties: `constructor` / `toString` codes do not reach Object.prototype", () => {
    expect(() => run(known("constructor"), { $unknown: () => 0 })).toThrow('match: no handler for "constructor"');
    expect(() => run(known("toString"), {})).toThrow('match: no handler for "toString"');
    const inherited = Object.create({ InvalidParameter: () => "inherited" }) as object;
    expect(() => run(known("InvalidParameter"), inherited)).toThrow('match: no handler for "InvalidParameter"');
    const proto = Object.create(null) as Record<string, unknown>;
    proto["$default"] = () => "null-prototype handlers work";
    expect(run(known("toString"), proto)).toBe("null-prototype handlers work");
  });

  it("names only the code or kind when nothing applies", () => {
    let message = "";
    try {
      run(unknown("Secret.Code"), { InvalidParameter: () => 0 });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe('match: no handler for "$unknown"');
    expect(() => run({ kind: "transport", message: "secret text" }, {})).toThrow(/^match: no handler for "\$transport"$/);
  });
});

describe("assertNever", () => {
  const cases: [string, unknown, string][] = [
    ["an api error: its code", known("InvalidParameter"), 'assertNever: unexpected code "InvalidParameter"'],
    ["another kind: its kind", malformed, 'assertNever: unexpected kind "malformed"'],
    ["a string (a switch on e.code)", "Weird.Code", 'assertNever: unexpected value "Weird.Code"'],
    ["anything else: its type", 42, "assertNever: unexpected number"],
    ["an object without kind", { message: "secret text" }, "assertNever: unexpected object"],
  ];
  it.each(cases)("throws naming %s", (_name, value, want) => {
    expect(() => assertNever(value as never)).toThrow(want);
    try {
      assertNever(value as never);
    } catch (e) {
      expect((e as Error).message).not.toContain("secret");
    }
  });
});

describe("guards", () => {
  const all: (ApiError<Code> | MalformedReply)[] = [known("InvalidParameter"), known("AuthFailure.SignatureFailure"), unknown("AuthFailure.New"), malformed];
  it("isKnownCode: api errors with a known code only", () => {
    expect(all.map((e) => isKnownCode(e))).toEqual([true, true, false, false]);
  });
  it("isFamily: known codes of that family only (not an unknown code whose raw family matches)", () => {
    expect(all.map((e) => isFamily(e, "AuthFailure"))).toEqual([false, true, false, false]);
  });
  it("isApiError / isMalformed accept any value", () => {
    expect([...all, null, "x", { kind: "api-error" }].map(isApiError)).toEqual([true, true, true, false, false, false, false]);
    expect([...all, null, 1].map(isMalformed)).toEqual([false, false, false, true, false, false]);
  });
});
