/**
 * Exhaustive handling of outcome errors: `match`, `assertNever` and narrowing guards. Part of the
 * output package's runtime (no imports outside this folder, no Node APIs).
 *
 * ```ts
 * const text = match(result.error, {
 *   "AuthFailure.*": (e) => `sign again (${e.code})`,      // every AuthFailure code of the union
 *   "InvalidInstanceId.NotFound": (e) => "gone",            // e: KnownApiError<"InvalidInstanceId.NotFound">
 *   InternalError: () => "retry later",
 *   $unknown: (e) => `new code ${e.rawCode}`,              // required: the server may be newer than the spec
 *   $malformed: (e) => `bad reply at ${e.path}`,           // required when the union has MalformedReply
 * });
 * ```
 *
 * Handler keys: each known code; `"<Family>.*"` for every code of that family in the union (the family
 * of `InvalidParameter` is `InvalidParameter`, so `"InvalidParameter.*"` covers it too); `$unknown` for
 * the unknown-code variant; `$<kind>` for each variant whose `kind` is not `"api-error"` (`$malformed`,
 * `$transport`); `$default`, the explicit opt-out, which makes every other key optional.
 * A known code with neither its own key nor its family key is a compile error naming the code; a key
 * that is no code, family or kind of the union is a compile error naming the key.
 *
 * Type-level cost is linear in the number of codes: every per-key type is an interface instantiation
 * (`KnownApiError<K>`) or one mapped type over the code union, never a filter of the error union per key.
 */
import type { Code, FamilyOf, KnownApiError, KnownApiErrorOf, MalformedReply, UnknownApiError } from "./result.js";

/** Anything `match` can dispatch on: a variant with a string `kind`. */
export interface Variant {
  readonly kind: string;
}

/** Every `code` of the api-error variants of `E`, `"$unknown"` included. */
type CodesOf<E> = E extends { readonly kind: "api-error"; readonly code: infer C extends Code } ? C : never;

/** The unknown-code variant of `E` (it carries the envelope's request id type and further error fields). */
type UnknownOf<E> = Extract<E, { readonly kind: "api-error"; readonly code: "$unknown" }>;

/** The request id type of `E`'s api errors: `string`, or `string | undefined` where replies may lack it. */
type RidOf<E> = [UnknownOf<E>] extends [never] ? string : UnknownOf<E> extends { readonly requestId: infer R extends string | undefined } ? R : string;

/** The further error fields of `E`'s api errors (declared in the spec's envelope), or `unknown` when none. */
type ExtrasOf<E> = [UnknownOf<E>] extends [never]
  ? unknown
  : [Exclude<keyof UnknownOf<E>, keyof UnknownApiError>] extends [never]
    ? unknown
    : Omit<UnknownOf<E>, keyof UnknownApiError>;

/** The variant of a known code `K` of `E`, as handlers receive it. */
type KnownOf<E, K extends Code> = [RidOf<E>] extends [string] ? KnownApiError<K> & ExtrasOf<E> : KnownApiErrorOf<K, RidOf<E>> & ExtrasOf<E>;

/** The unknown-code variant of `E`, as its handler receives it. */
type UnknownVariantOf<E> = [UnknownOf<E>] extends [never] ? UnknownApiError : UnknownOf<E>;

/** The known codes of `E`'s api-error variants. */
export type KnownCodesOf<E> = Exclude<CodesOf<E>, "$unknown">;

/** The `kind`s of `E` other than `"api-error"`, e.g. `"malformed" | "transport"`. */
export type OtherKindsOf<E> = E extends { readonly kind: infer K extends string }
  ? K extends "api-error"
    ? never
    : K
  : never;

/** The api-error variants of `E` whose code is known. */
export type KnownVariantsOf<E> = Exclude<Extract<E, { readonly kind: "api-error" }>, { readonly code: "$unknown" }>;

/**
 * Family key → the union of that family's known variants, in one pass over the codes (keys that map to
 * the same name merge; the conditional template distributes so each code keeps its own variant).
 */
type ByFamily<E, C extends Code> = {
  readonly [K in C as K extends string ? `${FamilyOf<K>}.*` : never]: K extends string ? KnownOf<E, K> : never;
};

type HasUnknown<E> = "$unknown" extends CodesOf<E> ? true : false;

/** The handlers of every key but `$default`. */
type KeyHandlers<E, R> = {
  readonly [K in KnownCodesOf<E>]?: (error: KnownOf<E, K>) => R;
} & {
  readonly [K in keyof ByFamily<E, KnownCodesOf<E>>]?: (error: ByFamily<E, KnownCodesOf<E>>[K]) => R;
} & (HasUnknown<E> extends true ? { readonly $unknown?: (error: UnknownVariantOf<E>) => R } : unknown) & {
  readonly [K in OtherKindsOf<E> as `$${K}`]?: (error: Extract<E, { readonly kind: K }>) => R;
};

