/**
 * Generated parsers, run: a package is generated from hand-built models into a temp dir (runtime from
 * dist/runtime) and every outcome users rely on is asserted: success, known/unknown API errors and
 * malformed replies with exact JSON paths.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectOutcomeShape } from "./outcome.js";
import { flatModel, SEED_ERROR, SEED_SUCCESS, seedModel } from "./models.js";
import { repoRoot, writePackage, type GeneratedPackage, type Parser } from "./package.js";

const fixture = (name: string) => readFileSync(join(repoRoot, "test/fixtures/replies", name), "utf8");

let pkg: GeneratedPackage;
let flatPkg: GeneratedPackage;
let p: Record<string, Parser>;
let flat: Record<string, Parser>;

beforeAll(async () => {
  pkg = writePackage(seedModel());
  flatPkg = writePackage(flatModel());
  p = await pkg.parsers("cvm");
  flat = await flatPkg.parsers("shop");
});
afterAll(() => {
  pkg.cleanup();
  flatPkg.cleanup();
});

const parse = (name: string, input: unknown) => {
  const fn = p[name];
  if (!fn) throw new Error(`no parser ${name}`);
  const r = fn(input);
  expectOutcomeShape(r);
  return r;
};
const status = (input: unknown) => parse("parseDescribeInstancesStatus", input);
const reply = (fields: Record<string, unknown>) => JSON.stringify({ Response: { ...fields, RequestId: "req-1" } });
const errorReply = (code: unknown, message: unknown = "boom", requestId: unknown = "req-e") =>
  JSON.stringify({ Response: { Error: { Code: code, Message: message }, RequestId: requestId } });
/** The malformed outcome; `requestId` null: the reply had none. */
const malformed = (path: string, expected: string, found: string, requestId: string | null = "req-1") => ({
  ok: false,
  error: expect.objectContaining({ kind: "malformed", path, expected, found, requestId: requestId ?? undefined }),
});

/** A valid `Everything` reply, to be modified per test. */
const everything = (over: Record<string, unknown> = {}, drop: string[] = []) => {
  const base: Record<string, unknown> = {
    S: "s",
    I32: -5,
    I64: 9007199254740991,
    U64: 0,
    F: 1.5,
    B: false,
    D: "2023-03-09",
    DT: "2023-03-09 10:45:11",
    ISO: "2020-03-10T02:43:51Z",
    Bin: "YWJj",
    J: { any: ["thing", 1, null] },
    Null: null,
    ...over,
  };
  for (const d of drop) delete base[d];
  return reply(base);
};
const every = (over: Record<string, unknown> = {}, drop: string[] = []) => parse("parseEverything", everything(over, drop));

describe("the seed examples", () => {
  it("parses the DescribeInstancesStatus success reply", () => {
    expect(status(SEED_SUCCESS)).toEqual({
      ok: true,
      data: { TotalCount: 0, InstanceStatusSet: [], RequestId: "b5b41468-520d-4192-b42f-595cc34b6c1c" },
      requestId: "b5b41468-520d-4192-b42f-595cc34b6c1c",
      unknownFields: [],
      drift: [],
    });
  });

  it("parses the AuthFailure.SignatureFailure error reply as a known common code", () => {
    expect(status(SEED_ERROR)).toEqual({
      ok: false,
      error: {
        kind: "api-error",
        code: "AuthFailure.SignatureFailure",
        rawCode: "AuthFailure.SignatureFailure",
        family: "AuthFailure",
        message: "The provided credentials could not be validated.",
        requestId: "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6",
      },
    });
  });

  it("accepts an already-parsed value the same as its text, returning that object as data", () => {
    const value = JSON.parse(SEED_SUCCESS) as { Response: object };
    const r = status(value);
    expect(r).toEqual(status(SEED_SUCCESS));
    expect(r.ok && r.data).toBe(value.Response);
  });
});

