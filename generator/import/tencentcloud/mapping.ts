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
 *   both sides:    see "Per-side types" below; a struct no action reaches: optional when optional on either side
 *   nullable exactly when `value_allowed_null: true`; deprecated exactly when `disabled: true`.
 *
 * Per-side types: a struct reached from both an action's input and an action's output becomes two
 * types when the two sides disagree about some member's optionality (or it refers to a struct that is
 * split): the response side keeps the api.json name and `output_required`; the request side is named
 * `<Name>Input` (or `<Name>Input2`, `<Name>Input3`, … when a name is taken, ignoring case, by an object
 * of the definition or an earlier input name; structs taken in code-unit order) and keeps `required`.
 * Request-side fields (action inputs and request-side types) refer to the input names. A struct whose
 * sides agree stays one type.
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

/** The flags of a member on each side differ (only optionality can: nullable and deprecated are per member). */
function sidesDiffer(m: ApiMember): boolean {
  return fieldFlags(m, "in").optional !== fieldFlags(m, "out").optional;
}

/**
 * The structs reached from both sides that become two types, each mapped to its request-side name
 * (see "Per-side types"). A struct splits when one of its members' sides differ, or when it refers to
 * a struct that splits (its request-side copy must refer to the request-side type).
 */
export function splitStructs(api: ApiDefinition, sides: ReadonlyMap<string, Side>, refsOf: (object: string) => readonly string[]): Map<string, string> {
  const split = new Set<string>();
  for (const [name, side] of sides) {
    if (side === "both" && (api.objects.get(name)?.members ?? []).some(sidesDiffer)) split.add(name);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, side] of sides) {
      if (side !== "both" || split.has(name)) continue;
      if (refsOf(name).some((r) => split.has(r))) {
        split.add(name);
        changed = true;
      }
    }
  }
  const taken = new Set([...api.objects.keys()].map((n) => n.toLowerCase()));
  const names = new Map<string, string>();
  for (const name of [...split].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    let candidate = `${name}Input`;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name}Input${n}`;
    taken.add(candidate.toLowerCase());
    names.set(name, candidate);
  }
  return names;
}
