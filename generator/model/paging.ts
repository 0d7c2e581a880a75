/**
 * The `paging` key of an action, checked against the action's own fields: every named field must
 * exist on the right side (request or response) with a type that can do its job, or the spec gets a
 * located diagnostic (exit 2) naming the key, the field and what was expected.
 *
 *   paging: { style: offset, offset: Offset, limit: Limit, items: InstanceSet, total: TotalCount }
 *   paging: { style: token, token: NextToken, nextToken: NextToken, items: Items, limit: MaxResults }
 *   paging: { style: page, page: PageNumber, size: PageSize, items: List, total: TotalCount }
 */
import type { Diagnostic } from "../diagnostics.js";
import type { DocPath, SpecDocument } from "../load/document.js";
import { own, type RawAction, type RawField, type RawPaging } from "./raw.js";
import type { Paging } from "./types.js";

type Want = "integer" | "string" | "list";
const INTEGERS = new Set(["int32", "int64", "uint64"]);

function typeOf(field: RawField): string {
  return (typeof field === "string" ? field : field.type).trim();
}

function fits(expr: string, want: Want): boolean {
  if (want === "list") return expr.endsWith("[]");
  if (want === "string") return expr === "string";
  return INTEGERS.has(expr);
}

const WANTED: Readonly<Record<Want, string>> = { integer: "an integer field (int32, int64 or uint64)", string: "a string field", list: "a list field" };

/** Per style: each key, the side of the field it names, what that field must be, and whether it is required. */
const STYLES: Readonly<Record<RawPaging["style"], readonly (readonly [string, "request" | "response", Want, boolean])[]>> = {
  offset: [["offset", "request", "integer", true], ["limit", "request", "integer", true], ["items", "response", "list", true], ["total", "response", "integer", false]],
  token: [["token", "request", "string", true], ["nextToken", "response", "string", true], ["items", "response", "list", true], ["limit", "request", "integer", false]],
  page: [["page", "request", "integer", true], ["items", "response", "list", true], ["size", "request", "integer", false], ["total", "response", "integer", false]],
};

/** The checked paging of an action, or undefined (with diagnostics) when it cannot work. */
export function checkPaging(raw: RawPaging, doc: SpecDocument, path: DocPath, action: RawAction, diags: Diagnostic[]): Paging | undefined {
  const keys = STYLES[raw.style];
  const given = raw as unknown as Readonly<Record<string, string | undefined>>;
  let ok = true;
  for (const key of Object.keys(raw)) {
    if (key !== "style" && !keys.some(([k]) => k === key)) {
      diags.push(doc.diagnostic([...path, key], `paging.${key} does not apply to style ${raw.style} (it takes ${keys.map(([k]) => k).sort().join(", ")})`));
      ok = false;
    }
  }
  const paging: Record<string, string | undefined> = { style: raw.style };
  for (const [key, side, want, required] of keys) {
    const name = Object.hasOwn(given, key) ? given[key] : undefined;
    paging[key] = name;
    if (name === undefined) {
      if (required) ok = false; // the schema reported it
      continue;
    }
    const field = own(action[side], name);
    if (field === undefined) {
      diags.push(doc.diagnostic([...path, key], `paging.${key}: "${name}" is not a ${side} field of this action`, "value"));
      ok = false;
    } else if (!fits(typeOf(field), want)) {
      diags.push(doc.diagnostic([...path, key], `paging.${key}: ${side} field "${name}" is ${typeOf(field)}, expected ${WANTED[want]}`, "value"));
      ok = false;
    }
  }
  return ok ? (paging as unknown as Paging) : undefined;
}
