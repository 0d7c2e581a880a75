/**
 * Helpers the generated parsers (`<svc>/parsers.js`) call while checking a reply's data against the
 * spec. Internal to the output package: parsers import this module directly; it is not re-exported
 * from the package root.
 *
 * How a generated validator reports, with no path bookkeeping on the success path:
 * - Every check is straight-line code. A problem is noted with the object or array holding the value
 *   and its key (`bad`, `badValue`, `drift`, `precision`), and checking goes on with the next field or
 *   element, so one pass finds every problem; nothing is allocated while there is none.
 * - Type-protecting problems (`missing`, `null`, `type`, `enum`, `integer`, `range`, `too-deep`) make
 *   the reply malformed; drift (`format`, `open-enum`, `int64-precision`) is listed on the success.
 * - Unknown keys are noticed by counting the known keys present and comparing with the number of keys
 *   (a for-in count, inline in each validator). Only then `extra` records the object.
 * - Paths are computed only when something was noted: one walk from the data object (iterative,
 *   cycle-safe, document order) finds the noted holders.
 * At most MAX_LISTED problems and as many drift entries are kept; the rest are counted.
 */
import type { BigLiterals } from "./big-integers.js";
import { type ReplyData } from "./envelope.js";
import type { EnvelopeShape, Failure, MalformedReply, ReasonCode, Success } from "./result.js";
/** One noted problem or deviation: the key (or index) of the value in its holder; null for the holder itself. */
interface Note {
  readonly key: string | number | null;
  readonly reason: ReasonCode;
  readonly expected: string;
  readonly found: string;
}
/** Validation state for one parse call. */
export interface Ctx {
  /** JSON path of the data object (`$.Response`). */
  root: string;
  /** Type-protecting problems found (listed or not). */
  failures: number;
  /** Drift notes found (listed or not; unknown keys are counted when their paths are computed). */
  drifts: number;
  /** Holders (objects, arrays) → their notes in the order found; null while there are none. */
  notes: Map<object, Note[]> | null;
  /** Objects with unknown keys → their known keys; null while there are none. */
  extras: Map<object, readonly string[]> | null;
  /** Current nesting of recursive types (see MAX_DEPTH). */
  depth: number;
  /** `ReplyData.ownMode`: when `Object.hasOwn` is needed to tell own keys. */
  mode: 0 | 1 | 2;
  /** Exact text of big integer literals (actions with 64-bit fields in bigint or string mode). */
  big: BigLiterals | null;
}
/** Deepest nesting of recursive types before the value is rejected (far below any stack limit). */
export declare const MAX_DEPTH = 1000;
/** Problems (and, separately, drift entries) listed per reply; further ones are only counted. */
export declare const MAX_LISTED = 100;
/** The context for checking the data of `r`. Hand it back with `finish`. */
export declare function newCtx(r: ReplyData): Ctx;
/** A value of the wrong kind (absent, null or the wrong JSON type) at `holder[key]`. */
export declare function bad(
  c: Ctx,
  expected: string,
  value: unknown,
  holder: object,
  key: string | number,
): void;
/** A value of the right kind and wrong content (`enum`, `integer`, `range`) at `holder[key]`. */
export declare function badValue(
  c: Ctx,
  reason: ReasonCode,
  expected: string,
  value: unknown,
  holder: object,
  key: string | number,
): void;
/** A deviation that does not break the type (`format`, `open-enum`) at `holder[key]`. */
export declare function drift(
  c: Ctx,
  reason: ReasonCode,
  expected: string,
  value: unknown,
  holder: object,
  key: string | number,
): void;
/**
 * `number` mode: an integer beyond 2^53 − 1 cannot be held exactly (rounding is monotonic, so a
 * literal beyond 2^53 − 1 always parses to at least 2^53 in magnitude): drift `int64-precision`.
 */
export declare function precision(
  c: Ctx,
  expected: string,
  v: number,
  holder: object,
  key: string | number,
): void;
/**
 * `bigint` (`asString` false) and `string` mode: check a 64-bit integer at `holder[key]` and return
 * it exactly (from its literal when the text was read exactly), or undefined after noting the
 * problem (`type`, `integer`, or `range` outside int64/uint64). A number beyond 2^53 − 1 without its
 * literal (a value input) is converted as it is and noted as `int64-precision` drift: it may
 * already be rounded. A bigint value is taken as it is.
 */
export declare function exact64(
  c: Ctx,
  expected: string,
  v: unknown,
  holder: object,
  key: string | number,
  unsigned: boolean,
  asString: boolean,
): bigint | string | undefined;
/** Recursive types nested deeper than MAX_DEPTH, at `holder`. */
export declare function tooDeep(c: Ctx, holder: object): void;
/**
 * The own value of key `k` of `x`, or undefined (`__proto__` read from its own property descriptor).
 * Generated checks call it only for keys Object.prototype has, or when `x` needs it (`h`, see
 * `ReplyData.ownMode`): every other key is read plainly, with no call on the success path.
 */
export { ownValue } from "./envelope.js";
/** Element `i` of array `a` when it is own (a hole of an array given as a value reads nothing inherited). */
export declare function element(a: readonly unknown[], i: number): unknown;
/** Note that `x` has keys besides `known` (their paths are computed once validation is done). */
export declare function extra(c: Ctx, x: object, known: readonly string[]): void;
/** The outcome once the validator of the data object has run: a success (maybe with drift) or malformed. */
export declare function finish<T>(
  r: ReplyData,
  c: Ctx,
): Success<T, EnvelopeShape> | Failure<MalformedReply>;
/**
 * Last line of defence: what an unexpected throw (stack overflow, hostile getter or Proxy) becomes.
 * `body`: what was given (the text, or the value).
 */
export declare function crashed(e: unknown, body: unknown): Failure<MalformedReply>;
/** `YYYY-MM-DD`. */
export declare function isDate(s: string): boolean;
/** `YYYY-MM-DD hh:mm:ss`. */
export declare function isDateTime(s: string): boolean;
/** ISO 8601 date-time (see DATETIME_ISO). */
export declare function isDateTimeIso(s: string): boolean;
/** Standard base64 with padding (length a multiple of 4). */
export declare function isBase64(s: string): boolean;