describe("API errors", () => {
  const apiError = (code: string, known: boolean, family: string) => ({
    ok: false,
    error: { kind: "api-error", code: known ? code : "$unknown", rawCode: code, family, message: "boom", requestId: "req-e" },
  });

  it("types the action's own codes as known", () => {
    expect(status(errorReply("InvalidInstanceId.NotFound"))).toEqual(apiError("InvalidInstanceId.NotFound", true, "InvalidInstanceId"));
    expect(parse("parseDescribeFilters", errorReply("InvalidFilter"))).toEqual(apiError("InvalidFilter", true, "InvalidFilter"));
  });

  it("types common codes as known for every action", () => {
    for (const name of ["parseDescribeInstancesStatus", "parseDescribeFilters", "parseEverything"]) {
      expect(parse(name, errorReply("InternalError"))).toEqual(apiError("InternalError", true, "InternalError"));
    }
  });

  it("reports another action's code, and a code the spec never heard of, as $unknown with the wire code", () => {
    expect(status(errorReply("InvalidFilter"))).toEqual(apiError("InvalidFilter", false, "InvalidFilter"));
    expect(status(errorReply("Brand.New.Code"))).toEqual(apiError("Brand.New.Code", false, "Brand"));
    // Names of Object.prototype members are codes like any other: unknown, never "inherited".
    expect(status(errorReply("toString"))).toEqual(apiError("toString", false, "toString"));
    expect(status(errorReply("__proto__"))).toEqual(apiError("__proto__", false, "__proto__"));
  });

  it("tolerates an absent or null message as empty text", () => {
    const noMessage = JSON.stringify({ Response: { Error: { Code: "InternalError" }, RequestId: "req-e" } });
    expect(status(noMessage)).toMatchObject({ ok: false, error: { code: "InternalError", message: "" } });
    expect(status(errorReply("InternalError", null))).toMatchObject({ ok: false, error: { message: "" } });
  });

  it("rejects an error envelope with a wrong shape, naming the path", () => {
    expect(status(errorReply(42))).toEqual(malformed("$.Response.Error.Code", "string", "a number", "req-e"));
    expect(status(errorReply("InternalError", 7))).toEqual(malformed("$.Response.Error.Message", "string", "a number", "req-e"));
    expect(status(errorReply("InternalError", "m", null))).toEqual(malformed("$.Response.RequestId", "string", "null", null));
    expect(status(JSON.stringify({ Response: { Error: "InternalError", RequestId: "req-e" } }))).toEqual(
      malformed("$.Response.Error", "an object", "a string", "req-e"),
    );
    expect(status(JSON.stringify({ Response: { Error: { Message: "m" }, RequestId: "req-e" } }))).toEqual(
      malformed("$.Response.Error.Code", "string", "absent", "req-e"),
    );
  });
});

