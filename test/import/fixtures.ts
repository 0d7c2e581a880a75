/** Hand-written miniature api.json / errors.json texts for importer tests (invented names and data). */

export type Member = Record<string, unknown>;

export const member = (name: string, type: string, memberType: string, extra: Member = {}): Member => ({
  disabled: false,
  document: "",
  example: "",
  member: memberType,
  name,
  type,
  ...extra,
});

export const out = (name: string, type: string, memberType: string, extra: Member = {}): Member =>
  member(name, type, memberType, { output_required: true, value_allowed_null: false, ...extra });

export const REQUEST_ID: Member = { document: "request id", member: "string", name: "RequestId", type: "string" };

export interface ApiShape {
  service?: string;
  version?: string;
  /** Action name → [request members, response members (RequestId appended)]. */
  actions?: Record<string, [Member[], Member[]] | { input: string; output: string; status?: string }>;
  /** Data structures: name → members (usage both unless given). */
  structs?: Record<string, Member[] | { usage?: string; members: Member[] }>;
  /** Extra raw objects (I/O objects for actions given as {input, output}). */
  objects?: Record<string, unknown>;
}

export function apiObject(shape: ApiShape): Record<string, unknown> {
  const actions: Record<string, unknown> = {};
  const objects: Record<string, unknown> = { ...shape.objects };
  for (const [name, def] of Object.entries(shape.actions ?? {})) {
    if (Array.isArray(def)) {
      actions[name] = { document: `Does ${name}.`, input: `${name}Request`, name: name, output: `${name}Response`, status: "online" };
      objects[`${name}Request`] = { document: "request", members: def[0], type: "object" };
      objects[`${name}Response`] = { document: "response", members: [...def[1], REQUEST_ID], type: "object" };
    } else {
      actions[name] = { document: `Does ${name}.`, name, status: "online", ...def };
    }
  }
  for (const [name, def] of Object.entries(shape.structs ?? {})) {
    objects[name] = Array.isArray(def) ? { document: `The ${name} structure.`, members: def, usage: "both" } : { document: "", ...def };
  }
  return {
    actions,
    metadata: { apiVersion: shape.version ?? "2020-01-01", api_brief: "A demo service.", serviceNameCN: "Demo", serviceShortName: shape.service ?? "demo" },
    objects,
    version: "1.0",
  };
}

export function apiText(shape: ApiShape): string {
  return JSON.stringify(apiObject(shape), null, 2);
}

export function errorsText(actions: Record<string, string[]>, codes: Record<string, string>, service = "demo", version = "2020-01-01"): string {
  return JSON.stringify({ service, version, codes, actions }, null, 2);
}
