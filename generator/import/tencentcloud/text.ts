/**
 * Description text from api.json / errors.json made fit for a spec: HTML tags removed (their text
 * kept), common entities decoded, whitespace collapsed to single spaces, cut to a bounded length.
 * Markdown (backticks, `*` lists, links) is kept as written. The text is the user's input passed
 * through; the importer adds nothing of its own.
 */
import { lookupTable } from "../json-source.js";

/** Longest description written, in code points (the rest is replaced by "…"). */
export const MAX_DESCRIPTION = 500;

/** Only real HTML element names are stripped, so placeholders like `<InstanceId>` survive. */
const HTML_TAG =
  /<\/?(?:a|abbr|b|big|blockquote|br|center|code|dd|del|details|div|dl|dt|em|font|h[1-6]|hr|i|img|ins|kbd|label|li|ol|p|pre|s|section|small|span|strike|strong|sub|summary|sup|table|tbody|td|tfoot|th|thead|tr|tt|u|ul)(?:\s[^<>]*)?\/?>/gi;

/** Null-prototype: indexed by the entity name found in the text (`&constructor;` is not an entity). */
const ENTITIES: Readonly<Record<string, string>> = lookupTable({
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
});

/** Cleaned description, or undefined when nothing is left. */
export function cleanDescription(text: string): string | undefined {
  if (text === "") return undefined;
  let plain = text;
  if (plain.includes("<")) plain = plain.replace(HTML_TAG, " ");
  if (plain.includes("&")) {
    plain = plain.replace(/&(?:#(\d{1,6})|#x([0-9a-fA-F]{1,6})|([a-z]+));/g, (whole, dec?: string, hex?: string, name?: string) => {
      if (dec !== undefined) return safeCodePoint(Number(dec), whole);
      if (hex !== undefined) return safeCodePoint(parseInt(hex, 16), whole);
      return (name !== undefined ? ENTITIES[name] : undefined) ?? whole;
    });
  }
  if (/\s\s|[^\S ]/.test(plain)) plain = plain.replace(/\s+/g, " ");
  plain = plain.trim();
  if (plain === "") return undefined;
  const chars = Array.from(plain);
  return chars.length <= MAX_DESCRIPTION ? plain : `${chars.slice(0, MAX_DESCRIPTION - 1).join("").trimEnd()}…`;
}

function safeCodePoint(cp: number, fallback: string): string {
  return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : fallback;
}

/** An api.json `example` worth keeping: non-empty and not the "none" placeholder `无`. */
export function cleanExample(example: string): string | undefined {
  const trimmed = example.trim();
  return trimmed === "" || trimmed === "无" ? undefined : example;
}
