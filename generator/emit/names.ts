/**
 * Every naming decision of the output lives here: identifiers, property keys, JSDoc escaping and
 * module paths. The printer (printer.ts) writes names and comment text exactly as given, so nothing
 * reaches it without passing through this module.
 *
 * Rules (part of the output's public contract — changing them breaks users):
 * - A spec name that is a reserved word, a global the output or a consumer commonly uses, or a name
 *   the generated code itself exports gets a `$` suffix: `Error` → `Error$`, `Image` → `Image$`.
 *   Spec names never contain `$`, so a suffixed name can never meet another spec name.
 * - Action-derived names are `<Action>Request`, `<Action>Response`, `<Action>Code`, `<Action>Error`,
 *   `parse<Action>`. A named type whose name equals one of them gets the `$` suffix.
 * - Property keys are bare when they are plain identifiers, JSON-quoted otherwise.
 */
import type { Model, Service } from "../model/types.js";

/**
 * Names that must not be used bare as exported identifiers. Fixed now: growing this list later renames
 * a user's type (a breaking change). Test: test/emit/names.test.ts.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  // ECMAScript reserved words, strict-mode and contextual keywords
  "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
  "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in",
  "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof",
  "var", "void", "while", "with", "yield", "let", "static", "implements", "interface", "package",
  "private", "protected", "public", "arguments", "eval", "async", "of", "get", "set",
  // TypeScript keywords and built-in type names
  "any", "unknown", "never", "string", "number", "boolean", "bigint", "symbol", "object", "undefined",
  "type", "namespace", "module", "declare", "abstract", "as", "asserts", "is", "keyof", "readonly",
  "infer", "satisfies", "accessor", "constructor", "require", "global", "out", "override", "unique",
  "Partial", "Required", "Readonly", "Record", "Pick", "Omit", "Exclude", "Extract", "NonNullable",
  "Parameters", "ReturnType", "InstanceType", "Awaited", "ThisType", "Uppercase", "Lowercase",
  "Capitalize", "Uncapitalize", "NoInfer", "ConstructorParameters", "ThisParameterType",
  "OmitThisParameter", "PropertyKey", "PromiseLike", "ArrayLike", "Iterable", "Iterator",
  "IterableIterator", "AsyncIterable", "AsyncIterator", "TemplateStringsArray", "ReadonlyArray",
  "ReadonlyMap", "ReadonlySet",
  // JavaScript globals
  "globalThis", "Object", "Function", "Array", "String", "Number", "Boolean", "Symbol", "BigInt",
  "Date", "RegExp", "Error", "AggregateError", "EvalError", "RangeError", "ReferenceError",
  "SyntaxError", "TypeError", "URIError", "Map", "Set", "WeakMap", "WeakSet", "WeakRef", "Promise",
  "Proxy", "Reflect", "JSON", "Math", "Intl", "Atomics", "ArrayBuffer", "SharedArrayBuffer",
  "DataView", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array",
  "Int32Array", "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
  "NaN", "Infinity", "isNaN", "isFinite", "parseInt", "parseFloat", "encodeURI", "decodeURI",
  "encodeURIComponent", "decodeURIComponent", "escape", "unescape", "FinalizationRegistry",
  // Web and runtime globals that consumers and the generated client use
  "console", "window", "self", "document", "navigator", "location", "fetch", "Request", "Response",
  "Headers", "URL", "URLSearchParams", "AbortController", "AbortSignal", "TextEncoder", "TextDecoder",
  "crypto", "Crypto", "CryptoKey", "SubtleCrypto", "Blob", "File", "FormData", "Event", "EventTarget",
  "Image", "Node", "Element", "Document", "Window", "Storage", "Worker", "WebSocket", "Buffer",
  "process", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "queueMicrotask",
  "structuredClone", "DOMException",
  // Object.prototype members: never usable as bare names or keys of lookup objects
  "__proto__", "prototype", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
  "toLocaleString", "toString", "valueOf", "__defineGetter__", "__defineSetter__",
  "__lookupGetter__", "__lookupSetter__",
  // Names the generated package itself exports (runtime and per-service modules)
  "ApiError", "KnownApiError", "UnknownApiError", "UnknownCodeKey", "MalformedReply", "ParseResult",
  "Success", "Failure", "FamilyOf", "TransportError", "ClientOptions", "Credentials", "RetryOptions",
  "CommonCode", "ServiceCode", "Client", "CallResult", "Handlers", "createClient", "serviceCodes",
  "actionCodes", "commonCodes", "BareClient", "createBareClient", "ServiceClient",
  // Makes any object with such a method look like a Promise to `await`
  "then",
]);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** True when `name` can be used as a bare identifier without any change. */
export function isSafeIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !RESERVED_NAMES.has(name);
}

