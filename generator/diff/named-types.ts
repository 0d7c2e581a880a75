/**
 * Named-type evaluators: exported names added, removed, renamed, replaced or no longer used on a side,
 * and the field changes of each type against its counterpart on each side (counterparts.ts).
 */
import { compareText } from "../diagnostics.js";
import type { Field, NamedType, Service, TypeRef } from "../model/types.js";
import { fieldsByName, typeSides, typesByName } from "./access.js";
import type { ChangeTarget, Side } from "./change.js";
import { type Collector, inNew, inOld } from "./collect.js";
import type { TypeMatch } from "./counterparts.js";
import { compareFieldDocs, compareFields } from "./fields.js";
import { within } from "./relation.js";

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

const SIDES: readonly Side[] = ["request", "response"];
const USERS: Readonly<Record<Side, string>> = { request: "requests", response: "responses" };

/** A value of `x` is accepted where `y` is expected (TypeScript's structural check on the generated interfaces). */
function assignable(types: ReadonlyMap<string, NamedType>, x: NamedType, y: NamedType, assumed = new Set<string>()): boolean {
  const key = `${x.name}\u0000${y.name}`;
  if (x.name === y.name || assumed.has(key)) return true;
  assumed.add(key);
  const fits = (a: TypeRef, b: TypeRef): boolean => {
    if (a.kind === "list" && b.kind === "list") return fits(a.items, b.items);
    if (a.kind === "ref" && b.kind === "ref") {
      const ta = types.get(a.name);
      const tb = types.get(b.name);
      return ta !== undefined && tb !== undefined && assignable(types, ta, tb, assumed);
    }
    return within(a, b);
  };
  const mine = fieldsByName(x.fields);
  return y.fields.every((f) => {
    const g = mine.get(f.name);
    if (g === undefined) return f.optional;
    return (f.optional || !g.optional) && (f.nullable || !g.nullable) && fits(g.type, f.type);
  });
}

/**
 * Code that names `kept` for a value of `side` still compiles with `instead` in its place: `kept` has the
 * same members as before, and a value of it is accepted where `instead` is now expected (a request
 * value), or a value of `instead` where `kept` is expected (a reply read into a variable of it).
 */
function standsIn(side: Side, old: NamedType, kept: NamedType, instead: NamedType, types: ReadonlyMap<string, NamedType>): boolean {
  if (shapeOf(old) !== shapeOf(kept)) return false;
  return side === "request" ? assignable(types, kept, instead) : assignable(types, instead, kept);
}

/** `requests use Tag, responses use TagOut`: where the old type's uses went. */
function usesNow(name: string, match: TypeMatch): { readonly text: string; readonly names: readonly string[] } {
  const parts: string[] = [];
  const names = new Set<string>();
  for (const side of SIDES) {
    const to = [...(match[side].pairs.get(name) ?? [])].sort(compareText);
    to.forEach((n) => names.add(n));
    if (to.length > 0) parts.push(`${USERS[side]} use ${to.join(" and ")}`);
  }
  return { text: parts.join(", "), names: [...names].sort(compareText) };
}

/**
 * Old name → new name for removed types whose uses all went to one added type, and only theirs
 * (positional renames, which may also change fields; shape-equal renames are found by findRenames).
 */
function movedRenames(prev: Service, next: Service, match: TypeMatch): Map<string, string> {
  const before = typesByName(prev);
  const after = typesByName(next);
  const sources = new Map<string, Set<string>>();
  const targets = new Map<string, Set<string>>();
  for (const side of SIDES) {
    for (const [a, bs] of match[side].pairs) {
      for (const b of bs) {
        targets.set(a, (targets.get(a) ?? new Set<string>()).add(b));
        sources.set(b, (sources.get(b) ?? new Set<string>()).add(a));
      }
    }
  }
  const renames = new Map<string, string>();
  for (const [a, bs] of targets) {
    const [b] = bs;
    if (after.has(a) || bs.size !== 1 || b === undefined || before.has(b) || sources.get(b)?.size !== 1) continue;
    renames.set(a, b);
  }
  return renames;
}

