/**
 * One parsed spec file: its plain-JS value (for validation and model building) plus its text.
 * Positions are resolved lazily, when something needs a location (a diagnostic, or a model node's
 * `loc`): for a file the fast path read, from its block layout (block-locate.ts: a line index, no
 * syntax tree); otherwise, or where the layout cannot tell, by walking the YAML syntax tree along the
 * document path (built once, on first need).
 */
import type { Document, LineCounter, Node, Pair, YAMLMap } from "yaml";
import { BlockLocator, LineIndex } from "./block-locate.js";
import { yamlLib } from "./yaml-lib.js";
import type { Diagnostic } from "../diagnostics.js";
import type { SourceLocation } from "../model/types.js";

export type PathSegment = string | number;
export type DocPath = readonly PathSegment[];
export type FileKind = "package" | "service" | "overlay";

/** `actions.Describe.request.Limit.type`; list indexes as `errors[1]`. */
export function formatPath(path: DocPath): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else {
      const text = seg === "" ? '""' : seg;
      out += out === "" ? text : `.${text}`;
    }
  }
  return out;
}

/** The string a YAML map key becomes in the plain-JS value (`null` → ""). */
function keyText(key: unknown): string | undefined {
  const { isScalar } = yamlLib();
  if (isScalar(key)) return key.value === null ? "" : String(key.value);
  return undefined;
}

/** Where to point: at a map entry's key (the name) or at its value. */
export type Anchor = "key" | "value";

export type KeyIndex = Map<YAMLMap, Map<string, Pair>>;

/**
 * Index every map's entries by key text in one iterative walk (no recursion: deep input is fine),
 * and collect the keys that repeat an earlier key of their map. Linear, unlike pairwise checks.
 */
export function indexKeys(doc: Document.Parsed): { index: KeyIndex; duplicates: Node[]; complexKeys: Node[] } {
  const index: KeyIndex = new Map();
  const duplicates: Node[] = [];
  /** Keys that are not scalars (`? [a, b]`, `? {a: 1}`, an alias): a spec key is always a plain string. */
  const complexKeys: Node[] = [];
  const { isMap, isSeq } = yamlLib();
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const entries = new Map<string, Pair>();
      for (const pair of node.items as Pair[]) {
        const k = keyText(pair.key);
        if (k !== undefined) {
          if (entries.has(k)) duplicates.push(pair.key as Node);
          else entries.set(k, pair);
        } else if (pair.key !== null && pair.key !== undefined) complexKeys.push(pair.key as Node);
        stack.push(pair.value);
      }
      index.set(node, entries);
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return { index, duplicates, complexKeys };
}

/** The YAML syntax tree of a document, with what it takes to turn offsets into lines. */
export interface SpecTree {
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  readonly index: KeyIndex;
}

/** Parse `text` with `yaml` for positions (duplicate keys are found by indexKeys, linearly). */
export function parseTree(text: string): SpecTree {
  const { LineCounter, parseDocument } = yamlLib();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  return { doc, lines, index: indexKeys(doc).index };
}

const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;

export class SpecDocument {
  /** Decided by the structural pass (from the top-level keys). */
  kind: FileKind | undefined;
  #tree: SpecTree | undefined;
  readonly #text: string;
  #blocks: BlockLocator | undefined;
  #lineIndex: LineIndex | undefined;

  /**
   * `tree` is given when the file was read with `yaml` (the slow path); otherwise it is parsed from
   * `text` on first need (a diagnostic, a location, or key order that `data` cannot tell).
   */
  constructor(
    readonly file: string,
    readonly data: unknown,
    text: string,
    tree?: SpecTree,
  ) {
    this.#text = text;
    this.#tree = tree;
  }

  /** Whether the syntax tree exists yet (the fast path builds it only when positions are needed). */
  get treeBuilt(): boolean {
    return this.#tree !== undefined;
  }

