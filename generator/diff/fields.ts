/**
 * Field evaluators: the fields of one object (an action's request or response, or a named type) on one
 * side of the wire. Fields are matched by wire name, so reordering is no change.
 */
import type { Field, SourceLocation, TypeRef } from "../model/types.js";
import { fieldsByName, isNullable, isOptional } from "./access.js";
import type { ChangeKind, ChangeTarget, Side } from "./change.js";
import { type Collector, inNew, inOld, named, quoted } from "./collect.js";
import { COMPATIBLE_MINOR, COMPILE_ONLY } from "./grade.js";
import type { TypeMatch } from "./counterparts.js";
import { describeType, relation } from "./relation.js";

/** The object whose fields are compared. */
export interface FieldOwner {
  /** `DescribeInstances` or a type name: the first part of `Owner.Field` in messages. */
  readonly label: string;
  readonly target: ChangeTarget;
  /** The owner in the new spec (anchor of removed fields). */
  readonly loc: SourceLocation;
}

export interface FieldContext {
  readonly out: Collector;
  /** Which new type stands where an old one stood, per side (renamed, split or merged types). */
  readonly match: TypeMatch;
}

const kindOf = (side: Side, rest: string): ChangeKind => `${side}-${rest}` as ChangeKind;

/** Every change between `prev` and `next` fields on `side`; `docs` adds description/deprecation changes (once per object). */
export function compareFields(
  prev: readonly Field[],
  next: readonly Field[],
  side: Side,
  owner: FieldOwner,
  ctx: FieldContext,
  docs: boolean,
): void {
  const before = fieldsByName(prev);
  const after = fieldsByName(next);
  for (const f of next) {
    const old = before.get(f.name);
    const target = { ...owner.target, field: f.name, side };
    const subject = `${side} field ${owner.label}.${named(f.name)}`;
    if (old === undefined) {
      if (side === "response") ctx.out.add("response-field-added", target, inNew(f.loc), `new response field ${owner.label}.${named(f.name)}`);
      else if (isOptional(f, side)) ctx.out.add("request-field-added", target, inNew(f.loc), `new optional request field ${owner.label}.${named(f.name)}`);
      else ctx.out.add("request-field-added-required", target, inNew(f.loc), `new required request field ${owner.label}.${named(f.name)}: every call must now send it`);
      continue;
    }
    compareField(old, f, side, subject, target, ctx);
  }
  if (docs) compareFieldDocs(prev, next, owner, ctx.out);
  for (const f of prev) {
    if (after.has(f.name)) continue;
    const target = { ...owner.target, field: f.name, side };
    const subject = `${side} field ${owner.label}.${named(f.name)}`;
    const why = side === "request" ? "calls that send it no longer compile and may be rejected" : "code that reads it no longer compiles, and the value is gone";
    ctx.out.add(kindOf(side, "field-removed"), target, inOld(f.loc, owner.loc), `${subject} was removed: ${why}`);
  }
}

/** Description, deprecation and example changes of the fields both lists have (side-independent). */
export function compareFieldDocs(prev: readonly Field[], next: readonly Field[], owner: FieldOwner, out: Collector): void {
  const before = fieldsByName(prev);
  for (const f of next) {
    const old = before.get(f.name);
    if (old !== undefined) out.docs(`field ${owner.label}.${named(f.name)}`, { ...owner.target, field: f.name }, f.loc, old, f);
  }
}

