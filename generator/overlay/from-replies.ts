/**
 * The overlay that makes recorded replies conform: a pure function of the model and the replies,
 * shared by `tcgen verify --write-overlay` and `tcgen import --examples`. It walks each success reply
 * against the action's response fields (through named types and lists) and records, where the field
 * is declared (a named type's field, or an action's response field):
 *
 * - a required field that is absent → `optional: true`;
 * - `null` where the field is not nullable → `nullable: true`;
 * - a string outside the field's enum → `enum: { add: [value] }`.
 *
 * Other drift (a wrong JSON type, a bad format, an unknown error code) is not something an overlay of
 * these three kinds can fix; it is left alone. Error replies, replies that are not JSON or not in the
 * envelope, and actions the service does not have are skipped. Object keys are read as own properties
 * only, and nesting deeper than MAX_DEPTH is not followed, so hostile replies cost linear time.
 */
import type { Envelope, Field, Model, Service, TypeRef } from "../model/types.js";

/** What the replies showed about one field. */
export interface FieldFix {
  optional: boolean;
  nullable: boolean;
  readonly enumAdd: Set<string>;
}

export interface ReplyOverlay {
  readonly service: { readonly name: string; readonly version: string };
  /** Type name → field name → fix. */
  readonly types: ReadonlyMap<string, ReadonlyMap<string, FieldFix>>;
  /** Action name → response field name → fix. */
  readonly responses: ReadonlyMap<string, ReadonlyMap<string, FieldFix>>;
  /** Success replies walked. */
  readonly successes: number;
  /** Success replies that needed at least one fix. */
  readonly drifting: number;
}

/** A reply as `verify` reads it: the action's name and the reply (its JSON text, or the parsed value). */
export interface ReplyInput {
  readonly action: string;
  readonly reply: unknown;
}

export const MAX_DEPTH = 200;

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function get(o: Obj, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** The data object of a success reply, or undefined (error reply, not JSON, not the envelope). */
export function successData(reply: unknown, e: Envelope): Obj | undefined {
  let value = reply;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  if (!isObject(value)) return undefined;
  const wrapper = e.wrapper === null ? value : get(value, e.wrapper);
  if (!isObject(wrapper)) return undefined;
  if (e.successFlag !== null) {
    // a boolean flag decides alone
    if (get(wrapper, e.successFlag) !== true) return undefined;
  } else if (e.successCodes.length > 0) {
    const holder = e.errorKey === null ? wrapper : get(wrapper, e.errorKey);
    const code = isObject(holder) ? get(holder, e.codeKey) : undefined;
    // numeric envelopes: the model's codes are the decimal text of the wire numbers
    const text = e.codeType === "number" ? (Number.isSafeInteger(code) ? String(code) : undefined) : typeof code === "string" ? code : undefined;
    if (text === undefined || !e.successCodes.includes(text)) return undefined;
  } else if (e.errorKey !== null) {
    // success: the error object is absent or null
    const error = get(wrapper, e.errorKey);
    if (error !== undefined && error !== null) return undefined;
  }
  const data = e.dataKey === null ? wrapper : get(wrapper, e.dataKey);
  return isObject(data) ? data : undefined;
}

/** Compute the overlay for `replies` of `service` (one of `model.services`). */
export function overlayFromReplies(model: Model, service: Service, replies: readonly ReplyInput[]): ReplyOverlay {
  const types = new Map(service.types.map((t) => [t.name, t]));
  const actions = new Map(service.actions.map((a) => [a.name, a]));
  const typeFixes = new Map<string, Map<string, FieldFix>>();
  const responseFixes = new Map<string, Map<string, FieldFix>>();
  let successes = 0;
  let drifting = 0;
  let fixed = false;

  const fixOf = (table: Map<string, Map<string, FieldFix>>, owner: string, field: string): FieldFix => {
    let fields = table.get(owner);
    if (!fields) table.set(owner, (fields = new Map()));
    let fix = fields.get(field);
    if (!fix) fields.set(field, (fix = { optional: false, nullable: false, enumAdd: new Set() }));
    fixed = true;
    return fix;
  };

  /** Walk `value` against `type`; `fix` gives the fix record of the field that holds it. */
  const walkValue = (type: TypeRef, value: unknown, fix: () => FieldFix, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    switch (type.kind) {
      case "enum":
        if (typeof value === "string" && !type.values.includes(value)) fix().enumAdd.add(value);
        return;
      case "list":
        if (Array.isArray(value)) for (const item of value) if (item !== null) walkValue(type.items, item, fix, depth + 1);
        return;
      case "ref": {
        const named = types.get(type.name);
        if (named && isObject(value)) walkFields(named.fields, value, (f) => fixOf(typeFixes, named.name, f), depth + 1);
        return;
      }
      default:
        return;
    }
  };

  const walkFields = (fields: readonly Field[], data: Obj, fix: (field: string) => FieldFix, depth: number): void => {
    for (const f of fields) {
      if (!Object.hasOwn(data, f.name)) {
        if (!f.optional) fix(f.name).optional = true;
        continue;
      }
      const value = data[f.name];
      if (value === null) {
        if (!f.nullable) fix(f.name).nullable = true;
        continue;
      }
      walkValue(f.type, value, () => fix(f.name), depth);
    }
  };

  for (const r of replies) {
    const action = actions.get(r.action);
    if (!action) continue;
    const data = successData(r.reply, model.envelope);
    if (!data) continue;
    successes++;
    fixed = false;
    walkFields(action.response, data, (f) => fixOf(responseFixes, action.name, f), 0);
    if (fixed) drifting++;
  }
  return { service: { name: service.name, version: service.version }, types: typeFixes, responses: responseFixes, successes, drifting };
}

/** Number of field fixes (a field counts once, whatever it needs). */
export function fixCount(overlay: ReplyOverlay): number {
  let n = 0;
  for (const table of [overlay.types, overlay.responses]) for (const fields of table.values()) n += fields.size;
  return n;
}
