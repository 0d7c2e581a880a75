/**
 * Description text from api.json / errors.json made fit for a spec and for JSDoc: kept whole, as
 * plain Markdown text. HTML lists become Markdown lists (`- item`, one per line), line-level tags
 * (`<br>`, `<p>`, `<div>`, …) line breaks, `<a href>` Markdown links; other tags are removed (their
 * text kept; list markup written escaped, `&lt;li/&gt;`, counts as markup); common entities are decoded; spaces collapse within each line and blank lines are
 * dropped. Relative links (`/document/product/362/15633`, in Markdown or in `href`) are made
 * absolute with the docs' base URL (the package file's `docsBaseUrl`). Markdown (backticks, `*`
 * lists, links) is kept as written. Escaping for comments is the emitters' job.
 */
import { lookupTable } from "../json-source.js";

/**
 * Longest description written, in UTF-16 units: a bound for hostile input only (the longest real
 * Tencent description is about 5,000); longer text is cut and ends with "…".
 */
export const MAX_DESCRIPTION = 64 * 1024;

/** Only real HTML element names are touched, so placeholders like `<InstanceId>` survive. */
const HTML_TAG =
  /<\/?(?:a|abbr|b|big|blockquote|br|center|code|dd|del|details|div|dl|dt|em|font|h[1-6]|hr|i|img|ins|kbd|label|li|ol|p|pre|s|section|small|span|strike|strong|sub|summary|sup|table|tbody|td|tfoot|th|thead|tr|tt|u|ul)(?:\s[^<>]*)?\/?>/gi;
/** Tags that end a line. */
const LINE_TAG = /<\/?(?:blockquote|br|center|dd|details|div|dl|dt|h[1-6]|hr|ol|p|pre|section|summary|table|tbody|tfoot|thead|tr|ul)(?:\s[^<>]*)?\/?>/gi;
const LIST_ITEM_OPEN = /<li(?:\s[^<>]*)?\/?>/gi;
const LIST_ITEM_CLOSE = /<\/li\s*>/gi;
const ESCAPED_LIST_TAG = /&lt;(\/?(?:li|br)\s*\/?)&gt;/gi;
/** `<a … href="…" …>text</a>` (no nested anchors). */
const ANCHOR = /<a\s[^<>]*?\bhref\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)')[^<>]*>((?:(?!<\/?a[\s>])[\s\S])*?)<\/a\s*>/gi;
/** A Markdown link target that is a site-relative path: `](/document/…)`. */
const RELATIVE_MARKDOWN_LINK = /\]\((\/(?!\/)[^\s()]*)\)/g;

/** Null-prototype: indexed by the entity name found in the text (`&constructor;` is not an entity). */
const ENTITIES: Readonly<Record<string, string>> = lookupTable({
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
});

/** A link target as written in the output: site-relative paths joined to `base`; only web links kept. */
function linkTarget(href: string, base: string | undefined): string | undefined {
  const target = href.trim();
  if (/^https?:\/\/[^\s()<>]+$/i.test(target)) return target;
  if (base !== undefined && /^\/(?!\/)[^\s()<>]*$/.test(target)) return `${base.replace(/\/+$/, "")}${target}`;
  return undefined;
}

/** Cleaned description, or undefined when nothing is left. `docsBaseUrl` resolves relative links. */
export function cleanDescription(text: string, docsBaseUrl?: string): string | undefined {
  if (text === "") return undefined;
  // Some descriptions escape their list markup (`&lt;li/&gt;`): read it as the tags it stands for.
  let plain = text.includes("&lt;") ? text.replace(ESCAPED_LIST_TAG, "<$1>") : text;
  if (plain.includes("<")) {
    plain = plain.replace(ANCHOR, (_whole, double?: string, single?: string, inner = "") => {
      const label = inner.replace(HTML_TAG, " ").replace(/\s+/g, " ").trim();
      const target = linkTarget(double ?? single ?? "", docsBaseUrl);
      if (target === undefined) return ` ${label} `;
      return label === "" || label === target ? ` ${target} ` : `[${label.replace(/[[\]]/g, "\\$&")}](${target})`;
    });
    plain = plain.replace(LIST_ITEM_OPEN, "\n- ").replace(LIST_ITEM_CLOSE, "\n").replace(LINE_TAG, "\n").replace(HTML_TAG, " ");
  }
  if (docsBaseUrl !== undefined && plain.includes("](/")) {
    plain = plain.replace(RELATIVE_MARKDOWN_LINK, (_whole, path: string) => `](${linkTarget(path, docsBaseUrl) ?? path})`);
  }
  if (plain.includes("&")) {
    plain = plain.replace(/&(?:#(\d{1,6})|#x([0-9a-fA-F]{1,6})|([a-z]+));/g, (whole, dec?: string, hex?: string, name?: string) => {
      if (dec !== undefined) return safeCodePoint(Number(dec), whole);
      if (hex !== undefined) return safeCodePoint(parseInt(hex, 16), whole);
      return (name !== undefined ? ENTITIES[name] : undefined) ?? whole;
    });
  }
  const lines: string[] = [];
  for (const raw of plain.split(/\r\n?|\n/)) {
    const line = raw.replace(/\s+/g, " ").trim();
    if (line !== "" && line !== "-") lines.push(line);
  }
  plain = lines.join("\n");
  if (plain === "") return undefined;
  if (plain.length <= MAX_DESCRIPTION) return plain;
  const chars = Array.from(plain.slice(0, MAX_DESCRIPTION));
  return `${chars.slice(0, -2).join("").trimEnd()}…`;
}

function safeCodePoint(cp: number, fallback: string): string {
  return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : fallback;
}

/** An api.json `example` worth keeping: non-empty and not the "none" placeholder `无`. */
export function cleanExample(example: string): string | undefined {
  const trimmed = example.trim();
  return trimmed === "" || trimmed === "无" ? undefined : example;
}
