/**
 * Bytes → text → YAML document → plain-JS value, turning every problem into a located diagnostic.
 * Ordinary files take the fast path (fast-parse.ts: js-yaml, same value; positions are found later,
 * and only if needed); anything else is read here with `yaml`. Hostile input is bounded: aliases
 * may expand to at most MAX_ALIAS_COUNT nodes ("billion laughs"), and nesting too deep for the
 * parser's stack is reported, never thrown.
 */
import type { Alias, YAMLError } from "yaml";
import type { Diagnostic } from "../diagnostics.js";
import { SpecDocument, fileDiagnostic, indexKeys } from "./document.js";
import { fastLoad } from "./fast-parse.js";
import { MAX_FILE_BYTES, tooLargeMessage } from "./files.js";
import { yamlLib } from "./yaml-lib.js";

export const MAX_ALIAS_COUNT = 100;
export { MAX_FILE_BYTES };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decode as strict UTF-8 (a leading BOM is dropped). */
export function decodeSpec(file: string, content: Uint8Array | string): string | Diagnostic {
  if (typeof content === "string") return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  try {
    return utf8.decode(content);
  } catch {
    return fileDiagnostic(file, "the file is not valid UTF-8 text");
  }
}

function quoteKey(raw: string): string {
  return raw.startsWith('"') || raw.startsWith("'") ? raw : JSON.stringify(raw);
}

function yamlMessage(e: YAMLError, text: string): string {
  switch (e.code) {
    case "DUPLICATE_KEY":
      return `duplicate key ${quoteKey(text.slice(e.pos[0], e.pos[1]))}`;
    case "RESOURCE_EXHAUSTION":
      return "the document is nested too deeply to read";
    case "MULTIPLE_DOCS":
      return "a spec file must hold a single YAML document (found a `---` separator starting another)";
    default: {
      const first = e.message.split("\n")[0] ?? e.message;
      return `invalid YAML: ${first.replace(/ at line \d+, column \d+.*$/, "")}`;
    }
  }
}

export interface ParseOutcome {
  readonly doc: SpecDocument | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

export function parseSpec(file: string, content: Uint8Array | string): ParseOutcome {
  if (content.length > MAX_FILE_BYTES) return { doc: undefined, diagnostics: [fileDiagnostic(file, tooLargeMessage(content.length))] };
  const text = decodeSpec(file, content);
  if (typeof text !== "string") return { doc: undefined, diagnostics: [text] };
  const fast = fastLoad(text);
  if (fast !== undefined) return { doc: new SpecDocument(file, fast, text), diagnostics: [] };
  return parseSlow(file, text);
}

/** The slow path: `yaml`, with a diagnostic for every problem. */
export function parseSlow(file: string, text: string): ParseOutcome {
  const { isAlias, isMap, isSeq, LineCounter, parseDocument, visit } = yamlLib();
  const lines = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, {
      lineCounter: lines,
      // Duplicate keys are found by indexKeys in linear time (yaml's own check is quadratic per map).
      uniqueKeys: false,
      prettyErrors: false,
      // Problems are diagnostics; nothing may reach the process as a warning.
      logLevel: "error",
    });
  } catch (e) {
    if (e instanceof RangeError) return { doc: undefined, diagnostics: [fileDiagnostic(file, "the document is nested too deeply to read")] };
    throw e;
  }
  const at = (offset: number, message: string): Diagnostic => {
    const { line, col } = lines.linePos(offset);
    return { file, line, col, message, path: "" };
  };
  const problems = [...doc.errors, ...doc.warnings].map((e) => at(e.pos[0], yamlMessage(e, text)));
  if (problems.length > 0) return { doc: undefined, diagnostics: problems };
  if (doc.contents === null || (doc.contents as { value?: unknown }).value === null) {
    return { doc: undefined, diagnostics: [fileDiagnostic(file, "the file is empty: expected a package file or a service file")] };
  }
  const { index, duplicates, complexKeys } = indexKeys(doc);
  if (duplicates.length > 0 || complexKeys.length > 0) {
    const found: Diagnostic[] = duplicates.map((k) => {
      const [start, end] = k.range ?? [0, 0];
      return at(start, `duplicate key ${quoteKey(text.slice(start, end))}`);
    });
    // Checked before toJS, which would stringify such a key with a process warning.
    for (const k of complexKeys) {
      const kind = isSeq(k) ? "a list" : isMap(k) ? "a mapping" : isAlias(k) ? "an alias" : "not a plain value";
      found.push(at(k.range?.[0] ?? 0, `a key must be a plain string, found ${kind}`));
    }
    return { doc: undefined, diagnostics: found };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof ReferenceError) {
      let first: Alias | undefined;
      visit(doc, {
        Alias(_, node) {
          first = node;
          return visit.BREAK;
        },
      });
      return {
        doc: undefined,
        diagnostics: [at(first?.range?.[0] ?? 0, `aliases expand to too many nodes (at most ${MAX_ALIAS_COUNT} allowed)`)],
      };
    }
    if (e instanceof RangeError) return { doc: undefined, diagnostics: [fileDiagnostic(file, "the document is nested too deeply to read")] };
    throw e;
  }
  return { doc: new SpecDocument(file, data, text, { doc, lines, index }), diagnostics: [] };
}
