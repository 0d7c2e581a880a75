/**
 * Outcome types shared by every generated service module. This file is part of the output package's
 * runtime (copied, compiled, into `generated/runtime/`); it has no imports and no runtime dependencies.
 */
/** An error code: a string, or a number where the spec's envelope says `codes: number`. */
export type Code = string | number;
/**
 * The family of a code: its first dotted segment (`AuthFailure.SignatureFailure` → `AuthFailure`).
 * A numeric code has no family: its `family` is its decimal text, and `match` has no family key for it.
 */
export type FamilyOf<C extends Code> = C extends number
  ? `${C}`
  : C extends `${infer F}.${string}`
    ? F
    : C;
/**
 * What a package's envelope decides about every outcome: the type of the request id (`string | undefined`
 * when replies may lack it), of an unknown code's `rawCode` (`number` for numeric codes) and the further
 * fields every API error carries (`{ readonly details?: unknown }`, declared in the spec). Generated
 * packages whose envelope differs from the default pass their own (`Shape` in their `common.d.ts`).
 */
export interface EnvelopeShape {
  readonly requestId: string | undefined;
  readonly rawCode: Code;
  readonly error: object;
}
/** The shape of Tencent Cloud's envelope: a request id in every reply, string codes, no further error fields. */
export interface DefaultShape {
  readonly requestId: string;
  readonly rawCode: string;
  readonly error: {};
}
/** The discriminant value of an error whose code the spec does not know. Never a valid spec code. */
export type UnknownCodeKey = "$unknown";
/** An API error whose code the spec knows. Discriminated by `code`. */
export interface KnownApiError<C extends Code> extends KnownApiErrorOf<C, string> {}
/**
 * An API error whose code the spec knows, with the request id type `R` of its envelope
 * (`string | undefined` where replies may lack one; `KnownApiError<C>` is `KnownApiErrorOf<C, string>`).
 */
export interface KnownApiErrorOf<C extends Code, R extends string | undefined> {
  readonly kind: "api-error";
  /** The code, as a literal type. */
  readonly code: C;
  /** The code exactly as it came over the wire (same as `code` here). */
  readonly rawCode: C;
  readonly family: FamilyOf<C>;
  readonly message: string;
  readonly requestId: R;
}
/**
 * An API error whose code the spec does not list for this action (the server is newer than the spec).
 * Its `code` is the fixed key `"$unknown"`, so narrowing on a known code never includes it;
 * the wire code is in `rawCode`.
 */
export interface UnknownApiError<R extends string | undefined = string, RC extends Code = string> {
  readonly kind: "api-error";
  readonly code: UnknownCodeKey;
  readonly rawCode: RC;
  readonly family: string;
  readonly message: string;
  readonly requestId: R;
}
/**
 * The error union of an action whose known codes are `C`: one variant per code, plus the unknown one;
 * each with the further error fields of the envelope `S`.
 */
export type ApiError<C extends Code, S extends EnvelopeShape = DefaultShape> =
  | (C extends Code
      ? (S["requestId"] extends string ? KnownApiError<C> : KnownApiErrorOf<C, S["requestId"]>) &
          S["error"]
      : never)
  | (UnknownApiError<S["requestId"], S["rawCode"]> & S["error"]);
/**
 * Machine-readable reason of a problem, shared by the runtime, `tcgen verify` and the client. Never
 * branch on the English `expected`/`found` texts: they are for people and may be reworded.
 *
 * Reply level (a `MalformedReply` only): `not-json` (the text is not JSON), `not-envelope` (no
 * envelope: not an object, no request id, a bad error object or data key).
 *
 * Type-protecting (a `MalformedReply`: the value cannot be handed over as the declared type):
 * `missing` (a required field is absent), `null` (null where the field is not nullable), `type` (the
 * wrong JSON type), `enum` (a value outside a closed enum), `integer` (a number that is not an
 * integer), `range` (a negative uint64, an int32 out of range), `too-deep` (recursive types nested
 * deeper than the limit), `threw` (the value threw while being read: a hostile getter or Proxy).
 *
 * Drift only (listed in `Success.drift`; the reply is still a success): `format` (a date, datetime,
 * base64 text not in the spec's format), `open-enum` (a value outside an open enum's known values),
 * `unknown-field` (a key the spec does not declare), `int64-precision` (in `number` mode, a 64-bit
 * integer beyond 2^53 − 1 that a JavaScript number cannot hold exactly, or a number given as a value
 * that may already have been rounded).
 */
