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
import { readExact, type BigLiterals } from "./big-integers.js";
import type { ApiError, Code, EnvelopeShape, Failure, MalformedReply, ReasonCode } from "./result.js";

/**
 * One further field of the error: key, JSON kind (`s` string, `i` integer, `f` number, `b` boolean,
 * `j` any JSON value; `[]` suffix: a list of them), optional, nullable.
 */
export type ErrorFieldSpec = readonly [key: string, kind: string, optional: boolean, nullable: boolean];

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
export type CodeTable = { readonly [code: string]: unknown };

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

const hasOwn = Object.hasOwn;
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** One step of a JSON path: `.Key`, `["a-b"]` or `[3]`. */
export function pathSegment(key: string | number): string {
  if (typeof key === "number") return `[${key}]`;
  return IDENT.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** The value of an own property, or undefined. `__proto__` is read as an own data property. */
export function ownValue(o: object, key: string): unknown {
  if (!hasOwn(o, key)) return undefined;
  if (key === "__proto__") return Object.getOwnPropertyDescriptor(o, key)?.value;
  return (o as Record<string, unknown>)[key];
}

const OBJECT_PROTOTYPE: object = Object.prototype;
const getPrototypeOf = Object.getPrototypeOf;

/** True when Object.prototype has an enumerable key (it has none unless someone polluted it). */
export function prototypePolluted(): boolean {
  for (const _ in OBJECT_PROTOTYPE) return true;
  return false;
}

/**
 * `ownValue` without `Object.hasOwn` where it cannot matter (see `ReplyData.ownMode`; `mode` is 2
 * also when an envelope key is one Object.prototype has).
 */
function readOwn(o: object, key: string, mode: 0 | 1 | 2): unknown {
  if (mode === 2) return ownValue(o, key);
  const v = (o as Record<string, unknown>)[key];
  if (v === undefined) return v;
  // a key someone added to Object.prototype (enumerable or not; `in` runs no getter): inherited unless own
  if (key in OBJECT_PROTOTYPE && !hasOwn(o, key)) return undefined;
  if (mode === 0) return v;
  const p: unknown = getPrototypeOf(o);
  if (p === OBJECT_PROTOTYPE || p === null) return v;
  return hasOwn(o, key) ? v : undefined;
}

/** Plain JSON object: not null, not an array. */
function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** How a value is described in `MalformedReply.found`: its JSON kind. */
export function describeKind(v: unknown): string {
  if (v === undefined) return "absent";
  if (v === null) return "null";
  switch (typeof v) {
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "boolean":
      return "a boolean";
    case "object":
      return Array.isArray(v) ? "an array" : "an object";
    default:
      return `a ${typeof v}`;
  }
}

/** How a value of the right kind but wrong content is described: its JSON text, shortened. */
export function describeValue(v: unknown): string {
  if (typeof v === "string") {
    const text = JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
    return `the string ${text}`;
  }
  if (typeof v === "number") return `the number ${String(v)}`;
  return describeKind(v);
}

/** A malformed outcome with a single problem. */
export function malformed(
  reason: ReasonCode,
  path: string,
  expected: string,
  found: string,
  requestId: string | undefined,
  body: unknown,
): Failure<MalformedReply> {
  return {
    ok: false,
    error: { kind: "malformed", path, expected, found, reason, issues: [{ path, reason, expected, found }], body, requestId },
  };
}

/** The family of a code: its first dotted segment. */
export function familyOf(code: string): string {
  const dot = code.indexOf(".");
  return dot < 0 ? code : code.slice(0, dot);
}

/**
 * The API error for a wire code: known when it is a common code or one of the action's own codes.
 * `actionCodes` may be undefined (an action the code tables do not list: every non-common code is unknown).
 */
export function apiError(
  code: Code,
  message: string,
  requestId: string | undefined,
  commonCodes: CodeTable,
  actionCodes: CodeTable | undefined,
  extra?: Record<string, unknown>,
): Failure<ApiError<Code, EnvelopeShape>> {
  const key = typeof code === "number" ? String(code) : code;
  const known = hasOwn(commonCodes, key) || (actionCodes !== undefined && hasOwn(actionCodes, key));
  const error = {
    kind: "api-error" as const,
    code: known ? code : ("$unknown" as const),
    rawCode: code,
    family: typeof code === "number" ? key : familyOf(code),
    message,
    requestId,
  };
  // (the known/unknown split of `code` is what the union's variants describe; checked above)
  const value = (extra === undefined ? error : { ...extra, ...error }) as ApiError<Code, EnvelopeShape>;
  return { ok: false, error: value };
}

/** A reply that has no readable envelope (its body is the parsed reply). */
function notEnvelope(root: unknown, path: string, expected: string, found: string, requestId: string | undefined): Failure<MalformedReply> {
  return malformed("not-envelope", path, expected, found, requestId, root);
}

/** The malformed outcome of text that `JSON.parse` refused (its body is the text). */
function notJson(e: unknown, text: string): Failure<MalformedReply> {
  let why = "";
  try {
    why = e instanceof Error ? e.message : "";
  } catch {
    why = "";
  }
  const found = why === "" ? "text that is not JSON" : `text that is not JSON (${why.slice(0, 120)})`;
  return malformed("not-json", "$", "JSON text", found, undefined, text);
}

/**
 * Read the envelope of a reply. `input`: JSON text (a string is always parsed as JSON) or an
 * already-parsed value. `exact`: read big integer literals exactly (see the module comment).
 */
export function readReply(
  input: unknown,
  config: EnvelopeConfig,
  commonCodes: CodeTable,
  actionCodes: CodeTable | undefined,
  exact?: boolean,
): ReplyRead {
  let root: unknown = input;
  let big: BigLiterals | null = null;
  const ownMode = prototypePolluted() ? 2 : typeof input === "string" ? 0 : 1;
  // Envelope keys Object.prototype has (`constructor`, `__proto__`…) always need Object.hasOwn.
  const fast: 0 | 1 | 2 = plainKeys(config) ? ownMode : 2;
  if (typeof input === "string") {
    try {
      if (exact === true) {
        const read = readExact(input);
        root = read.value;
        big = read.big;
      } else {
        root = JSON.parse(input) as unknown;
      }
    } catch (e) {
      return notJson(e, input);
    }
  }
  if (!isObject(root)) return notEnvelope(root, "$", "an object", describeKind(root), undefined);

  let wrapper: Record<string, unknown> = root;
  if (config.wrapper !== null) {
    const w = readOwn(root, config.wrapper, fast);
    if (!isObject(w)) return notEnvelope(root, at(config.wrapper), "an object", describeKind(w), undefined);
    wrapper = w;
  }

  const rid = config.requestId === null ? undefined : readOwn(wrapper, config.requestId, fast);
  const ridText = typeof rid === "string" ? rid : undefined;
  // the request id is fine: a string, or absent/null where the envelope allows it
  const ridOk = ridText !== undefined || config.requestId === null || (config.ridOptional === true && (rid === undefined || rid === null));

  // Where the code sits, and whether this reply is an error. (Paths are built only for failures.)
  let codeHolder: Record<string, unknown> | undefined;
  let flagged = false;
  if (config.successKey !== undefined) {
    const flag = readOwn(wrapper, config.successKey, fast);
    if (typeof flag !== "boolean") return notEnvelope(root, at(config.wrapper, config.successKey), "a boolean", describeKind(flag), ridText);
    if (!flag) {
      flagged = true;
      if (config.errorKey === null) codeHolder = wrapper;
      else {
        const e = readOwn(wrapper, config.errorKey, fast);
        if (!isObject(e)) return notEnvelope(root, at(config.wrapper, config.errorKey), "an object", describeKind(e), ridText);
        codeHolder = e;
      }
    }
  } else if (config.errorKey !== null) {
    const e = readOwn(wrapper, config.errorKey, fast);
    if (e !== undefined && (e !== null || config.successCodes.length > 0)) {
      if (!isObject(e)) return notEnvelope(root, at(config.wrapper, config.errorKey), "an object", describeKind(e), ridText);
      codeHolder = e;
    } else if (config.successCodes.length > 0) {
      return notEnvelope(root, at(config.wrapper, config.errorKey), "an object", "absent", ridText);
    }
  } else {
    codeHolder = wrapper;
  }

  if (codeHolder !== undefined) {
    const code = readOwn(codeHolder, config.codeKey, fast);
    const numeric = config.numeric === true;
    if (numeric ? !Number.isSafeInteger(code) : typeof code !== "string") {
      return notEnvelope(root, at(config.wrapper, config.errorKey, config.codeKey), numeric ? "an integer" : "string", describeKind(code), ridText);
    }
    if (flagged || !config.successCodes.includes(code as Code)) {
      const msg = readOwn(codeHolder, config.messageKey, fast);
      if (msg !== undefined && msg !== null && typeof msg !== "string") {
        return notEnvelope(root, at(config.wrapper, config.errorKey, config.messageKey), "string", describeKind(msg), ridText);
      }
      if (!ridOk) return notEnvelope(root, at(config.wrapper, config.requestId), "string", describeKind(rid), undefined);
      let extra: Record<string, unknown> | undefined;
      if (config.errorFields !== undefined && config.errorFields.length > 0) {
        extra = {};
        for (const [key, kind, optional, nullable] of config.errorFields) {
          const v = readOwn(codeHolder, key, fast);
          if (v === undefined && optional) continue;
          if (!(v === null ? nullable || kind === "j" : fitsKind(v, kind))) {
            return notEnvelope(root, at(config.wrapper, config.errorKey, key), kindText(kind), describeKind(v), ridText);
          }
          extra[key] = v;
        }
      }
      return apiError(code as Code, typeof msg === "string" ? msg : "", ridText, commonCodes, actionCodes, extra);
    }
  }

  if (!ridOk) return notEnvelope(root, at(config.wrapper, config.requestId), "string", describeKind(rid), undefined);
  if (config.dataKey === null) return { ok: true, data: wrapper, requestId: ridText, path: dataPathOf(config), ownMode, body: root, big };
  const data = readOwn(wrapper, config.dataKey, fast);
  if (!isObject(data)) return notEnvelope(root, dataPathOf(config), "an object", describeKind(data), ridText);
  return { ok: true, data, requestId: ridText, path: dataPathOf(config), ownMode, body: root, big };
}

/** Whether `v` (not null) has the JSON kind of an error field (see `ErrorFieldSpec`). */
function fitsKind(v: unknown, kind: string): boolean {
  if (kind.endsWith("[]")) {
    if (!Array.isArray(v)) return false;
    const item = kind.slice(0, -2);
    for (const x of v as unknown[]) if (x === null || !fitsKind(x, item)) return false;
    return true;
  }
  switch (kind) {
    case "s":
      return typeof v === "string";
    case "i":
      return typeof v === "number" && Number.isInteger(v);
    case "f":
      return typeof v === "number";
    case "b":
      return typeof v === "boolean";
    case "j":
      return v !== undefined;
    default:
      return false;
  }
}

/** An error field's kind in words (`MalformedReply.expected`). */
function kindText(kind: string): string {
  const words: Record<string, string> = { s: "string", i: "integer", f: "number", b: "boolean", j: "a JSON value" };
  return kind.endsWith("[]") ? `a list of ${words[kind.slice(0, -2)] ?? "values"}` : (words[kind] ?? "a value");
}

/** Whether no key of the envelope is one Object.prototype has (one-entry cache per config). */
let plainConfig: EnvelopeConfig | undefined;
let plainConfigResult = false;
function plainKeys(config: EnvelopeConfig): boolean {
  if (config !== plainConfig) {
    const keys = [config.wrapper, config.requestId, config.errorKey, config.codeKey, config.messageKey, config.dataKey, config.successKey ?? null];
    for (const f of config.errorFields ?? []) keys.push(f[0]);
    plainConfigResult = keys.every((k) => k === null || (k !== "__proto__" && !(k in OBJECT_PROTOTYPE)));
    plainConfig = config;
  }
  return plainConfigResult;
}

/** `$` followed by the given keys (null keys skipped). */
function at(...keys: Array<string | null>): string {
  let path = "$";
  for (const k of keys) if (k !== null) path += pathSegment(k);
  return path;
}

/** JSON path of the data object, computed once per config (one-entry cache: one envelope per package). */
let lastConfig: EnvelopeConfig | undefined;
let lastPath = "$";
function dataPathOf(config: EnvelopeConfig): string {
  if (config !== lastConfig) {
    lastPath = at(config.wrapper, config.dataKey);
    lastConfig = config;
  }
  return lastPath;
}
