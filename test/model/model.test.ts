/** Valid specs → the model: merging, sorting, defaults, families, type references, freezing. */
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { formatDiagnostic } from "../../generator/diagnostics.js";
import { loadModel } from "../../generator/model/index.js";
import type { Model, Service, TypeRef } from "../../generator/model/types.js";
import { model, PACKAGE, service } from "../load/helpers.js";

const fixtures = fileURLToPath(new URL("../fixtures/specs/", import.meta.url));

async function fixture(name: string): Promise<Model> {
  const r = await loadModel(path.join(fixtures, name));
  if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join("\n"));
  return r.model;
}

const prim = (name: string): TypeRef => ({ kind: "primitive", name }) as TypeRef;

describe("tencent-mini fixture", async () => {
  const m = await fixture("tencent-mini");
  const cvm = m.services[0]!;

  test("package and envelope", () => {
    expect(m.specVersion).toBe(1);
    expect(m.package).toEqual({ name: "@tcgen/tencent-mini", version: "0.1.0", description: "A small Tencent Cloud style spec for tests" });
    expect(m.envelope).toEqual({
      wrapper: "Response",
      requestId: "RequestId",
      errorKey: "Error",
      codeKey: "Code",
      messageKey: "Message",
      successCodes: [],
      dataKey: null,
      hostSuffix: "tencentcloudapi.com",
      requestIdOptional: false,
      codeType: "string",
      successFlag: null,
      errorFields: [],
    });
  });

  test("one service merged from three files, host defaulting to the name", () => {
    expect(m.services).toHaveLength(1);
    expect([cvm.name, cvm.version, cvm.host]).toEqual(["cvm", "2017-03-12", "cvm"]);
    expect(cvm.description).toContain("*/");
    expect(cvm.loc).toEqual({ file: "cvm/actions.yaml", line: 3, col: 1 });
  });

  test("names are sorted in code-unit order (upper case first)", () => {
    expect(cvm.types.map((t) => t.name)).toEqual(["Error", "Folder", "Image", "Instance", "Tag"]);
    expect(cvm.actions.map((a) => a.name)).toEqual(["DescribeFolders", "DescribeInstances", "StartInstances"]);
    expect(cvm.errors.map((c) => c.code)).toEqual([
      "FailedOperation",
      "FailedOperation.Domain.UnExist",
      "InvalidInstanceId.Malformed",
      "InvalidInstanceId.NotFound",
      "InvalidParameter.Limit",
      "LimitExceeded.InstanceQuota",
    ]);
    expect(m.commonErrors.map((c) => c.code)).toEqual([
      "AuthFailure.SignatureFailure",
      "InternalError",
      "InvalidParameter",
      "RequestLimitExceeded",
      "UnauthorizedOperation",
    ]);
  });

  test("families, retry default, deprecated, scope", () => {
    const byCode = new Map(cvm.errors.map((c) => [c.code, c]));
    expect(byCode.get("FailedOperation.Domain.UnExist")!.family).toBe("FailedOperation");
    expect(byCode.get("FailedOperation")!.family).toBe("FailedOperation");
    expect(byCode.get("InvalidInstanceId.NotFound")).toMatchObject({ family: "InvalidInstanceId", retry: "never", deprecated: false, scope: "service" });
    expect(byCode.get("LimitExceeded.InstanceQuota")!.deprecated).toBe(true);
    expect(m.commonErrors.find((c) => c.code === "InternalError")).toMatchObject({ retry: "transient", scope: "common", family: "InternalError" });
    expect(m.commonErrors.find((c) => c.code === "RequestLimitExceeded")!.retry).toBe("throttling");
  });

  test("action errors = common ∪ own, sorted, common codes keep scope common", () => {
    const describe = cvm.actions.find((a) => a.name === "DescribeInstances")!;
    expect(describe.ownErrors).toEqual(["InvalidInstanceId.Malformed", "InvalidParameter", "InvalidParameter.Limit"]);
    expect(describe.errors.map((c) => `${c.code}:${c.scope}`)).toEqual([
      "AuthFailure.SignatureFailure:common",
      "InternalError:common",
      "InvalidInstanceId.Malformed:service",
      "InvalidParameter:common",
      "InvalidParameter.Limit:service",
      "RequestLimitExceeded:common",
      "UnauthorizedOperation:common",
    ]);
    const start = cvm.actions.find((a) => a.name === "StartInstances")!;
    expect(start.errors.map((c) => c.code)).toContain("FailedOperation.Domain.UnExist");
    expect(start.errors.map((c) => c.code)).toContain("FailedOperation");
    const folders = cvm.actions.find((a) => a.name === "DescribeFolders")!;
    expect(folders.ownErrors).toEqual([]);
    expect(folders.errors).toEqual(m.commonErrors);
    expect(folders.deprecated).toBe(true);
    expect(folders.request).toEqual([]);
  });

  test("fields keep declaration order; optional and nullable are independent", () => {
    const instance = cvm.types.find((t) => t.name === "Instance")!;
    expect(instance.fields.map((f) => f.name)).toEqual([
      "InstanceId",
      "InstanceState",
      "Image",
      "Tags",
      "Error",
      "__proto__",
      "Cpu",
      "RenewFlag",
      "CreatedTime",
    ]);
    const f = new Map(instance.fields.map((x) => [x.name, x]));
    expect([f.get("InstanceId")!.optional, f.get("InstanceId")!.nullable]).toEqual([false, false]);
    expect([f.get("Tags")!.optional, f.get("Tags")!.nullable]).toEqual([true, false]);
    expect([f.get("Error")!.optional, f.get("Error")!.nullable]).toEqual([true, true]);
    expect([f.get("RenewFlag")!.optional, f.get("RenewFlag")!.nullable, f.get("RenewFlag")!.deprecated]).toEqual([false, true, true]);
    expect(f.get("InstanceState")).toMatchObject({
      type: { kind: "enum", values: ["PENDING", "RUNNING", "STOPPED"] },
      description: "Current state.",
      example: "RUNNING",
      loc: { file: "cvm/types.yaml", line: 11, col: 7 },
    });
    expect(f.get("Tags")!.type).toEqual({ kind: "list", items: { kind: "ref", name: "Tag" } });
    expect(f.get("Image")!.type).toEqual({ kind: "ref", name: "Image" });
    expect(f.get("CreatedTime")!.type).toEqual(prim("datetime-iso"));
    expect(f.get("__proto__")!.description).toBe("A field named like the prototype key.");
  });

  test("nested lists and recursion", () => {
    const folder = cvm.types.find((t) => t.name === "Folder")!;
    expect(folder.deprecated).toBe(true);
    expect(folder.fields.map((f) => [f.name, f.type])).toEqual([
      ["Name", prim("string")],
      ["Children", { kind: "list", items: { kind: "ref", name: "Folder" } }],
      ["Matrix", { kind: "list", items: { kind: "list", items: prim("int32") } }],
    ]);
  });

  test("the model is deeply frozen", () => {
    expect(Object.isFrozen(m)).toBe(true);
    expect(Object.isFrozen(m.services)).toBe(true);
    expect(Object.isFrozen(cvm.types[0]!.fields[0]!.type)).toBe(true);
    expect(Object.isFrozen(cvm.actions[0]!.errors[0]!.loc)).toBe(true);
    expect(() => (m.services as Service[]).push(cvm)).toThrow(TypeError);
  });
});

