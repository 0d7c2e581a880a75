/**
 * Stand-ins for the modules the client imports but other emitters own (`common`, `<svc>/errors`,
 * `<svc>/types`, `<svc>/parsers`), following their contract, for a Tencent-style envelope
 * (`{"Response": {...}}`). Small on purpose: they check only top-level primitive fields.
 * Each is used while the real emitter is a stub (or always with TCGEN_CLIENT_STANDINS=1); they are
 * interchangeable with the real ones: `actionCodes` (errors.js) maps an action to a null-prototype
 * table of its own codes, as the real parsers expect.
 */
import type { Field, Model, Service, TypeRef } from "../../../generator/model/types.js";
import { GENERATED_HEADER, type ModulePair } from "../../../generator/emit/output.js";
import { propertyKey, serviceNames, stringLiteral } from "../../../generator/emit/names.js";

const nullProto = (entries: [string, string][]) =>
  `Object.freeze(Object.assign(Object.create(null), {${entries.map(([k, v]) => `[${stringLiteral(k)}]: ${stringLiteral(v)}`).join(", ")}}))`;

export function standInCommon(model: Model): ModulePair {
  const codes = model.commonErrors.map((c) => c.code);
  return {
    js: `${GENERATED_HEADER}export const commonCodes = ${nullProto(model.commonErrors.map((c) => [c.code, c.retry]))};\n`,
    dts:
      `${GENERATED_HEADER}export type CommonCode = ${codes.length ? codes.map(stringLiteral).join(" | ") : "never"};\n` +
      `export declare const commonCodes: { readonly [code: string]: "throttling" | "transient" | "never" };\n`,
  };
}

export function standInErrors(service: Service): ModulePair {
  const n = serviceNames(service);
  const js = [
    `export const serviceCodes = ${nullProto(service.errors.map((c) => [c.code, c.retry]))};`,
    `export const actionCodes = Object.freeze({${service.actions
      .map((a) => `[${stringLiteral(a.name)}]: ${nullProto(a.ownErrors.map((c) => [c, "own"]))}`)
      .join(", ")}});`,
  ];
  const dts = [
    `export declare const serviceCodes: { readonly [code: string]: "throttling" | "transient" | "never" };`,
    ...service.actions.map(
      (a) => `export type ${n.codeName(a.name)} = ${a.errors.length ? a.errors.map((e) => stringLiteral(e.code)).join(" | ") : "never"};`,
    ),
  ];
  return { js: GENERATED_HEADER + js.join("\n") + "\n", dts: GENERATED_HEADER + dts.join("\n") + "\n" };
}

function tsType(t: TypeRef, service: Service): string {
  switch (t.kind) {
    case "primitive":
      return t.name === "boolean" ? "boolean" : t.name === "json" ? "unknown" : /int|float/.test(t.name) ? "number" : "string";
    case "enum":
      return t.values.map(stringLiteral).join(" | ");
    case "list":
      return `Array<${tsType(t.items, service)}>`;
    case "ref":
      return serviceNames(service).typeName(t.name);
  }
}

function members(fields: readonly Field[], service: Service): string {
  return fields
    .map((f) => `  ${propertyKey(f.name)}${f.optional ? "?" : ""}: ${tsType(f.type, service)}${f.nullable ? " | null" : ""};`)
    .join("\n");
}

export function standInTypes(service: Service): string {
  const n = serviceNames(service);
  const out: string[] = [];
  for (const t of service.types) out.push(`export interface ${n.typeName(t.name)} {\n${members(t.fields, service)}\n}`);
  for (const a of service.actions) {
    out.push(`export interface ${n.requestName(a.name)} {\n${members(a.request, service)}\n}`);
    out.push(`export interface ${n.responseName(a.name)} {\n${members(a.response, service)}\n}`);
  }
  return GENERATED_HEADER + (out.length ? out.join("\n") : "export {};") + "\n";
}

/** Top-level check only: JS `typeof` expected per field (undefined for anything not primitive). */
function jsKind(t: TypeRef): string | undefined {
  if (t.kind === "enum") return "string";
  if (t.kind !== "primitive" || t.name === "json") return undefined;
  return t.name === "boolean" ? "boolean" : /int|float/.test(t.name) ? "number" : "string";
}

