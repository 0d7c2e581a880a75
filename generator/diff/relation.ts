/**
 * How a field's type changed, as sets of JSON values: `narrowed` (every new value was valid before),
 * `widened` (every old value is still valid), `changed` (neither), enum values added/removed, or only
 * a reference to the type that stands where the old one stood on that side (renamed, or split/merged by
 * per-side import: see counterparts.ts). Evaluators turn the relation into a graded change per side.
 */
import type { PrimitiveName, TypeRef } from "../model/types.js";
import { isOpenEnum } from "./access.js";

export type Relation =
  | { readonly kind: "same" }
  | { readonly kind: "narrowed" | "widened" | "changed" }
  /** Both sides are enums (possibly inside lists) that differ in their values or openness; `open`: the new enum is open. */
  | { readonly kind: "enum"; readonly added: readonly string[]; readonly removed: readonly string[]; readonly open: boolean }
  /** Only a reference changed, to the old type's counterpart on this side (the names' change is reported on the type). */
  | { readonly kind: "renamed-ref" };

/** Value-set inclusion of primitives: `sub ⊆ sup`. Integers are numbers, string formats are strings, all is JSON. */
const SUBSETS: Readonly<Record<PrimitiveName, readonly PrimitiveName[]>> = {
  string: ["json"],
  int32: ["int64", "float", "json"],
  int64: ["float", "json"],
  uint64: ["float", "json"],
  float: ["json"],
  boolean: ["json"],
  date: ["string", "json"],
  datetime: ["string", "json"],
  "datetime-iso": ["string", "json"],
  binary: ["string", "json"],
  json: [],
};

/** The value set of `a` is inside that of `b` (a ⊆ b), for types whose inclusion is decidable here. */
export function within(a: TypeRef, b: TypeRef): boolean {
  if (b.kind === "primitive" && b.name === "json") return true;
  if (a.kind === "primitive" && b.kind === "primitive") return a.name === b.name || SUBSETS[a.name].includes(b.name);
  if (a.kind === "enum" && b.kind === "primitive") return b.name === "string";
  if (a.kind === "enum" && b.kind === "enum") return isOpenEnum(b) || a.values.every((v) => b.values.includes(v));
  if (a.kind === "list" && b.kind === "list") return within(a.items, b.items);
  return false;
}

/** Enums at the same list depth on both sides. */
function enumPair(a: TypeRef, b: TypeRef): { a: TypeRef & { kind: "enum" }; b: TypeRef & { kind: "enum" } } | undefined {
  if (a.kind === "enum" && b.kind === "enum") return { a, b };
  if (a.kind === "list" && b.kind === "list") return enumPair(a.items, b.items);
  return undefined;
}

/** `next` stands where `prev` stood (counterparts.ts): a reference to it is no change of the field. */
export type Corresponds = (prev: string, next: string) => boolean;

function sameShape(a: TypeRef, b: TypeRef, corresponds: Corresponds): "same" | "renamed-ref" | "different" {
  if (a.kind === "list" && b.kind === "list") return sameShape(a.items, b.items, corresponds);
  if (a.kind === "ref" && b.kind === "ref") {
    if (a.name === b.name) return "same";
    return corresponds(a.name, b.name) ? "renamed-ref" : "different";
  }
  if (a.kind === "primitive" && b.kind === "primitive") return a.name === b.name ? "same" : "different";
  if (a.kind === "enum" && b.kind === "enum") {
    const same = a.values.length === b.values.length && a.values.every((v, i) => v === b.values[i]) && isOpenEnum(a) === isOpenEnum(b);
    return same ? "same" : "different";
  }
  return "different";
}

/** How `next` relates to `prev` on one side; `corresponds` tells which renamed references are the same type there. */
export function relation(prev: TypeRef, next: TypeRef, corresponds: Corresponds): Relation {
  const shape = sameShape(prev, next, corresponds);
  if (shape === "same") return { kind: "same" };
  if (shape === "renamed-ref") return { kind: "renamed-ref" };
  const enums = enumPair(prev, next);
  if (enums) {
    const added = enums.b.values.filter((v) => !enums.a.values.includes(v));
    const removed = enums.a.values.filter((v) => !enums.b.values.includes(v));
    return { kind: "enum", added, removed, open: isOpenEnum(enums.b) };
  }
  const narrowed = within(next, prev);
  const widened = within(prev, next);
  return { kind: narrowed ? "narrowed" : widened ? "widened" : "changed" };
}

/** `int64[]`, `"A" | "B"`, `Instance`: a type as the spec would write it (enum values listed). */
export function describeType(type: TypeRef): string {
  switch (type.kind) {
    case "primitive":
      return type.name;
    case "ref":
      return type.name;
    case "list": {
      const inner = describeType(type.items);
      return type.items.kind === "enum" ? `(${inner})[]` : `${inner}[]`;
    }
    case "enum": {
      const shown = type.values.length > 6 ? [...type.values.slice(0, 5).map((v) => JSON.stringify(v)), "…"] : type.values.map((v) => JSON.stringify(v));
      return `enum ${shown.join(" | ")}${isOpenEnum(type) ? " (open)" : ""}`;
    }
  }
}
