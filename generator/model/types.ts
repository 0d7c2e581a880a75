/**
 * The model: the only thing emitters see.
 *
 * Produced by `buildModel()` (generator/model/build.ts) from the raw documents that `loadSpecs()`
 * (generator/load) parsed. Every collection keyed by a name is sorted with `compareNames`
 * (generator/model/order.ts); fields keep their declaration order (wire order is meaningful to a
 * reader). The whole object graph is deep-frozen.
 */

/** Where a construct was declared: for messages that point back at the spec. */
export interface SourceLocation {
  /** Spec file path relative to the specs directory, with `/` separators. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly col: number;
}

/** Scalar wire types. Date-like and 64-bit integer kinds stay distinct so emitters can document them. */
export type PrimitiveName =
  | "string"
  | "int32"
  | "int64"
  | "uint64"
  | "float"
  | "boolean"
  | "date" // "YYYY-MM-DD", a JSON string
  | "datetime" // "YYYY-MM-DD hh:mm:ss", a JSON string
  | "datetime-iso" // ISO 8601, a JSON string
  | "binary" // base64 text, a JSON string
  | "json"; // any JSON value (escape hatch; validated as "anything")

export const PRIMITIVE_NAMES: readonly PrimitiveName[] = [
  "string",
  "int32",
  "int64",
  "uint64",
  "float",
  "boolean",
  "date",
  "datetime",
  "datetime-iso",
  "binary",
  "json",
];

export type TypeRef =
  | { readonly kind: "primitive"; readonly name: PrimitiveName }
  /**
   * A string enum: the wire value is one of `values` (sorted, unique). Closed: any other value makes
   * the reply malformed. Open (`open: true`): any other string is accepted and reported as drift, and
   * the TypeScript type admits it (`"A" | "B" | (string & {})`).
   */
  | { readonly kind: "enum"; readonly values: readonly string[]; readonly open: boolean }
  | { readonly kind: "list"; readonly items: TypeRef }
  /** A named object type of the same service (`NamedType.name`). Recursion is allowed. */
  | { readonly kind: "ref"; readonly name: string };

export interface Field {
  /** The wire key, exactly as it appears in JSON. May be any string a spec allows (see docs). */
  readonly name: string;
  readonly type: TypeRef;
  /** The key may be absent. */
  readonly optional: boolean;
  /** The value may be JSON `null`. Independent of `optional`. */
  readonly nullable: boolean;
  readonly deprecated: boolean;
  readonly description: string | undefined;
  /** An example value, as the spec gave it (text). */
  readonly example: string | undefined;
  /**
   * How int64/uint64 values in this field (its element type for lists) are represented: the field's
   * `int64` key, else the package's, else `number`. Meaningless for other types (still set).
   */
  readonly int64: Int64Mode;
  readonly loc: SourceLocation;
}

/**
 * Representation of 64-bit integers: `number` (exact up to 2^53 − 1; beyond, drift `int64-precision`),
 * `bigint` (exact), `string` (exact, decimal digits).
 */
export type Int64Mode = "number" | "bigint" | "string";

export const INT64_MODES: readonly Int64Mode[] = ["number", "bigint", "string"];

export interface NamedType {
  readonly name: string;
  readonly description: string | undefined;
  readonly deprecated: boolean;
  readonly fields: readonly Field[];
  readonly loc: SourceLocation;
}

export type RetryClass = "throttling" | "transient" | "never";

export interface ErrorCode {
  /** e.g. `AuthFailure.SignatureFailure`, `FailedOperation.Domain.UnExist`, `InternalError`. */
  readonly code: string;
  /** The first dotted segment: `AuthFailure` for `AuthFailure.SignatureFailure`, `InternalError` for `InternalError`. */
  readonly family: string;
  readonly description: string | undefined;
  readonly retry: RetryClass;
  readonly deprecated: boolean;
  /** `common` codes apply to every action of every service. */
  readonly scope: "common" | "service";
  readonly loc: SourceLocation;
}

export interface Action {
  readonly name: string;
  readonly description: string | undefined;
  readonly deprecated: boolean;
  /** Request body fields (the client sends them as a JSON object). */
  readonly request: readonly Field[];
  /** Response fields, without the envelope's request id. */
  readonly response: readonly Field[];
  /** The action's own codes as written in the spec (service-level codes), sorted, unique. */
  readonly ownErrors: readonly string[];
  /** Everything the action can return: common codes ∪ its own, sorted by code, unique. */
  readonly errors: readonly ErrorCode[];
  /** How to page through the action's results, when the spec says (checked against its fields). */
  readonly paging?: Paging | undefined;
  /** The action's HTTP route (protocol style `http`), when the spec gives one. */
  readonly http?: HttpRoute | undefined;
  readonly loc: SourceLocation;
}

/** `GET /orders/{id}`: each `{param}` is a required scalar request field of the action. */
export interface HttpRoute {
  readonly method: string;
  readonly path: string;
  /** The path parameters, in path order. */
  readonly params: readonly string[];
  readonly loc: SourceLocation;
}

/**
 * How calls become HTTP requests. `tencent`: TC3-signed POSTs to `/` (`X-TC-*` headers). `http`: each
 * action's route, or one endpoint naming the action in a header or body key; auth a preset.
 */
export type Protocol =
  | { readonly style: "tencent" }
  | {
      readonly style: "http";
      readonly auth: "none" | "bearer" | "api-key" | "function";
      /** The API key's header (`api-key`). */
      readonly authHeader: string | undefined;
      /** Path of the one endpoint for actions without a route. */
      readonly endpoint: string | undefined;
      readonly actionHeader: string | undefined;
      readonly actionKey: string | undefined;
    };

/**
 * Paging styles. Field names are wire names of the action's own request and response fields.
 * - `offset`: request `offset` + `limit` (integers); the next request's offset is the last one plus the
 *   items received. Ends at `total` (a response integer) when given, else at a page shorter than
 *   `limit` (or an empty one).
 * - `token`: request `token` (string) takes the response's `nextToken` (string); ends when it is absent,
 *   null or empty. `limit` (a request integer) is optional.
 * - `page`: request `page` (integer, from 1 unless the request says otherwise); ends at `total` when
 *   given, else at a page shorter than `size` (or an empty one).
 * `items` is the response list whose elements the paginator yields one by one.
 */
export type Paging =
  | { readonly style: "offset"; readonly offset: string; readonly limit: string; readonly items: string; readonly total: string | undefined }
  | { readonly style: "token"; readonly token: string; readonly nextToken: string; readonly items: string; readonly limit: string | undefined }
  | { readonly style: "page"; readonly page: string; readonly items: string; readonly size: string | undefined; readonly total: string | undefined };

export interface Service {
  /** e.g. `cvm`. Lowercase identifier-like; used in paths. */
  readonly name: string;
  /** API version, e.g. `2017-03-12`. */
  readonly version: string;
  /** Endpoint host prefix: `cvm` → `cvm.<envelope.hostSuffix>`. */
  readonly host: string;
  readonly description: string | undefined;
  /** Service-level codes (sorted). Common codes are not repeated here. */
  readonly errors: readonly ErrorCode[];
  readonly types: readonly NamedType[];
  readonly actions: readonly Action[];
  readonly loc: SourceLocation;
}

/**
 * How every reply is wrapped. Two shapes are expressible:
 *
 * Tencent Cloud (`wrapper: "Response"`, `errorKey: "Error"`, `successCodes: []`, `dataKey: null`):
 *   {"Response": {...fields, "RequestId": "…"}} or {"Response": {"Error": {"Code","Message"}, "RequestId"}}
 *
 * Flat (`wrapper: null`, `errorKey: null`, `successCodes: ["Success"]`, `dataKey: "Data"`):
 *   {"RequestId": "…", "Code": "Success", "Message": "", "Data": {...fields}}
 *
 * Also expressible (docs/spec-format.md §2.1): numeric codes (`codeType: "number"`, success codes such
 * as `0`), a boolean success flag (`successFlag`), an error object that is `null` on success, a request
 * id that may be absent or that replies never carry, and further typed fields of the error.
 */
export interface Envelope {
  /** Key of the object that wraps every reply, or null when the reply object itself is the envelope. */
  readonly wrapper: string | null;
  /** Key of the request id, inside the wrapper; null when replies carry none. */
  readonly requestId: string | null;
  /** Replies may lack the request id (always true when `requestId` is null): it is `string | undefined`. */
  readonly requestIdOptional: boolean;
  /** Key of the error object inside the wrapper; null when code and message sit in the wrapper itself. */
  readonly errorKey: string | null;
  /** Key of the error code (inside the error object, or the wrapper when errorKey is null). */
  readonly codeKey: string;
  /** Key of the error message. */
  readonly messageKey: string;
  /**
   * Code values that mean success. Empty: success is "no error object present" (requires errorKey).
   * Non-empty: the reply is a success exactly when its code is one of these.
   */
  readonly successCodes: readonly string[];
  /** Key holding the action's fields; null when they sit in the wrapper beside the request id. */
  readonly dataKey: string | null;
  /** Endpoint host suffix: `tencentcloudapi.com`; undefined when the spec has none (then the client needs an endpoint). */
  readonly hostSuffix: string | undefined;
  /**
   * JSON type of the codes. `number`: codes (and `successCodes`, and every code of the model) are the
   * decimal text of safe integers, sent as JSON numbers; code unions are number literals; no families.
   */
  readonly codeType: "string" | "number";
  /** Key of a boolean success flag (true: success, false: error), or null. Never with `successCodes`. */
  readonly successFlag: string | null;
  /** Further fields of the error (beside code and message), typed on the error value. */
  readonly errorFields: readonly Field[];
}

export interface PackageInfo {
  /** npm package name of the output, e.g. `@tcgen/tencentcloud`. */
  readonly name: string;
  /** semver version of the output package. */
  readonly version: string;
  readonly description: string | undefined;
  /** Base URL of the API's docs (`package.docsBaseUrl`): where the importer resolved relative links. */
  readonly docsBaseUrl?: string | undefined;
}

export interface Model {
  readonly specVersion: 1;
  readonly package: PackageInfo;
  readonly envelope: Envelope;
  readonly protocol: Protocol;
  /** Codes every action can return (sorted). */
  readonly commonErrors: readonly ErrorCode[];
  /** Sorted by name, then version. */
  readonly services: readonly Service[];
}