const PARSE_CORE = `
const own = (o, k) => (Object.hasOwn(o, k) ? Object.getOwnPropertyDescriptor(o, k).value : undefined);
const isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
const kindOf = (v) => (v === undefined ? "absent" : v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
function parseWith(input, codes, fields) {
  let v = input;
  if (typeof v === "string") {
    try { v = JSON.parse(v); } catch { return { ok: false, error: { kind: "malformed", path: "$", expected: "JSON text", found: "text", requestId: undefined } }; }
  }
  const m = (path, expected, found, requestId) => ({ ok: false, error: { kind: "malformed", path, expected, found, requestId } });
  if (!isObj(v)) return m("$", "an object", kindOf(v), undefined);
  const r = own(v, "Response");
  if (!isObj(r)) return m("$.Response", "an object", kindOf(r), undefined);
  const rid = own(r, "RequestId");
  if (typeof rid !== "string") return m("$.Response.RequestId", "string", kindOf(rid), undefined);
  const e = own(r, "Error");
  if (e !== undefined) {
    const code = isObj(e) ? own(e, "Code") : undefined;
    if (typeof code !== "string") return m("$.Response.Error.Code", "string", kindOf(code), rid);
    const msg = own(e, "Message");
    const known = Object.hasOwn(codes, code) || Object.hasOwn(commonCodes, code);
    const dot = code.indexOf(".");
    return { ok: false, error: { kind: "api-error", code: known ? code : "$unknown", rawCode: code, family: dot < 0 ? code : code.slice(0, dot), message: typeof msg === "string" ? msg : "", requestId: rid } };
  }
  const data = {};
  const unknownFields = [];
  for (const [k, val] of Object.entries(r)) {
    if (k === "RequestId") continue;
    const f = fields.find((x) => x[0] === k);
    if (!f) { unknownFields.push("$.Response." + k); continue; }
    Object.defineProperty(data, k, { value: val, enumerable: true, writable: true, configurable: true });
  }
  for (const [k, kind, optional, nullable] of fields) {
    const val = own(r, k);
    if (val === undefined) { if (!optional) return m("$.Response." + k, kind ?? "a value", "absent", rid); continue; }
    if (val === null) { if (!nullable) return m("$.Response." + k, kind ?? "a value", "null", rid); continue; }
    if (kind !== undefined && typeof val !== kind) return m("$.Response." + k, kind, kindOf(val), rid);
  }
  return { ok: true, data, requestId: rid, unknownFields };
}
`;

export function standInParsers(service: Service, root: string): ModulePair {
  const n = serviceNames(service);
  const js = [
    `import { commonCodes } from ${stringLiteral(`${root}common.js`)};`,
    `import { actionCodes } from "./errors.js";`,
    PARSE_CORE,
    ...service.actions.map((a) => {
      const fields = JSON.stringify(a.response.map((f) => [f.name, jsKind(f.type) ?? null, f.optional, f.nullable]));
      return `export function ${n.parserName(a.name)}(input) { return parseWith(input, actionCodes[${stringLiteral(a.name)}], ${fields}.map((f) => [f[0], f[1] ?? undefined, f[2], f[3]])); }`;
    }),
  ];
  const imports = service.actions.flatMap((a) => [n.responseName(a.name), n.codeName(a.name)]);
  const dts = [
    `import type { ParseResult } from ${stringLiteral(`${root}runtime/index.js`)};`,
    imports.length ? `import type { ${imports.filter((x) => !x.endsWith("Code")).join(", ")} } from "./types.js";` : "",
    imports.length ? `import type { ${imports.filter((x) => x.endsWith("Code")).join(", ")} } from "./errors.js";` : "",
    ...service.actions.map(
      (a) =>
        `export declare function ${n.parserName(a.name)}(input: unknown): ParseResult<${n.responseName(a.name)}, ${n.codeName(a.name)}>;`,
    ),
    service.actions.length ? "" : "export {};",
  ];
  return { js: GENERATED_HEADER + js.join("\n") + "\n", dts: GENERATED_HEADER + dts.join("\n") + "\n" };
}
