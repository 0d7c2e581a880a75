/**
 * Reading 64-bit integers exactly from JSON text (Node 20: `JSON.parse` has no source-text access and
 * there is no `JSON.rawJSON`). Used only by the parsers of actions whose reply has an int64/uint64
 * field in `bigint` or `string` mode; every other reply keeps the plain `JSON.parse` path.
 *
 * 1. A literal of at most 15 digits is below 2^53 and exact as a number. When the text has no run of
 *    16 digits (one regex test), it is parsed as it is.
 * 2. Otherwise one linear, string-aware scan quotes every integer literal of 16 digits or more that
 *    stands in a value position of an object or array: `12345678901234567890` becomes the JSON string
 *    `"\u0001" + "12345678901234567890"` (a marker: a control character the text cannot produce,
 *    because it contains no `\u00XX` escape of it; raw control characters are not JSON). Literals in
 *    keys, inside strings, with a leading zero, a fraction or an exponent are left alone, so text that
 *    is not JSON stays not JSON.
 * 3. After `JSON.parse`, one walk puts every marked string back as the number `JSON.parse` would have
 *    made of the literal (`Number(literal)`: the same correctly rounded value), and records the literal
 *    text by holder (object or array) and key in `BigLiterals`. So every value keeps the type
 *    `JSON.parse` gives it; only the generated checks of 64-bit fields look their literal up.
 *
 * Both passes are linear (no backtracking, no recursion); the walk only writes own keys of objects
 * `JSON.parse` just made (no prototype is ever read or written). No imports, no Node APIs.
 */
/** Exact text of big integer literals: holder (object or array) → key or index → literal text. */
export type BigLiterals = Map<object, Map<string | number, string>>;
/** Parse `text` as JSON, reading big integer literals exactly (see the module comment). Throws as `JSON.parse` does. */
export declare function readExact(text: string): {
  readonly value: unknown;
  readonly big: BigLiterals | null;
};