export type ReasonCode =
  | "not-json"
  | "not-envelope"
  | "missing"
  | "null"
  | "type"
  | "enum"
  | "integer"
  | "range"
  | "too-deep"
  | "threw"
  | "format"
  | "open-enum"
  | "unknown-field"
  | "int64-precision";
/** One problem or deviation, located. */
export interface Issue {
  /** JSON path of the value, e.g. `$.Response.InstanceSet[0].CreatedTime`. */
  readonly path: string;
  readonly reason: ReasonCode;
  /** What the spec expected there, e.g. `string`, `datetime (YYYY-MM-DD hh:mm:ss)`. For people. */
  readonly expected: string;
  /** What was found, e.g. `absent`, `null`, `the string "0000-00-00 00:00:00"`. For people. */
  readonly found: string;
}
/**
 * A reply that is not what the spec promises (not JSON, not an envelope, a field of the wrong type…).
 * Nothing the server sent is lost: `body` holds it, `issues` lists every type-protecting problem.
 */
export interface MalformedReply {
  readonly kind: "malformed";
  /** JSON path of the first problem, e.g. `$.Response.InstanceStatusSet[0].InstanceId` (= `issues[0].path`). */
  readonly path: string;
  /** What the spec expected there, e.g. `string`, `one of "A" | "B"`, `an object`, `JSON text`. */
  readonly expected: string;
  /** What was found, e.g. `number`, `null`, `absent`. */
  readonly found: string;
  /** Reason of the first problem (= `issues[0].reason`). */
  readonly reason: ReasonCode;
  /** Every type-protecting problem found, in document order: at most 100 (the first is `path`/`expected`/`found`). */
  readonly issues: readonly Issue[];
  /** How many further problems were found but not listed (present only when some were left out). */
  readonly issuesOmitted?: number;
  /** What the server sent: the parsed JSON value, or the raw text when it was not JSON (the input value when a value was given). */
  readonly body: unknown;
  /** The request id, when the envelope was readable enough to have one. */
  readonly requestId: string | undefined;
}
export interface Success<T, S extends EnvelopeShape = DefaultShape> {
  readonly ok: true;
  readonly data: T;
  readonly requestId: S["requestId"];
  /** JSON paths of keys the spec does not declare (tolerated: the server may be newer). Also in `drift`. */
  readonly unknownFields: readonly string[];
  /**
   * Every deviation from the spec that does not break the type (reasons `unknown-field`, `format`,
   * `open-enum`, `int64-precision`), in document order: at most 100; empty when the reply conforms.
   */
  readonly drift: readonly Issue[];
  /** How many further deviations were found but not listed (present only when some were left out). */
  readonly driftOmitted?: number;
}
export interface Failure<E> {
  readonly ok: false;
  readonly error: E;
}
/**
 * What a reply parser (`parse<Action>`) returns; it never throws. Its input is the reply as JSON text (a
 * string is always parsed as JSON text, never taken as a value) or an already-parsed JSON value.
 *
 * - `ok: true`: the checked data; deviations that keep the type (unknown keys, a date in another format,
 *   an unknown value of an open enum…) are listed in `drift`.
 * - `ok: false`: the API error (known codes typed, others as `$unknown`), or a `MalformedReply` listing
 *   every problem and keeping the reply in `body`.
 */
export type ParseResult<T, C extends Code, S extends EnvelopeShape = DefaultShape> =
  Success<T, S> | Failure<ApiError<C, S> | MalformedReply>;
