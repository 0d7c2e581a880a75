/**
 * The mapping rules from api.json members to spec fields.
 *
 * Type expressions (api.json `type` + `member` → spec):
 *   string+string → string      string+datetime → datetime   string+datetime_iso → datetime-iso
 *   string+date → date          string+binary / binary+* → binary
 *   int+int64 → int64           int+uint64 → uint64          int+int32 → int32
 *   float+float|double → float  bool+bool|boolean → boolean
 *   list+<scalar or object> → <that>[]                       object+<Name> → <Name>
 *
 * Optionality (a field's `optional`/`nullable`/`deprecated`):
 *   request side:  optional unless `required: true`
 *   response side: required only when `output_required: true` and not `disabled` (absent → optional)
 *   both sides:    optional when optional on either side
 *   nullable exactly when `value_allowed_null: true`; deprecated exactly when `disabled: true`.
 *
 * Which side a data structure is on: the sides it is reachable from (action inputs → request side,
 * action outputs → response side), following member references. api.json's `usage` over-declares
 * `both` for some structs that only one side reaches; reachability is exact. A struct no action
 * reaches keeps its declared `usage` (absent → both).
 */
import { lookupTable } from "../json-source.js";
import type { ApiDefinition, ApiMember, Usage } from "./api-json.js";

export type Side = Usage;

// Null-prototype tables: they are indexed by api.json's `type`/`member` strings.
const SCALARS: Readonly<Record<string, Readonly<Record<string, string>>>> = lookupTable({
  string: lookupTable({ string: "string", datetime: "datetime", datetime_iso: "datetime-iso", date: "date", binary: "binary" }),
  int: lookupTable({ int64: "int64", uint64: "uint64", int32: "int32" }),
  float: lookupTable({ float: "float", double: "float" }),
  bool: lookupTable({ bool: "boolean", boolean: "boolean" }),
});

/** List element scalars (the `member` of a `list`). */
const LIST_SCALARS: Readonly<Record<string, string>> = lookupTable({
  string: "string",
  int64: "int64",
  uint64: "uint64",
  int32: "int32",
  float: "float",
  double: "float",
  bool: "boolean",
  boolean: "boolean",
  datetime: "datetime",
  datetime_iso: "datetime-iso",
  date: "date",
  binary: "binary",
});

export type TypeExpr =
  | { readonly ok: true; readonly expr: string; readonly ref: string | undefined }
  | { readonly ok: false; readonly path: string; readonly message: string };

/** The spec type expression of a member; `ref` is the object it names, if any. */
export function typeExpression(m: ApiMember, objects: ApiDefinition["objects"]): TypeExpr {
  if (m.type === "binary") return { ok: true, expr: "binary", ref: undefined };
  const scalars = SCALARS[m.type];
  if (scalars !== undefined) {
    const expr = scalars[m.member];
    if (expr !== undefined) return { ok: true, expr, ref: undefined };
    return { ok: false, path: `${m.path}.member`, message: `unknown ${m.type} kind "${m.member}" (expected one of ${Object.keys(scalars).join(", ")})` };
  }
  if (m.type === "list") {
    const scalar = LIST_SCALARS[m.member];
    if (scalar !== undefined) return { ok: true, expr: `${scalar}[]`, ref: undefined };
    if (objects.has(m.member)) return { ok: true, expr: `${m.member}[]`, ref: m.member };
    return { ok: false, path: `${m.path}.member`, message: `list of "${m.member}": no such object in $.objects and not a scalar type` };
  }
  if (m.type === "object") {
    if (objects.has(m.member)) return { ok: true, expr: m.member, ref: m.member };
    return { ok: false, path: `${m.path}.member`, message: `refers to object "${m.member}", which is not in $.objects` };
  }
  return { ok: false, path: `${m.path}.type`, message: `unknown member type "${m.type}" (expected string, int, float, bool, binary, list or object)` };
}

export interface FieldFlags {
  readonly optional: boolean;
  readonly nullable: boolean;
  readonly deprecated: boolean;
}

export function fieldFlags(m: ApiMember, side: Side): FieldFlags {
  const requestOptional = m.required !== true;
  const responseOptional = !(m.outputRequired === true && !m.disabled);
  const optional = side === "in" ? requestOptional : side === "out" ? responseOptional : requestOptional || responseOptional;
  return { optional, nullable: m.nullable, deprecated: m.disabled };
}

/**
 * Side of every object reachable from the actions, by following member references from each
 * action's input (request side) and output (response side).
 */
export function reachableSides(api: ApiDefinition, refsOf: (object: string) => readonly string[]): Map<string, Side> {
  const fromIn = new Set<string>();
  const fromOut = new Set<string>();
  const walk = (start: string, seen: Set<string>): void => {
    const stack = [...refsOf(start)];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      if (seen.has(next)) continue;
      seen.add(next);
      for (const r of refsOf(next)) stack.push(r);
    }
  };
  for (const action of api.actions) {
    walk(action.input, fromIn);
    walk(action.output, fromOut);
  }
  const sides = new Map<string, Side>();
  for (const name of fromIn) sides.set(name, fromOut.has(name) ? "both" : "in");
  for (const name of fromOut) if (!fromIn.has(name)) sides.set(name, "out");
  return sides;
}
