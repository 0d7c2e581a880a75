export function match(error, handlers) {
  // Allocation-free dispatch on the handlers' own properties: code (or `$kind`), then family, then
  // `$default`. Inherited properties (`toString`, `__proto__`…) are never handlers.
  const table = handlers;
  let tried;
  let handler;
  if (error.kind === "api-error") {
    const code = error.code;
    tried = typeof code === "string" ? code : "$unknown";
    if (hasOwn(table, tried)) handler = table[tried];
    if (typeof handler !== "function" && tried !== "$unknown") {
      const family = `${familyOfCode(tried)}.*`;
      if (hasOwn(table, family)) handler = table[family];
    }
  } else {
    tried = `$${String(error.kind)}`;
    if (hasOwn(table, tried)) handler = table[tried];
  }
  if (typeof handler !== "function" && hasOwn(table, "$default")) handler = table["$default"];
  if (typeof handler === "function") return handler(error);
  throw new Error(`match: no handler for ${describe(tried)}`);
}
const hasOwn = Object.hasOwn;
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
  return typeof code === "string" && code !== "$unknown";
}
/** True for a known api-error of `family` (never for the `$unknown` variant, whatever its raw code). */
export function isFamily(error, family) {
  return isKnownCode(error) && error.family === family;
}
/** True for an api-error variant (known code or `$unknown`). Accepts any value. */
export function isApiError(value) {
  if (typeof value !== "object" || value === null) return false;
  const v = value;
  return v.kind === "api-error" && typeof v.code === "string";
}
/** True for a `MalformedReply`. Accepts any value. */
export function isMalformed(value) {
  return typeof value === "object" && value !== null && value.kind === "malformed";
}
