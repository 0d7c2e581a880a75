/**
 * ajv errors → diagnostics with stable English messages, located at the offending key or value.
 * Noise is cut: `if`/`propertyNames` wrappers are dropped, and where a value has the wrong JSON
 * type only that error is kept for its location.
 */
import type { ErrorObject } from "ajv";
import type { Diagnostic } from "../diagnostics.js";
import type { Anchor, DocPath, PathSegment, SpecDocument } from "./document.js";
import { CODE_RULE } from "../model/codes.js";
import { didYouMean } from "./suggest.js";

/** "a string", "an integer", "a list", "a mapping", "null", … */
export function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  switch (typeof v) {
    case "string":
      return "a string";
    case "number":
      return Number.isInteger(v) ? "an integer" : "a number";
    case "boolean":
      return "a boolean";
    case "object":
      return "a mapping";
    default:
      return typeof v;
  }
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: "a string",
  boolean: "a boolean",
  object: "a mapping",
  array: "a list",
  null: "null",
  integer: "an integer",
  number: "a number",
};

export const TYPE_EXPRESSION_RULE = 'expected a primitive or a type name, followed by any number of "[]"';

const NAME_RULE = "must start with a letter or _ and hold only letters, digits and _";
const HOST_RULE = "must be dot-separated labels of letters, digits and -";

/** What a pattern-checked string is, by its last path segments. */
function patternMessage(path: DocPath, value: string): string {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  const q = JSON.stringify(value);
  if (parent === "successCodes" || parent === "errors" || parent === "commonErrors") return `invalid error code ${q}: ${CODE_RULE}`;
  if ((parent === "add" || parent === "remove") && path[path.length - 3] === "errors") return `invalid error code ${q}: ${CODE_RULE}`;
  if (parent === "types") return `invalid type name ${q}: ${NAME_RULE}`;
  if (parent === "actions") return `invalid action name ${q}: ${NAME_RULE}`;
  if (parent === "overlay" && last === "service") return `invalid service name ${q}: must be lowercase letters and digits, starting with a letter`;
  if (parent === "overlay" && last === "version") return `invalid service version ${q}: must be a date like "2017-03-12"`;
  if (parent === "service" && last === "name") return `invalid service name ${q}: must be lowercase letters and digits, starting with a letter`;
  if (parent === "service" && last === "version") return `invalid service version ${q}: must be a date like "2017-03-12"`;
  if (parent === "service" && last === "host") return `invalid host ${q}: ${HOST_RULE}`;
  if (parent === "envelope" && last === "hostSuffix") return `invalid host suffix ${q}: ${HOST_RULE}`;
  if (parent === "package" && last === "name") return `invalid package name ${q}: must be an npm package name such as "@scope/name"`;
  if (parent === "package" && last === "version") return `invalid package version ${q}: must be a semver version such as "1.2.3"`;
  return `invalid type expression ${q}: ${TYPE_EXPRESSION_RULE}`;
}

function segments(doc: SpecDocument, pointer: string): PathSegment[] {
  if (pointer === "") return [];
  const out: PathSegment[] = [];
  let data: unknown = doc.data;
  for (const raw of pointer.slice(1).split("/")) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(data)) {
      const i = Number(seg);
      out.push(i);
      data = data[i];
    } else {
      out.push(seg);
      data = typeof data === "object" && data !== null && Object.prototype.hasOwnProperty.call(data, seg) ? (data as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

interface Mapped {
  readonly path: PathSegment[];
  readonly at: Anchor;
  readonly message: string;
}

function mapError(doc: SpecDocument, e: ErrorObject): Mapped | undefined {
  const path = segments(doc, e.instancePath);
  const params = e.params as Record<string, unknown>;
  if (e.propertyName !== undefined) {
    const keyPath = [...path, e.propertyName];
    if (e.keyword === "minLength") return { path: keyPath, at: "key", message: "a field name must not be empty" };
    if (e.keyword === "pattern") return { path: keyPath, at: "key", message: patternMessage(keyPath, e.propertyName) };
    return { path: keyPath, at: "key", message: `invalid key ${JSON.stringify(e.propertyName)}: ${e.message ?? "invalid"}` };
  }
  switch (e.keyword) {
    case "if":
    case "propertyNames":
      return undefined;
    case "type": {
      const types = Array.isArray(params["type"]) ? (params["type"] as string[]) : [String(params["type"])];
      const expected = types.map((t) => TYPE_WORDS[t] ?? t).join(" or ");
      return { path, at: "value", message: `expected ${expected}, found ${describeValue(e.data)}` };
    }
    case "additionalProperties": {
      const key = String(params["additionalProperty"]);
      const props = (e.parentSchema?.["properties"] ?? {}) as Record<string, unknown>;
      const present = (e.data ?? {}) as Record<string, unknown>;
      const candidates = Object.keys(props).filter((k) => !Object.prototype.hasOwnProperty.call(present, k));
      return { path: [...path, key], at: "key", message: `unknown key ${JSON.stringify(key)}${didYouMean(key, candidates)}` };
    }
    case "required":
      return { path, at: path.length === 0 ? "value" : "key", message: `missing required key ${JSON.stringify(params["missingProperty"])}` };
    case "pattern":
      return { path, at: "value", message: patternMessage(path, String(e.data)) };
    case "enum": {
      const allowed = (params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v));
      const list = allowed.length > 1 ? `${allowed.slice(0, -1).join(", ")} or ${allowed[allowed.length - 1]}` : (allowed[0] ?? "");
      const hint = typeof e.data === "string" ? didYouMean(e.data, (params["allowedValues"] as unknown[]).map(String)) : "";
      return { path, at: "value", message: `expected one of ${list}, found ${JSON.stringify(e.data)}${hint}` };
    }
    case "const":
      if (path.length === 1 && path[0] === "specVersion") {
        return { path, at: "value", message: `unsupported specVersion ${JSON.stringify(e.data)}: this tcgen reads specVersion 1` };
      }
      return { path, at: "value", message: `expected ${JSON.stringify(params["allowedValue"])}, found ${JSON.stringify(e.data)}` };
    case "minLength":
      return { path, at: "value", message: "expected a non-empty string" };
    case "minItems":
      return { path, at: "value", message: "expected a non-empty list" };
    default:
      return { path, at: "value", message: e.message ?? `fails the ${e.keyword} rule` };
  }
}

export function ajvDiagnostics(doc: SpecDocument, errors: readonly ErrorObject[]): Diagnostic[] {
  // Where a value has the wrong JSON type, keep that one error (the outermost schema's) for the location.
  const typed = new Map<string, ErrorObject>();
  for (const e of errors) {
    if (e.keyword !== "type") continue;
    const seen = typed.get(e.instancePath);
    if (!seen || e.schemaPath.length < seen.schemaPath.length) typed.set(e.instancePath, e);
  }
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const t = typed.get(e.instancePath);
    if (t && t !== e && e.propertyName === undefined) continue;
    const m = mapError(doc, e);
    if (!m) continue;
    const d = doc.diagnostic(m.path, m.message, m.at);
    const id = `${d.line}:${d.col}:${d.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(d);
  }
  return out;
}
