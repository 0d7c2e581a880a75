/**
 * The parsers emitter (generator/emit/parsers.ts): exact output for a small service, the shape of
 * what varies (envelopes, names, recursion, module depth), and the declarations checked by tsc.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { transformSync } from "esbuild";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { emitParsersDts } from "../../generator/emit/parsers-dts.js";
import { emitParsersJs } from "../../generator/emit/parsers-js.js";
import { serviceModuleDir, serviceNames } from "../../generator/emit/names.js";
import type { Model } from "../../generator/model/types.js";
import { buildTestModel, code, enumOf, field, FLAT_ENVELOPE, list, namedType, prim, ref } from "../helpers/model.js";
import { repoRoot } from "../runtime/package.js";

function emit(model: Model, index = 0) {
  const s = model.services[index];
  if (!s) throw new Error("no service");
  const dir = serviceModuleDir(s, model);
  return { js: emitParsersJs(s, model, serviceNames(s), dir), dts: emitParsersDts(s, serviceNames(s), dir, model.envelope) };
}

const small = () =>
  buildTestModel({
    services: [
      {
        name: "cvm",
        errors: [code("InvalidInstanceId.NotFound")],
        types: [namedType("InstanceStatus", [field("InstanceId", prim("string")), field("InstanceState", enumOf("RUNNING", "STOPPED"))])],
        actions: [
          {
            name: "DescribeInstancesStatus",
            response: [field("TotalCount", prim("int64")), field("InstanceStatusSet", list(ref("InstanceStatus")))],
            errors: ["InvalidInstanceId.NotFound"],
          },
        ],
      },
    ],
  });

describe("emitParsers", () => {
  it("emits exactly this for a small service", async () => {
    const out = emit(small());
    await expect(out.js).toMatchFileSnapshot("./snapshots/parsers.small.js");
    await expect(out.dts).toMatchFileSnapshot("./snapshots/parsers.small.d.ts");
  });

  it("is deterministic", () => {
    expect(emit(small())).toEqual(emit(small()));
  });

  it("emits valid JavaScript for every kind of field and hazardous names", () => {
    const model = buildTestModel({
      services: [
        {
          name: "odd",
          types: [
            namedType("__proto__", [field("__proto__", prim("string")), field("a-b", enumOf("x", "__proto__"), { optional: true })]),
            namedType("Node", [field("Next", ref("Node"), { optional: true, nullable: true }), field("Kids", list(list(ref("Node"))))]),
            namedType("Image", [field("constructor", prim("date")), field("toString", list(prim("binary")), { optional: true })]),
          ],
          actions: [
            {
              name: "Odd",
              response: [
                field("P", ref("__proto__")),
                field("N", ref("Node"), { nullable: true }),
                field("I", list(ref("Image")), { optional: true }),
                field("E1", enumOf("x", "__proto__")),
                field("E2", list(enumOf("x", "__proto__"))),
                field("J", prim("json")),
                field("F", prim("float")),
                field("U", prim("uint64")),
                field("I32", prim("int32")),
                field("T", prim("datetime-iso")),
                field("D", prim("datetime")),
                field("\u2028*/", prim("boolean"), { optional: true }),
              ],
            },
          ],
        },
      ],
    });
    const { js } = emit(model);
    expect(() => transformSync(js, { format: "esm", loader: "js" })).not.toThrow();
    // one enum table for the same values, keyed safely
    expect(js.match(/const e\$\d+ = /g)).toHaveLength(1);
    expect(js).toContain('const e$0 = /* @__PURE__ */ Object.freeze({ __proto__: null, ["__proto__"]: true, ["x"]: true });');
    const expected = (text: string) => js.match(new RegExp(`const (x\\$\\d+) = ${JSON.stringify(text).replace(/[()|]/g, "\\$&")};`))?.[1];
    // spec names cannot break out of generated identifiers
    expect(js).toContain("function v$__proto__(x, c)");
    // own keys: keys Object.prototype has are always read with ownValue (runtime/check.ts), others
    // read plainly and again with ownValue when h says so or Object.prototype has the key
    expect(js).toContain('v = ownValue(x, "__proto__");\n    if (v === undefined) {');
    expect(js).toContain('v = ownValue(x, "constructor");\n    if (v === undefined) {');
    expect(js).toContain('v = x.Kids;\n    if (h || "Kids" in OBJECT_PROTOTYPE) v = ownValue(x, "Kids");\n    if (v === undefined) {');
    expect(js).toContain('v = ownValue(x, "toString");\n    if (v !== undefined) {');
    expect(js).not.toContain("for (const _ in x)");
    // only the recursive type gets a depth guard, and leaves its level on the way out
    expect(js.match(/MAX_DEPTH\) \{\n {4}tooDeep\(c, x\);\n {4}c\.depth--;\n {4}return;\n {2}\}/g)).toHaveLength(1);
    expect(js).toMatch(/function v\$Node\(x, c\) \{\n {2}if \(\+\+c\.depth > MAX_DEPTH\)/);
    expect(js).toMatch(/if \(n !== objectKeys\(x\)\.length\) extra\(c, x, k\$Node\);\n {2}c\.depth--;\n\}/);
    // a list element: the caller checks it is an object, a problem moves on to the next element
    const anObject = expected("an object");
    expect(js).toContain(
      `if (typeof e1 !== "object" || e1 === null || isArray(e1)) {\n${" ".repeat(10)}bad(c, ${anObject}, e1, e0, i1);\n${" ".repeat(10)}continue;`,
    );
    expect(js).toContain("v$Node(e1, c);");
    // formats are drift, never a failure
    expect(js).toContain(`if (!isDateTime(v)) drift(c, "format", ${expected("datetime (YYYY-MM-DD hh:mm:ss)")}, v, x, "D");`);
  });

  it("imports from the package root at the module's depth", () => {
    const model = buildTestModel({
      services: [
        { name: "tke", version: "2018-05-25", actions: [{ name: "A" }] },
        { name: "tke", version: "2022-05-01", actions: [{ name: "A" }] },
      ],
    });
    const out = emit(model, 1);
    expect(out.js).toContain('import { readReply } from "../../runtime/envelope.js";');
    expect(out.js).toContain('import { commonCodes } from "../../common.js";');
    expect(out.js).toContain('import { c$A } from "./codes.js";');
    expect(out.dts).toContain('import type { ParseResult } from "../../runtime/index.js";');
  });

  it("emits the envelope constant from the model, and counts envelope keys that sit beside the fields", () => {
    const flat = buildTestModel({ envelope: FLAT_ENVELOPE, services: [{ name: "shop", actions: [{ name: "Get", response: [field("X", prim("string"))] }] }] });
    const { js } = emit(flat);
    expect(js).toContain(
      [
        "const ENVELOPE = Object.freeze({",
        "  wrapper: null,",
        '  requestId: "RequestId",',
        "  errorKey: null,",
        '  codeKey: "Code",',
        '  messageKey: "Message",',
        '  successCodes: /* @__PURE__ */ Object.freeze(["Success"]),',
        '  dataKey: "Data",',
        "});",
      ].join("\n"),
    );
    expect(js).toContain('const kr$Get = /* @__PURE__ */ Object.freeze(["X"]);');
    const flatInline = buildTestModel({
      envelope: { ...FLAT_ENVELOPE, dataKey: null },
      services: [{ name: "shop", actions: [{ name: "Get", response: [field("X", prim("string"))] }] }],
    });
    const inline = emit(flatInline).js;
    expect(inline).toContain('const kr$Get = /* @__PURE__ */ Object.freeze(["RequestId", "Code", "Message", "X"]);');
    expect(inline).toContain("let n = 2;\n  let v;");
    expect(inline).toContain('if (hasOwn(x, "Message")) n++;');
  });

  it("declares parse functions that type-check against the response and code types", () => {
    const dir = mkdtempSync(join(tmpdir(), "tcgen-parsers-dts-"));
    try {
      cpSync(join(repoRoot, "dist", "runtime"), join(dir, "runtime"), { recursive: true });
      writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
      const out = emit(small());
      mkdirSync(join(dir, "cvm"));
      writeFileSync(join(dir, "cvm", "parsers.d.ts"), out.dts);
      writeFileSync(
        join(dir, "cvm", "types.d.ts"),
        "export interface InstanceStatus { InstanceId: string; InstanceState: \"RUNNING\" | \"STOPPED\" }\n" +
          "export interface DescribeInstancesStatusResponse { TotalCount: number; InstanceStatusSet: InstanceStatus[]; RequestId: string }\n",
      );
      writeFileSync(join(dir, "cvm", "errors.d.ts"), 'export type DescribeInstancesStatusCode = "InternalError" | "InvalidInstanceId.NotFound";\n');
      writeFileSync(
        join(dir, "use.ts"),
        [
          'import { parseDescribeInstancesStatus } from "./cvm/parsers.js";',
          'const r = parseDescribeInstancesStatus("{}");',
          "if (r.ok) {",
          "  const n: number = r.data.TotalCount;",
          "  const s: string = r.data.InstanceStatusSet[0]?.InstanceState ?? \"RUNNING\";",
          "  const u: readonly string[] = r.unknownFields;",
          "  void n, s, u;",
          "} else if (r.error.kind === \"api-error\") {",
          "  if (r.error.code === \"InvalidInstanceId.NotFound\") {",
          "    const f: \"InvalidInstanceId\" = r.error.family;",
          "    void f;",
          "  } else if (r.error.code === \"$unknown\") {",
          "    const raw: string = r.error.rawCode;",
          "    void raw;",
          "  }",
          "  // @ts-expect-error not a code of this action",
          "  if (r.error.code === \"InvalidFilter\") void 0;",
          "} else {",
          "  const p: string = r.error.path;",
          "  const id: string | undefined = r.error.requestId;",
          "  void p, id;",
          "}",
          "// @ts-expect-error input is required",
          "parseDescribeInstancesStatus();",
          "",
        ].join("\n"),
      );
      // in-process compile (a tsc child process costs seconds of start-up)
      const program = ts.createProgram([join(dir, "use.ts")], {
        strict: true,
        noEmit: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        lib: ["lib.es2022.d.ts"],
        types: [],
        skipLibCheck: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
      });
      const output = ts
        .getPreEmitDiagnostics(program)
        .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`)
        .join("\n");
      expect(output).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
