/**
 * tcgen model → equivalent validators for the runtime-parse comparison: a JSON Schema (compiled by
 * ajv) and a zod 4 schema per action, each checking the whole reply envelope the way the generated
 * parser does:
 *   - the envelope: wrapper object, then an error object (code, message strings) or the success fields;
 *   - the request id: a string;
 *   - each field: required unless optional, `null` only when nullable, its type (below);
 *   - unknown keys are allowed (the generated parser tolerates and reports them), so zod uses looseObject.
 * Primitive checks mirror the generated parser (generator/emit/parsers.ts, generator/runtime/check.ts):
 * int32 range, uint64 >= 0, integers, the same date / date-time / ISO / base64 regular expressions.
 */

// The generated parser's format checks (generator/runtime/check.ts), as the same regular expressions.
const DATE = "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$";
const DATETIME = "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01]) (?:[01]\\d|2[0-3]):[0-5]\\d:(?:[0-5]\\d|60)$";
const DATETIME_ISO =
  "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])[Tt ](?:[01]\\d|2[0-3]):[0-5]\\d:(?:[0-5]\\d|60)(?:\\.\\d+)?(?:[Zz]|[+-](?:[01]\\d|2[0-3]):?[0-5]\\d)?$";
const BASE64 = "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$";
const INT32 = { minimum: -2147483648, maximum: 2147483647 };

/** JSON Schema of each primitive: the checks of generator/emit/parsers.ts. */
const PRIMITIVE_JSON = {
  string: { type: "string" },
  int32: { type: "integer", ...INT32 },
  int64: { type: "integer" },
  uint64: { type: "integer", minimum: 0 },
  float: { type: "number" },
  boolean: { type: "boolean" },
  date: { type: "string", pattern: DATE },
  datetime: { type: "string", pattern: DATETIME },
  "datetime-iso": { type: "string", pattern: DATETIME_ISO },
  binary: { type: "string", pattern: BASE64 },
  json: {},
};

function jsonType(t, defs) {
  switch (t.kind) {
    case "primitive":
      return { ...PRIMITIVE_JSON[t.name] };
    case "enum":
      return { type: "string", enum: [...t.values] };
    case "list":
      return { type: "array", items: jsonType(t.items, defs) };
    case "ref":
      return { $ref: `#/definitions/${defs(t.name)}` };
  }
  throw new Error(`unknown type kind ${t.kind}`);
}

function jsonField(f, defs) {
  const s = jsonType(f.type, defs);
  if (!f.nullable) return s;
  if (s.$ref || s.type === undefined) return s.type === undefined && !s.$ref ? s : { anyOf: [s, { type: "null" }] };
  return { ...s, type: [s.type, "null"], ...(s.enum ? { enum: [...s.enum, null] } : {}) };
}

function jsonObject(fields, defs, extra = {}) {
  const properties = {};
  const required = [];
  for (const f of fields) {
    properties[f.name] = jsonField(f, defs);
    if (!f.optional) required.push(f.name);
  }
  for (const [k, v] of Object.entries(extra)) {
    properties[k] = v;
    required.push(k);
  }
  return { type: "object", properties, required };
}

/** JSON Schemas (draft-07) of every action's reply in `service`: Map<action, schema>. */
export function jsonSchemas(model, service) {
  const env = model.envelope;
  const defs = (name) => `T_${name}`;
  const definitions = {};
  for (const t of service.types) definitions[defs(t.name)] = jsonObject(t.fields, defs);
  const str = { type: "string" };
  const errorObject = { type: "object", required: [env.codeKey, env.messageKey], properties: { [env.codeKey]: str, [env.messageKey]: str } };
  const out = new Map();
  for (const a of service.actions) {
    let success = jsonObject(env.dataKey === null ? a.response : [], defs, { [env.requestId]: str });
    if (env.dataKey !== null) success.properties[env.dataKey] = jsonObject(a.response, defs);
    let inner;
    if (env.errorKey !== null && env.successCodes.length === 0) {
      inner = {
        type: "object",
        if: { required: [env.errorKey] },
        then: { required: [env.errorKey, env.requestId], properties: { [env.errorKey]: errorObject, [env.requestId]: str } },
        else: success,
      };
    } else {
      const codeAt = env.errorKey === null ? { properties: { [env.codeKey]: { enum: [...env.successCodes] } } } : { properties: { [env.errorKey]: { properties: { [env.codeKey]: { enum: [...env.successCodes] } } } } };
      inner = {
        type: "object",
        if: codeAt,
        then: success,
        else: env.errorKey === null ? { ...errorObject, required: [...errorObject.required, env.requestId] } : { required: [env.errorKey, env.requestId], properties: { [env.errorKey]: errorObject, [env.requestId]: str } },
      };
    }
    const root = env.wrapper === null ? inner : { type: "object", required: [env.wrapper], properties: { [env.wrapper]: inner } };
    out.set(a.name, { $schema: "http://json-schema.org/draft-07/schema#", ...root, definitions });
  }
  return out;
}

