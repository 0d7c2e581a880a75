/**
 * A source location resolved on first read. Finding a line and column needs the file's YAML syntax
 * tree, which the fast reader never builds; most model nodes' locations are never read, so most
 * files never need it. `file` is a plain property; `line` and `col` are own enumerable getters (so
 * the object compares, spreads and serialises like `{ file, line, col }`) that resolve once, then
 * drop the reference to the document.
 */
import type { SourceLocation } from "../model/types.js";
import type { Anchor, DocPath, SpecDocument } from "./document.js";

interface Source {
  readonly doc: SpecDocument;
  readonly path: DocPath;
  readonly at: Anchor;
}

export class LazyLocation implements SourceLocation {
  readonly file: string;
  declare readonly line: number;
  declare readonly col: number;
  #source: Source | undefined;
  #line = 0;
  #col = 0;

  static readonly #accessors: PropertyDescriptorMap = {
    line: {
      enumerable: true,
      get(this: LazyLocation): number {
        return this.#resolve().#line;
      },
    },
    col: {
      enumerable: true,
      get(this: LazyLocation): number {
        return this.#resolve().#col;
      },
    },
  };

  constructor(doc: SpecDocument, path: DocPath, at: Anchor = "key") {
    this.file = doc.file;
    this.#source = { doc, path, at };
    Object.defineProperties(this, LazyLocation.#accessors);
  }

  #resolve(): this {
    const s = this.#source;
    if (s) {
      const { line, col } = s.doc.location(s.path, s.at);
      this.#line = line;
      this.#col = col;
      this.#source = undefined;
    }
    return this;
  }
}