describe("malformed envelopes", () => {
  it.each([
    ["null", "$", "an object", "null"],
    ["[]", "$", "an object", "an array"],
    ["42", "$", "an object", "a number"],
    ['"text"', "$", "an object", "a string"],
    ["true", "$", "an object", "a boolean"],
    ["{}", "$.Response", "an object", "absent"],
    ['{"Response":null}', "$.Response", "an object", "null"],
    ['{"Response":[1]}', "$.Response", "an object", "an array"],
    ['{"Response":{}}', "$.Response.RequestId", "string", "absent"],
    ['{"Response":{"RequestId":5}}', "$.Response.RequestId", "string", "a number"],
  ])("%s → %s", (text, path, expected, found) => {
    expect(status(text)).toEqual(malformed(path, expected, found, null));
  });

  it("treats values that are not objects the same way", () => {
    for (const [value, found] of [
      [null, "null"],
      [[], "an array"],
      [42, "a number"],
      [undefined, "absent"],
      [10n, "a bigint"],
      [() => 1, "a function"],
    ] as const) {
      expect(status(value)).toEqual(malformed("$", "an object", found, null));
    }
  });

  it("always takes a string as JSON text", () => {
    const r = status("text");
    expect(r).toMatchObject({ ok: false, error: { kind: "malformed", path: "$", expected: "JSON text" } });
    expect(!r.ok && r.error.kind === "malformed" && r.error.found).toMatch(/^text that is not JSON/);
  });

  it.each([
    ["truncated JSON", '{"Response":'],
    ["empty text", ""],
    ["an SSE stream", fixture("sse.txt")],
    ["an invalid escape", fixture("invalid-escape.txt")],
    ["two JSON texts", `${SEED_SUCCESS}\n${SEED_SUCCESS}`],
  ])("rejects %s as not JSON text", (_what, text) => {
    expect(status(text)).toMatchObject({ ok: false, error: { kind: "malformed", path: "$", expected: "JSON text", requestId: undefined } });
  });

  it("reads only own properties of the envelope", () => {
    const inherited = Object.create({ Response: { TotalCount: 0, InstanceStatusSet: [], RequestId: "r" } }) as object;
    expect(status(inherited)).toEqual(malformed("$.Response", "an object", "absent", null));
  });
});