  private get tree(): SpecTree {
    return (this.#tree ??= parseTree(this.#text));
  }

  private get doc(): Document.Parsed {
    return this.tree.doc;
  }

  private entries(map: YAMLMap): Map<string, Pair> {
    return this.tree.index.get(map) ?? new Map<string, Pair>();
  }

  /** Source offset of the node at `path` (the deepest existing ancestor if the path does not exist). */
  offset(path: DocPath, at: Anchor = "key"): number {
    if (this.#tree === undefined) {
      const found = (this.#blocks ??= new BlockLocator(this.#text)).offset(path, at);
      if (found !== undefined) return found;
    }
    return this.treeOffset(path, at);
  }

  /** offset() read from the syntax tree (built if needed). */
  treeOffset(path: DocPath, at: Anchor = "key"): number {
    const { isAlias, isMap, isSeq } = yamlLib();
    let node: unknown = this.doc.contents;
    let pair: Pair | undefined;
    let fallback = 0;
    const rangeStart = (n: unknown): number | undefined => {
      const r = (n as Node | null | undefined)?.range;
      return r ? r[0] : undefined;
    };
    fallback = rangeStart(node) ?? 0;
    let complete = true;
    for (const seg of path) {
      if (isAlias(node)) node = node.resolve(this.doc);
      if (isMap(node)) {
        const p = this.entries(node).get(String(seg));
        if (!p) {
          complete = false;
          break;
        }
        pair = p;
        fallback = rangeStart(p.key) ?? fallback;
        node = p.value;
      } else if (isSeq(node) && typeof seg === "number" && seg < node.items.length) {
        pair = undefined;
        node = node.items[seg];
        fallback = rangeStart(node) ?? fallback;
      } else {
        complete = false;
        break;
      }
    }
    if (complete && at === "key" && pair) return rangeStart(pair.key) ?? fallback;
    if (complete) return rangeStart(node) ?? fallback;
    return fallback;
  }

  location(path: DocPath, at: Anchor = "key"): SourceLocation {
    const offset = this.offset(path, at);
    const lines = this.#tree?.lines ?? (this.#lineIndex ??= new LineIndex(this.#text));
    const { line, col } = lines.linePos(offset);
    return { file: this.file, line, col };
  }

  diagnostic(path: DocPath, message: string, at: Anchor = "key"): Diagnostic {
    const { line, col } = this.location(path, at);
    return { file: this.file, line, col, message, path: formatPath(path) };
  }

  /** Keys of the map at `path` in source order (JS objects put integer-like keys first). */
  keysInOrder(path: DocPath): string[] {
    // The plain value tells the order unless a key is an array index (those come first in JS).
    // A document read by `yaml` keeps the tree's view (it may hold keys no plain value shows).
    if (this.#tree === undefined) {
      const value = valueAt(this.data, path);
      if (isPlainMap(value)) {
        const keys = Object.keys(value);
        if (!keys.some((k) => ARRAY_INDEX.test(k))) return keys;
      }
    }
    const { isAlias, isMap } = yamlLib();
    let node: unknown = this.doc.contents;
    for (const seg of path) {
      if (isAlias(node)) node = node.resolve(this.doc);
      if (!isMap(node)) return [];
      node = this.entries(node).get(String(seg))?.value;
    }
    if (isAlias(node)) node = node.resolve(this.doc);
    return isMap(node) ? [...this.entries(node).keys()] : [];
  }
}

function isPlainMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The value at `path` in a plain value (own properties only), or undefined. */
function valueAt(data: unknown, path: DocPath): unknown {
  let v = data;
  for (const seg of path) {
    if (Array.isArray(v)) v = typeof seg === "number" ? v[seg] : undefined;
    else if (isPlainMap(v) && typeof seg === "string" && Object.prototype.hasOwnProperty.call(v, seg)) v = v[seg];
    else return undefined;
  }
  return v;
}

/** A diagnostic about a whole file (line 0). */
export function fileDiagnostic(file: string, message: string): Diagnostic {
  return { file, line: 0, col: 0, message, path: "" };
}