/** A spec identifier made safe for use as an exported TypeScript name. */
export function safeName(name: string): string {
  return RESERVED_NAMES.has(name) ? `${name}$` : name;
}

/**
 * A property key of a type (interface member, method, type literal): bare when plainly an identifier
 * (`__proto__` included: in a type it is an ordinary property name, and prettier unquotes it), else quoted.
 */
export function propertyKey(wireName: string): string {
  return IDENTIFIER.test(wireName) || UNICODE_IDENTIFIER.test(wireName) ? wireName : stringLiteral(wireName);
}

/** An identifier of Unicode letters (ES5's rule, which prettier applies before unquoting a key). */
const UNICODE_IDENTIFIER = /^[$_\p{L}\p{Nl}][$_\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\u200C\u200D]*$/u;

/** Characters JSON.stringify leaves raw that should not sit raw in a source file (DEL, C1, U+2028/9). */
const RAW_IN_SOURCE = /[\u007f-\u009f\u2028\u2029]/g;
const unicodeEscape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * A string literal (for code unions and lookup tables). JSON escaping is valid JS/TS escaping; DEL and
 * C1 controls are escaped too, so no control character reaches the output text.
 */
export function stringLiteral(value: string): string {
  const json = JSON.stringify(value).replace(RAW_IN_SOURCE, unicodeEscape);
  // prettier's quote: double unless the text holds more double quotes than single ones
  let doubles = 0;
  let singles = 0;
  for (const ch of value) {
    if (ch === '"') doubles++;
    else if (ch === "'") singles++;
  }
  if (doubles <= singles) return json;
  const inner = json.slice(1, -1).replace(/\\(.)|'/g, (m: string, escaped: string | undefined) =>
    escaped === undefined ? "\\'" : escaped === '"' ? '"' : m,
  );
  return `'${inner}'`;
}

/**
 * Names of the module-local helpers in generated JavaScript. Spec names never contain `$`, so none of
 * these can meet a spec-derived name. `<Name>` is the spec name when it is `[A-Za-z0-9_]+`, else `$<index>`
 * (its position in the service): `v$<Type>` validates a named type, `k$<Type>` its known keys,
 * `r$<Action>` validates an action's data object, `kr$<Action>` its known keys, `c$<Action>` the action's
 * own code table (codes.js), `a$<Action>` its descriptor (actions.js), `e$<n>` an enum table, `x$<n>`
 * an expected-value text.
 */
export const HELPER_PREFIX = Object.freeze({
  validator: "v$",
  knownKeys: "k$",
  replyValidator: "r$",
  replyKnownKeys: "kr$",
  codeTable: "c$",
  actionInfo: "a$",
  enumTable: "e$",
  expected: "x$",
});

const NAME_SAFE = /^[A-Za-z0-9_]+$/;

/** `<prefix><Name>` for a spec name at `index` among its kind (see HELPER_PREFIX). */
export function helperName(prefix: string, specName: string, index: number): string {
  return NAME_SAFE.test(specName) ? `${prefix}${specName}` : `${prefix}$${index}`;
}

/** A one-line `//` comment text: no line break can end it early. */
export function lineCommentText(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, " ").replace(CONTROL_IN_COMMENT, unicodeEscape);
}

/**
 * Keys Object.prototype has (a fixed list, so the output does not depend on the generating Node
 * version): a plain read of these finds the inherited member.
 */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([
  "__proto__", "constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString",
  "toString", "valueOf", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
]);

/** The service name requests are signed for: the first label of the host (`cvm.tencentcloudapi.com` → `cvm`). */
export function signingServiceName(host: string): string {
  return host.split(".")[0] ?? host;
}

