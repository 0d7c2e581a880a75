/**
 * Writing spec YAML. The importer's output is a small subset of YAML — block mappings with string
 * keys, block sequences of scalars, strings, integers, booleans — so it is written here directly
 * rather than through `yaml`'s stringify, which took ~80% of an import's time (cvm: ~110 ms → ~25 ms;
 * the whole Tencent surface is ~300 service versions). Tests parse the output with the `yaml` package
 * and compare (property-tested on arbitrary strings).
 *
 * Style: 2-space indent, `key: value`, sequences as `- item` indented under their key, `{}` / `[]`
 * for empty collections, no line folding. A string is written plain only when it is plainly a string
 * to YAML 1.2 and YAML 1.1 readers alike (so `2017-03-12`, `5`, `yes`, `on`, `null` are quoted), has
 * no `:` or `#`, no indicator first and no whitespace at either end; otherwise it is double-quoted
 * with JSON escapes (valid YAML) plus `\u` escapes for characters YAML does not allow raw.
 * Maps are JS `Map`s, so keys keep the order the importer chose, integer-like keys included.
 */
import { printable } from "../printable.js";

export type YamlScalar = string | number | boolean | null;
export type YamlValue = YamlScalar | YamlMap | readonly YamlScalar[];
export type YamlMap = Map<string, YamlValue>;

/** Build an ordered map, dropping entries whose value is undefined. */
export function ymap(entries: ReadonlyArray<readonly [string, YamlValue | undefined]>): YamlMap {
  const map: YamlMap = new Map();
  for (const [key, value] of entries) if (value !== undefined) map.set(key, value);
  return map;
}

/** `header` lines as `# ` comments (control characters escaped: YAML forbids them raw), then the mapping. Deterministic for equal input. */
export function yamlText(header: readonly string[], body: YamlMap): string {
  const out: string[] = header.map((line) => `# ${printable(line.replace(/[\r\n]+/g, " "))}\n`);
  writeMap(body, "", out);
  return out.join("");
}

function writeMap(map: YamlMap, indent: string, out: string[]): void {
  for (const [key, value] of map) {
    const head = `${indent}${scalar(key)}:`;
    if (value instanceof Map) {
      if (value.size === 0) out.push(`${head} {}\n`);
      else {
        out.push(`${head}\n`);
        writeMap(value, `${indent}  `, out);
      }
    } else if (Array.isArray(value)) {
      if (value.length === 0) out.push(`${head} []\n`);
      else {
        out.push(`${head}\n`);
        for (const item of value as readonly YamlScalar[]) out.push(`${indent}  - ${scalar(item)}\n`);
      }
    } else out.push(`${head} ${scalar(value as YamlScalar)}\n`);
  }
}

/** First characters that make a plain scalar mean something else (indicators, space). */
const BAD_FIRST = /^[\s\-?:,[\]{}#&*!|>'"%@`]/;
/** Anywhere: comment/mapping indicators, and characters YAML forbids raw or treats as line breaks. */
const BAD_ANY = /[:#\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\p{Cs}/u;
/** Resolves to a non-string in YAML 1.2 core or YAML 1.1 (numbers, booleans, null, dates, merge keys…). */
const AMBIGUOUS = /^(?:[-+]?[.\d]|(?:y|n|yes|no|on|off|true|false|null|~|<<|=)$)/i;
const NEEDS_ESCAPE = /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** One scalar in YAML text. */
export function scalar(value: YamlScalar): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new Error(`yaml-out: only safe integers are written, got ${value}`);
    return String(value);
  }
  if (value !== "" && !BAD_FIRST.test(value) && !/\s$/.test(value) && !BAD_ANY.test(value) && !AMBIGUOUS.test(value)) return value;
  return JSON.stringify(value).replace(NEEDS_ESCAPE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
