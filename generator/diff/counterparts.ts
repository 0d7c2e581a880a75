/**
 * Which named type a user sees, on each side of the wire, where an old type was: the diff compares
 * what a caller sends and reads, not types that share a name.
 *
 * Types are paired per side by position: the types of the same field of the same action (request
 * fields give request pairs, response fields response pairs), then of the same field of paired types,
 * through lists. A type with the same name that is used on that side in both models is its own
 * counterpart. Another name is a counterpart when the side's use *moved* to it: the old type is no
 * longer used on that side, the new one was not used on it before, and the two share a field (or
 * both have none) — a struct split into a request and a response type by per-side import
 * (`Placement` → `PlacementInput` on the request side), merged back (`TagInput` → `Tag`), or renamed.
 * A field whose type changed to an unrelated one (both used on that side before) is a type change,
 * not a pairing.
 */
import type { Field, NamedType, Service, TypeRef } from "../model/types.js";
import { actionsByName, fieldsByName, typeSides, typesByName } from "./access.js";
import type { Side } from "./change.js";

/** The counterparts on one side: old name → the new names that stand where it stood. */
export interface SideMatch {
  readonly pairs: ReadonlyMap<string, ReadonlySet<string>>;
  /** `next` stands where `prev` stood on this side (the same name, or a moved use). */
  readonly corresponds: (prev: string, next: string) => boolean;
}

export type TypeMatch = Readonly<Record<Side, SideMatch>>;

/** The names a type expression refers to at the same list depth on both sides. */
function refPair(a: TypeRef, b: TypeRef): readonly [string, string] | undefined {
  if (a.kind === "list" && b.kind === "list") return refPair(a.items, b.items);
  return a.kind === "ref" && b.kind === "ref" ? [a.name, b.name] : undefined;
}

function shareAField(a: NamedType, b: NamedType): boolean {
  if (a.fields.length === 0 && b.fields.length === 0) return true;
  const names = fieldsByName(b.fields);
  return a.fields.some((f) => names.has(f.name));
}

interface Models {
  readonly prev: Service;
  readonly next: Service;
  readonly oldSides: ReadonlyMap<string, ReadonlySet<Side>>;
  readonly newSides: ReadonlyMap<string, ReadonlySet<Side>>;
  readonly renamed: ReadonlyMap<string, string>;
}

function matchSide({ prev, next, oldSides, newSides, renamed }: Models, side: Side): SideMatch {
  const before = typesByName(prev);
  const after = typesByName(next);
  const usedBefore = (name: string): boolean => oldSides.get(name)?.has(side) === true;
  const usedAfter = (name: string): boolean => newSides.get(name)?.has(side) === true;
  const pairs = new Map<string, Set<string>>();
  const queue: [string, string][] = [];
  const pair = (a: string, b: string): void => {
    const olds = before.get(a);
    const news = after.get(b);
    if (olds === undefined || news === undefined || pairs.get(a)?.has(b) === true) return;
    const moved = !usedAfter(a) && !usedBefore(b) && shareAField(olds, news);
    if (a !== b && renamed.get(a) !== b && !moved) return;
    pairs.set(a, (pairs.get(a) ?? new Set<string>()).add(b));
    queue.push([a, b]);
  };
  const pairFields = (olds: readonly Field[], news: readonly Field[]): void => {
    const byName = fieldsByName(news);
    for (const f of olds) {
      const g = byName.get(f.name);
      const refs = g === undefined ? undefined : refPair(f.type, g.type);
      if (refs !== undefined) pair(refs[0], refs[1]);
    }
  };
  const actions = actionsByName(next);
  for (const a of prev.actions) {
    const b = actions.get(a.name);
    if (b !== undefined) pairFields(side === "request" ? a.request : a.response, side === "request" ? b.request : b.response);
  }
  for (const t of prev.types) if (usedBefore(t.name) && usedAfter(t.name)) pair(t.name, t.name);
  for (let p = queue.pop(); p !== undefined; p = queue.pop()) {
    pairFields(before.get(p[0])?.fields ?? [], after.get(p[1])?.fields ?? []);
  }
  return { pairs, corresponds: (a, b) => pairs.get(a)?.has(b) === true };
}

/** The counterparts of every old type on both sides; `renamed`: shape-equal renames (findRenames). */
export function matchTypes(prev: Service, next: Service, renamed: ReadonlyMap<string, string>): TypeMatch {
  const models: Models = { prev, next, oldSides: typeSides(prev), newSides: typeSides(next), renamed };
  return { request: matchSide(models, "request"), response: matchSide(models, "response") };
}