function compareField(old: Field, f: Field, side: Side, subject: string, target: ChangeTarget, ctx: FieldContext): void {
  const where = inNew(f.loc);
  const wasOptional = isOptional(old, side);
  const nowOptional = isOptional(f, side);
  if (wasOptional !== nowOptional) {
    if (side === "request") {
      if (nowOptional) ctx.out.add("request-field-became-optional", target, where, `${subject} is now optional`);
      else ctx.out.add("request-field-became-required", target, where, `${subject} is now required: calls that leave it out no longer compile and are rejected`);
    } else if (nowOptional) {
      ctx.out.add("response-field-became-optional", target, where, `${subject} may now be absent: code that reads it as always present breaks`);
    } else {
      ctx.out.add("response-field-became-required", target, where, `${subject} is now always returned`);
    }
  }
  const wasNullable = isNullable(old, side);
  const nowNullable = isNullable(f, side);
  if (wasNullable !== nowNullable) {
    if (side === "request") {
      if (nowNullable) ctx.out.add("request-field-became-nullable", target, where, `${subject} now accepts null`);
      else ctx.out.add("request-field-became-non-nullable", target, where, `${subject} no longer accepts null: calls that send null no longer compile and are rejected`);
    } else if (nowNullable) {
      ctx.out.add("response-field-became-nullable", target, where, `${subject} may now be null: code that reads it as a value breaks`);
    } else {
      ctx.out.add("response-field-became-non-nullable", target, where, `${subject} is never null any more`);
    }
  }
  compareFieldType(old, f, side, subject, target, ctx);
}

function compareFieldType(old: Field, f: Field, side: Side, subject: string, target: ChangeTarget, ctx: FieldContext): void {
  const where = inNew(f.loc);
  const rel = relation(old.type, f.type, ctx.match[side].corresponds);
  const from = describeType(old.type);
  const to = describeType(f.type);
  switch (rel.kind) {
    case "same":
    case "renamed-ref": // the type's own change (renamed, replaced, side changed) says it
      return;
    case "enum": {
      if (rel.removed.length > 0) {
        const n = rel.removed.length;
        const message =
          side === "request"
            ? `${subject} no longer accepts ${quoted(rel.removed)}: calls that send ${n === 1 ? "it" : "them"} no longer compile and are rejected`
            : `${subject} no longer returns ${quoted(rel.removed)}`;
        ctx.out.add(kindOf(side, "enum-values-removed"), target, where, message, { values: rel.removed });
      }
      if (rel.added.length > 0) {
        const message =
          side === "request"
            ? `${subject} accepts new values ${quoted(rel.added)}`
            : rel.open
              ? `${subject} has new values ${quoted(rel.added)} (an open enum: nothing breaks)`
              : `${subject} has new values ${quoted(rel.added)}: an exhaustive switch over it no longer compiles`;
        const grade = side === "response" && rel.open ? COMPATIBLE_MINOR : undefined;
        ctx.out.add(kindOf(side, "enum-values-added"), target, where, message, grade ? { values: rel.added, grade } : { values: rel.added });
      }
      if (rel.added.length === 0 && rel.removed.length === 0) {
        // Only the openness changed.
        ctx.out.add(kindOf(side, rel.open ? "type-widened" : "type-narrowed"), target, where, `${subject} changed from ${from} to ${to}`, side === "response" && rel.open ? { grade: COMPILE_ONLY } : {});
      }
      return;
    }
    case "narrowed": {
      const why = side === "request" ? ": calls with values outside the new type no longer compile and are rejected" : "";
      ctx.out.add(kindOf(side, "type-narrowed"), target, where, `${subject} narrowed from ${from} to ${to}${why}`);
      return;
    }
    case "widened": {
      // A closed enum that became its plain string breaks exhaustive switches only, like a new value.
      const enumToString = side === "response" && innermost(old.type).kind === "enum";
      const why = side === "response" ? (enumToString ? ": an exhaustive switch over it no longer compiles" : ": values it could not hold before may arrive") : "";
      ctx.out.add(kindOf(side, "type-widened"), target, where, `${subject} widened from ${from} to ${to}${why}`, enumToString ? { grade: COMPILE_ONLY } : {});
      return;
    }
    case "changed":
      ctx.out.add(kindOf(side, "type-changed"), target, where, `${subject} changed type from ${from} to ${to}`);
      return;
  }
}

function innermost(type: TypeRef): TypeRef {
  return type.kind === "list" ? innermost(type.items) : type;
}