describe("success data checked against the spec", () => {
  const item = (over: Record<string, unknown> = {}) => ({ InstanceId: "ins-1", InstanceState: "RUNNING", ...over });
  const set = (bad: Record<string, unknown>, at = 3) => {
    const items: Array<Record<string, unknown>> = [item(), item(), item(), item(), item()];
    items[at] = bad;
    return reply({ TotalCount: 5, InstanceStatusSet: items });
  };

  it("names the exact path, expectation and finding of a wrong value at depth", () => {
    expect(status(set(item({ InstanceState: "RUNNNING" })))).toEqual(
      malformed("$.Response.InstanceStatusSet[3].InstanceState", 'one of "PENDING" | "RUNNING" | "STOPPED"', 'the string "RUNNNING"'),
    );
    expect(status(set(item({ InstanceId: 7 }), 0))).toEqual(malformed("$.Response.InstanceStatusSet[0].InstanceId", "string", "a number"));
    expect(status(set(item({ InstanceState: null }), 4))).toEqual(
      malformed("$.Response.InstanceStatusSet[4].InstanceState", 'one of "PENDING" | "RUNNING" | "STOPPED"', "null"),
    );
    expect(status(reply({ TotalCount: 1, InstanceStatusSet: [item(), "ins-2"] }))).toEqual(
      malformed("$.Response.InstanceStatusSet[1]", "an object", "a string"),
    );
    expect(status(reply({ TotalCount: 1, InstanceStatusSet: {} }))).toEqual(malformed("$.Response.InstanceStatusSet", "an array", "an object"));
    expect(status(reply({ TotalCount: "1", InstanceStatusSet: [] }))).toEqual(malformed("$.Response.TotalCount", "integer (int64)", "a string"));
    expect(parse("parseDescribeFilters", reply({ Names: ["a", "b", 3] }))).toEqual(malformed("$.Response.Names[2]", "string", "a number"));
  });

  it("reports the first failure in field order", () => {
    expect(status(reply({ TotalCount: 1.5, InstanceStatusSet: 3 }))).toEqual(malformed("$.Response.TotalCount", "integer (int64)", "the number 1.5"));
  });

  it("rejects a missing required field and accepts an absent optional one", () => {
    expect(status(reply({ InstanceStatusSet: [] }))).toEqual(malformed("$.Response.TotalCount", "integer (int64)", "absent"));
    expect(status(set({ InstanceId: "i" }, 2))).toEqual(
      malformed("$.Response.InstanceStatusSet[2].InstanceState", 'one of "PENDING" | "RUNNING" | "STOPPED"', "absent"),
    );
    expect(every()).toMatchObject({ ok: true, unknownFields: [] });
  });

  it("accepts null only where the spec says nullable", () => {
    expect(every({ S: null })).toEqual(malformed("$.Response.S", "string", "null"));
    expect(every({ Opt: null })).toEqual(malformed("$.Response.Opt", "string", "null"));
    expect(every({ Null: null, OptNull: null })).toMatchObject({ ok: true });
    expect(every({ Null: "x", OptNull: item() })).toMatchObject({ ok: true });
    expect(every({ OptNull: item({ InstanceId: null }) })).toEqual(malformed("$.Response.OptNull.InstanceId", "string", "null"));
    expect(every({}, ["Null"])).toEqual(malformed("$.Response.Null", "string", "absent"));
    // json is any JSON value, null included; absent is still absent
    expect(every({ J: null })).toMatchObject({ ok: true });
    expect(every({}, ["J"])).toEqual(malformed("$.Response.J", "a JSON value", "absent"));
  });

  it("checks numbers by kind", () => {
    expect(every({ I32: 2147483647 })).toMatchObject({ ok: true });
    expect(every({ I32: -2147483648 })).toMatchObject({ ok: true });
    expect(every({ I32: 2147483648 })).toEqual(malformed("$.Response.I32", "integer (int32)", "the number 2147483648"));
    expect(every({ I32: 0.5 })).toEqual(malformed("$.Response.I32", "integer (int32)", "the number 0.5"));
    expect(every({ I64: 1e21 })).toMatchObject({ ok: true });
    expect(every({ I64: true })).toEqual(malformed("$.Response.I64", "integer (int64)", "a boolean"));
    expect(every({ U64: -1 })).toEqual(malformed("$.Response.U64", "integer (uint64, >= 0)", "the number -1"));
    expect(every({ F: 3 })).toMatchObject({ ok: true });
    expect(every({ F: "1.5" })).toEqual(malformed("$.Response.F", "number (float)", "a string"));
    // 1e400 is valid JSON text but not a finite number
    expect(parse("parseEverything", everything({ F: 0 }).replace('"F":0', '"F":1e400'))).toEqual(
      malformed("$.Response.F", "number (float)", "the number Infinity"),
    );
    expect(every({ B: "true" })).toEqual(malformed("$.Response.B", "boolean", "a string"));
  });

  it("checks date, datetime, ISO datetime and base64 formats, reporting a deviation as drift on a success", () => {
    const ok = (over: Record<string, unknown>) => expect(every(over)).toMatchObject({ ok: true, drift: [] });
    const no = (field: string, value: string, expected: string) =>
      expect(every({ [field]: value })).toMatchObject({
        ok: true,
        data: { [field]: value },
        drift: [{ path: `$.Response.${field}`, reason: "format", expected, found: `the string ${JSON.stringify(value)}` }],
      });
    // the value Tencent's own replies (and the spec's example) use for "no time"
    no("DT", "0000-00-00 00:00:00", "datetime (YYYY-MM-DD hh:mm:ss)");
    ok({ D: "2024-02-29" });
    no("D", "2023-13-01", "date (YYYY-MM-DD)");
    no("D", "2023-03-09 10:45:11", "date (YYYY-MM-DD)");
    ok({ DT: "2017-01-03 23:59:59" });
    no("DT", "2023-03-09T10:45:11Z", "datetime (YYYY-MM-DD hh:mm:ss)");
    no("DT", "2023-03-09 24:00:00", "datetime (YYYY-MM-DD hh:mm:ss)");
    // ISO forms seen in real replies, and the space-separated form the spec's own examples use
    for (const iso of ["2020-09-22T00:00:00+00:00", "2022-05-25T12:14:53.243893+08:00", "2018-01-01 00:00:00", "2026-08-17T09:57:06+0800"]) ok({ ISO: iso });
    no("ISO", "2020-09-22", "datetime (ISO 8601)");
    no("ISO", "yesterday", "datetime (ISO 8601)");
    ok({ Bin: "" });
    ok({ Bin: "YWI=" });
    no("Bin", "YWJ", "base64 string");
    no("Bin", "YW J", "base64 string");
  });

  it("checks nested lists element by element", () => {
    expect(every({ Grid: [[1, 2], [3, 4, 5.5]] })).toEqual(malformed("$.Response.Grid[1][2]", "integer (int32)", "the number 5.5"));
    expect(every({ Grid: [[1], 2] })).toEqual(malformed("$.Response.Grid[1]", "an array", "a number"));
    expect(every({ Nested: [[item()], [item(), item({ InstanceState: "GONE" })]] })).toEqual(
      malformed("$.Response.Nested[1][1].InstanceState", 'one of "PENDING" | "RUNNING" | "STOPPED"', 'the string "GONE"'),
    );
    expect(every({ Nested: [[item()], {}] })).toEqual(malformed("$.Response.Nested[1]", "an array", "an object"));
    expect(every({ Grid: [[1, 2], []], Nested: [[], [item()]] })).toMatchObject({ ok: true, unknownFields: [] });
  });

  it("quotes keys that are not identifiers in paths", () => {
    expect(every({ "x.y": 1 })).toEqual(malformed('$.Response["x.y"]', "string", "a number"));
    expect(every({ Hazard: { __proto__: null, "a-b": "yes" } })).toEqual(malformed("$.Response.Hazard.__proto__", "string", "absent"));
  });

  it("accepts a 10 MB string field", () => {
    const big = "x".repeat(10 * 1024 * 1024);
    const r = every({ S: big });
    expect(r.ok && (r.data as { S: string }).S.length).toBe(big.length);
  });
});

