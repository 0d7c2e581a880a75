/**
 * Hand-built models for emitter tests (no YAML needed). Defaults follow Tencent Cloud's envelope.
 * Freeze is not applied: emitters must not mutate anyway, and the loader's own tests cover freezing.
 */
import type {
  Action,
  Envelope,
  ErrorCode,
  Field,
  Model,
  NamedType,
  Paging,
  PrimitiveName,
  RetryClass,
  Service,
  TypeRef,
} from "../../generator/model/types.js";

const loc = { file: "test.yaml", line: 1, col: 1 };

export const prim = (name: PrimitiveName): TypeRef => ({ kind: "primitive", name });
export const list = (items: TypeRef): TypeRef => ({ kind: "list", items });
export const ref = (name: string): TypeRef => ({ kind: "ref", name });
export const enumOf = (...values: string[]): TypeRef => ({ kind: "enum", values: [...values].sort(), open: false });
export const openEnumOf = (...values: string[]): TypeRef => ({ kind: "enum", values: [...values].sort(), open: true });

export function field(name: string, type: TypeRef, opts: Partial<Omit<Field, "name" | "type">> = {}): Field {
  return {
    name,
    type,
    optional: false,
    nullable: false,
    deprecated: false,
    description: undefined,
    example: undefined,
    int64: "number",
    loc,
    ...opts,
  };
}

export function namedType(name: string, fields: Field[], opts: Partial<Omit<NamedType, "name" | "fields">> = {}): NamedType {
  return { name, fields, description: undefined, deprecated: false, loc, ...opts };
}

export function code(c: string, opts: { retry?: RetryClass; scope?: "common" | "service"; description?: string; deprecated?: boolean } = {}): ErrorCode {
  return {
    code: c,
    family: c.split(".")[0] ?? c,
    description: opts.description,
    retry: opts.retry ?? "never",
    deprecated: opts.deprecated ?? false,
    scope: opts.scope ?? "service",
    loc,
  };
}

export const TENCENT_ENVELOPE: Envelope = {
  wrapper: "Response",
  requestId: "RequestId",
  errorKey: "Error",
  codeKey: "Code",
  messageKey: "Message",
  successCodes: [],
  dataKey: null,
  hostSuffix: "tencentcloudapi.com",
  requestIdOptional: false,
  codeType: "string",
  successFlag: null,
  errorFields: [],
};

export const FLAT_ENVELOPE: Envelope = {
  wrapper: null,
  requestId: "RequestId",
  errorKey: null,
  codeKey: "Code",
  messageKey: "Message",
  successCodes: ["Success"],
  dataKey: "Data",
  hostSuffix: "example.com",
  requestIdOptional: false,
  codeType: "string",
  successFlag: null,
  errorFields: [],
};

export interface ActionInput {
  name: string;
  paging?: Paging;
  request?: Field[];
  response?: Field[];
  errors?: string[];
  description?: string;
  deprecated?: boolean;
}

const byCode = (a: ErrorCode, b: ErrorCode) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export interface ModelInput {
  envelope?: Envelope;
  common?: ErrorCode[];
  services: {
    name: string;
    version?: string;
    host?: string;
    errors?: ErrorCode[];
    types?: NamedType[];
    actions: ActionInput[];
  }[];
}

/** Build a model: resolves each action's `errors` (own codes) against the service's and common codes. */
export function buildTestModel(input: ModelInput): Model {
  const common = (input.common ?? [code("InternalError", { scope: "common" })]).map((c) => ({ ...c, scope: "common" as const })).sort(byCode);
  const services: Service[] = input.services.map((s) => {
    const svcErrors = (s.errors ?? []).sort(byCode);
    const all = new Map([...common, ...svcErrors].map((c) => [c.code, c]));
    const actions: Action[] = s.actions
      .map((a) => {
        const own = [...new Set(a.errors ?? [])].sort();
        const merged = new Map<string, ErrorCode>(common.map((c) => [c.code, c]));
        for (const c of own) {
          const found = all.get(c);
          if (!found) throw new Error(`test model: unknown code ${c}`);
          merged.set(c, found);
        }
        return {
          name: a.name,
          description: a.description,
          deprecated: a.deprecated ?? false,
          request: a.request ?? [],
          response: a.response ?? [],
          ownErrors: own,
          errors: [...merged.values()].sort(byCode),
          ...(a.paging === undefined ? {} : { paging: a.paging }),
          loc,
        };
      })
      .sort(byName);
    return {
      name: s.name,
      version: s.version ?? "2017-03-12",
      host: s.host ?? s.name,
      description: undefined,
      errors: svcErrors,
      types: (s.types ?? []).sort(byName),
      actions,
      loc,
    };
  });
  return {
    specVersion: 1,
    package: { name: "@tcgen/test", version: "0.0.0", description: undefined },
    envelope: input.envelope ?? TENCENT_ENVELOPE,
    protocol: { style: "tencent" },
    commonErrors: common,
    services: services.sort((a, b) => byName(a, b) || (a.version < b.version ? -1 : a.version > b.version ? 1 : 0)),
  };
}
