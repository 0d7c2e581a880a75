/**
 * Reading a JSON input file (api.json, errors.json) into a plain value, with located diagnostics.
 * One `JSON.parse` per file. Only when it fails does a small scanner walk the text to find where and
 * why (V8's messages differ between Node versions and often carry no position), so a syntax error is
 * reported at its line and column: the end of the text for a truncated file.
 */
import type { Diagnostic } from "../diagnostics.js";
import { duplicateKeys } from "./json-scan.js";

/** An input file in memory: the path as the user gave it (used in diagnostics) and its text. */
export interface InputFile {
  readonly path: string;
  readonly text: string;
}

export type JsonResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Parse `file.text` as JSON (a leading byte-order mark is ignored); a key repeated in an object is an error. */
export function parseJsonFile(file: InputFile): JsonResult {
  const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    const found = text.trim() === "" ? { offset: 0, message: "the file is empty" } : locateJsonError(text);
    if (found === undefined) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, diagnostics: [{ file: file.path, line: 0, col: 0, message: `not valid JSON: ${reason}`, path: "$" }] };
    }
    const { line, col } = lineCol(text, found.offset);
    return { ok: false, diagnostics: [{ file: file.path, line, col, message: `not valid JSON: ${found.message}`, path: "$" }] };
  }
  // JSON.parse keeps the last of repeated keys silently; the spec loader refuses them, and so does this.
  const duplicates = duplicateKeys(file.path, text);
  return duplicates.length > 0 ? { ok: false, diagnostics: duplicates } : { ok: true, value };
}

class JsonSyntax {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** Offset and reason of the first JSON syntax error in `text` (undefined if none is found). */
export function locateJsonError(text: string): { offset: number; message: string } | undefined {
  let i = 0;
  const n = text.length;
  const fail = (message: string, at = i): never => {
    throw new JsonSyntax(at, at >= n ? "unexpected end of the text (is the file truncated?)" : message);
  };
  const ws = (): void => {
    for (let c = text.charCodeAt(i); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = text.charCodeAt(++i));
  };
  const expect = (ch: string, what: string): void => {
    ws();
    if (text[i] !== ch) fail(`expected ${what}, found ${show(text[i])}`);
    i += 1;
  };
  const string = (): void => {
    i += 1; // opening quote
    for (;;) {
      if (i >= n) fail("");
      const c = text.charCodeAt(i);
      if (c === 0x22) return void (i += 1);
      if (c < 0x20) fail("control character inside a string (escape it)");
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail("bad \\u escape in a string");
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`bad escape ${show(`\\${e ?? ""}`)} in a string`);
      } else i += 1;
    }
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i += 1;
      ws();
      if (text[i] === "}") return void (i += 1);
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${show(text[i])}`);
        string();
        expect(":", "':' after the property name");
        value();
        ws();
        if (text[i] === ",") i += 1;
        else if (text[i] === "}") return void (i += 1);
        else fail(`expected ',' or '}', found ${show(text[i])}`);
      }
    }
    if (c === "[") {
      i += 1;
      ws();
      if (text[i] === "]") return void (i += 1);
      for (;;) {
        value();
        ws();
        if (text[i] === ",") i += 1;
        else if (text[i] === "]") return void (i += 1);
        else fail(`expected ',' or ']', found ${show(text[i])}`);
      }
    }
    if (c === '"') return string();
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) return void (i += word.length);
    }
    NUMBER.lastIndex = i;
    if (c !== undefined && /[-0-9]/.test(c) && NUMBER.test(text)) return void (i = NUMBER.lastIndex);
    fail(`unexpected ${show(c)}`);
  };
  try {
    value();
    ws();
    if (i < n) fail(`unexpected ${show(text[i])} after the JSON value`);
    return undefined;
  } catch (error) {
    if (error instanceof JsonSyntax) return { offset: error.offset, message: error.message };
    return undefined; // e.g. nesting too deep for the scanner: the caller falls back to V8's message
  }
}

function show(ch: string | undefined): string {
  if (ch === undefined) return "the end of the text";
  return JSON.stringify(ch);
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

/** A plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON path segment for a key: `.Name` when identifier-like, else `["…"]`. */
export function jsonKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/**
 * A fixed lookup table that input keys can index safely: no prototype, so `constructor`,
 * `hasOwnProperty` or `__proto__` read as absent instead of as Object.prototype's members.
 */
export function lookupTable<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
