/**
 * Doc comments of the output: what a user reads when hovering a generated name. Text is made safe by
 * names.ts `jsDocText`; lines are trimmed at the end, as prettier prints JSDoc lines.
 */
import type { Action } from "../model/types.js";
import { jsDocText } from "./names.js";
import { jsDoc, type Doc } from "./printer.js";

/** Description lines (safe, trimmed), empty for none. */
export function descriptionLines(text: string | undefined): string[] {
  if (text === undefined) return [];
  const safe = jsDocText(text);
  return safe === "" ? [] : safe.split("\n").map((l) => l.trimEnd());
}

/**
 * An action's doc: its own description, its own codes (the common ones apply to every action) and
 * `@deprecated` when the spec says so. `lead` comes first (e.g. "Parse a reply of `X`.").
 */
export function actionDoc(a: Action, lead?: string): Doc {
  const lines = [...(lead === undefined ? [] : [lead]), ...descriptionLines(a.description)];
  if (a.ownErrors.length > 0) {
    if (lines.length > 0) lines.push("");
    lines.push(`Codes: ${a.ownErrors.map((c) => `\`${jsDocText(c)}\``).join(", ")} (and the common codes).`);
  }
  if (a.deprecated) lines.push("@deprecated");
  return jsDoc(lines);
}
