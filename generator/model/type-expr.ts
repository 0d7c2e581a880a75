/**
 * Type expressions: `<base>` then any number of `[]`. `<base>` is a primitive or a named type of the
 * same service: `string`, `Instance`, `string[]`, `Tag[][]`.
 */
import { PRIMITIVE_NAMES, type PrimitiveName } from "./types.js";

export interface TypeExpr {
  /** The base name: a primitive or a type name (not yet checked to exist). */
  readonly base: string;
  readonly primitive: PrimitiveName | undefined;
  /** How many `[]` follow the base. */
  readonly listDepth: number;
}

const SYNTAX = /^([A-Za-z_][A-Za-z0-9_-]*)((?:\[\])*)$/;
const PRIMITIVES: ReadonlySet<string> = new Set(PRIMITIVE_NAMES);

export function isPrimitiveName(name: string): name is PrimitiveName {
  return PRIMITIVES.has(name);
}

/** Parse; undefined when the syntax is wrong. */
export function parseTypeExpr(text: string): TypeExpr | undefined {
  const m = SYNTAX.exec(text);
  if (!m) return undefined;
  const base = m[1]!;
  return { base, primitive: isPrimitiveName(base) ? base : undefined, listDepth: m[2]!.length / 2 };
}