/**
 * Every handler `match` accepts for `E`, all optional (for annotating a handler object of your own;
 * its `$default` may take all of `E`); `MatchHandlers` adds the exhaustiveness rules.
 */
export type Handlers<E, R = unknown> = KeyHandlers<E, R> & { readonly $default?: (error: E) => R };

/**
 * `match`'s constraint on the handlers: `$default` typed `never` here, so that its contextual type comes
 * from `DefaultHandler` (the unhandled variants only) and not from the whole union.
 */
type MatchableHandlers<E, R> = KeyHandlers<E, R> & { readonly $default?: (error: never) => R };

/** Every key `Handlers<E>` has. */
type AllowedKeys<E> =
  | KnownCodesOf<E>
  | `${FamilyOf<Extract<KnownCodesOf<E>, string>>}.*`
  | (HasUnknown<E> extends true ? "$unknown" : never)
  | `$${OtherKindsOf<E>}`
  | "$default";

/*
 * Cost note: `keyof H` of an object type is rebuilt (a union of every key) each time it is
 * instantiated, so it is computed once and passed down as `Keys`, never written inside a per-key template
 * (that made 3,000 handlers quadratic).
 */

/** Known codes of `C` covered neither by their own key nor by their family key. */
type UncoveredCodes<C extends Code, Keys extends PropertyKey> = {
  [K in C]: K extends Keys ? never : `${FamilyOf<K>}.*` extends Keys ? never : K;
}[C];

/** Keys the handlers must have: the uncovered codes, `$unknown` and the other kinds — none once `$default` is there. */
type MissingKeys<E, Keys extends PropertyKey> = "$default" extends Keys
  ? never
  : Exclude<
      | UncoveredCodes<KnownCodesOf<E>, Keys>
      | (HasUnknown<E> extends true ? "$unknown" : never)
      | `$${OtherKindsOf<E>}`,
      Keys
    >;

/** A missing key becomes a required property, typed with its variant: the compiler names the key. */
type Missing<E, M extends PropertyKey> = {
  readonly [K in M]: K extends KnownCodesOf<E>
    ? (error: KnownOf<E, K>) => unknown
    : K extends "$unknown"
      ? (error: UnknownVariantOf<E>) => unknown
      : (error: Extract<E, { readonly kind: K extends `$${infer Kind}` ? Kind : never }>) => unknown;
};

/** An extra key becomes a property whose type is a sentence naming it. */
type Extra<X extends PropertyKey> = {
  readonly [K in X]: `${K & string} is not a code, family or kind of this error`;
};

/**
 * The variants of `E` that no key of `Keys` handles: what `$default` receives. One pass over the union
 * (each api-error variant is checked against its code key and its family key).
 */
export type Unhandled<E, Keys extends PropertyKey> = E extends {
  readonly kind: "api-error";
  readonly code: infer C extends Code;
}
  ? C extends "$unknown"
    ? "$unknown" extends Keys
      ? never
      : E
    : C extends Keys
      ? never
      : `${FamilyOf<C>}.*` extends Keys
        ? never
        : E
  : E extends { readonly kind: infer K extends string }
    ? `$${K}` extends Keys
      ? never
      : E
    : E;

/**
 * `$default`'s parameter: the variants no other key of the handlers covers. `K` is inferred from the
 * handler object's keys, which are known before any handler is typed, so the contextual type of the
 * `$default` handler is already narrowed while it is checked.
 */
export type DefaultHandler<E, K extends PropertyKey> = {
  readonly [P in K]?: P extends "$default" ? (error: Unhandled<E, K>) => unknown : unknown;
};

/**
 * The handlers `H` with the exhaustiveness rules for `E` applied. The rules are conditional types, not
 * mapped types over generic keys: while the handlers are being typed they resolve to `unknown` (`H` is
 * still its constraint, which has every key), so the handlers' contextual types stay plain function
 * types; a generic mapped type there cost seconds at 3,000 codes.
 */
export type MatchHandlers<E, H> = H &
  ([MissingKeys<E, keyof H>] extends [never] ? unknown : Missing<E, MissingKeys<E, keyof H>>) &
  ([Exclude<keyof H, AllowedKeys<E>>] extends [never] ? unknown : Extra<Exclude<keyof H, AllowedKeys<E>>>);

/** The union of the handlers' return types. */
export type MatchResult<H> = {
  [K in keyof H]-?: H[K] extends (...args: never) => infer R ? R : never;
}[keyof H];

/**
 * Calls the handler for `error`: its code's key, else its family's `"<Family>.*"`, else `$default`.
 * Only own properties of `handlers` are consulted, so no code (`toString`, `constructor`) can reach an
 * inherited method. Throws only if no handler applies, which the types rule out.
 *
 * Returns the union of the handlers' return types; where the call has a declared type
 * (`const x: "a" | "b" = match(…)`), that type `R` is inferred from it instead and every handler must
 * return an `R` (literals stay literal).
 */
