/**
 * A second look at JSON text that JSON.parse accepted, for what JSON.parse does not tell: keys that
 * repeat in one object (JSON.parse keeps the last silently), and where a JSON path (`$.objects["X"]
 * .members[3].type`, as the importer writes them) is in the text. One iterative pass (deep nesting is
 * fine), memory bounded by the nesting depth (keys of the open objects only).
 */
import type { Diagnostic } from "../diagnostics.js";
import { jsonKey } from "./json-source.js";

interface Frame {
  readonly object: boolean;
  readonly path: string;
  /** Keys seen so far (objects only). */
  readonly keys: Set<string> | undefined;
  /** Objects: a key comes next. */
  expectKey: boolean;
  /** Arrays: index of the current element. */
  index: number;
  /** Path of the value being read (a member or an element). */
  current: string;
}

export interface JsonPosition {
  readonly line: number;
  readonly col: number;
}

/**
 * Walk valid JSON text. `onValue(path, at)` is told every value's path and where to point for it (the
 * key of an object member, the start of an array element or of the root); `onDuplicate(path, key, at)`
 * every repeated key. Offsets come as line and column (1-based, columns in UTF-16 units).
 */
function walk(
  text: string,
  onValue: ((path: string, at: JsonPosition) => void) | undefined,
  onDuplicate: ((path: string, key: string, at: JsonPosition) => void) | undefined,
): void {
  const stack: Frame[] = [];
  let line = 1;
  let lineStart = 0;
  const pos = (offset: number): JsonPosition => ({ line, col: offset - lineStart + 1 });
  /** A value starts at `i`: report it (members were reported at their key). */
  const valueStarts = (i: number): string => {
    const top = stack[stack.length - 1];
    if (top === undefined) {
      onValue?.("$", pos(i));
      return "$";
    }
    if (top.object) return top.current;
    top.current = `${top.path}[${top.index}]`;
    onValue?.(top.current, pos(i));
    return top.current;
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    } else if (c === 0x22) {
      const start = i;
      let escaped = false;
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) {
          i++;
          escaped = true;
        } else if (d === 0x22) break;
      }
      const top = stack[stack.length - 1];
      if (top?.object && top.expectKey) {
        const raw = text.slice(start, i + 1);
        const key = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        const at = pos(start);
        top.current = `${top.path}${jsonKey(key)}`;
        if (top.keys!.has(key)) onDuplicate?.(top.path, key, at);
        else top.keys!.add(key);
        top.expectKey = false;
        onValue?.(top.current, at);
      } else valueStarts(start);
    } else if (c === 0x7b || c === 0x5b) {
      const path = valueStarts(i);
      const object = c === 0x7b;
      stack.push({ object, path, keys: object ? new Set() : undefined, expectKey: object, index: 0, current: path });
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
    } else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      if (top?.object) top.expectKey = true;
      else if (top) top.index++;
    } else if (c !== 0x3a && c !== 0x20 && c !== 0x09 && c !== 0x0d) {
      // a number, true, false or null: skip to its end
      const top = stack[stack.length - 1];
      if (!top?.object) valueStarts(i);
      while (i + 1 < n && !",]}: \t\r\n".includes(text[i + 1]!)) i++;
    }
  }
}

/** At most this many duplicate keys are reported per file. */
export const MAX_DUPLICATES = 100;

/** Diagnostics for keys repeated within one object (JSON.parse would keep the last one silently). */
export function duplicateKeys(file: string, text: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  let more = 0;
  walk(text, undefined, (path, key, at) => {
    if (found.length < MAX_DUPLICATES) found.push({ file, line: at.line, col: at.col, path: `${path}${jsonKey(key)}`, message: `duplicate key ${JSON.stringify(key)}` });
    else more++;
  });
  if (more > 0) found.push({ file, line: 0, col: 0, path: "", message: `… and ${more} more duplicate keys` });
  return found;
}

/** Fill in line:col of diagnostics of `file` that have a JSON path but no position (their deepest existing ancestor). */
export function locate(diagnostics: readonly Diagnostic[], file: string, text: string): Diagnostic[] {
  const wanted = new Set<string>();
  for (const d of diagnostics) if (d.file === file && d.line === 0 && d.path.startsWith("$")) for (const p of ancestors(d.path)) wanted.add(p);
  if (wanted.size === 0) return [...diagnostics];
  const found = new Map<string, JsonPosition>();
  walk(
    text,
    (path, at) => {
      if (wanted.has(path) && !found.has(path)) found.set(path, at);
    },
    undefined,
  );
  return diagnostics.map((d) => {
    if (d.file !== file || d.line !== 0 || !d.path.startsWith("$")) return d;
    for (const p of ancestors(d.path)) {
      const at = found.get(p);
      if (at) return { ...d, line: at.line, col: at.col };
    }
    return d;
  });
}

/** `$.a["b"][3].c` → itself, `$.a["b"][3]`, `$.a["b"]`, `$.a`, `$` (segments as jsonKey writes them). */
function ancestors(path: string): string[] {
  const out = [path];
  const SEGMENT = /(?:\.[A-Za-z_][A-Za-z0-9_]*|\[(?:\d+|"(?:[^"\\]|\\.)*")\])$/;
  let p = path;
  for (let m = SEGMENT.exec(p); m && p !== "$"; m = SEGMENT.exec(p)) {
    p = p.slice(0, m.index);
    out.push(p);
  }
  return out;
}
