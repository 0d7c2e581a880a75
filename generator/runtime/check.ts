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
import { describeKind, describeValue, malformed, ownValue, pathSegment, type ReplyData } from "./envelope.js";
import type { EnvelopeShape, Failure, Issue, MalformedReply, ReasonCode, Success } from "./result.js";

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
export const MAX_DEPTH = 1000;

/** Problems (and, separately, drift entries) listed per reply; further ones are only counted. */
export const MAX_LISTED = 100;

const EMPTY: readonly never[] = Object.freeze([]);
const hasOwn = Object.hasOwn;

/**
 * One context is kept for reuse (parsing is synchronous; a parse started while another runs, from a
 * getter of a hostile input, simply gets a fresh one). Saves two allocations per call.
 */
let spare: Ctx | null = null;

/** The context for checking the data of `r`. Hand it back with `finish`. */
export function newCtx(r: ReplyData): Ctx {
  const c = spare;
  if (c === null) {
    return { root: r.path, failures: 0, drifts: 0, notes: null, extras: null, depth: 0, mode: r.ownMode, big: r.big };
  }
  spare = null;
  c.root = r.path;
  c.mode = r.ownMode;
  c.big = r.big;
  return c;
}

function release(c: Ctx): void {
  c.failures = 0;
  c.drifts = 0;
  c.notes = null;
  c.extras = null;
  c.depth = 0;
  c.big = null;
  spare = c;
}

function note(c: Ctx, holder: object, key: string | number | null, reason: ReasonCode, expected: string, found: string): void {
  const notes = (c.notes ??= new Map());
  const list = notes.get(holder);
  const n: Note = { key, reason, expected, found };
  if (list === undefined) notes.set(holder, [n]);
  else list.push(n);
}

/** A value of the wrong kind (absent, null or the wrong JSON type) at `holder[key]`. */
export function bad(c: Ctx, expected: string, value: unknown, holder: object, key: string | number): void {
  if (++c.failures > MAX_LISTED) return;
  const reason: ReasonCode = value === undefined ? "missing" : value === null ? "null" : "type";
  note(c, holder, key, reason, expected, describeKind(value));
}

/** A value of the right kind and wrong content (`enum`, `integer`, `range`) at `holder[key]`. */
export function badValue(c: Ctx, reason: ReasonCode, expected: string, value: unknown, holder: object, key: string | number): void {
  if (++c.failures > MAX_LISTED) return;
  note(c, holder, key, reason, expected, describeValue(value));
}

