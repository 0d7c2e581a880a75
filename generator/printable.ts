/**
 * The one escaping function for text printed for a human (terminal, CI log): every character that a
 * terminal or an editor would act on instead of showing is written as a `\uXXXX` escape. That is C0
 * controls (NUL, ESC, CR, LF, TAB, …), DEL, C1 controls (U+0080–U+009F, where U+009B is a CSI on some
 * terminals), the line and paragraph separators and the bidirectional formatting characters (which
 * can reorder what the eye reads). Backslashes are left alone: the result contains no character this
 * function would change, so escaping twice is the same as once, and layers may each escape safely.
 * The `\uXXXX` form is also a valid escape inside JSON and JavaScript strings.
 */

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** `text` with every unprintable character escaped (line breaks too: the result is one line). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escapeChar);
}

/** Same, but keeps `\n` and `\t` (for multi-line reports, such as diffs whose headers hold tabs). */
export function printableLines(text: string): string {
  return text
    .split("\n")
    .map((line) => line.split("\t").map(printable).join("\t"))
    .join("\n");
}

/** Our own SGR colour sequences (`ESC [ <digits> m`) are kept; every other unprintable is escaped. */
export function printableKeepingColour(text: string): string {
  return text
    .split(/(\u001b\[\d{1,2}m)/)
    .map((part, i) => (i % 2 === 1 ? part : printableLines(part)))
    .join("");
}
