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
import type {
  Code,
  FamilyOf,
  KnownApiError,
  KnownApiErrorOf,
  MalformedReply,
  UnknownApiError,
} from "./result.js";
/** Anything `match` can dispatch on: a variant with a string `kind`. */
export interface Variant {
  readonly kind: string;
}
/** Every `code` of the api-error variants of `E`, `"$unknown"` included. */
type CodesOf<E> = E extends {
  readonly kind: "api-error";
  readonly code: infer C extends Code;
}
  ? C
  : never;
/** The unknown-code variant of `E` (it carries the envelope's request id type and further error fields). */
type UnknownOf<E> = Extract<
  E,
  {
    readonly kind: "api-error";
    readonly code: "$unknown";
  }
>;
/** The request id type of `E`'s api errors: `string`, or `string | undefined` where replies may lack it. */
type RidOf<E> = [UnknownOf<E>] extends [never]
  ? string
  : UnknownOf<E> extends {
        readonly requestId: infer R extends string | undefined;
      }
    ? R
    : string;
/** The further error fields of `E`'s api errors (declared in the spec's envelope), or `unknown` when none. */
type ExtrasOf<E> = [UnknownOf<E>] extends [never]
  ? unknown
  : [Exclude<keyof UnknownOf<E>, keyof UnknownApiError>] extends [never]
    ? unknown
    : Omit<UnknownOf<E>, keyof UnknownApiError>;
/** The variant of a known code `K` of `E`, as handlers receive it. */
type KnownOf<E, K extends Code> = [RidOf<E>] extends [string]
  ? KnownApiError<K> & ExtrasOf<E>
  : KnownApiErrorOf<K, RidOf<E>> & ExtrasOf<E>;
/** The unknown-code variant of `E`, as its handler receives it. */
type UnknownVariantOf<E> = [UnknownOf<E>] extends [never] ? UnknownApiError : UnknownOf<E>;
/** The known codes of `E`'s api-error variants. */
export type KnownCodesOf<E> = Exclude<CodesOf<E>, "$unknown">;
/** The `kind`s of `E` other than `"api-error"`, e.g. `"malformed" | "transport"`. */
export type OtherKindsOf<E> = E extends {
  readonly kind: infer K extends string;
}
  ? K extends "api-error"
    ? never
    : K
  : never;
/** The api-error variants of `E` whose code is known. */
export type KnownVariantsOf<E> = Exclude<
  Extract<
    E,
    {
      readonly kind: "api-error";
    }
  >,
  {
    readonly code: "$unknown";
  }
>;
/**
 * Family key → the union of that family's known variants, in one pass over the codes (keys that map to
 * the same name merge; the conditional template distributes so each code keeps its own variant).
 */
type ByFamily<E, C extends Code> = {
  readonly [K in C as K extends string ? `${FamilyOf<K>}.*` : never]: K extends string
    ? KnownOf<E, K>
    : never;
};
type HasUnknown<E> = "$unknown" extends CodesOf<E> ? true : false;
/** The handlers of every key but `$default`. */
type KeyHandlers<E, R> = {
  readonly [K in KnownCodesOf<E>]?: (error: KnownOf<E, K>) => R;
} & {
  readonly [K in keyof ByFamily<E, KnownCodesOf<E>>]?: (
    error: ByFamily<E, KnownCodesOf<E>>[K],
  ) => R;
} & (HasUnknown<E> extends true
    ? {
        readonly $unknown?: (error: UnknownVariantOf<E>) => R;
      }
    : unknown) & {
    readonly [K in OtherKindsOf<E> as `$${K}`]?: (
      error: Extract<
        E,
        {
          readonly kind: K;
        }
      >,
    ) => R;
  };
/**
 * Every handler `match` accepts for `E`, all optional (for annotating a handler object of your own;
 * its `$default` may take all of `E`); `MatchHandlers` adds the exhaustiveness rules.
 */
export type Handlers<E, R = unknown> = KeyHandlers<E, R> & {
  readonly $default?: (error: E) => R;
};
/**
 * `match`'s constraint on the handlers: `$default` typed `never` here, so that its contextual type comes
 * from `DefaultHandler` (the unhandled variants only) and not from the whole union.
 */
type MatchableHandlers<E, R> = KeyHandlers<E, R> & {
  readonly $default?: (error: never) => R;
};
/** Every key `Handlers<E>` has. */
type AllowedKeys<E> =
  | KnownCodesOf<E>
  | `${FamilyOf<Extract<KnownCodesOf<E>, string>>}.*`
  | (HasUnknown<E> extends true ? "$unknown" : never)
  | `$${OtherKindsOf<E>}`
  | "$default";
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
      : (
          error: Extract<
            E,
            {
              readonly kind: K extends `$${infer Kind}` ? Kind : never;
            }
          >,
        ) => unknown;
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
  : E extends {
        readonly kind: infer K extends string;
      }
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
  ([Exclude<keyof H, AllowedKeys<E>>] extends [never]
    ? unknown
    : Extra<Exclude<keyof H, AllowedKeys<E>>>);
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
export declare function match<
  E extends Variant,
  H extends MatchableHandlers<E, NoInfer<R>>,
  R = unknown,
  K extends PropertyKey = keyof H,
>(
  error: E,
  handlers: MatchHandlers<E, H> & DefaultHandler<E, K>,
): unknown extends R ? MatchResult<H> : R;
/**
 * For the `default` branch of a hand-written `switch (e.code)` / `switch (e.kind)`: compiles only when
 * every case is handled. Reached at runtime only if the value lies about its type; the thrown error names
 * the code or kind and nothing else.
 */
export declare function assertNever(value: never): never;
/** True for an api-error variant whose code the spec knows (narrows out `$unknown` and other kinds). */
export declare function isKnownCode<E extends Variant>(error: E): error is KnownVariantsOf<E>;
/** True for a known api-error of `family` (never for the `$unknown` variant, whatever its raw code). */
export declare function isFamily<
  E extends Variant,
  F extends FamilyOf<Extract<KnownCodesOf<E>, string>>,
>(
  error: E,
  family: F,
): error is Extract<
  KnownVariantsOf<E>,
  {
    readonly family: F;
  }
>;
/** True for an api-error variant (known code or `$unknown`). Accepts any value. */
export declare function isApiError(
  value: unknown,
): value is KnownApiErrorOf<Code, string | undefined> | UnknownApiError<string | undefined, Code>;
/** True for a `MalformedReply`. Accepts any value. */
export declare function isMalformed(value: unknown): value is MalformedReply;
export {};
