/**
 * emitErrors / emitCommon: exact text of `<svc>/errors.{js,d.ts}` and `common.{js,d.ts}`, and the
 * behaviour of the emitted tables once evaluated (null prototype, frozen, `__proto__` as an own key).
 * That the declarations compile and type what they should is proved in test/types/.
 */
import { describe, expect, it } from "vitest";
import { emitCommon } from "../../generator/emit/common.js";
import { emitErrors } from "../../generator/emit/errors.js";
import { serviceNames } from "../../generator/emit/names.js";
import { GENERATED_HEADER, type ModulePair } from "../../generator/emit/output.js";
import { buildTestModel, code, type ModelInput } from "../helpers/model.js";

const lines = (...l: string[]): string => `${l.join("\n")}\n`;
const body = (text: string): string => {
  expect(text.startsWith(GENERATED_HEADER)).toBe(true);
  return text.slice(GENERATED_HEADER.length);
};

function errorsOf(given: ModelInput, moduleDir = "svc"): ModulePair {
  const model = buildTestModel(given);
  const service = model.services[0];
  if (!service) throw new Error("test model without a service");
  return emitErrors(service, model, serviceNames(service), moduleDir);
}

/** Evaluate an emitted module (it has no runtime imports) and return its exports. */
async function evaluate(js: string): Promise<Record<string, unknown>> {
  return (await import(`data:text/javascript;base64,${Buffer.from(js).toString("base64")}`)) as Record<string, unknown>;
}

const TABLE_JS = [
  "/** A frozen lookup table without a prototype: no key, `__proto__` included, reaches an inherited property. */",
  "function table(entries) {",
  "  const t = Object.create(null);",
  '  for (const [key, value] of entries) t[key] = value; // an own property even for "__proto__": t has no prototype',
  "  return Object.freeze(t);",
  "}",
  "",
];
const CODES_JS = [
  "/** A frozen set of codes (code → true) without a prototype. */",
  "function codes(...list) {",
  "  return table(list.map((code) => [code, true]));",
  "}",
  "",
];

const MAIN: ModelInput = {
  common: [code("InternalError", { retry: "transient" }), code("RequestLimitExceeded", { retry: "throttling" })],
  services: [
    {
      name: "cvm",
      errors: [
        code("InvalidParameter"),
        code("InvalidParameter.Foo.Bar", { retry: "transient" }),
        code("ResourceNotFound.Instance"),
      ],
      actions: [
        // A common code listed as the action's own is not repeated in its table or union.
        { name: "Describe", errors: ["InvalidParameter", "InvalidParameter.Foo.Bar", "InternalError"] },
        { name: "Ping" },
      ],
    },
  ],
};