/** A deviation that does not break the type (`format`, `open-enum`) at `holder[key]`. */
export function drift(c: Ctx, reason: ReasonCode, expected: string, value: unknown, holder: object, key: string | number): void {
  if (++c.drifts > MAX_LISTED) return;
  note(c, holder, key, reason, expected, describeValue(value));
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** How a 64-bit integer beyond 2^53 − 1 is shown: its exact literal when the text was read exactly. */
function wideText(c: Ctx, holder: object, key: string | number, v: number): string {
  const literal = c.big?.get(holder)?.get(key);
  return literal !== undefined ? `the number ${literal}` : `the number ${String(v)} (beyond 2^53 - 1: not exact)`;
}

/**
 * `number` mode: an integer beyond 2^53 − 1 cannot be held exactly (rounding is monotonic, so a
 * literal beyond 2^53 − 1 always parses to at least 2^53 in magnitude): drift `int64-precision`.
 */
export function precision(c: Ctx, expected: string, v: number, holder: object, key: string | number): void {
  if (++c.drifts > MAX_LISTED) return;
  note(c, holder, key, "int64-precision", expected, wideText(c, holder, key, v));
}

/**
 * `bigint` (`asString` false) and `string` mode: check a 64-bit integer at `holder[key]` and return
 * it exactly (from its literal when the text was read exactly), or undefined after noting the
 * problem (`type`, `integer`, or `range` outside int64/uint64). A number beyond 2^53 − 1 without its
 * literal (a value input) is converted as it is and noted as `int64-precision` drift: it may
 * already be rounded. A bigint value is taken as it is.
 */
export function exact64(
  c: Ctx,
  expected: string,
  v: unknown,
  holder: object,
  key: string | number,
  unsigned: boolean,
  asString: boolean,
): bigint | string | undefined {
  let b: bigint;
  if (typeof v === "bigint") b = v;
  else if (typeof v !== "number") {
    bad(c, expected, v, holder, key);
    return undefined;
  } else if (v <= MAX_SAFE && v >= -MAX_SAFE && Number.isInteger(v)) b = BigInt(v);
  else {
    const literal = c.big?.get(holder)?.get(key);
    if (literal !== undefined && Number(literal) === v) b = BigInt(literal);
    else if (!Number.isInteger(v)) {
      badValue(c, Number.isFinite(v) ? "integer" : "range", expected, v, holder, key);
      return undefined;
    } else {
      b = BigInt(v);
      precision(c, expected, v, holder, key);
    }
  }
  if (unsigned ? b < 0n || b > MAX_U64 : b < MIN_I64 || b > MAX_I64) {
    badValue(c, "range", expected, v, holder, key);
    return undefined;
  }
  return asString ? b.toString() : b;
}

const MAX_U64 = 18446744073709551615n;
const MAX_I64 = 9223372036854775807n;
const MIN_I64 = -9223372036854775808n;

/** Recursive types nested deeper than MAX_DEPTH, at `holder`. */
export function tooDeep(c: Ctx, holder: object): void {
  if (++c.failures > MAX_LISTED) return;
  note(c, holder, null, "too-deep", `nesting within ${MAX_DEPTH} levels`, "deeper nesting");
}

/**
 * The own value of key `k` of `x`, or undefined (`__proto__` read from its own property descriptor).
 * Generated checks call it only for keys Object.prototype has, or when `x` needs it (`h`, see
 * `ReplyData.ownMode`): every other key is read plainly, with no call on the success path.
 */
export { ownValue } from "./envelope.js";

/** Element `i` of array `a` when it is own (a hole of an array given as a value reads nothing inherited). */
export function element(a: readonly unknown[], i: number): unknown {
  return hasOwn(a, i) ? a[i] : undefined;
}

/** Note that `x` has keys besides `known` (their paths are computed once validation is done). */
export function extra(c: Ctx, x: object, known: readonly string[]): void {
  (c.extras ??= new Map()).set(x, known);
}

/** What the walk found: notes with paths (document order), and unknown keys. */
interface Located {
  readonly issues: Issue[];
  readonly drift: Issue[];
  readonly unknown: string[];
}

/** A container on the walk's stack; its path is built only when needed (from the parent links). */
interface Step {
  readonly value: object;
  readonly parent: Step | null;
  readonly key: string | number;
}

function pathOf(step: Step, rootPath: string): string {
  const keys: Array<string | number> = [];
  for (let s: Step | null = step; s.parent !== null; s = s.parent) keys.push(s.key);
  let path = rootPath;
  for (let i = keys.length - 1; i >= 0; i--) path += pathSegment(keys[i] as string | number);
  return path;
}

/**
 * One walk (iterative, cycle-safe) from the data object, in document order, not descending below
 * unknown keys, until every noted holder is found. Reads own properties only; only containers are
 * visited, and a path is built only for a holder found.
 */
function locate(
  root: object,
  rootPath: string,
  notes: Map<object, Note[]> | null,
  extras: Map<object, readonly string[]> | null,
  tree: boolean,
): Located {
  const out: Located = { issues: [], drift: [], unknown: [] };
  const stack: Step[] = [{ value: root, parent: null, key: "" }];
  // `JSON.parse` makes a tree (no cycles, nothing shared): then no object is met twice.
  const seen = tree ? null : new Set<object>();
  let remaining = (notes?.size ?? 0) + (extras?.size ?? 0);
  const push = (value: unknown, parent: Step, key: string | number): void => {
    if (typeof value === "object" && value !== null) stack.push({ value, parent, key });
  };
  while (remaining > 0) {
    const top = stack.pop();
    if (top === undefined) break;
    const v = top.value;
    if (seen !== null) {
      if (seen.has(v)) continue;
      seen.add(v);
    }
    const here = notes?.get(v);
    const known = extras?.get(v);
    const path = here !== undefined || known !== undefined ? pathOf(top, rootPath) : "";
    if (here !== undefined) {
      remaining--;
      for (const n of here) {
        const issue: Issue = { path: n.key === null ? path : path + pathSegment(n.key), reason: n.reason, expected: n.expected, found: n.found };
        (DRIFT_REASONS.has(n.reason) ? out.drift : out.issues).push(issue);
      }
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) push(element(v, i), top, i);
      continue;
    }
    const keys = Object.keys(v);
    if (known !== undefined) {
      remaining--;
      for (const k of keys) {
        if (known.includes(k)) continue;
        const at = path + pathSegment(k);
        out.unknown.push(at);
        out.drift.push({ path: at, reason: "unknown-field", expected: "only the keys the spec declares", found: "a key the spec does not declare" });
      }
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i] as string;
      if (known !== undefined && !known.includes(k)) continue;
      push(k === "__proto__" ? ownValue(v, k) : (v as Record<string, unknown>)[k], top, k);
    }
  }
  return out;
}

