/**
 * Reading the envelope of a reply: the part of parsing that is the same for every action.
 *
 * `readReply(input, config, commonCodes, actionCodes)` turns raw input into one of:
 * - an API error (`KnownApiError` when the code is a common code or one of the action's own codes,
 *   else `UnknownApiError` with `code: "$unknown"` and the wire code in `rawCode`),
 * - a `MalformedReply` (not JSON, not an envelope, …) with the JSON path of the problem,
 * - the success data object, still to be checked against the action's fields by the generated parser.
 *
 * Rules (part of the output's contract):
 * - A string input is always JSON text (`JSON.parse`); any other value is taken as already parsed.
 * - Only own properties are read (`Object.hasOwn`); `__proto__` is read as an own data property, so an
 *   inherited `toString`, a key someone added to `Object.prototype` or `Array.prototype` (enumerable or
 *   not) or a prototype can never count as a field.
 * - Every malformed outcome keeps what the server sent in `body` (the parsed JSON value, or the raw text
 *   when it was not JSON) and says why with a reason code (`not-json`, `not-envelope`).
 * - With `exact` set (the action's reply has 64-bit integer fields), integer literals of 16 digits or
 *   more are read exactly from the text (runtime/big-integers.ts) and kept beside the data in `big`.
 * - The error code is a string (a safe integer with `numeric`); the request id a string (absent or
 *   `null` tolerated with `ridOptional`; never read when the key is null). The message must be a string
 *   when present; an absent or `null` message is tolerated and read as `""` (the code is what callers
 *   branch on).
 * - Success: with `successKey`, the boolean flag decides (true: success whatever else the reply holds;
 *   false: an error, read from the error object or the wrapper). Else with `successCodes`, the code
 *   decides. Else a reply is a success when its error object is absent or `null`.
 * - `errorFields` are copied onto the API error value after a JSON-kind check (a mismatch is
 *   `not-envelope` at that field); an absent optional field stays absent.
 * - Never throws for any input the parsers can be given: callers still wrap it in try/catch for
 *   hostile objects (throwing getters, Proxies).
 *
 * No imports beyond this runtime, no Node APIs.
 */
import { type BigLiterals } from "./big-integers.js";
import type {
  ApiError,
  Code,
  EnvelopeShape,
  Failure,
  MalformedReply,
  ReasonCode,
} from "./result.js";
/**
 * One further field of the error: key, JSON kind (`s` string, `i` integer, `f` number, `b` boolean,
 * `j` any JSON value; `[]` suffix: a list of them), optional, nullable.
 */
export type ErrorFieldSpec = readonly [
  key: string,
  kind: string,
  optional: boolean,
  nullable: boolean,
];
/** The envelope shape, as the generated parsers pass it (a frozen constant per service module). */
export interface EnvelopeConfig {
  /** Key wrapping the reply (`Response`), or null when the reply object is the envelope. */
  readonly wrapper: string | null;
  /** Key of the request id inside the wrapper; null when replies carry none. */
  readonly requestId: string | null;
  /** The request id may be absent (or null). */
  readonly ridOptional?: boolean | undefined;
  /** Codes are JSON numbers (safe integers); `successCodes` then holds numbers. */
  readonly numeric?: boolean | undefined;
  /** Key of a boolean success flag. */
  readonly successKey?: string | undefined;
  /** Further fields of the error, typed on the API error value. */
  readonly errorFields?: readonly ErrorFieldSpec[] | undefined;
  /** Key of the error object inside the wrapper, or null when code and message sit in the wrapper. */
  readonly errorKey: string | null;
  readonly codeKey: string;
  readonly messageKey: string;
  /** Empty: success = no error object. Non-empty: success iff the code is one of these. */
  readonly successCodes: readonly Code[];
  /** Key holding the fields, or null when they sit beside the request id. */
  readonly dataKey: string | null;
}
/** Codes known for an action: null-prototype objects whose own keys are the codes. */
export type CodeTable = {
  readonly [code: string]: unknown;
};
/** A reply whose envelope says success: the data object still has to be checked field by field. */
export interface ReplyData {
  readonly ok: true;
  /** The object holding the action's fields (the wrapper itself when `dataKey` is null). */
  readonly data: Record<string, unknown>;
  /** Undefined only where the envelope allows replies without one. */
  readonly requestId: string | undefined;
  /** JSON path of `data`, e.g. `$.Response` or `$.Data`. */
  readonly path: string;
  /**
   * How the generated checks establish that a key is an own property (`Object.hasOwn` on every field
   * costs more than all other checks together):
   * - 0: the input was JSON text and Object.prototype has no enumerable keys. Every object came from
   *   `JSON.parse`, so a key that Object.prototype does not have is own exactly when its value is not
   *   undefined (keys Object.prototype has, and `__proto__`, are always checked with `Object.hasOwn`);
   * - 1: the input was a value: as 0 for objects whose prototype is Object.prototype or null,
   *   `Object.hasOwn` for any other object;
   * - 2: Object.prototype has enumerable keys (someone polluted it): `Object.hasOwn` everywhere.
   * In modes 0 and 1 a key someone added to Object.prototype without making it enumerable is caught
   * where it is read: a key `in` Object.prototype is taken only when it is own.
   */
  readonly ownMode: 0 | 1 | 2;
  /** The whole reply as parsed (kept for `MalformedReply.body`). */
  readonly body: unknown;
  /** Exact text of the big integer literals, by holder and key (see runtime/big-integers.ts); null when none. */
  readonly big: BigLiterals | null;
}
export type ReplyRead = ReplyData | Failure<ApiError<Code, EnvelopeShape> | MalformedReply>;
/** One step of a JSON path: `.Key`, `["a-b"]` or `[3]`. */
export declare function pathSegment(key: string | number): string;
/** The value of an own property, or undefined. `__proto__` is read as an own data property. */
export declare function ownValue(o: object, key: string): unknown;
/** True when Object.prototype has an enumerable key (it has none unless someone polluted it). */
export declare function prototypePolluted(): boolean;
/** How a value is described in `MalformedReply.found`: its JSON kind. */
export declare function describeKind(v: unknown): string;
/** How a value of the right kind but wrong content is described: its JSON text, shortened. */
export declare function describeValue(v: unknown): string;
/** A malformed outcome with a single problem. */
export declare function malformed(
  reason: ReasonCode,
  path: string,
  expected: string,
  found: string,
  requestId: string | undefined,
  body: unknown,
): Failure<MalformedReply>;
/** The family of a code: its first dotted segment. */
export declare function familyOf(code: string): string;
/**
 * The API error for a wire code: known when it is a common code or one of the action's own codes.
 * `actionCodes` may be undefined (an action the code tables do not list: every non-common code is unknown).
 */
export declare function apiError(
  code: Code,
  message: string,
  requestId: string | undefined,
  commonCodes: CodeTable,
  actionCodes: CodeTable | undefined,
  extra?: Record<string, unknown>,
): Failure<ApiError<Code, EnvelopeShape>>;
/**
 * Read the envelope of a reply. `input`: JSON text (a string is always parsed as JSON) or an
 * already-parsed value. `exact`: read big integer literals exactly (see the module comment).
 */
export declare function readReply(
  input: unknown,
  config: EnvelopeConfig,
  commonCodes: CodeTable,
  actionCodes: CodeTable | undefined,
  exact?: boolean,
): ReplyRead;
