export function match(error, handlers) {
  // Dispatch on the handlers' own properties: code (or `$kind`), then family, then `$default`.
  // Plain keyed reads first (fast for the strings the parser hands out, which are reused), and
  // `Object.hasOwn` only on a hit, so inherited properties (`toString`, `__proto__`…) are never
  // handlers. No allocation: family keys (`"AuthFailure.*"`) come from a cache.
  const table = handlers;
  let h;
  let tried;
  if (error.kind === "api-error") {
    const code = error.code;
    tried = typeof code === "string" ? code : typeof code === "number" ? String(code) : "$unknown";
    h = table[tried];
    if (typeof h === "function" && hasOwn(table, tried)) return h(error);
    if (tried !== "$unknown" && typeof code === "string") {
      const key = familyKey(error.family, tried);
      h = table[key];
      if (typeof h === "function" && hasOwn(table, key)) return h(error);
    }
  } else {
    tried = kindKey(String(error.kind));
    h = table[tried];
    if (typeof h === "function" && hasOwn(table, tried)) return h(error);
  }
  h = table["$default"];
  if (typeof h === "function" && hasOwn(table, "$default")) return h(error);
  throw new Error(`match: no handler for ${describe(tried)}`);
}
const hasOwn = Object.hasOwn;
/** Bound on the key caches (families and kinds come from specs; a hostile value cannot grow them past it). */
const CACHE_LIMIT = 4096;
const familyKeys = new Map();
const kindKeys = new Map();
/** `"<family>.*"` for an error, one string per family (reused: no allocation, fast keyed reads). */
function familyKey(family, code) {
  const f = typeof family === "string" ? family : familyOfCode(code);
  let key = familyKeys.get(f);
  if (key === undefined) {
    key = `${f}.*`;
    if (familyKeys.size < CACHE_LIMIT) familyKeys.set(f, key);
  }
  return key;
}
/** `"$<kind>"`, one string per kind. */
function kindKey(kind) {
  let key = kindKeys.get(kind);
  if (key === undefined) {
    key = `$${kind}`;
    if (kindKeys.size < CACHE_LIMIT) kindKeys.set(kind, key);
  }
  return key;
}
function familyOfCode(code) {
  const dot = code.indexOf(".");
  return dot < 0 ? code : code.slice(0, dot);
}
/** A short, quoted rendering of a code or kind for error messages (nothing else of the value leaks). */
function describe(text) {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
}
/**
 * For the `default` branch of a hand-written `switch (e.code)` / `switch (e.kind)`: compiles only when
 * every case is handled. Reached at runtime only if the value lies about its type; the thrown error names
 * the code or kind and nothing else.
 */
export function assertNever(value) {
  const v = value;
  let what;
  if (typeof v === "string") what = `value ${describe(v)}`;
  else if (typeof v === "object" && v !== null) {
    const r = v;
    what =
      r.kind === "api-error" && typeof r.code === "string"
        ? `code ${describe(r.code)}`
        : typeof r.kind === "string"
          ? `kind ${describe(r.kind)}`
          : "object";
  } else what = typeof v;
  throw new Error(`assertNever: unexpected ${what}`);
}
/** True for an api-error variant whose code the spec knows (narrows out `$unknown` and other kinds). */
export function isKnownCode(error) {
  if (error.kind !== "api-error") return false;
  const code = error.code;
  return (typeof code === "string" && code !== "$unknown") || typeof code === "number";
}
/** True for a known api-error of `family` (never for the `$unknown` variant, whatever its raw code). */
export function isFamily(error, family) {
  return isKnownCode(error) && error.family === family;
}
/** True for an api-error variant (known code or `$unknown`). Accepts any value. */
export function isApiError(value) {
  if (typeof value !== "object" || value === null) return false;
  const v = value;
  return v.kind === "api-error" && (typeof v.code === "string" || typeof v.code === "number");
}
/** True for a `MalformedReply`. Accepts any value. */
export function isMalformed(value) {
  return typeof value === "object" && value !== null && value.kind === "malformed";
}
