/**
 * The fast path of the YAML reader: js-yaml (about 15× faster than `yaml`), used only where it is
 * known to give exactly the value `yaml` gives. Anything unusual returns `undefined`, and the
 * caller reads the file with `yaml` (the slow path), which produces the located diagnostics and
 * bounds alias expansion. A file goes to the slow path when:
 * - js-yaml throws (bad YAML, duplicate keys, several documents, nesting deeper than 100, …);
 * - the document is empty (the slow path reports it) or a scalar (never a valid spec);
 * - the text has something the two readers treat differently (see UNUSUAL: tabs, directives, tags,
 *   anchors, complex keys, …; and hasLineHazard), outside the one-line double-quoted values that
 *   maskQuotedValues blanks first (where such characters are only text: imported descriptions);
 * - the value has a key "null" (`yaml` turns a null key into "", js-yaml into "null"), an object
 *   reached twice (an alias), or not exactly the objects js-yaml reported building (extra guards).
 *
 * Plain scalars are resolved by the rules of `yaml`'s YAML 1.2 core schema (its regular expressions
 * and conversions, copied below), not js-yaml's, which differ (`0b1`, `1_000`, `+0x1F`, …).
 */
import { load, Schema, Type, type State } from "js-yaml";

// yaml/dist/schema/core: null, bool, int (octal, decimal, hex) and float (nan/inf, exponent, plain).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

function toNumber(s: string): number {
  if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === "nan" ? NaN : s[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return parseFloat(s);
}

// Private tags: an explicit `!!null`, `!!int`, … is unknown to this schema, so js-yaml throws.
const SCHEMA = new Schema({
  implicit: [
    new Type("tag:tcgen,2026:null", { kind: "scalar", resolve: (s: string) => NULL.test(s), construct: () => null }),
    new Type("tag:tcgen,2026:bool", { kind: "scalar", resolve: (s: string) => BOOL.test(s), construct: (s: string) => s[0] === "t" || s[0] === "T" }),
    new Type("tag:tcgen,2026:number", {
      kind: "scalar",
      resolve: (s: string) => INT_OCT.test(s) || INT.test(s) || INT_HEX.test(s) || FLOAT_NAN.test(s) || FLOAT_EXP.test(s) || FLOAT.test(s),
      construct: toNumber,
    }),
  ],
});

/**
 * Text the fast path leaves alone: YAML features that need the slow path (tags, anchors, complex
 * keys, directives), and every construct found (by differential fuzzing) where js-yaml and `yaml`
 * disagree. False alarms only cost speed.
 */
const UNUSUAL = new RegExp(
  [
    // Tabs (indentation rules differ) and directives (`%YAML 1.1` changes `yaml`'s schema).
    "\\t",
    "^%",
    // A tag (`!`), or an anchor (`&` and a name: no space, no flow indicator). Without anchors any
    // alias (`*a`) is an error, so js-yaml throws: `*` needs no check.
    "(?:^|[\\s[\\]{},:])(?:!|&[^\\s[\\]{},])",
    // Explicit keys (`? a`) and flow collections as keys (`[a]: b`): `yaml` writes such keys as YAML
    // text, js-yaml as "a" or "[object Object]".
    "(?:^|[\\s[{,])\\?(?:\\s|$)",
    "[\\]}][ ]*:",
    // A lone CR (a line break for js-yaml only) and a BOM after the start (dropped by `yaml` only).
    "\\r(?!\\n)",
    "\\uFEFF",
    // Block scalars: an indentation indicator (`|2`), keep chomping (`|+`) or a leading blank line
    // (whitespace-only lines are kept differently).
    "[|>][-+]?[0-9]",
    "[|>]\\+",
    "[|>]-?[ ]*(?:#.*)?\\r?\\n[ ]*\\r?(?:\\n|$)",
    // An escaped line break in a double-quoted scalar (`\` at the end of a line): blank lines after
    // it are folded differently.
    "\\\\\\r?$",
    // A comment right after a quoted scalar or a flow collection (`[]#`): js-yaml accepts it.
    "[\"'\\]}]#",
    // An empty `-` entry: js-yaml can put the entries after it into the wrong list.
    "^[ ]*(?:-[ ]+)*-[ ]*(?:#.*)?\\r?$",
    // Document markers other than a bare `---` line (js-yaml reads `--- x` and `---#` differently).
    "^\\.\\.\\.|^---(?!\\r?\\n)",
  ].join("|"),
  "m",
);
const MAX_KEY_SPAN = 1024;

const KEY_WITHOUT_VALUE = /:[ ]*(?:[ ]#.*)?$/;
const KEY_OR_ENTRY = /^-(?:[ ]|$)|:(?:[ ]|$)/;

/**
 * Line checks: a `:` more than MAX_KEY_SPAN characters into a line (where a too-long implicit key
 * could end), and a key whose value, a plain scalar on a later line, comes after a comment in
 * column 0 (`yaml` ends the mapping at that comment and rejects the file; js-yaml reads the value).
 */
function hasLineHazard(text: string): boolean {
  let start = 0;
  let keyWithoutValue = false;
  let commentAtColumn0 = false;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    for (let i = start + MAX_KEY_SPAN; i < end; i++) if (text.charCodeAt(i) === 0x3a) return true;
    const line = text.slice(start, end);
    const content = line.trim();
    if (content.startsWith("#")) {
      if (line[0] === "#") commentAtColumn0 = true;
    } else if (content !== "") {
      if (keyWithoutValue && commentAtColumn0 && !KEY_OR_ENTRY.test(content)) return true;
      keyWithoutValue = KEY_WITHOUT_VALUE.test(content);
      commentAtColumn0 = false;
    }
    start = end + 1;
  }
  return false;
}

const isUnusual = (text: string): boolean => UNUSUAL.test(text) || hasLineHazard(text);

/**
 * A line whose value is one double-quoted scalar, closed on that line: a key or list entries (or
 * both), then `"…"` (no tab, CR or BOM inside, which UNUSUAL must still see), then only spaces.
 */
const QUOTED_VALUE_LINE = /^([ ]*(?:(?:-[ ]+)+(?:[A-Za-z0-9_$][\w$.\/-]*:[ ]+)?|[A-Za-z0-9_$][\w$.\/-]*:[ ]+))"(?:[^"\\\t\r\n\uFEFF]|\\[^\t\r\n])*"([ ]*\r?)$/;