const texts: [string, { given: () => ModulePair; dts: string; js: string }][] = [
  [
    "service codes, parent + child codes, codes with two dots, an action without own codes",
    {
      given: () => errorsOf(MAIN, "cvm"),
      dts: lines(
        'import type { CommonCode } from "../common.js";',
        'import type { ApiError } from "../runtime/index.js";',
        "/** Codes this service defines beyond the common ones. */",
        "export type ServiceCode =",
        '  "InvalidParameter" | "InvalidParameter.Foo.Bar" | "ResourceNotFound.Instance";',
        "/** Codes `Describe` can return: the common codes and its own. */",
        'export type DescribeCode = CommonCode | "InvalidParameter" | "InvalidParameter.Foo.Bar";',
        "export type DescribeError = ApiError<DescribeCode>;",
        "/** Codes `Ping` can return: the common codes and its own. */",
        "export type PingCode = CommonCode;",
        "export type PingError = ApiError<PingCode>;",
        "/** Retry class of each service code (`throttling`, `transient` or `never`). */",
        "export declare const serviceCodes: {",
        '  readonly [key: string]: "throttling" | "transient" | "never";',
        '  readonly InvalidParameter: "never";',
        '  readonly "InvalidParameter.Foo.Bar": "transient";',
        '  readonly "ResourceNotFound.Instance": "never";',
        "};",
        "/** Each action's own codes (common codes are in `commonCodes`), as sets: `Object.hasOwn(actionCodes[action], code)`. */",
        "export declare const actionCodes: {",
        "  readonly [key: string]: { readonly [code: string]: true };",
        "};",
      ),
      js: lines(
        ...TABLE_JS,
        ...CODES_JS,
        "export const serviceCodes = /* @__PURE__ */ table([",
        '  ["InvalidParameter", "never"],',
        '  ["InvalidParameter.Foo.Bar", "transient"],',
        '  ["ResourceNotFound.Instance", "never"],',
        "]);",
        "export const actionCodes = /* @__PURE__ */ table([",
        '  ["Describe", codes("InvalidParameter", "InvalidParameter.Foo.Bar")],',
        '  ["Ping", codes()],',
        "]);",
      ),
    },
  ],
  [
    "empty code sets in a versioned module folder",
    {
      given: () => errorsOf({ common: [], services: [{ name: "tke", actions: [] }] }, "tke/v20180525"),
      dts: lines(
        "/** Codes this service defines beyond the common ones. */",
        "export type ServiceCode = never;",
        "/** Retry class of each service code (`throttling`, `transient` or `never`). */",
        "export declare const serviceCodes: {",
        '  readonly [key: string]: "throttling" | "transient" | "never";',
        "};",
        "/** Each action's own codes (common codes are in `commonCodes`), as sets: `Object.hasOwn(actionCodes[action], code)`. */",
        "export declare const actionCodes: {",
        "  readonly [key: string]: { readonly [code: string]: true };",
        "};",
      ),
      js: lines(...TABLE_JS, ...CODES_JS, "export const serviceCodes = /* @__PURE__ */ table([]);", "export const actionCodes = /* @__PURE__ */ table([]);"),
    },
  ],
  [
    "common codes",
    {
      given: () => emitCommon(buildTestModel(MAIN)),
      dts: lines(
        "/** Codes every action of every service can return. */",
        'export type CommonCode = "InternalError" | "RequestLimitExceeded";',
        "/** Retry class of each common code (`throttling`, `transient` or `never`). */",
        "export declare const commonCodes: {",
        '  readonly [key: string]: "throttling" | "transient" | "never";',
        '  readonly InternalError: "transient";',
        '  readonly RequestLimitExceeded: "throttling";',
        "};",
      ),
      js: lines(
        ...TABLE_JS,
        "export const commonCodes = table([",
        '  ["InternalError", "transient"],',
        '  ["RequestLimitExceeded", "throttling"],',
        "]);",
      ),
    },
  ],
  [
    "no common codes",
    {
      given: () => emitCommon(buildTestModel({ common: [], services: [] })),
      dts: lines(
        "/** Codes every action of every service can return. */",
        "export type CommonCode = never;",
        "/** Retry class of each common code (`throttling`, `transient` or `never`). */",
        "export declare const commonCodes: {",
        '  readonly [key: string]: "throttling" | "transient" | "never";',
        "};",
      ),
      js: lines(...TABLE_JS, "export const commonCodes = table([]);"),
    },
  ],
];

describe("emitted text", () => {
  it.each(texts)("%s", (_name, { given, dts, js }) => {
    const pair = given();
    expect(body(pair.dts)).toBe(dts);
    expect(body(pair.js)).toBe(js);
  });
});

const AWKWARD: ModelInput = {
  services: [
    {
      name: "svc",
      errors: [code("toString"), code("constructor.Sub"), code("hasOwnProperty")],
      actions: [
        { name: "__proto__", errors: ["toString"] },
        { name: "constructor", errors: ["constructor.Sub"] },
        { name: "toString" },
        { name: "Common" },
        { name: "Api", errors: ["hasOwnProperty"] },
      ],
    },
  ],
};

describe("awkward names", () => {
  it("quotes dotted codes in the declaration, keeps other keys bare, and builds __proto__ as an own key", () => {
    const { dts, js } = errorsOf(AWKWARD);
    expect(dts).toContain('  readonly "constructor.Sub": "never";\n');
    expect(dts).toContain('  readonly hasOwnProperty: "never";\n');
    expect(js).toContain('  ["__proto__", codes("toString")],\n');
  });

  it("imports CommonCode / ApiError under $ names when an action's derived names take them", () => {
    const { dts } = errorsOf(AWKWARD);
    expect(dts).toContain('import type { CommonCode as CommonCode$ } from "../common.js";\n');
    expect(dts).toContain('import type { ApiError as ApiError$ } from "../runtime/index.js";\n');
    expect(dts).toContain("export type CommonCode = CommonCode$;\nexport type CommonError = ApiError$<CommonCode>;\n");
    expect(dts).toContain('export type ApiCode = CommonCode$ | "hasOwnProperty";\nexport type ApiError = ApiError$<ApiCode>;\n');
  });
});