/** zod 4 schemas of every action's reply in `service`: Map<action, ZodType>. `z` is the zod module. */
export function zodSchemas(z, model, service) {
  const env = model.envelope;
  const named = new Map();
  const refOf = (name) => {
    let s = named.get(name);
    if (!s) {
      s = z.lazy(() => built.get(name));
      named.set(name, s);
    }
    return s;
  };
  const re = (p) => new RegExp(p);
  const [date, datetime, iso, base64] = [re(DATE), re(DATETIME), re(DATETIME_ISO), re(BASE64)];
  const PRIMITIVE_ZOD = {
    string: () => z.string(),
    int32: () => z.number().int().min(INT32.minimum).max(INT32.maximum),
    int64: () => z.number().int(),
    uint64: () => z.number().int().min(0),
    float: () => z.number(),
    boolean: () => z.boolean(),
    date: () => z.string().regex(date),
    datetime: () => z.string().regex(datetime),
    "datetime-iso": () => z.string().regex(iso),
    binary: () => z.string().regex(base64),
    json: () => z.unknown(),
  };
  const zType = (t) => {
    switch (t.kind) {
      case "primitive":
        return PRIMITIVE_ZOD[t.name]();
      case "enum":
        return z.enum([...t.values]);
      case "list":
        return z.array(zType(t.items));
      case "ref":
        return refOf(t.name);
    }
    throw new Error(`unknown type kind ${t.kind}`);
  };
  const zObject = (fields, extra = {}) => {
    const shape = {};
    for (const f of fields) {
      let s = zType(f.type);
      if (f.nullable) s = s.nullable();
      if (f.optional) s = s.optional();
      shape[f.name] = s;
    }
    return z.looseObject({ ...shape, ...extra });
  };
  const built = new Map();
  for (const t of service.types) built.set(t.name, zObject(t.fields));
  const errorObject = z.looseObject({ [env.codeKey]: z.string(), [env.messageKey]: z.string() });
  const out = new Map();
  for (const a of service.actions) {
    const success =
      env.dataKey === null
        ? zObject(a.response, { [env.requestId]: z.string() })
        : z.looseObject({ [env.requestId]: z.string(), [env.dataKey]: zObject(a.response) });
    let inner;
    if (env.errorKey !== null && env.successCodes.length === 0) {
      // Error first: a reply with an error object is an error reply, whatever else it holds.
      inner = z.union([z.looseObject({ [env.errorKey]: errorObject, [env.requestId]: z.string() }), success]);
    } else {
      const ok = new Set(env.successCodes);
      const codeOf = (v) => (env.errorKey === null ? v?.[env.codeKey] : v?.[env.errorKey]?.[env.codeKey]);
      const failure = env.errorKey === null ? errorObject.extend({ [env.requestId]: z.string() }) : z.looseObject({ [env.errorKey]: errorObject, [env.requestId]: z.string() });
      // Flat envelopes: success exactly when the code is a success code.
      inner = z.custom((v) => (ok.has(codeOf(v)) ? success.safeParse(v).success : failure.safeParse(v).success));
    }
    out.set(a.name, env.wrapper === null ? inner : z.looseObject({ [env.wrapper]: inner }));
  }
  return out;
}
