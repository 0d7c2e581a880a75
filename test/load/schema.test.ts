/** schema/spec.schema.json: the file editors use is the file the loader validates with. */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { parse } from "yaml";
import { describe, expect, test } from "vitest";
import { specSchema } from "../../generator/load/schema.js";
import { closest, didYouMean, editDistance } from "../../generator/load/suggest.js";
import { PRIMITIVE_NAMES } from "../../generator/model/types.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const schemaPath = path.join(root, "schema/spec.schema.json");

function walk(node: unknown, visit: (n: Record<string, unknown>, where: string) => void, where = "#"): void {
  if (typeof node !== "object" || node === null) return;
  if (Array.isArray(node)) return;
  const n = node as Record<string, unknown>;
  visit(n, where);
  for (const [k, v] of Object.entries(n)) {
    if (k === "examples" || k === "default") continue;
    if (k === "properties" || k === "definitions") {
      for (const [pk, pv] of Object.entries(v as Record<string, unknown>)) walk(pv, visit, `${where}/${k}/${pk}`);
    } else walk(v, visit, `${where}/${k}`);
  }
}

describe("spec.schema.json", () => {
  const schema = JSON.parse(readFileSync(schemaPath, "utf8")) as Record<string, unknown>;

  test("is the schema the loader uses, and valid draft-07", () => {
    expect(specSchema()).toEqual(schema);
    expect(schema["$schema"]).toBe("http://json-schema.org/draft-07/schema#");
    const ajv = new Ajv({ strict: false });
    expect(ajv.validateSchema(schema)).toBe(true);
  });

  test("every object forbids unknown keys and every property has a description (editor help)", () => {
    const missing: string[] = [];
    walk(schema, (n, where) => {
      if (n["type"] === "object" && n["properties"] !== undefined && n["additionalProperties"] !== false) missing.push(`${where}: additionalProperties`);
      const props = n["properties"] as Record<string, Record<string, unknown>> | undefined;
      for (const [k, p] of Object.entries(props ?? {})) {
        if (p["description"] === undefined && p["$ref"] === undefined) missing.push(`${where}/properties/${k}: description`);
      }
    });
    expect(missing).toEqual([]);
  });

  test("retry values and primitives match the model", () => {
    const defs = schema["definitions"] as Record<string, Record<string, Record<string, Record<string, unknown>>>>;
    expect(defs["errorCode"]!["properties"]!["retry"]!["enum"]).toEqual(["throttling", "transient", "never"]);
    const description = defs["typeExpression"]!["description"] as unknown as string;
    for (const p of PRIMITIVE_NAMES) expect(description).toContain(p);
  });

  test("the root schema accepts the fixtures (as an editor would check them)", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const dir = path.join(root, "test/fixtures/specs");
    const files: string[] = [];
    for (const c of ["flat-envelope", "tencent-mini"]) {
      for (const f of readdirSync(path.join(dir, c), { recursive: true, encoding: "utf8" })) if (f.endsWith(".yaml")) files.push(path.join(dir, c, f));
    }
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      const ok = validate(parse(text));
      expect(ok ? [] : validate.errors, f).toEqual([]);
      const ref = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text)?.[1];
      expect(ref && path.resolve(path.dirname(f), ref), f).toBe(schemaPath);
    }
    expect(validate({ specVersion: 1, service: { name: "cvm", version: "2017-03-12" }, envelope: {} })).toBe(false);
  });

  test("the root schema takes overlay files: the docs' example, not a malformed one", () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const docs = readFileSync(path.join(root, "docs/spec-format.md"), "utf8");
    const example = /## 11\. Overlays[\s\S]*?```yaml\n([\s\S]*?)```/.exec(docs)?.[1];
    expect(validate(parse(example ?? ""))).toBe(true);
    const overlay = { specVersion: 1, overlay: { service: "cvm", version: "2017-03-12" } };
    expect(validate({ ...overlay, types: { T: { fields: { F: { optinal: true } } } } })).toBe(false);
    expect(validate({ ...overlay, actions: { A: { errors: { add: ["$x"] } } } })).toBe(false);
    expect(validate({ ...overlay, service: { name: "cvm", version: "2017-03-12" } })).toBe(false);
  });
});

describe("did-you-mean", () => {
  test.each([
    ["optinal", ["optional", "nullable"], "optional"],
    ["feilds", ["fields", "description"], "fields"],
    ["Optional", ["optional"], "optional"],
    ["tpye", ["type", "enum"], "type"],
    ["xyz", ["type", "enum"], undefined],
    ["descripton", ["deprecated", "description"], "description"],
  ] as const)("%s → %s", (word, candidates, want) => {
    expect(closest(word, candidates)).toBe(want);
  });

  test("edit distance counts a swap of neighbours as one edit", () => {
    expect(editDistance("abcd", "abdc")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });

  test("message form", () => {
    expect(didYouMean("hots", ["host"])).toBe(' (did you mean "host"?)');
    expect(didYouMean("zzzz", ["host"])).toBe("");
  });
});