describe("flat-envelope fixture", async () => {
  const m = await fixture("flat-envelope");
  test("envelope and service", () => {
    expect(m.envelope).toEqual({
      wrapper: null,
      requestId: "RequestId",
      errorKey: null,
      codeKey: "Code",
      messageKey: "Message",
      successCodes: ["Success"],
      dataKey: "Data",
      hostSuffix: "example.com",
      requestIdOptional: false,
      codeType: "string",
      successFlag: null,
      errorFields: [],
    });
    const shop = m.services[0]!;
    expect([shop.name, shop.version, shop.host]).toEqual(["shop", "2024-01-15", "api"]);
    expect(shop.actions.map((a) => [a.name, a.ownErrors])).toEqual([
      ["GetItem", ["ItemNotFound"]],
      ["PlaceOrder", ["InvalidParameter.Quantity", "ItemNotFound", "OutOfStock"]],
    ]);
  });
});

describe("merging and ordering", () => {
  test("services sort by name then version; versions stay separate; files merge regardless of order", () => {
    const m = model({
      "z/package.yaml": PACKAGE,
      "a/cvm-b.yaml": service("types:\n  B: {}\n"),
      "b/cvm-a.yaml": service("types:\n  A: {}\nactions:\n  Z: {}\n  A: {}\n"),
      "c.yaml": service("types:\n  Old: {}\n", "cvm", "2016-01-01"),
      "d.yaml": service("", "cbs"),
    });
    expect(m.services.map((s) => `${s.name}@${s.version}:${s.types.map((t) => t.name).join(",")}`)).toEqual([
      "cbs@2017-03-12:",
      "cvm@2016-01-01:Old",
      "cvm@2017-03-12:A,B",
    ]);
    expect(m.services[2]!.actions.map((a) => a.name)).toEqual(["A", "Z"]);
  });

  test("integer-like field names keep their declaration order", () => {
    const m = model({ "p.yaml": PACKAGE, "a.yaml": service("types:\n  T:\n    fields:\n      b: string\n      10: string\n      a: string\n      2: string\n") });
    expect(m.services[0]!.types[0]!.fields.map((f) => f.name)).toEqual(["b", "10", "a", "2"]);
  });

  test("fields that differ only by case are allowed", () => {
    const m = model({
      "p.yaml": PACKAGE,
      "a.yaml": service("actions:\n  A:\n    response:\n      VpcEndpointServiceUserSet: { type: \"string[]\", deprecated: true }\n      VpcEndPointServiceUserSet: string[]\n"),
    });
    expect(m.services[0]!.actions[0]!.response.map((f) => [f.name, f.deprecated])).toEqual([
      ["VpcEndpointServiceUserSet", true],
      ["VpcEndPointServiceUserSet", false],
    ]);
  });

  test("an action may list common codes; they are not duplicated", () => {
    const m = model({ "p.yaml": PACKAGE, "a.yaml": service("actions:\n  A:\n    errors: [InternalError]\n") });
    const a = m.services[0]!.actions[0]!;
    expect(a.ownErrors).toEqual(["InternalError"]);
    expect(a.errors.map((c) => `${c.code}:${c.scope}`)).toEqual(["InternalError:common", "InvalidParameter:common"]);
  });

  test("every primitive", () => {
    const prims = ["string", "int32", "int64", "uint64", "float", "boolean", "date", "datetime", "datetime-iso", "binary", "json"];
    const m = model({ "p.yaml": PACKAGE, "a.yaml": service(`types:\n  T:\n    fields:\n${prims.map((p) => `      F_${p.replace("-", "_")}: ${p}`).join("\n")}\n`) });
    expect(m.services[0]!.types[0]!.fields.map((f) => f.type)).toEqual(prims.map(prim));
  });
});

