export function match(error, handlers) {
  const table = handlers;
  const call = (key) => {
    if (!Object.hasOwn(table, key)) return { found: false };
    const handler = table[key];
    if (typeof handler !== "function") return { found: false };
    return { found: true, value: handler(error) };
  };
  let tried;
  if (error.kind === "api-error") {
    const code = error.code;
    tried = typeof code === "string" ? code : "$unknown";
    const byCode = call(tried);
    if (byCode.found) return byCode.value;
    if (tried !== "$unknown") {
      const byFamily = call(`${familyOfCode(tried)}.*`);
      if (byFamily.found) return byFamily.value;
    }
  } else {
    tried = `$${String(error.kind)}`;
    const byKind = call(tried);
    if (byKind.found) return byKind.value;
  }
  const fallback = call("$default");
  if (fallback.found) return fallback.value;
  throw new Error(`match: no handler for ${describe(tried)}`);
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
