/**
 * tcgen model → an OpenAPI 3.0 document with the same content, for the peer comparison
 * (openapi-typescript). One POST operation per action, at `/<service>/<version>/<Action>`:
 *   requestBody  → components.schemas.<svc>_<Action>Request   (the request fields)
 *   200 response → components.schemas.<svc>_<Action>Response  (the whole envelope:
 *                  {Response: oneOf [<svc>_<Action>Result (fields + RequestId), <svc>_<Action>ErrorReply]})
 *   <svc>_<Action>ErrorReply.Error.Code is a string enum of every code the action can return.
 * Named types become components.schemas.<svc>_<Type>. Descriptions and deprecation flags are carried
 * over, so both generators document the same things. Only Tencent-style envelopes (wrapper + error key)
 * and flat ones are handled, as in the model.
 */

const PRIMITIVE = {
  string: { type: "string" },
  int32: { type: "integer", format: "int32" },
  int64: { type: "integer", format: "int64" },
  uint64: { type: "integer", format: "int64", minimum: 0 },
  float: { type: "number" },
  boolean: { type: "boolean" },
  date: { type: "string", format: "date" },
  datetime: { type: "string" },
  "datetime-iso": { type: "string", format: "date-time" },
  binary: { type: "string", format: "byte" },
  json: {},
};

const schemaKey = (service, name) => `${service.name}_v${service.version.replace(/-/g, "")}_${name}`;
const ref = (key) => ({ $ref: `#/components/schemas/${key}` });

function typeSchema(t, service) {
  switch (t.kind) {
    case "primitive":
      return { ...PRIMITIVE[t.name] };
    case "enum":
      return { type: "string", enum: [...t.values] };
    case "list":
      return { type: "array", items: typeSchema(t.items, service) };
    case "ref":
      return ref(schemaKey(service, t.name));
    default:
      throw new Error(`unknown type kind ${t.kind}`);
  }
}

function fieldSchema(f, service) {
  let s = typeSchema(f.type, service);
  if (f.nullable) s = s.$ref ? { allOf: [s], nullable: true } : { ...s, nullable: true };
  if (f.description) s = s.$ref ? { allOf: [s], description: f.description } : { ...s, description: f.description };
  if (f.deprecated) s = { ...s, deprecated: true };
  if (f.example !== undefined && !s.$ref && !s.allOf) s = { ...s, example: f.example };
  return s;
}

function objectSchema(fields, service, description, extra = {}) {
  const properties = {};
  const required = [];
  for (const f of fields) {
    properties[f.name] = fieldSchema(f, service);
    if (!f.optional) required.push(f.name);
  }
  for (const [k, v] of Object.entries(extra)) {
    properties[k] = v;
    required.push(k);
  }
  const s = { type: "object", properties };
  if (required.length) s.required = required;
  if (description) s.description = description;
  return s;
}

export function modelToOpenApi(model) {
  const env = model.envelope;
  const schemas = {};
  const paths = {};
  for (const service of model.services) {
    for (const t of service.types) {
      const s = objectSchema(t.fields, service, t.description);
      if (t.deprecated) s.deprecated = true;
      schemas[schemaKey(service, t.name)] = s;
    }
    for (const a of service.actions) {
      const reqKey = schemaKey(service, `${a.name}Request`);
      const resKey = schemaKey(service, `${a.name}Response`);
      const okKey = schemaKey(service, `${a.name}Result`);
      const errKey = schemaKey(service, `${a.name}ErrorReply`);
      schemas[reqKey] = objectSchema(a.request, service, undefined);
      const codeSchema = { type: "string", enum: a.errors.map((c) => c.code) };
      const errorObject = {
        type: "object",
        required: [env.codeKey, env.messageKey],
        properties: { [env.codeKey]: codeSchema, [env.messageKey]: { type: "string" } },
      };
      const requestId = { type: "string" };
      if (env.dataKey === null) {
        schemas[okKey] = objectSchema(a.response, service, a.description, { [env.requestId]: requestId });
      } else {
        schemas[okKey] = objectSchema([], service, a.description, {
          [env.requestId]: requestId,
          [env.dataKey]: objectSchema(a.response, service, undefined),
        });
      }
      schemas[errKey] =
        env.errorKey === null
          ? { ...errorObject, properties: { ...errorObject.properties, [env.requestId]: requestId }, required: [...errorObject.required, env.requestId] }
          : { type: "object", required: [env.errorKey, env.requestId], properties: { [env.errorKey]: errorObject, [env.requestId]: requestId } };
      const inner = { oneOf: [ref(okKey), ref(errKey)] };
      schemas[resKey] =
        env.wrapper === null ? inner : { type: "object", required: [env.wrapper], properties: { [env.wrapper]: inner } };
      const op = {
        operationId: `${service.name}_${a.name}`,
        tags: [service.name],
        requestBody: { required: true, content: { "application/json": { schema: ref(reqKey) } } },
        responses: {
          200: { description: "The reply envelope (always HTTP 200).", content: { "application/json": { schema: ref(resKey) } } },
        },
      };
      if (a.description) op.summary = a.description;
      if (a.deprecated) op.deprecated = true;
      paths[`/${service.name}/${service.version}/${a.name}`] = { post: op };
    }
  }
  return {
    openapi: "3.0.3",
    info: { title: model.package.name, version: model.package.version, description: model.package.description ?? "" },
    servers: [{ url: `https://${env.hostSuffix}` }],
    paths,
    components: { schemas },
  };
}