describe("names that collide with JavaScript internals", () => {
  const hostile = ["__proto__", "constructor", "Error", "Function", "Image", "Event", "Promise", "hasOwnProperty", "toString", "prototype"];

  test("load as ordinary names and pollute nothing", () => {
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const m = model({
      "p.yaml": PACKAGE.replace("commonErrors:\n", "commonErrors:\n  constructor: { description: c }\n  toString: { description: t }\n"),
      "a.yaml": service(
        [
          "errors:",
          "  hasOwnProperty: { description: h }",
          "  polluted: { description: p }",
          "types:",
          ...hostile.map((n) => `  ${n}:\n    fields:\n      __proto__: { type: string, optional: true }\n      polluted: ${n}[]\n      constructor: int64`),
          "actions:",
          ...hostile.map((n) => `  ${n}:\n    response: { __proto__: ${n}, constructor: string }\n    errors: [constructor, polluted, hasOwnProperty]`),
          "",
        ].join("\n"),
      ),
    });
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
    expect(typeof Object.prototype.constructor).toBe("function");
    const svc = m.services[0]!;
    const sorted = [...hostile].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(svc.types.map((t) => t.name)).toEqual(sorted);
    expect(svc.actions.map((a) => a.name)).toEqual(sorted);
    for (const t of svc.types) {
      expect(t.fields.map((f) => [f.name, f.type])).toEqual([
        ["__proto__", prim("string")],
        ["polluted", { kind: "list", items: { kind: "ref", name: t.name } }],
        ["constructor", prim("int64")],
      ]);
    }
    const proto = svc.actions.find((a) => a.name === "__proto__")!;
    expect(proto.response.map((f) => [f.name, f.type])).toEqual([
      ["__proto__", { kind: "ref", name: "__proto__" }],
      ["constructor", prim("string")],
    ]);
    expect(proto.errors.map((c) => c.code)).toEqual(["InternalError", "InvalidParameter", "constructor", "hasOwnProperty", "polluted", "toString"]);
    expect(m.commonErrors.map((c) => c.code)).toEqual(["InternalError", "InvalidParameter", "constructor", "toString"]);
  });

  test("an unknown reference to an inherited name is still unknown", () => {
    const r = model;
    expect(() => r({ "p.yaml": PACKAGE, "a.yaml": service("types:\n  T:\n    fields: { A: constructor, B: toString }\n") })).toThrow(
      /unknown type "constructor"[\s\S]*unknown type "toString"/,
    );
  });
});

