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
import { describeKind, describeValue, malformed, ownValue, pathSegment } from "./envelope.js";
/** Deepest nesting of recursive types before the reply is rejected (far below any stack limit). */
export const MAX_DEPTH = 1000;
const EMPTY = Object.freeze([]);
/**
 * One context is kept for reuse (parsing is synchronous; a parse started while another runs, from a
 * getter of a hostile input, simply gets a fresh one). Saves two allocations per call.
 */
let spare = null;
/** The context for checking the data of `r`. Hand it back with `succeed` or `reject`. */
export function newCtx(r) {
  const c = spare;
  if (c === null)
    return {
      root: r.path,
      segs: [],
      expected: "",
      found: "",
      extras: null,
      depth: 0,
      mode: r.ownMode,
    };
  spare = null;
  c.root = r.path;
  c.mode = r.ownMode;
  return c;
}
function release(c) {
  // (empty after a success; setting length costs a builtin call)
  if (c.segs.length !== 0) c.segs.length = 0;
  c.extras = null;
  c.depth = 0;
  spare = c;
}
function push(c, steps) {
  for (let i = steps.length - 1; i >= 0; i--) c.segs.push(steps[i]);
}
/** Record a failure: wrong kind of value, at `steps` (outermost first) below the current object. Returns false. */
export function bad(c, expected, value, ...steps) {
  push(c, steps);
  c.expected = expected;
  c.found = describeKind(value);
  return false;
}
/** Record a failure: right kind, wrong content (enum, integer, range, format). Returns false. */
export function badValue(c, expected, value, ...steps) {
  push(c, steps);
  c.expected = expected;
  c.found = describeValue(value);
  return false;
}
/** A child validator failed: add the steps to it (outermost first). Returns false. */
export function up(c, ...steps) {
  push(c, steps);
  return false;
}
/** Record a failure: recursive types nested deeper than MAX_DEPTH. Returns false. */
export function tooDeep(c) {
  c.expected = `nesting within ${MAX_DEPTH} levels`;
  c.found = "deeper nesting";
  return false;
}
/** The own data value of a `__proto__` key (a plain read would return the prototype). */
export function protoField(x) {
  return Object.getOwnPropertyDescriptor(x, "__proto__")?.value;
}
/** Note that `x` has keys besides `known` (their paths are computed once validation succeeded). */
export function extra(c, x, known) {
  (c.extras ??= new Map()).set(x, known);
}
/**
 * Paths of the unknown keys of the noted objects: one walk (iterative, cycle-safe) from the data
 * object, in document order, not descending below unknown keys.
 */
function unknownPaths(root, rootPath, extras) {
  const out = [];
  const stack = [{ value: root, path: rootPath }];
  const seen = new Set();
  let remaining = extras.size;
  while (remaining > 0) {
    const top = stack.pop();
    if (top === undefined) break;
    const v = top.value;
    if (typeof v !== "object" || v === null || seen.has(v)) continue;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--)
        stack.push({ value: v[i], path: `${top.path}[${i}]` });
      continue;
    }
    const known = extras.get(v);
    const keys = Object.keys(v);
    if (known !== undefined) {
      remaining--;
      for (const k of keys) if (!known.includes(k)) out.push(top.path + pathSegment(k));
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i];
      if (known !== undefined && !known.includes(k)) continue;
      stack.push({ value: ownValue(v, k), path: top.path + pathSegment(k) });
    }
  }
  return out;
}
export function succeed(r, c) {
  const unknownFields = c.extras === null ? EMPTY : unknownPaths(r.data, r.path, c.extras);
  release(c);
  return { ok: true, data: r.data, requestId: r.requestId, unknownFields };
}
export function reject(r, c) {
  let path = c.root;
  for (let i = c.segs.length - 1; i >= 0; i--) path += pathSegment(c.segs[i]);
  const result = malformed(path, c.expected, c.found, r.requestId);
  release(c);
  return result;
}
/** Last line of defence: what an unexpected throw (stack overflow, hostile getter or Proxy) becomes. */
export function crashed(e) {
  let deep = false;
  try {
    deep = e instanceof RangeError;
  } catch {
    deep = false;
  }
  return deep
    ? malformed("$", "nesting within limits", "nesting too deep to check", undefined)
    : malformed("$", "a JSON value", "a value that threw while being read", undefined);
}
const DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
const DATETIME =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]) (?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)$/;
/**
 * ISO 8601 date and time: `T` (or, as some real replies and the spec's own examples have it, a
 * space) between date and time, optional fraction, optional `Z` or `±hh:mm` offset.
 */
const DATETIME_ISO =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[Tt ](?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** `YYYY-MM-DD`. */
export function isDate(s) {
  return DATE.test(s);
}
/** `YYYY-MM-DD hh:mm:ss`. */
export function isDateTime(s) {
  return DATETIME.test(s);
}
/** ISO 8601 date-time (see DATETIME_ISO). */
export function isDateTimeIso(s) {
  return DATETIME_ISO.test(s);
}
/** Standard base64 with padding (length a multiple of 4). */
export function isBase64(s) {
  return s.length % 4 === 0 && BASE64.test(s);
}
