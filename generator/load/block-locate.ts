/**
 * Source positions without a syntax tree, for documents the fast path read (block-style YAML with no
 * tabs, tags, anchors or duplicate keys). YAML's indentation rules make the layout tell the
 * structure: the keys of a block mapping are the lines at its first line's indentation (comments
 * and blank lines aside); anything nested, continued or multi-line sits deeper. A key is matched
 * only when its text is unmistakably the string the value holds (an identifier-like plain key that
 * no schema rule turns into a number, boolean or null, or a quoted key with no escapes). Anything
 * else — list entries, flow collections on the path, keys it cannot read where the wanted one is
 * missing — makes it answer `undefined`, and the caller builds the `yaml` tree instead. A test
 * checks every answer against the tree on every spec file in the repo and the imported corpus.
 */
import type { Anchor, DocPath } from "./document.js";

interface Line {
  /** Offset of the first non-space character. */
  readonly content: number;
  readonly indent: number;
  /** Offset of the end of the line (before `\r\n` or `\n`). */
  readonly end: number;
}

const PLAIN_KEY = /^[A-Za-z_$][\w$.\/-]*$/;
/** Plain scalars the core schema reads as booleans or null (numbers cannot start with a letter). */
const NOT_A_STRING = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE|[Nn]ull|NULL)$/;
const KEY_LINE = /^(?:([A-Za-z_$][\w$.\/-]*)|"([^"\\]*)"|'([^']*)')[ ]*:(?:[ ]|$)/;

/** Where one entry of a block collection is: its line and the offset its node starts at. */
interface EntryAt {
  readonly line: number;
  /** A map entry: the key's start; a list entry: the item's start (after `- `), or -1 when empty. */
  readonly start: number;
  /** A map entry: the offset of the `:` after the key. */
  readonly colon: number;
}

/** The entries of a block collection. `unreadable`: some key line could not be read. */
type Entries =
  | { readonly kind: "map"; readonly keys: Map<string, EntryAt>; readonly unreadable: boolean }
  | { readonly kind: "list"; readonly items: EntryAt[] };

/**
 * A block collection: lines [from, to), its entries at `indent`; the first entry starts at `first`
 * (after `- ` for a mapping that is a list item: `- a: 1`).
 */
interface Container {
  /** A one-line flow mapping (`{ a: 1, b: [x] }`): the offset of its `{`. */
  readonly flow?: number;
  readonly from: number;
  readonly to: number;
  readonly indent: number;
  readonly first: number;
}

export class BlockLocator {
  readonly #text: string;
  readonly #lines: Line[] = [];
  readonly #entries = new Map<string, Entries | undefined>();
  readonly #ends = new Map<string, number>();