describe("evaluated tables", () => {
  it("are frozen, without prototype, and hold exactly the spec's entries as own keys", async () => {
    const mod = await evaluate(errorsOf(AWKWARD).js);
    const serviceCodes = mod["serviceCodes"] as Record<string, unknown>;
    const actionCodes = mod["actionCodes"] as Record<string, Record<string, unknown>>;
    for (const t of [serviceCodes, actionCodes, ...Object.values(actionCodes)]) {
      expect(Object.getPrototypeOf(t)).toBe(null);
      expect(Object.isFrozen(t)).toBe(true);
    }
    expect({ ...serviceCodes }).toEqual({ toString: "never", "constructor.Sub": "never", hasOwnProperty: "never" });
    expect(Object.keys(actionCodes)).toEqual(["Api", "Common", "__proto__", "constructor", "toString"]);
    // `__proto__` is an ordinary own key holding its code set, not the prototype.
    expect(Object.hasOwn(actionCodes, "__proto__")).toBe(true);
    expect(Object.keys(actionCodes["__proto__"]!)).toEqual(["toString"]);
    expect(Object.hasOwn(actionCodes["__proto__"]!, "toString")).toBe(true);
    expect(Object.keys(actionCodes["toString"]!)).toEqual([]);
    expect(Object.keys(actionCodes["constructor"]!)).toEqual(["constructor.Sub"]);
    // Nothing inherited: lookups of prototype member names read undefined.
    expect(serviceCodes["valueOf"]).toBeUndefined();
    expect(actionCodes["Common"]!["toString"]).toBeUndefined();
    expect("isPrototypeOf" in actionCodes).toBe(false);
  });

  it("the parser's membership test and the client's retry lookup work on them", async () => {
    const errors = await evaluate(errorsOf(MAIN, "cvm").js);
    const common = await evaluate(emitCommon(buildTestModel(MAIN)).js);
    const commonCodes = common["commonCodes"] as Record<string, string | undefined>;
    const serviceCodes = errors["serviceCodes"] as Record<string, string | undefined>;
    const actionCodes = errors["actionCodes"] as Record<string, Record<string, true>>;
    const known = (action: string, c: string) => Object.hasOwn(commonCodes, c) || Object.hasOwn(actionCodes[action]!, c);
    expect(known("Describe", "InvalidParameter.Foo.Bar")).toBe(true);
    expect(known("Describe", "InternalError")).toBe(true);
    expect(known("Ping", "InvalidParameter")).toBe(false);
    expect(known("Ping", "RequestLimitExceeded")).toBe(true);
    expect(known("Ping", "toString")).toBe(false);
    const retry = (c: string) => commonCodes[c] ?? serviceCodes[c];
    expect([retry("RequestLimitExceeded"), retry("InternalError"), retry("InvalidParameter.Foo.Bar"), retry("constructor")]).toEqual([
      "throttling",
      "transient",
      "transient",
      undefined,
    ]);
    expect(Object.getPrototypeOf(commonCodes)).toBe(null);
    expect(Object.isFrozen(commonCodes)).toBe(true);
  });

  it("stays small and fast for a 400-action, 570-code service", async () => {
    const errors = Array.from({ length: 570 }, (_, i) => code(`Family${i % 40}.Code${i}`));
    const actions = Array.from({ length: 400 }, (_, i) => ({
      name: `Action${i}`,
      errors: errors.filter((_, j) => (i + j) % 37 === 0).map((e) => e.code),
    }));
    const started = performance.now();
    const pair = errorsOf({ services: [{ name: "big", errors, actions }] });
    const elapsed = performance.now() - started;
    // Three lines per action type (a long code union breaks to one line per code), one per table
    // entry: linear in actions + codes.
    const memberships = actions.reduce((n, a) => n + a.errors.length, 0);
    expect(pair.dts.split("\n").length).toBeLessThan(5 * 400 + memberships + 2 * 570 + 20);
    const mod = await evaluate(pair.js);
    expect(Object.keys(mod["actionCodes"] as object)).toHaveLength(400);
    expect(elapsed).toBeLessThan(5000);
  });
});
