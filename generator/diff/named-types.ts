/**
 * Named-type evaluators: types added, removed and renamed (a removed and an added type with the same
 * fields), and the field changes of the types both sides have, once per side the type is used on.
 */
import { compareText } from "../diagnostics.js";
import type { Field, NamedType, Service, TypeRef } from "../model/types.js";
import { typeSides, typesByName } from "./access.js";
import type { ChangeTarget, Side } from "./change.js";
import { type Collector, inNew, inOld } from "./collect.js";
import { compareFields } from "./fields.js";

function typeSignature(type: TypeRef): string {
  switch (type.kind) {
    case "primitive":
      return type.name;
    case "ref":
      return `@${type.name}`;
    case "list":
      return `${typeSignature(type.items)}[]`;
    case "enum":
      return `enum(${JSON.stringify(type.values)})`;
  }
}

/** What must be equal for a removed and an added type to count as one renamed type. */
function shapeOf(t: NamedType): string {
  return JSON.stringify(t.fields.map((f: Field) => [f.name, typeSignature(f.type), f.optional, f.nullable]));
}

/** Old name → new name for every removed type with exactly one added type of the same shape (and vice versa). */
export function findRenames(prev: Service, next: Service): Map<string, string> {
  const before = typesByName(prev);
  const after = typesByName(next);
  const removed = prev.types.filter((t) => !after.has(t.name));
  const added = next.types.filter((t) => !before.has(t.name));
  const byShape = (list: readonly NamedType[]): Map<string, NamedType[]> => {
    const m = new Map<string, NamedType[]>();
    for (const t of list) {
      const key = shapeOf(t);
      m.set(key, [...(m.get(key) ?? []), t]);
    }
    return m;
  };
  const addedByShape = byShape(added);
  const removedByShape = byShape(removed);
  const renames = new Map<string, string>();
  for (const [shape, olds] of removedByShape) {
    const news = addedByShape.get(shape);
    if (olds.length === 1 && news?.length === 1 && olds[0] !== undefined && news[0] !== undefined) renames.set(olds[0].name, news[0].name);
  }
  return renames;
}

export function compareNamedTypes(
  prev: Service,
  next: Service,
  base: ChangeTarget,
  renamed: ReadonlyMap<string, string>,
  out: Collector,
): void {
  const before = typesByName(prev);
  const after = typesByName(next);
  const renamedTo = new Set(renamed.values());
  const oldSides = typeSides(prev);
  const newSides = typeSides(next);
  for (const t of next.types) {
    const old = before.get(t.name);
    const target = { ...base, type: t.name };
    if (old === undefined) {
      if (!renamedTo.has(t.name)) out.add("type-added", target, inNew(t.loc), `new type ${t.name}`);
      continue;
    }
    const sides = new Set<Side>([...(oldSides.get(t.name) ?? []), ...(newSides.get(t.name) ?? [])]);
    const owner = { label: t.name, target, loc: t.loc };
    const ordered = [...sides].sort(compareText);
    ordered.forEach((side, i) => compareFields(old.fields, t.fields, side, owner, { out, renamed }, i === 0));
    out.docs(`type ${t.name}`, target, t.loc, old, t);
  }
  for (const t of prev.types) {
    if (after.has(t.name)) continue;
    const to = renamed.get(t.name);
    if (to !== undefined) {
      const loc = after.get(to)?.loc ?? t.loc;
      out.add("type-renamed", { ...base, type: to }, inNew(loc), `type ${t.name} was renamed to ${to}: code that names ${t.name} no longer compiles`, {
        values: [t.name, to],
      });
    } else {
      out.add("type-removed", { ...base, type: t.name }, inOld(t.loc, next.loc), `type ${t.name} was removed: code that names it no longer compiles`);
    }
  }
}