/**
 * `text` with the content of every QUOTED_VALUE_LINE value blanked (`k: "…"` → `k: ""`), for the
 * UNUSUAL and line checks only: inside a double-quoted scalar `!`, `&`, `?`, `]:` and long lines
 * are plain text to both readers. A line that only looks like one (it continues a multi-line
 * scalar) leaves text after a closing quote, which both readers reject.
 */
export function maskQuotedValues(text: string): string {
  const lines = text.split("\n");
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.includes('"')) continue;
    const m = QUOTED_VALUE_LINE.exec(line);
    if (m === null) continue;
    lines[i] = `${m[1]!}""${m[2]!}`;
    changed = true;
  }
  return changed ? lines.join("\n") : text;
}

/**
 * The plain-JS value of `text` as `yaml` would build it, or `undefined` when the fast path cannot
 * vouch for it (the caller then uses the slow path).
 */
export function fastLoad(text: string): unknown {
  if (isUnusual(text)) {
    const masked = maskQuotedValues(text);
    if (masked === text || isUnusual(masked)) return undefined;
  }
  let built = 0;
  let value: unknown;
  try {
    value = load(text, {
      schema: SCHEMA,
      onWarning: () => {
        throw new Error("warning");
      },
      listener(event, state: State) {
        if (event === "close" && (state.kind === "mapping" || state.kind === "sequence")) built++;
      },
    });
  } catch {
    return undefined;
  }
  // Empty (the slow path reports it) or a scalar (never a spec; top-level block scalars differ).
  if (typeof value !== "object" || value === null) return undefined;
  return isPlainTree(value, built) ? value : undefined;
}

/** No object reached twice, no "null" key, and exactly `built` objects and arrays (iterative walk). */
function isPlainTree(root: unknown, built: number): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null) continue;
    if (seen.has(v)) return false;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else {
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        if (k === "null") return false;
        stack.push(o[k]);
      }
    }
  }
  return seen.size === built;
}