  constructor(text: string) {
    this.#text = text;
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf("\n", start);
      const next = end < 0 ? text.length + 1 : end + 1;
      if (end < 0) end = text.length;
      if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
      let content = start;
      while (content < end && text.charCodeAt(content) === 0x20) content++;
      // Blank lines, comments and a leading `---` hold no node.
      const significant = content < end && text[content] !== "#" && !(start === 0 && /^---[ ]*(?:#.*)?$/.test(text.slice(start, end)));
      if (significant) this.#lines.push({ content, indent: content - start, end });
      start = next;
    }
  }

  /** Offset of the node at `path` (as SpecDocument.treeOffset reads it from the tree), or undefined. */
  offset(path: DocPath, at: Anchor): number | undefined {
    const first = this.#lines[0];
    if (first === undefined) return undefined;
    let fallback = first.content;
    let node: Container | undefined = { from: 0, to: this.#lines.length, indent: first.indent, first: first.content };
    /** The last step: a map entry (key anchor differs from value anchor) or a list item. */
    let last: { entry: EntryAt; map: boolean } | undefined;
    for (const seg of path) {
      if (last !== undefined) {
        const inner = this.#valueContainer(last.entry, last.map);
        if (inner === "scalar") return fallback;
        if (inner === undefined) return undefined;
        node = inner;
      }
      const entries = this.#entriesOf(node!);
      if (entries === undefined) return undefined;
      let hit: EntryAt | undefined;
      if (entries.kind === "map") {
        hit = entries.keys.get(String(seg));
        if (hit === undefined) return entries.unreadable ? undefined : fallback;
      } else {
        if (typeof seg !== "number") return fallback;
        hit = entries.items[seg];
        if (hit === undefined) return fallback;
        if (hit.start < 0) return undefined;
      }
      fallback = hit.start;
      last = { entry: hit, map: entries.kind === "map" };
    }
    if (last === undefined) return first.content;
    if (!last.map || at === "key") return last.entry.start;
    return this.#valueStart(last.entry);
  }

  /** Where a map entry's value starts: on the key's line, or the first line of its block. */
  #valueStart(entry: EntryAt): number | undefined {
    const rest = this.#afterColon(entry);
    if (rest !== undefined) return rest;
    const line = this.#lines[entry.line]!;
    const next = this.#lines[entry.line + 1];
    if (next === undefined || next.indent < line.indent) return undefined;
    // Deeper than the key itself (a list at the key's indentation is left to the tree).
    return next.indent > this.#column(entry.start) ? next.content : undefined;
  }

  /**
   * The collection an entry's value is: "scalar" when a plain or quoted scalar sits on its line
   * (the path cannot go deeper), undefined when the layout cannot tell (a flow collection, a value
   * at the key's own indentation, an empty value).
   */
  #valueContainer(entry: EntryAt, map: boolean): Container | "scalar" | undefined {
    const line = this.#lines[entry.line]!;
    if (map) {
      const rest = this.#afterColon(entry);
      if (rest !== undefined) {
        if (this.#text[rest] === "{") return { flow: rest, from: entry.line, to: entry.line + 1, indent: -1, first: rest };
        return this.#text[rest] === "[" ? undefined : "scalar";
      }
      const from = entry.line + 1;
      const to = this.#blockEnd(entry.line, this.#column(entry.start));
      const head = this.#lines[from];
      if (from >= to || head === undefined) return undefined;
      return { from, to, indent: head.indent, first: head.content };
    }
    // A list item: a compact collection starting on the `- ` line, or a scalar.
    const c = this.#text[entry.start];
    if (c === "{" || c === "[") return undefined;
    const column = this.#column(entry.start);
    const to = this.#blockEnd(entry.line, line.indent);
    if (this.#isEntry(entry.start, line.end)) return { from: entry.line, to, indent: column, first: entry.start };
    const text = this.#text.slice(entry.start, line.end);
    if (KEY_LINE.test(text)) return { from: entry.line, to, indent: column, first: entry.start };
    // A one-line item with no `:` cannot be a mapping.
    return !text.includes(":") && to === entry.line + 1 ? "scalar" : undefined;
  }

  /** The column (0-based) of an offset on its line. */
  #column(offset: number): number {
    return offset - this.#text.lastIndexOf("\n", offset - 1) - 1;
  }

  /** Where the value on a map entry's line starts, or undefined when the rest of the line is empty or a comment. */
  #afterColon(entry: EntryAt): number | undefined {
    const end = this.#lines[entry.line]!.end;
    let i = entry.colon + 1;
    while (i < end && this.#text.charCodeAt(i) === 0x20) i++;
    return i < end && this.#text[i] !== "#" ? i : undefined;
  }

  /** Whether a list entry (`-` then a space or the line end) starts at `at`. */
  #isEntry(at: number, end: number): boolean {
    return this.#text[at] === "-" && (at + 1 === end || this.#text.charCodeAt(at + 1) === 0x20);
  }

  /** The end (exclusive line index) of the lines after `k` indented deeper than `indent` (memoised: queries repeat ancestors). */
  #blockEnd(k: number, indent: number): number {
    const id = `${k}:${indent}`;
    const known = this.#ends.get(id);
    if (known !== undefined) return known;
    let i = k + 1;
    while (i < this.#lines.length && this.#lines[i]!.indent > indent) i++;
    this.#ends.set(id, i);
    return i;
  }