describe("loadModel(dir)", () => {
  test("reads *.yaml and *.yml recursively in sorted order, ignores other files", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tcgen-load-"));
    try {
      await mkdir(path.join(dir, "b", "deep"), { recursive: true });
      await writeFile(path.join(dir, "package.yaml"), PACKAGE);
      await writeFile(path.join(dir, "b", "deep", "x.yml"), service("types:\n  FromYml: {}\n"));
      await writeFile(path.join(dir, "b", "y.yaml"), service("types:\n  FromYaml: {}\n"));
      await writeFile(path.join(dir, "b", "README.md"), "not: [a spec");
      await writeFile(path.join(dir, "b", "broken.json"), "{");
      const r = await loadModel(dir);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const svc = r.model.services[0]!;
      expect(svc.types.map((t) => `${t.name}@${t.loc.file}`)).toEqual(["FromYaml@b/y.yaml", "FromYml@b/deep/x.yml"]);
      expect(svc.loc.file).toBe("b/deep/x.yml");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("a missing directory is a diagnostic", async () => {
    const r = await loadModel(path.join(tmpdir(), "tcgen-no-such-dir-4711"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toHaveLength(1);
    expect(formatDiagnostic(r.diagnostics[0]!)).toMatch(/tcgen-no-such-dir-4711: cannot read the specs directory: ENOENT/);
  });

  test("an empty directory is a diagnostic", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tcgen-empty-"));
    try {
      const r = await loadModel(dir);
      expect(r.ok ? [] : r.diagnostics.map(formatDiagnostic)).toEqual([".: no spec files (*.yaml, *.yml) found"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("enum openness and 64-bit integer modes", () => {
  const body = [
    "types:",
    "  T:",
    "    fields:",
    "      Closed: { type: string, enum: [B, A] }",
    "      Open: { type: \"string[]\", enum: [A], open: true }",
    "      N: int64",
    "      Exact: { type: uint64, int64: string }",
    "      Ids: { type: \"int64[]\", int64: number }",
    "",
  ].join("\n");
  const fieldsOf = (m: Model) => m.services[0]!.types[0]!.fields;

  test("an enum is closed unless it says open", () => {
    const [closed, open] = fieldsOf(model({ "p.yaml": PACKAGE, "a.yaml": service(body) }));
    expect(closed?.type).toEqual({ kind: "enum", values: ["A", "B"], open: false });
    expect(open?.type).toEqual({ kind: "list", items: { kind: "enum", values: ["A"], open: true } });
  });

  test("a field's int64 mode is its own, else the package's, else number", () => {
    const modes = (pkg: string) => Object.fromEntries(fieldsOf(model({ "p.yaml": pkg, "a.yaml": service(body) })).map((f) => [f.name, f.int64]));
    expect(modes(PACKAGE)).toEqual({ Closed: "number", Open: "number", N: "number", Exact: "string", Ids: "number" });
    const bigintPackage = PACKAGE.replace('  version: "0.1.0"\n', '  version: "0.1.0"\n  int64: bigint\n');
    expect(modes(bigintPackage)).toEqual({ Closed: "bigint", Open: "bigint", N: "bigint", Exact: "string", Ids: "number" });
  });
});
