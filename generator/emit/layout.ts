/**
 * The layout engine of the printer: Wadler-style documents (groups, indents, lines) laid out with
 * prettier's algorithm and semantics (`printDocToString` of prettier/doc: the same fits-in-width rule,
 * rest commands measured up to their next possible line break, conditional groups tried state by
 * state, breaks propagated from hard lines and broken groups to enclosing groups except conditional
 * ones, trailing whitespace trimmed at each newline, display width of wide characters 2). Only the
 * document kinds the emitters use exist; building a document also propagates its breaks, so laying out
 * is a single pass over the document (prettier's generic engine walks it three times: about 40% of
 * cold generation before this file).
 */

const enum Kind {
  Group = 1,
  Indent = 2,
  Line = 3,
  IfBreak = 4,
  IndentIfBreak = 5,
  Fill = 6,
}

interface Group {
  readonly kind: Kind.Group;
  readonly contents: Doc;
  /** Broken: asked for, or holding a hard line or a broken group (propagated). Never for conditional groups. */
  readonly brk: boolean;
  /** Conditional group: the states tried in order (contents is the first). */
  readonly states: readonly Doc[] | undefined;
  /** Set when an `indentIfBreak` follows this group's decision. */
  readonly id: GroupId | undefined;
}
/** Names a group whose mode (broken or flat) a later `indentIfBreak` reads. */
export interface GroupId {
  readonly name: string;
}
interface IndentIfBreak {
  readonly kind: Kind.IndentIfBreak;
  readonly contents: Doc;
  readonly groupId: GroupId;
  readonly brk: boolean;
}
interface Indent {
  readonly kind: Kind.Indent;
  readonly contents: Doc;
  readonly brk: boolean;
}
interface Line {
  readonly kind: Kind.Line;
  readonly soft: boolean;
  readonly hard: boolean;
}
interface IfBreak {
  readonly kind: Kind.IfBreak;
  readonly breakContents: Doc;
  readonly flatContents: Doc;
  readonly brk: boolean;
  /** Decided by that group's mode instead of the enclosing one. */
  readonly groupId: GroupId | undefined;
}
/** Prettier's `fill`: contents and separators alternating; each separator breaks only when the next content does not fit. */
interface Fill {
  readonly kind: Kind.Fill;
  readonly parts: readonly Doc[];
  readonly brk: boolean;
}

/** A layout document. */
export type Doc = string | readonly Doc[] | Group | Indent | Line | IfBreak | IndentIfBreak | Fill;

/** Whether a document forces the enclosing groups to break. */
function breaks(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) {
    for (const d of doc as readonly Doc[]) if (breaks(d)) return true;
    return false;
  }
  const d = doc as Group | Indent | Line | IfBreak | IndentIfBreak | Fill;
  switch (d.kind) {
    case Kind.Line:
      return d.hard;
    case Kind.Group:
      return d.states === undefined && d.brk;
    default:
      return d.brk;
  }
}

export function group(contents: Doc, options: { readonly shouldBreak?: boolean; readonly id?: GroupId } = {}): Doc {
  return { kind: Kind.Group, contents, brk: options.shouldBreak === true || breaks(contents), states: undefined, id: options.id };
}

/** `contents`, indented when the group `groupId` (laid out before it) broke. */
export function indentIfBreak(contents: Doc, groupId: GroupId): Doc {
  return { kind: Kind.IndentIfBreak, contents, groupId, brk: breaks(contents) };
}

/** Prettier's `conditionalGroup`: the first state that fits (flat for the first), else the last, broken. */
export function conditionalGroup(states: readonly Doc[]): Doc {
  return { kind: Kind.Group, contents: states[0] ?? "", brk: false, states, id: undefined };
}

export function indent(contents: Doc): Doc {
  return { kind: Kind.Indent, contents, brk: breaks(contents) };
}

/** `breakContents` when the enclosing group (or the group `groupId`, laid out before it) broke, else `flatContents`. */
export function ifBreak(breakContents: Doc, flatContents: Doc = "", groupId?: GroupId): Doc {
  return { kind: Kind.IfBreak, breakContents, flatContents, brk: breaks(breakContents) || breaks(flatContents), groupId };
}

/** Prettier's `fill` of `[content, separator, content, …]`. */
export function fill(parts: readonly Doc[]): Doc {
  return { kind: Kind.Fill, parts, brk: breaks(parts) };
}