  /**
   * The entries of a one-line flow mapping of plain keys and simple values (no quotes, no nested
   * mappings, lists one level deep); undefined for anything else.
   */
  #flowEntries(line: number, open: number): Entries | undefined {
    const end = this.#lines[line]!.end;
    // Double-quoted values (no escapes) are skipped whole; they may hold `,`, `[`, `}`.
    const whole = /^\{(?:[^"}]|"[^"\\]*")*\}/.exec(this.#text.slice(open, end))?.[0];
    if (whole === undefined) return undefined;
    const close = open + whole.length - 1;
    if (!/^[ ]*(?:#.*)?$/.test(this.#text.slice(close + 1, end))) return undefined;
    if (/['{#?&*!|>\\]/.test(whole.slice(1, -1).replace(/"[^"]*"/g, '""'))) return undefined;
    const keys = new Map<string, EntryAt>();
    let unreadable = false;
    let depth = 0;
    let partStart = open + 1;
    for (let i = open + 1; i <= close; i++) {
      const ch = this.#text[i];
      if (ch === '"') {
        i = this.#text.indexOf('"', i + 1);
      } else if (ch === "[") {
        if (++depth > 1) return undefined;
      } else if (ch === "]") {
        if (--depth < 0) return undefined;
      } else if ((ch === "," && depth === 0) || i === close) {
        if (i === close && depth !== 0) return undefined;
        const part = this.#text.slice(partStart, i);
        const at = partStart + (part.length - part.trimStart().length);
        partStart = i + 1;
        if (part.trim() === "") {
          if (i === close && keys.size + (unreadable ? 1 : 0) > 0) break;
          return undefined;
        }
        const m = /^([^:\s][^:]*?)[ ]*:[ ]+\S/.exec(part.trimStart());
        if (m === null) return undefined;
        const key = m[1]!;
        if (!PLAIN_KEY.test(key) || NOT_A_STRING.test(key)) unreadable = true;
        else keys.set(key, { line, start: at, colon: at + m[0].indexOf(":") });
      }
    }
    return { kind: "map", keys, unreadable };
  }

  /** The entries of a block collection; undefined when it mixes list entries and keys. */
  #entriesOf(c: Container): Entries | undefined {
    const id = `${c.from}:${c.first}`;
    if (this.#entries.has(id)) return this.#entries.get(id);
    if (c.flow !== undefined) {
      const flow = this.#flowEntries(c.from, c.flow);
      this.#entries.set(id, flow);
      return flow;
    }
    const starts: { line: number; at: number; end: number }[] = [];
    for (let i = c.from; i < c.to; i++) {
      const line = this.#lines[i]!;
      if (i === c.from) starts.push({ line: i, at: c.first, end: line.end });
      else if (line.indent === c.indent) starts.push({ line: i, at: line.content, end: line.end });
    }
    const lists = starts.filter((s) => this.#isEntry(s.at, s.end)).length;
    let result: Entries | undefined;
    if (lists === starts.length) {
      result = {
        kind: "list",
        items: starts.map((s) => {
          let i = s.at + 1;
          while (i < s.end && this.#text.charCodeAt(i) === 0x20) i++;
          return { line: s.line, start: i < s.end && this.#text[i] !== "#" ? i : -1, colon: -1 };
        }),
      };
    } else if (lists === 0) {
      const keys = new Map<string, EntryAt>();
      let unreadable = false;
      for (const s of starts) {
        const m = KEY_LINE.exec(this.#text.slice(s.at, s.end));
        const plain = m?.[1];
        const key = plain ?? m?.[2] ?? m?.[3];
        if (m === null || key === undefined || (plain !== undefined && (!PLAIN_KEY.test(plain) || NOT_A_STRING.test(plain)))) unreadable = true;
        else keys.set(key, { line: s.line, start: s.at, colon: s.at + m[0].trimEnd().length - 1 });
      }
      result = { kind: "map", keys, unreadable };
    }
    this.#entries.set(id, result);
    return result;
  }
}

/** Offsets → 1-based line and column, as `yaml`'s LineCounter gives them. */
export class LineIndex {
  readonly #starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.#starts.push(i + 1);
  }

  linePos(offset: number): { line: number; col: number } {
    let low = 0;
    let high = this.#starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (offset < this.#starts[mid]!) high = mid;
      else low = mid + 1;
    }
    return { line: low, col: offset - this.#starts[low - 1]! + 1 };
  }
}
