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

/** A literal of 16 or more digits may exceed 2^53 − 1. */
const MAYBE_BIG = /\d{16}/;

/** Control characters whose only JSON spelling is `\u00XX` with decimal digits (so `includes` is exact enough). */
const MARKER_CODES: readonly number[] = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x00, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19];

/** Parse `text` as JSON, reading big integer literals exactly (see the module comment). Throws as `JSON.parse` does. */
export function readExact(text: string): { readonly value: unknown; readonly big: BigLiterals | null } {
  if (!MAYBE_BIG.test(text)) return { value: JSON.parse(text) as unknown, big: null };
  const marker = markerFor(text);
  const quoted = marker === undefined ? undefined : quoteBigLiterals(text, `\\u00${marker.toString(16).padStart(2, "0")}`);
  if (quoted === undefined || marker === undefined) return { value: JSON.parse(text) as unknown, big: null };
  const value = JSON.parse(quoted) as unknown;
  return { value, big: restore(value, marker) };
}

/** A marker character the parsed text cannot contain; undefined when the text escapes them all. */
function markerFor(text: string): number | undefined {
  for (const code of MARKER_CODES) {
    if (!text.includes(`\\u00${code.toString(16).padStart(2, "0")}`)) return code;
  }
  return undefined;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Index just after the string starting at `from` (after its opening quote); `text.length` when unterminated. */
function endOfString(text: string, from: number): number {
  let i = from;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return text.length;
    let slashes = 0;
    for (let b = q - 1; b >= i && text.charCodeAt(b) === BACKSLASH; b--) slashes++;
    if (slashes % 2 === 0) return q + 1;
    i = q + 1;
  }
}

function isDigit(ch: number): boolean {
  return ch >= 0x30 && ch <= 0x39;
}

/** `.`, `e`, `E`, `+`, `-` or a digit: characters a number token can continue with. */
function continuesNumber(ch: number): boolean {
  return isDigit(ch) || ch === 0x2e || ch === 0x65 || ch === 0x45 || ch === 0x2b || ch === 0x2d;
}

/** The text with big integer literals in value positions quoted with `escape`; undefined when there is none. */
function quoteBigLiterals(text: string, escape: string): string | undefined {
  const parts: string[] = [];
  let last = 0;
  // open containers: true = array (a value follows "," inside an array, a key follows it inside an object)
  const arrays: boolean[] = [];
  let prev = 0; // previous significant character (0 at the start)
  const n = text.length;
  let i = 0;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (ch === QUOTE) {
      i = endOfString(text, i + 1);
      prev = QUOTE;
      continue;
    }
    if (ch === 0x2d || isDigit(ch)) {
      const start = ch === 0x2d ? i + 1 : i;
      let j = start;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      let end = j;
      while (end < n && continuesNumber(text.charCodeAt(end))) end++;
      const inValuePosition = prev === 0x3a || prev === 0x5b || (prev === 0x2c && arrays[arrays.length - 1] === true);
      if (end === j && j - start >= 16 && text.charCodeAt(start) !== 0x30 && inValuePosition) {
        parts.push(text.slice(last, i), `"${escape}`, text.slice(i, j), '"');
        last = j;
      }
      prev = 0x30;
      i = end;
      continue;
    }
    if (ch === 0x7b || ch === 0x5b) arrays.push(ch === 0x5b);
    else if (ch === 0x7d || ch === 0x5d) arrays.pop();
    if (ch > 0x20) prev = ch;
    i++;
  }
  if (parts.length === 0) return undefined;
  parts.push(text.slice(last));
  return parts.join("");
}

/** Put marked strings back as numbers; the literal texts by holder and key. */
function restore(root: unknown, marker: number): BigLiterals {
  const big: BigLiterals = new Map();
  const stack: unknown[] = [root];
  // Holders are objects and arrays JSON.parse just made: every key is an own data property
  // (`__proto__` too, so a plain read or write of it touches the own property, never the prototype).
  const visit = (holder: Record<string | number, unknown>, key: string | number): void => {
    const v = holder[key];
    if (typeof v === "object" && v !== null) stack.push(v);
    else if (typeof v === "string" && v.length > 1 && v.charCodeAt(0) === marker) {
      const literal = v.slice(1);
      holder[key] = Number(literal);
      let m = big.get(holder);
      if (m === undefined) big.set(holder, (m = new Map()));
      m.set(key, literal);
    }
  };
  while (stack.length > 0) {
    const o = stack.pop() as Record<string | number, unknown>;
    if (Array.isArray(o)) for (let i = 0; i < o.length; i++) visit(o, i);
    else for (const k of Object.keys(o)) visit(o, k);
  }
  return big;
}