/**
 * The types of both models: field changes of every pair of counterparts, once per side (counterparts.ts);
 * documentation of the types both have; and exported names added, removed, renamed, replaced (a removed
 * type whose uses went to types that existed: `TagInput` merged into `Tag`) or no longer used on a side
 * (a kept type whose requests now use another one, when it cannot stand in for it).
 */
export function compareNamedTypes(
  prev: Service,
  next: Service,
  base: ChangeTarget,
  shapeRenames: ReadonlyMap<string, string>,
  match: TypeMatch,
  out: Collector,
): void {
  const before = typesByName(prev);
  const after = typesByName(next);
  const renamed = new Map([...shapeRenames, ...movedRenames(prev, next, match)]);
  const renamedTo = new Set(renamed.values());
  for (const side of SIDES) {
    for (const [a, bs] of match[side].pairs) {
      const old = before.get(a);
      for (const b of bs) {
        const t = after.get(b);
        if (old === undefined || t === undefined) continue;
        compareFields(old.fields, t.fields, side, { label: t.name, target: { ...base, type: t.name }, loc: t.loc }, { out, match }, false);
      }
    }
  }
  const took = new Map<string, string[]>();
  for (const side of SIDES) {
    for (const [a, bs] of match[side].pairs) for (const b of bs) if (!before.has(b)) took.set(b, [...(took.get(b) ?? []), `${USERS[side]} used ${a}`]);
  }
  for (const t of next.types) {
    const old = before.get(t.name);
    const target = { ...base, type: t.name };
    if (old === undefined) {
      const where = took.get(t.name);
      if (!renamedTo.has(t.name)) out.add("type-added", target, inNew(t.loc), `new type ${t.name}${where ? ` (where ${[...new Set(where)].sort(compareText).join(", ")})` : ""}`);
      continue;
    }
    out.docs(`type ${t.name}`, target, t.loc, old, t);
    compareFieldDocs(old.fields, t.fields, { label: t.name, target, loc: t.loc }, out);
  }
  const oldSides = typeSides(prev);
  const newSides = typeSides(next);
  for (const t of prev.types) {
    const kept = after.get(t.name);
    if (kept !== undefined) {
      for (const side of SIDES) {
        if (oldSides.get(t.name)?.has(side) !== true || newSides.get(t.name)?.has(side) === true) continue;
        const instead = [...(match[side].pairs.get(t.name) ?? [])].sort(compareText);
        const blocking = instead.filter((n) => {
          const other = after.get(n);
          return other !== undefined && !standsIn(side, t, kept, other, after);
        });
        if (blocking.length === 0) continue;
        const list = instead.join(" and ");
        out.add(
          "type-side-changed",
          { ...base, type: t.name, side },
          inNew(kept.loc),
          `${USERS[side]} no longer use type ${t.name} (they use ${list}): code that names ${t.name} for a ${side} value may no longer compile`,
          { values: [t.name, ...instead] },
        );
      }
      continue;
    }
    const to = renamed.get(t.name);
    if (to !== undefined) {
      const loc = after.get(to)?.loc ?? t.loc;
      out.add("type-renamed", { ...base, type: to }, inNew(loc), `type ${t.name} was renamed to ${to}: code that names ${t.name} no longer compiles`, {
        values: [t.name, to],
      });
      continue;
    }
    const uses = usesNow(t.name, match);
    if (uses.names.length > 0) {
      const anchor = after.get(uses.names[0] ?? "")?.loc ?? next.loc;
      out.add("type-replaced", { ...base, type: t.name }, inOld(t.loc, anchor), `type ${t.name} was removed (${uses.text}): code that names ${t.name} no longer compiles`, {
        values: [t.name, ...uses.names],
      });
    } else {
      out.add("type-removed", { ...base, type: t.name }, inOld(t.loc, next.loc), `type ${t.name} was removed: code that names it no longer compiles`);
    }
  }
}