/** A space, or a newline when its group breaks. */
export const line: Doc = { kind: Kind.Line, soft: false, hard: false };
/** Nothing, or a newline when its group breaks. */
export const softline: Doc = { kind: Kind.Line, soft: true, hard: false };
/** Always a newline (and its enclosing groups break). */
export const hardline: Doc = { kind: Kind.Line, soft: false, hard: true };

export function join(separator: Doc, docs: readonly Doc[]): Doc {
  const out: Doc[] = [];
  docs.forEach((d, i) => {
    if (i > 0) out.push(separator);
    out.push(d);
  });
  return out;
}

const NOT_ASCII = /[^\x20-\x7F]/u;
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;

/** Display width as prettier measures it: wide (East Asian) characters count 2, controls and combining marks 0. */
export function textWidth(text: string): number {
  if (!NOT_ASCII.test(text)) return text.length;
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x300 && cp <= 0x36f)) continue;
    width += WIDE.test(ch) ? 2 : 1;
  }
  return width;
}

const BREAK = 1;
const FLAT = 2;
type Mode = typeof BREAK | typeof FLAT;

/**
 * The command stack of the layout: parallel arrays (indent, mode, document) instead of one object per
 * command, which the garbage collector would otherwise pay for on every string of the output.
 */
interface Stack {
  ind: number[];
  mode: Mode[];
  doc: Doc[];
}

/** The fits stack, reused (fits never nests). */
const FITS: { mode: Mode[]; doc: Doc[] } = { mode: [], doc: [] };
/** No rest commands: what `fill` measures is its own parts only. */
const NO_REST: Stack = { ind: [], mode: [], doc: [] };

/**
 * Whether `doc` (in `mode0`) fits in `width` columns, reading on into the pending commands up to
 * their next possible line break.
 */
function fits(mode0: Mode, doc0: Doc, rest: Stack, width: number, groupModes: ReadonlyMap<GroupId, Mode>): boolean {
  let restIdx = rest.doc.length;
  const modes = FITS.mode;
  const docs = FITS.doc;
  modes.length = 0;
  docs.length = 0;
  modes.push(mode0);
  docs.push(doc0);
  while (width >= 0) {
    let mode: Mode;
    let doc: Doc;
    if (docs.length > 0) {
      mode = modes.pop() as Mode;
      doc = docs.pop() as Doc;
    } else {
      if (restIdx === 0) return true;
      restIdx--;
      mode = rest.mode[restIdx] as Mode;
      doc = rest.doc[restIdx] as Doc;
    }
    if (typeof doc === "string") {
      width -= textWidth(doc);
      continue;
    }
    if (Array.isArray(doc)) {
      const list = doc as readonly Doc[];
      for (let i = list.length - 1; i >= 0; i--) {
        modes.push(mode);
        docs.push(list[i] as Doc);
      }
      continue;
    }
    const d = doc as Group | Indent | Line | IfBreak | IndentIfBreak | Fill;
    switch (d.kind) {
      case Kind.Indent:
      case Kind.IndentIfBreak:
        modes.push(mode);
        docs.push(d.contents);
        break;
      case Kind.Fill:
        for (let i = d.parts.length - 1; i >= 0; i--) {
          modes.push(mode);
          docs.push(d.parts[i] as Doc);
        }
        break;
      case Kind.Group: {
        const groupMode = d.brk ? BREAK : mode;
        modes.push(groupMode);
        docs.push(d.states !== undefined && groupMode === BREAK ? (d.states.at(-1) as Doc) : d.contents);
        break;
      }
      case Kind.IfBreak: {
        const groupMode = d.groupId === undefined ? mode : (groupModes.get(d.groupId) ?? FLAT);
        modes.push(mode);
        docs.push(groupMode === BREAK ? d.breakContents : d.flatContents);
        break;
      }
      case Kind.Line:
        if (mode === BREAK || d.hard) return true;
        if (!d.soft) width--;
        break;
    }
  }
  return false;
}

const INDENTS: string[] = [];
function newline(ind: number): string {
  return (INDENTS[ind] ??= "\n" + " ".repeat(ind));
}

