/**
 * Bench helper (not part of the product): a JSON Schema (draft-07, for ajv) equivalent to what the
 * generated parser checks for one action's success reply, derived from the same model. Unknown keys
 * are allowed (as the parsers tolerate them); formats are the same regular expressions.
 */
import type { Envelope, Field, Service, TypeRef } from "../generator/model/types.js";

type Schema = Record<string, unknown>;

const DATE = "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$";
const DATETIME = "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01]) (?:[01]\\d|2[0-3]):[0-5]\\d:(?:[0-5]\\d|60)$";
const DATETIME_ISO =
  "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])[Tt ](?:[01]\\d|2[0-3]):[0-5]\\d:(?:[0-5]\\d|60)(?:\\.\\d+)?(?:[Zz]|[+-](?:[01]\\d|2[0-3]):?[0-5]\\d)?$";

function typeSchema(t: TypeRef): Schema {
  switch (t.kind) {
    case "list":
      return { type: "array", items: typeSchema(t.items) };
    case "ref":
      return { $ref: `#/definitions/${t.name}` };
    case "enum":
      return { type: "string", enum: [...t.values] };
    case "primitive":
      switch (t.name) {
        case "string":
          return { type: "string" };
        case "int32":
          return { type: "integer", minimum: -2147483648, maximum: 2147483647 };
        case "int64":
          return { type: "integer" };
        case "uint64":
          return { type: "integer", minimum: 0 };
        case "float":
          return { type: "number" };
        case "boolean":
          return { type: "boolean" };
        case "date":
          return { type: "string", pattern: DATE };
        case "datetime":
          return { type: "string", pattern: DATETIME };
        case "datetime-iso":
          return { type: "string", pattern: DATETIME_ISO };
        case "binary":
          return { type: "string", pattern: "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$" };
        case "json":
          return {};
      }
  }
}

function objectSchema(fields: readonly Field[], extra: Record<string, Schema> = {}): Schema {
  const properties: Record<string, Schema> = { ...extra };
  const required: string[] = Object.keys(extra);
  for (const f of fields) {
    const s = typeSchema(f.type);
    properties[f.name] = f.nullable ? { anyOf: [s, { type: "null" }] } : s;
    if (!f.optional) required.push(f.name);
  }
  return { type: "object", properties, required };
}

/** Schema of the whole success reply of `action` (Tencent-style envelope with a wrapper, no dataKey). */
export function successReplySchema(service: Service, envelope: Envelope, action: string): Schema {
  const a = service.actions.find((x) => x.name === action);
  if (!a) throw new Error(`no action ${action}`);
  if (envelope.wrapper === null || envelope.dataKey !== null || envelope.requestId === null) throw new Error("bench schema: wrapper envelopes only");
  const definitions: Record<string, Schema> = {};
  for (const t of service.types) definitions[t.name] = objectSchema(t.fields);
  return {
    definitions,
    type: "object",
    required: [envelope.wrapper],
    properties: { [envelope.wrapper]: objectSchema(a.response, { [envelope.requestId]: { type: "string" } }) },
  };
}
