/**
 * Helpers the generated parsers (`<svc>/parsers.js`) call while checking a reply's data against the
 * spec. Internal to the output package: parsers import this module directly; it is not re-exported
 * from the package root.
 *
 * How a generated validator reports, with no path bookkeeping on the success path:
 * - On the first failure the validator calls `bad`/`badValue` with the steps (keys, list indexes)
 *   from its object to the failing value and returns false; each caller returns `up(c, …steps)` with
 *   the steps to the child it called. `ctx.segs` thus collects the path innermost step first.
 * - Unknown keys are noticed by counting the known keys present and comparing with the number of keys
 *   (a for-in count, inline in each validator). Only then `extra` records the object; the paths of
 *   its unknown keys are found after validation by one walk from the data object.
 */
import { type ReplyData } from "./envelope.js";
import type { Failure, MalformedReply, Success } from "./result.js";
/** Validation state for one parse call. */
export interface Ctx {
  /** JSON path of the data object (`$.Response`). */
  root: string;
  /** Steps of the failing value's path, innermost first (filled only on failure). */
  readonly segs: Array<string | number>;
  expected: string;
  found: string;
  /** Objects with unknown keys → their known keys; null while there are none. */
  extras: Map<object, readonly string[]> | null;
  /** Current nesting of recursive types (see MAX_DEPTH). */
  depth: number;
  /** `ReplyData.ownMode`: when `Object.hasOwn` is needed to tell own keys. */
  mode: 0 | 1 | 2;
}
/** Deepest nesting of recursive types before the reply is rejected (far below any stack limit). */
export declare const MAX_DEPTH = 1000;
/** The context for checking the data of `r`. Hand it back with `succeed` or `reject`. */
export declare function newCtx(r: ReplyData): Ctx;
/** Record a failure: wrong kind of value, at `steps` (outermost first) below the current object. Returns false. */
export declare function bad(
  c: Ctx,
  expected: string,
  value: unknown,
  ...steps: Array<string | number>
): false;
/** Record a failure: right kind, wrong content (enum, integer, range, format). Returns false. */
export declare function badValue(
  c: Ctx,
  expected: string,
  value: unknown,
  ...steps: Array<string | number>
): false;
/** A child validator failed: add the steps to it (outermost first). Returns false. */
export declare function up(c: Ctx, ...steps: Array<string | number>): false;
/** Record a failure: recursive types nested deeper than MAX_DEPTH. Returns false. */
export declare function tooDeep(c: Ctx): false;
/** The own data value of a `__proto__` key (a plain read would return the prototype). */
export declare function protoField(x: object): unknown;
/** Note that `x` has keys besides `known` (their paths are computed once validation succeeded). */
export declare function extra(c: Ctx, x: object, known: readonly string[]): void;
export declare function succeed<T>(r: ReplyData, c: Ctx): Success<T>;
export declare function reject(r: ReplyData, c: Ctx): Failure<MalformedReply>;
/** Last line of defence: what an unexpected throw (stack overflow, hostile getter or Proxy) becomes. */
export declare function crashed(e: unknown): Failure<MalformedReply>;
/** `YYYY-MM-DD`. */
export declare function isDate(s: string): boolean;
/** `YYYY-MM-DD hh:mm:ss`. */
export declare function isDateTime(s: string): boolean;
/** ISO 8601 date-time (see DATETIME_ISO). */
export declare function isDateTimeIso(s: string): boolean;
/** Standard base64 with padding (length a multiple of 4). */
export declare function isBase64(s: string): boolean;
