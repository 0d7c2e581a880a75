/**
 * What the parsers need to know about a service's types beyond their fields: the text naming what a
 * failing value was expected to be, which types can reach themselves (depth guard), and which fields
 * reach an exact 64-bit integer (replies read with big literals exact). Used by emit/parsers-js.ts.
 */
import type { Field, NamedType, TypeRef } from "../model/types.js";

/** What a failing value of this type was expected to be, as MalformedReply.expected says it. */
export function expectedText(t: TypeRef): string {
  switch (t.kind) {
    case "list":
      return "an array";
    case "ref":
      return "an object";
    case "enum":
      return `one of ${t.values.map((v) => JSON.stringify(v)).join(" | ")}${t.open ? " (or another string)" : ""}`;
    case "primitive":
      switch (t.name) {
        case "string":
          return "string";
        case "int32":
          return "integer (int32)";
        case "int64":
          return "integer (int64)";
        case "uint64":
          return "integer (uint64, >= 0)";
        case "float":
          return "number (float)";
        case "boolean":
          return "boolean";
        case "date":
          return "date (YYYY-MM-DD)";
        case "datetime":
          return "datetime (YYYY-MM-DD hh:mm:ss)";
        case "datetime-iso":
          return "datetime (ISO 8601)";
        case "binary":
          return "base64 string";
        case "json":
          return "a JSON value";
      }
  }
}

function refsOf(t: TypeRef, out: Set<string>): void {
  if (t.kind === "ref") out.add(t.name);
  else if (t.kind === "list") refsOf(t.items, out);
}

/** Names of the types that can reach themselves (they need a depth guard). */
export function recursiveTypes(types: readonly NamedType[]): Set<string> {
  const edges = new Map<string, Set<string>>();
  for (const t of types) {
    const out = new Set<string>();
    for (const f of t.fields) refsOf(f.type, out);
    edges.set(t.name, out);
  }
  const result = new Set<string>();
  for (const t of types) {
    const seen = new Set<string>();
    const stack = [...(edges.get(t.name) ?? [])];
    while (stack.length > 0) {
      const n = stack.pop() as string;
      if (n === t.name) {
        result.add(t.name);
        break;
      }
      if (seen.has(n)) continue;
      seen.add(n);
      for (const e of edges.get(n) ?? []) stack.push(e);
    }
  }
  return result;
}

function isInt64(t: TypeRef): boolean {
  if (t.kind === "list") return isInt64(t.items);
  return t.kind === "primitive" && (t.name === "int64" || t.name === "uint64");
}

/**
 * Whether fields reach (through lists and refs) a 64-bit integer in bigint or string mode: their
 * replies are read with `readReply(…, true)` (big literals read exactly).
 */
export function wideFields(types: readonly NamedType[]): (fields: readonly Field[]) => boolean {
  const refOf = (t: TypeRef): string | undefined => (t.kind === "list" ? refOf(t.items) : t.kind === "ref" ? t.name : undefined);
  const wideTypes = new Set<string>();
  const direct = (fields: readonly Field[]): boolean =>
    fields.some((f) => {
      const name = refOf(f.type);
      return (f.int64 !== "number" && isInt64(f.type)) || (name !== undefined && wideTypes.has(name));
    });
  // a fixpoint: types reaching a wide field directly, then through refs (recursion included)
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of types) {
      if (!wideTypes.has(t.name) && direct(t.fields)) {
        wideTypes.add(t.name);
        grew = true;
      }
    }
  }
  return direct;
}

