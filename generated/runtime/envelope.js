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
import { readExact } from "./big-integers.js";
const hasOwn = Object.hasOwn;
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** One step of a JSON path: `.Key`, `["a-b"]` or `[3]`. */
export function pathSegment(key) {
  if (typeof key === "number") return `[${key}]`;
  return IDENT.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
/** The value of an own property, or undefined. `__proto__` is read as an own data property. */
export function ownValue(o, key) {
  if (!hasOwn(o, key)) return undefined;
  if (key === "__proto__") return Object.getOwnPropertyDescriptor(o, key)?.value;
  return o[key];
}
const OBJECT_PROTOTYPE = Object.prototype;
const getPrototypeOf = Object.getPrototypeOf;
/** True when Object.prototype has an enumerable key (it has none unless someone polluted it). */
export function prototypePolluted() {
  for (const _ in OBJECT_PROTOTYPE) return true;
  return false;
}
/**
 * `ownValue` without `Object.hasOwn` where it cannot matter (see `ReplyData.ownMode`; `mode` is 2
 * also when an envelope key is one Object.prototype has).
 */
function readOwn(o, key, mode) {
  if (mode === 2) return ownValue(o, key);
  const v = o[key];
  if (v === undefined) return v;
  // a key someone added to Object.prototype (enumerable or not; `in` runs no getter): inherited unless own
  if (key in OBJECT_PROTOTYPE && !hasOwn(o, key)) return undefined;
  if (mode === 0) return v;
  const p = getPrototypeOf(o);
  if (p === OBJECT_PROTOTYPE || p === null) return v;
  return hasOwn(o, key) ? v : undefined;
}
/** Plain JSON object: not null, not an array. */
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
/** How a value is described in `MalformedReply.found`: its JSON kind. */
export function describeKind(v) {
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
export function describeValue(v) {
  if (typeof v === "string") {
    const text = JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
    return `the string ${text}`;
  }
  if (typeof v === "number") return `the number ${String(v)}`;
  return describeKind(v);
}
/** A malformed outcome with a single problem. */
export function malformed(reason, path, expected, found, requestId, body) {
  return {
    ok: false,
    error: {
      kind: "malformed",
      path,
      expected,
      found,
      reason,
      issues: [{ path, reason, expected, found }],
      body,
      requestId,
    },
  };
}
/** The family of a code: its first dotted segment. */
export function familyOf(code) {
  const dot = code.indexOf(".");
  return dot < 0 ? code : code.slice(0, dot);
}
/**
 * The API error for a wire code: known when it is a common code or one of the action's own codes.
 * `actionCodes` may be undefined (an action the code tables do not list: every non-common code is unknown).
 */
export function apiError(code, message, requestId, commonCodes, actionCodes, extra) {
  const key = typeof code === "number" ? String(code) : code;
  const known = hasOwn(commonCodes, key) || (actionCodes !== undefined && hasOwn(actionCodes, key));
  const error = {
    kind: "api-error",
    code: known ? code : "$unknown",
    rawCode: code,
    family: typeof code === "number" ? key : familyOf(code),
    message,
    requestId,
  };
  // (the known/unknown split of `code` is what the union's variants describe; checked above)
  const value = extra === undefined ? error : { ...extra, ...error };
  return { ok: false, error: value };
}
/** A reply that has no readable envelope (its body is the parsed reply). */
function notEnvelope(root, path, expected, found, requestId) {
  return malformed("not-envelope", path, expected, found, requestId, root);
}
/** The malformed outcome of text that `JSON.parse` refused (its body is the text). */
function notJson(e, text) {
  let why = "";
  try {
    why = e instanceof Error ? e.message : "";
  } catch {
    why = "";
  }
  const found =
    why === "" ? "text that is not JSON" : `text that is not JSON (${why.slice(0, 120)})`;
  return malformed("not-json", "$", "JSON text", found, undefined, text);
}
/**
 * Read the envelope of a reply. `input`: JSON text (a string is always parsed as JSON) or an
 * already-parsed value. `exact`: read big integer literals exactly (see the module comment).
 */
export function readReply(input, config, commonCodes, actionCodes, exact) {
  let root = input;
  let big = null;
  const ownMode = prototypePolluted() ? 2 : typeof input === "string" ? 0 : 1;
  // Envelope keys Object.prototype has (`constructor`, `__proto__`…) always need Object.hasOwn.
  const fast = plainKeys(config) ? ownMode : 2;
  if (typeof input === "string") {
    try {
      if (exact === true) {
        const read = readExact(input);
        root = read.value;
        big = read.big;
      } else {
        root = JSON.parse(input);
      }
    } catch (e) {
      return notJson(e, input);
    }
  }
  if (!isObject(root)) return notEnvelope(root, "$", "an object", describeKind(root), undefined);
  let wrapper = root;
  if (config.wrapper !== null) {
    const w = readOwn(root, config.wrapper, fast);
    if (!isObject(w))
      return notEnvelope(root, at(config.wrapper), "an object", describeKind(w), undefined);
    wrapper = w;
  }
  const rid = config.requestId === null ? undefined : readOwn(wrapper, config.requestId, fast);
  const ridText = typeof rid === "string" ? rid : undefined;
  // the request id is fine: a string, or absent/null where the envelope allows it
  const ridOk =
    ridText !== undefined ||
    config.requestId === null ||
    (config.ridOptional === true && (rid === undefined || rid === null));
  // Where the code sits, and whether this reply is an error. (Paths are built only for failures.)
  let codeHolder;
  let flagged = false;
  if (config.successKey !== undefined) {
    const flag = readOwn(wrapper, config.successKey, fast);
    if (typeof flag !== "boolean")
      return notEnvelope(
        root,
        at(config.wrapper, config.successKey),
        "a boolean",
        describeKind(flag),
        ridText,
      );
    if (!flag) {
      flagged = true;
      if (config.errorKey === null) codeHolder = wrapper;
      else {
        const e = readOwn(wrapper, config.errorKey, fast);
        if (!isObject(e))
          return notEnvelope(
            root,
            at(config.wrapper, config.errorKey),
            "an object",
            describeKind(e),
            ridText,
          );
        codeHolder = e;
      }
    }
  } else if (config.errorKey !== null) {
    const e = readOwn(wrapper, config.errorKey, fast);
    if (e !== undefined && (e !== null || config.successCodes.length > 0)) {
      if (!isObject(e))
        return notEnvelope(
          root,
          at(config.wrapper, config.errorKey),
          "an object",
          describeKind(e),
          ridText,
        );
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
      return notEnvelope(
        root,
        at(config.wrapper, config.errorKey, config.codeKey),
        numeric ? "an integer" : "string",
        describeKind(code),
        ridText,
      );
    }
    if (flagged || !config.successCodes.includes(code)) {
      const msg = readOwn(codeHolder, config.messageKey, fast);
      if (msg !== undefined && msg !== null && typeof msg !== "string") {
        return notEnvelope(
          root,
          at(config.wrapper, config.errorKey, config.messageKey),
          "string",
          describeKind(msg),
          ridText,
        );
      }
      if (!ridOk)
        return notEnvelope(
          root,
          at(config.wrapper, config.requestId),
          "string",
          describeKind(rid),
          undefined,
        );
      let extra;
      if (config.errorFields !== undefined && config.errorFields.length > 0) {
        extra = {};
        for (const [key, kind, optional, nullable] of config.errorFields) {
          const v = readOwn(codeHolder, key, fast);
          if (v === undefined && optional) continue;
          if (!(v === null ? nullable || kind === "j" : fitsKind(v, kind))) {
            return notEnvelope(
              root,
              at(config.wrapper, config.errorKey, key),
              kindText(kind),
              describeKind(v),
              ridText,
            );
          }
          extra[key] = v;
        }
      }
      return apiError(
        code,
        typeof msg === "string" ? msg : "",
        ridText,
        commonCodes,
        actionCodes,
        extra,
      );
    }
  }
  if (!ridOk)
    return notEnvelope(
      root,
      at(config.wrapper, config.requestId),
      "string",
      describeKind(rid),
      undefined,
    );
  if (config.dataKey === null)
    return {
      ok: true,
      data: wrapper,
      requestId: ridText,
      path: dataPathOf(config),
      ownMode,
      body: root,
      big,
    };
  const data = readOwn(wrapper, config.dataKey, fast);
  if (!isObject(data))
    return notEnvelope(root, dataPathOf(config), "an object", describeKind(data), ridText);
  return { ok: true, data, requestId: ridText, path: dataPathOf(config), ownMode, body: root, big };
}
/** Whether `v` (not null) has the JSON kind of an error field (see `ErrorFieldSpec`). */
function fitsKind(v, kind) {
  if (kind.endsWith("[]")) {
    if (!Array.isArray(v)) return false;
    const item = kind.slice(0, -2);
    for (const x of v) if (x === null || !fitsKind(x, item)) return false;
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
function kindText(kind) {
  const words = { s: "string", i: "integer", f: "number", b: "boolean", j: "a JSON value" };
  return kind.endsWith("[]")
    ? `a list of ${words[kind.slice(0, -2)] ?? "values"}`
    : (words[kind] ?? "a value");
}
/** Whether no key of the envelope is one Object.prototype has (one-entry cache per config). */
let plainConfig;
let plainConfigResult = false;
function plainKeys(config) {
  if (config !== plainConfig) {
    const keys = [
      config.wrapper,
      config.requestId,
      config.errorKey,
      config.codeKey,
      config.messageKey,
      config.dataKey,
      config.successKey ?? null,
    ];
    for (const f of config.errorFields ?? []) keys.push(f[0]);
    plainConfigResult = keys.every(
      (k) => k === null || (k !== "__proto__" && !(k in OBJECT_PROTOTYPE)),
    );
    plainConfig = config;
  }
  return plainConfigResult;
}
/** `$` followed by the given keys (null keys skipped). */
function at(...keys) {
  let path = "$";
  for (const k of keys) if (k !== null) path += pathSegment(k);
  return path;
}
/** JSON path of the data object, computed once per config (one-entry cache: one envelope per package). */
let lastConfig;
let lastPath = "$";
function dataPathOf(config) {
  if (config !== lastConfig) {
    lastPath = at(config.wrapper, config.dataKey);
    lastConfig = config;
  }
  return lastPath;
}