export function match<E extends Variant, H extends MatchableHandlers<E, NoInfer<R>>, R = unknown, K extends PropertyKey = keyof H>(
  error: E,
  handlers: MatchHandlers<E, H> & DefaultHandler<E, K>,
): unknown extends R ? MatchResult<H> : R;
export function match(error: Variant, handlers: object): unknown {
  // Dispatch on the handlers' own properties: code (or `$kind`), then family, then `$default`.
  // Plain keyed reads first (fast for the strings the parser hands out, which are reused), and
  // `Object.hasOwn` only on a hit, so inherited properties (`toString`, `__proto__`…) are never
  // handlers. No allocation: family keys (`"AuthFailure.*"`) come from a cache.
  const table = handlers as Readonly<Record<string, unknown>>;
  let h: unknown;
  let tried: string;
  if (error.kind === "api-error") {
    const code = (error as { readonly code?: unknown }).code;
    tried = typeof code === "string" ? code : typeof code === "number" ? String(code) : "$unknown";
    h = table[tried];
    if (typeof h === "function" && hasOwn(table, tried)) return (h as (e: unknown) => unknown)(error);
    if (tried !== "$unknown" && typeof code === "string") {
      const key = familyKey((error as { readonly family?: unknown }).family, tried);
      h = table[key];
      if (typeof h === "function" && hasOwn(table, key)) return (h as (e: unknown) => unknown)(error);
    }
  } else {
    tried = kindKey(String(error.kind));
    h = table[tried];
    if (typeof h === "function" && hasOwn(table, tried)) return (h as (e: unknown) => unknown)(error);
  }
  h = table["$default"];
  if (typeof h === "function" && hasOwn(table, "$default")) return (h as (e: unknown) => unknown)(error);
  throw new Error(`match: no handler for ${describe(tried)}`);
}

const hasOwn = Object.hasOwn;

/** Bound on the key caches (families and kinds come from specs; a hostile value cannot grow them past it). */
const CACHE_LIMIT = 4096;
const familyKeys = new Map<string, string>();
const kindKeys = new Map<string, string>();

/** `"<family>.*"` for an error, one string per family (reused: no allocation, fast keyed reads). */
function familyKey(family: unknown, code: string): string {
  const f = typeof family === "string" ? family : familyOfCode(code);
  let key = familyKeys.get(f);
  if (key === undefined) {
    key = `${f}.*`;
    if (familyKeys.size < CACHE_LIMIT) familyKeys.set(f, key);
  }
  return key;
}

/** `"$<kind>"`, one string per kind. */
function kindKey(kind: string): string {
  let key = kindKeys.get(kind);
  if (key === undefined) {
    key = `$${kind}`;
    if (kindKeys.size < CACHE_LIMIT) kindKeys.set(kind, key);
  }
  return key;
}

function familyOfCode(code: string): string {
  const dot = code.indexOf(".");
  return dot < 0 ? code : code.slice(0, dot);
}

/** A short, quoted rendering of a code or kind for error messages (nothing else of the value leaks). */
function describe(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
}

/**
 * For the `default` branch of a hand-written `switch (e.code)` / `switch (e.kind)`: compiles only when
 * every case is handled. Reached at runtime only if the value lies about its type; the thrown error names
 * the code or kind and nothing else.
 */
export function assertNever(value: never): never {
  const v: unknown = value;
  let what: string;
  if (typeof v === "string") what = `value ${describe(v)}`;
  else if (typeof v === "object" && v !== null) {
    const r = v as { readonly kind?: unknown; readonly code?: unknown };
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
export function isKnownCode<E extends Variant>(error: E): error is KnownVariantsOf<E> {
  if (error.kind !== "api-error") return false;
  const code = (error as { readonly code?: unknown }).code;
  return (typeof code === "string" && code !== "$unknown") || typeof code === "number";
}

/** True for a known api-error of `family` (never for the `$unknown` variant, whatever its raw code). */
export function isFamily<E extends Variant, F extends FamilyOf<Extract<KnownCodesOf<E>, string>>>(
  error: E,
  family: F,
): error is Extract<KnownVariantsOf<E>, { readonly family: F }> {
  return isKnownCode(error) && (error as { readonly family?: unknown }).family === family;
}

/** True for an api-error variant (known code or `$unknown`). Accepts any value. */
export function isApiError(value: unknown): value is KnownApiErrorOf<Code, string | undefined> | UnknownApiError<string | undefined, Code> {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { readonly kind?: unknown; readonly code?: unknown };
  return v.kind === "api-error" && (typeof v.code === "string" || typeof v.code === "number");
}

/** True for a `MalformedReply`. Accepts any value. */
export function isMalformed(value: unknown): value is MalformedReply {
  return typeof value === "object" && value !== null && (value as { readonly kind?: unknown }).kind === "malformed";
}