const DRIFT_REASONS: ReadonlySet<ReasonCode> = new Set<ReasonCode>(["format", "open-enum", "int64-precision", "unknown-field"]);

/** The outcome once the validator of the data object has run: a success (maybe with drift) or malformed. */
export function finish<T>(r: ReplyData, c: Ctx): Success<T, EnvelopeShape> | Failure<MalformedReply> {
  if (c.failures !== 0) return reject(r, c);
  if (c.notes === null && c.extras === null) {
    // nothing noted: counters are 0 and the depth is back to 0, only `big` needs clearing
    if (c.big !== null) c.big = null;
    spare = c;
    return { ok: true, data: r.data as T, requestId: r.requestId, unknownFields: EMPTY, drift: EMPTY };
  }
  const found = locate(r.data, r.path, c.notes, c.extras, r.ownMode === 0);
  const all = found.drift;
  const total = c.drifts + found.unknown.length;
  release(c);
  const drift = all.length > MAX_LISTED ? all.slice(0, MAX_LISTED) : all;
  const result: Success<T, EnvelopeShape> = { ok: true, data: r.data as T, requestId: r.requestId, unknownFields: found.unknown, drift };
  return total > drift.length ? { ...result, driftOmitted: total - drift.length } : result;
}

function reject(r: ReplyData, c: Ctx): Failure<MalformedReply> {
  const found = locate(r.data, r.path, c.notes, null, r.ownMode === 0);
  const issues = found.issues.length > 0 ? found.issues : [{ path: r.path, reason: "type" as const, expected: "a reply the spec describes", found: "a value that could not be located" }];
  const omitted = c.failures - issues.length;
  release(c);
  const first = issues[0] as Issue;
  const error: MalformedReply = {
    kind: "malformed",
    path: first.path,
    expected: first.expected,
    found: first.found,
    reason: first.reason,
    issues,
    ...(omitted > 0 ? { issuesOmitted: omitted } : {}),
    body: r.body,
    requestId: r.requestId,
  };
  return { ok: false, error };
}

/**
 * Last line of defence: what an unexpected throw (stack overflow, hostile getter or Proxy) becomes.
 * `body`: what was given (the text, or the value).
 */
export function crashed(e: unknown, body: unknown): Failure<MalformedReply> {
  let deep = false;
  try {
    deep = e instanceof RangeError;
  } catch {
    deep = false;
  }
  return deep
    ? malformed("too-deep", "$", "nesting within limits", "nesting too deep to check", undefined, body)
    : malformed("threw", "$", "a JSON value", "a value that threw while being read", undefined, body);
}

const DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
const DATETIME = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]) (?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)$/;
/**
 * ISO 8601 date and time: `T` (or, as some real replies and the spec's own examples have it, a
 * space) between date and time, optional fraction, optional `Z` or `±hh:mm` offset.
 */
const DATETIME_ISO =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[Tt ](?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** `YYYY-MM-DD`. */
export function isDate(s: string): boolean {
  return DATE.test(s);
}

/** `YYYY-MM-DD hh:mm:ss`. */
export function isDateTime(s: string): boolean {
  return DATETIME.test(s);
}

/** ISO 8601 date-time (see DATETIME_ISO). */
export function isDateTimeIso(s: string): boolean {
  return DATETIME_ISO.test(s);
}

/** Standard base64 with padding (length a multiple of 4). */
export function isBase64(s: string): boolean {
  return s.length % 4 === 0 && BASE64.test(s);
}