describe("unknown fields", () => {
  it("tolerates them and reports their JSON paths", () => {
    const text = JSON.stringify({
      Response: {
        TotalCount: 2,
        New: 1,
        InstanceStatusSet: [
          { InstanceId: "a", InstanceState: "RUNNING" },
          { InstanceId: "b", InstanceState: "PENDING", Zone: "z", "a-b": [1], "": 0 },
        ],
        RequestId: "req-1",
      },
      Outside: true,
    });
    const r = status(text);
    expect(r).toMatchObject({ ok: true, requestId: "req-1" });
    expect(r.ok && [...r.unknownFields].sort()).toEqual(
      ['$.Response.InstanceStatusSet[1].Zone', '$.Response.InstanceStatusSet[1]["a-b"]', '$.Response.InstanceStatusSet[1][""]', "$.Response.New"].sort(),
    );
  });

  it("does not walk into unknown or json values however deep they are", () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const text = everything({ J: 0, Extra: 0 }).replace('"J":0', `"J":${deep}`).replace('"Extra":0', `"Extra":${deep}`);
    expect(parse("parseEverything", text)).toMatchObject({ ok: true, unknownFields: ["$.Response.Extra"] });
  });
});

describe("hostile input", () => {
  it("survives 100k levels of nesting, as text and as a value", () => {
    const text = `{"Response":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    expect(status(text)).toEqual(malformed("$.Response", "an object", "an array", null));
    const objects = `{"Response":${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}}`;
    expect(status(objects)).toEqual(malformed("$.Response.RequestId", "string", "absent", null));
    let value: unknown = [];
    for (let i = 0; i < 100_000; i++) value = [value];
    expect(status({ Response: value })).toEqual(malformed("$.Response", "an object", "an array", null));
  });

  it("stops a recursive type nested beyond the limit with the path reached", () => {
    let tree: Record<string, unknown> = { Name: "leaf" };
    for (let i = 0; i < 100_000; i++) tree = { Name: "n", Children: [tree] };
    // as a value: JSON.stringify itself cannot go this deep
    const value = JSON.parse(everything()) as { Response: Record<string, unknown> };
    value.Response["Tree"] = tree;
    const r = parse("parseEverything", value);
    expect(r).toMatchObject({ ok: false, error: { kind: "malformed", expected: "nesting within 1000 levels", found: "deeper nesting" } });
    const path = !r.ok && r.error.kind === "malformed" ? r.error.path : "";
    expect(path.startsWith("$.Response.Tree.Children[0].Children[0]")).toBe(true);
    // a tree within the limit is fine, and errors deep inside it are located exactly
    let ok: Record<string, unknown> = { Name: "leaf" };
    for (let i = 0; i < 300; i++) ok = { Name: "n", Children: [ok] };
    expect(every({ Tree: ok })).toMatchObject({ ok: true });
    let badTree: Record<string, unknown> = { Name: 1 };
    for (let i = 0; i < 3; i++) badTree = { Name: "n", Children: [{ Name: "m" }, badTree] };
    expect(every({ Tree: badTree })).toEqual(malformed("$.Response.Tree.Children[1].Children[1].Children[1].Name", "string", "a number"));
  });

  it("lets no __proto__ key pollute anything, at any level", () => {
    const r = status(fixture("proto-everywhere.json"));
    expect(r).toMatchObject({ ok: true, requestId: "r-3" });
    expect(r.ok && [...r.unknownFields].sort()).toEqual(
      [
        "$.Response.__proto__",
        "$.Response.constructor",
        "$.Response.InstanceStatusSet[0].__proto__",
        "$.Response.InstanceStatusSet[1].__proto__",
        "$.Response.InstanceStatusSet[1].constructor",
      ].sort(),
    );
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect((Array.prototype as unknown as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("validates a spec field named __proto__ (and other prototype names) as own properties", () => {
    const hazard = (h: string) => parse("parseEverything", everything({ Hazard: 0 }).replace('"Hazard":0', `"Hazard":${h}`));
    expect(hazard('{"__proto__":"p","a-b":true}')).toMatchObject({ ok: true, unknownFields: [] });
    expect(hazard('{"__proto__":5,"a-b":true}')).toEqual(malformed("$.Response.Hazard.__proto__", "string", "a number"));
    expect(hazard('{"__proto__":{"polluted":true},"a-b":true}')).toEqual(malformed("$.Response.Hazard.__proto__", "string", "an object"));
    expect(hazard('{"a-b":true}')).toEqual(malformed("$.Response.Hazard.__proto__", "string", "absent"));
    // toString/constructor are optional: the inherited ones never count as present
    expect(hazard('{"__proto__":"p","a-b":false,"toString":3,"constructor":"__proto__"}')).toMatchObject({ ok: true, unknownFields: [] });
    expect(hazard('{"__proto__":"p","a-b":false,"constructor":"valueOf"}')).toEqual(
      malformed("$.Response.Hazard.constructor", 'one of "__proto__" | "toString"', 'the string "valueOf"'),
    );
    expect(hazard('{"__proto__":"p","a-b":false,"toString":"x"}')).toEqual(malformed("$.Response.Hazard.toString", "integer (int64)", "a string"));
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("does not read inherited fields of a data object", () => {
    const data = Object.create({ TotalCount: 1, InstanceStatusSet: [] }) as Record<string, unknown>;
    data["RequestId"] = "req-1";
    expect(status({ Response: data })).toEqual(malformed("$.Response.TotalCount", "integer (int64)", "absent"));
  });

  it("keeps to own properties when Object.prototype is polluted", () => {
    const op = Object.prototype as Record<string, unknown>;
    op["TotalCount"] = 1;
    op["InstanceState"] = "RUNNING";
    try {
      expect(status(reply({ InstanceStatusSet: [] }))).toEqual(malformed("$.Response.TotalCount", "integer (int64)", "absent"));
      expect(status(reply({ TotalCount: 1, InstanceStatusSet: [{ InstanceId: "i" }] }))).toEqual(
        malformed("$.Response.InstanceStatusSet[0].InstanceState", 'one of "PENDING" | "RUNNING" | "STOPPED"', "absent"),
      );
      expect(status(reply({ TotalCount: 1, InstanceStatusSet: [{ InstanceId: "i", InstanceState: "RUNNING" }] }))).toMatchObject({
        ok: true,
        unknownFields: [],
      });
    } finally {
      delete op["TotalCount"];
      delete op["InstanceState"];
    }
  });

  it("survives a parse started from inside another (a getter of the input calling the parser)", () => {
    let inner: unknown;
    const data = {
      RequestId: "outer",
      TotalCount: 0,
      get InstanceStatusSet() {
        inner = status(JSON.stringify({ Response: { RequestId: "inner", TotalCount: "x", InstanceStatusSet: [] } }));
        return [];
      },
    };
    expect(status({ Response: data })).toMatchObject({ ok: true, requestId: "outer" });
    expect(inner).toEqual(malformed("$.Response.TotalCount", "integer (int64)", "a string", "inner"));
    // and the next parse is unaffected
    expect(status(SEED_SUCCESS)).toMatchObject({ ok: true, unknownFields: [] });
  });

  it("never throws for throwing getters or Proxies", () => {
    const trap = () => {
      throw new Error("trap");
    };
    const proxy = new Proxy({}, { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap });
    expect(status(proxy)).toEqual(malformed("$", "a JSON value", "a value that threw while being read", null));
    const getter = { Response: { RequestId: "r", TotalCount: 0, get InstanceStatusSet() { throw new Error("no"); } } };
    expect(status(getter)).toMatchObject({ ok: false, error: { kind: "malformed", path: "$" } });
    const throwsProxy = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw 1;
        },
      },
    );
    expect(() => status({ Response: { RequestId: "r", TotalCount: 0, InstanceStatusSet: [throwsProxy] } })).not.toThrow();
  });
});

describe("flat envelope", () => {
  const get = (input: unknown) => {
    const fn = flat["parseGetItem"];
    if (!fn) throw new Error("no parseGetItem");
    const r = fn(input);
    expectOutcomeShape(r);
    return r;
  };
  const flatReply = (over: Record<string, unknown>) =>
    JSON.stringify({ RequestId: "f-1", Code: "Success", Message: "", Data: { Item: { Id: 1 }, Count: 2 }, ...over });

  it("returns the Data object on a success code", () => {
    expect(get(flatReply({}))).toEqual({ ok: true, data: { Item: { Id: 1 }, Count: 2 }, requestId: "f-1", unknownFields: [], drift: [] });
    expect(get(flatReply({ Data: { Item: { Id: 1, Extra: 1 }, Count: 2 }, Other: 1 }))).toMatchObject({
      ok: true,
      unknownFields: ["$.Data.Item.Extra"],
    });
  });

  it("returns an API error for any other code", () => {
    expect(get(flatReply({ Code: "ResourceNotFound", Message: "gone", Data: null }))).toEqual({
      ok: false,
      error: { kind: "api-error", code: "ResourceNotFound", rawCode: "ResourceNotFound", family: "ResourceNotFound", message: "gone", requestId: "f-1" },
    });
    expect(get(flatReply({ Code: "Quota.Exceeded", Message: "no" }))).toMatchObject({
      ok: false,
      error: { code: "$unknown", rawCode: "Quota.Exceeded", family: "Quota" },
    });
  });

  it("names flat paths in malformed replies", () => {
    expect(get(flatReply({ Data: { Item: { Id: "1" }, Count: 2 } }))).toEqual(malformed("$.Data.Item.Id", "integer (int64)", "a string", "f-1"));
    expect(get(flatReply({ Data: undefined }))).toEqual(malformed("$.Data", "an object", "absent", "f-1"));
    expect(get(flatReply({ Code: undefined }))).toEqual(malformed("$.Code", "string", "absent", "f-1"));
    expect(get(flatReply({ RequestId: undefined }))).toEqual(malformed("$.RequestId", "string", "absent", null));
  });
});