/** Lay a document out in `width` columns, two spaces per indent level. */
export function printDoc(doc: Doc, width: number): string {
  const out: string[] = [];
  let pos = 0;
  let shouldRemeasure = false;
  const stack: Stack = { ind: [0], mode: [BREAK], doc: [doc] };
  const groupModes = new Map<GroupId, Mode>();
  const push = (ind: number, mode: Mode, d: Doc): void => {
    stack.ind.push(ind);
    stack.mode.push(mode);
    stack.doc.push(d);
  };
  while (stack.doc.length > 0) {
    const ind = stack.ind.pop() as number;
    const mode = stack.mode.pop() as Mode;
    const d0 = stack.doc.pop() as Doc;
    if (typeof d0 === "string") {
      out.push(d0);
      pos += textWidth(d0);
      continue;
    }
    if (Array.isArray(d0)) {
      const list = d0 as readonly Doc[];
      for (let i = list.length - 1; i >= 0; i--) push(ind, mode, list[i] as Doc);
      continue;
    }
    const d = d0 as Group | Indent | Line | IfBreak | IndentIfBreak | Fill;
    switch (d.kind) {
      case Kind.Indent:
        push(ind + 2, mode, d.contents);
        break;
      case Kind.Fill: {
        // prettier's fill: a content flat when it fits; a separator broken unless the next content fits after it
        const parts = d.parts;
        if (parts.length === 0) break;
        const rem = width - pos;
        const content = parts[0] as Doc;
        const contentMode = fits(FLAT, content, NO_REST, rem, groupModes) ? FLAT : BREAK;
        if (parts.length === 1) {
          push(ind, contentMode, content);
          break;
        }
        const separator = parts[1] as Doc;
        if (parts.length === 2) {
          push(ind, contentMode, separator);
          push(ind, contentMode, content);
          break;
        }
        push(ind, mode, fill(parts.slice(2)));
        push(ind, fits(FLAT, [content, separator, parts[2] as Doc], NO_REST, rem, groupModes) ? FLAT : BREAK, separator);
        push(ind, contentMode, content);
        break;
      }
      case Kind.Group: {
        if (mode === FLAT && !shouldRemeasure) {
          push(ind, d.brk ? BREAK : FLAT, d.contents);
          if (d.id !== undefined) groupModes.set(d.id, d.brk ? BREAK : FLAT);
          break;
        }
        shouldRemeasure = false;
        const rem = width - pos;
        if (!d.brk && fits(FLAT, d.contents, stack, rem, groupModes)) {
          push(ind, FLAT, d.contents);
        } else if (d.states !== undefined) {
          const mostExpanded = d.states.at(-1) as Doc;
          let chosen = false;
          for (let i = 1; i < d.states.length && !d.brk; i++) {
            if (fits(FLAT, d.states[i] as Doc, stack, rem, groupModes)) {
              push(ind, FLAT, d.states[i] as Doc);
              chosen = true;
              break;
            }
          }
          if (!chosen) push(ind, BREAK, mostExpanded);
        } else {
          push(ind, BREAK, d.contents);
        }
        if (d.id !== undefined) groupModes.set(d.id, stack.mode[stack.mode.length - 1] as Mode);
        break;
      }
      case Kind.IndentIfBreak:
        push(groupModes.get(d.groupId) === BREAK ? ind + 2 : ind, mode, d.contents);
        break;
      case Kind.IfBreak: {
        const groupMode = d.groupId === undefined ? mode : (groupModes.get(d.groupId) ?? FLAT);
        push(ind, mode, groupMode === BREAK ? d.breakContents : d.flatContents);
        break;
      }
      case Kind.Line:
        if (mode === FLAT && !d.hard) {
          if (!d.soft) {
            out.push(" ");
            pos += 1;
          }
          break;
        }
        if (mode === FLAT) shouldRemeasure = true;
        trimEnd(out);
        out.push(newline(ind));
        pos = ind;
        break;
    }
  }
  return out.join("");
}

/** Remove trailing spaces and tabs from the text written so far. */
function trimEnd(out: string[]): void {
  while (out.length > 0) {
    const last = out[out.length - 1] as string;
    const c = last.charCodeAt(last.length - 1);
    if (c !== 32 && c !== 9 && last.length > 0) return;
    const trimmed = last.replace(/[ \t]+$/, "");
    if (trimmed.length > 0) {
      out[out.length - 1] = trimmed;
      return;
    }
    out.pop();
  }
}
