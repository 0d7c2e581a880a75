/**
 * Outcome types shared by every generated service module. This file is part of the output package's
 * runtime (copied, compiled, into `generated/runtime/`); it has no imports and no runtime dependencies.
 */
/** The family of a code: its first dotted segment (`AuthFailure.SignatureFailure` → `AuthFailure`). */
export type FamilyOf<C extends string> = C extends `${infer F}.${string}` ? F : C;
/** The discriminant value of an error whose code the spec does not know. Never a valid spec code. */
export type UnknownCodeKey = "$unknown";
/** An API error whose code the spec knows. Discriminated by `code`. */
export interface KnownApiError<C extends string> {
  readonly kind: "api-error";
  /** The code, as a literal type. */
  readonly code: C;
  /** The code exactly as it came over the wire (same as `code` here). */
  readonly rawCode: C;
  readonly family: FamilyOf<C>;
  readonly message: string;
  readonly requestId: string;
}
/**
 * An API error whose code the spec does not list for this action (the server is newer than the spec).
 * Its `code` is the fixed key `"$unknown"`, so narrowing on a known code never includes it;
 * the wire code is in `rawCode`.
 */
export interface UnknownApiError {
  readonly kind: "api-error";
  readonly code: UnknownCodeKey;
  readonly rawCode: string;
  readonly family: string;
  readonly message: string;
  readonly requestId: string;
}
/** The error union of an action whose known codes are `C`: one variant per code, plus the unknown one. */
export type ApiError<C extends string> =
  (C extends string ? KnownApiError<C> : never) | UnknownApiError;
/** A reply that is not what the spec promises (not JSON, not an envelope, a field of the wrong type…). */
export interface MalformedReply {
  readonly kind: "malformed";
  /** JSON path of the offending value, e.g. `$.Response.InstanceStatusSet[0].InstanceId`. */
  readonly path: string;
  /** What the spec expected there, e.g. `string`, `one of "A" | "B"`, `an object`, `JSON text`. */
  readonly expected: string;
  /** What was found, e.g. `number`, `null`, `absent`. */
  readonly found: string;
  /** The request id, when the envelope was readable enough to have one. */
  readonly requestId: string | undefined;
}
export interface Success<T> {
  readonly ok: true;
  readonly data: T;
  readonly requestId: string;
  /** JSON paths of keys the spec does not declare (tolerated: the server may be newer). */
  readonly unknownFields: readonly string[];
}
export interface Failure<E> {
  readonly ok: false;
  readonly error: E;
}
/** What a parser returns: never throws. */
export type ParseResult<T, C extends string> = Success<T> | Failure<ApiError<C> | MalformedReply>;