/** Control characters in comment text, written as visible `\uXXXX` (git treats NUL as binary, ESC acts on terminals). */
const CONTROL_IN_COMMENT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Description text made safe inside a `/** … *\/` comment: `*\/` cannot close the comment early,
 * line terminators are normalised, other control characters are written as `\uXXXX`. Lines are joined with "\n".
 */
export function jsDocText(text: string): string {
  return text
    .replace(/\r\n?|\u2028|\u2029/g, "\n")
    .replace(CONTROL_IN_COMMENT, unicodeEscape)
    .replace(/\*\//g, "*\\/")
    .replace(/\/\*/g, "/\\*")
    .replace(/^(\s*)@/gm, "$1\\@")
    .trim();
}

/** Names derived from one service's spec names. Built once per service; pure lookups after. */
export interface ServiceNames {
  /** Exported name of a named object type. */
  typeName(specName: string): string;
  requestName(action: string): string;
  responseName(action: string): string;
  /** Union of the action's known code literals. */
  codeName(action: string): string;
  /** `ApiError<…Code>` alias of the action. */
  errorName(action: string): string;
  parserName(action: string): string;
  /** Client method name for an action: the action name (`DescribeInstances`), except `then` → `then$`. */
  methodName(action: string): string;
  /**
   * Per-action call function (`<svc>/calls.js`): the action name with its first letter lowercased
   * (`DescribeInstances` → `describeInstances`); `$` appended when that is a reserved name, another
   * name the service module exports (`parseX`, `createClient`, a type) or another action's call name.
   */
  callName(action: string): string;
  /** Paginator of a paged action (`<svc>/pages.js`): `paginate<Action>`, `$` appended on a clash as for call names. */
  pagerName(action: string): string;
}

export function serviceNames(service: Service): ServiceNames {
  const actionDerived = new Set<string>();
  for (const a of service.actions) {
    for (const suffix of ["Request", "Response", "Code", "Error"]) actionDerived.add(a.name + suffix);
    actionDerived.add(`parse${a.name}`);
  }
  const typeNames = new Map<string, string>();
  for (const t of service.types) {
    const base = safeName(t.name);
    typeNames.set(t.name, actionDerived.has(base) ? `${base}$` : base);
  }
  const taken = new Set<string>([...actionDerived, ...typeNames.values()]);
  const pagerNames = new Map<string, string>();
  for (const a of service.actions) {
    if (a.paging === undefined) continue;
    let name = `paginate${a.name}`;
    while (RESERVED_NAMES.has(name) || taken.has(name)) name = `${name}$`;
    taken.add(name);
    pagerNames.set(a.name, name);
  }
  const callNames = new Map<string, string>();
  for (const a of service.actions) {
    let name = a.name.charAt(0).toLowerCase() + a.name.slice(1);
    while (RESERVED_NAMES.has(name) || taken.has(name) || !IDENTIFIER.test(name)) name = IDENTIFIER.test(name) ? `${name}$` : `call$${service.actions.indexOf(a)}`;
    taken.add(name);
    callNames.set(a.name, name);
  }
  return {
    callName: (a) => callNames.get(a) ?? `${a}$`,
    pagerName: (a) => pagerNames.get(a) ?? `paginate${a}$`,
    typeName: (n) => typeNames.get(n) ?? safeName(n),
    requestName: (a) => `${a}Request`,
    responseName: (a) => `${a}Response`,
    // `ServiceCode` is the service-level code union of every service module.
    codeName: (a) => (a === "Service" ? "Service$Code" : `${a}Code`),
    errorName: (a) => `${a}Error`,
    parserName: (a) => `parse${a}`,
    methodName: (a) => (a === "then" ? "then$" : a),
  };
}

/**
 * Folder of a service inside the output package, also its export subpath: `cvm` when the specs hold
 * one version of the service, `tke/v20180525` for each version when they hold several.
 */
export function serviceModuleDir(service: Service, model: Model): string {
  const versions = model.services.filter((s) => s.name === service.name).length;
  return versions > 1 ? `${service.name}/v${service.version.replace(/-/g, "")}` : service.name;
}

/**
 * Relative path from a service folder back to the package root, for imports:
 * `cvm` → `../`, `tke/v20180525` → `../../`. Use as `${toRoot(dir)}runtime/index.js`.
 */
export function toRoot(moduleDir: string): string {
  return "../".repeat(moduleDir.split("/").length);
}
