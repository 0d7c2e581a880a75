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

/** Keys each style takes (the schema requires the style's own keys; keys of another style are refused here). */
const STYLE_KEYS: Readonly<Record<RawPaging["style"], readonly string[]>> = {
  offset: ["style", "items", "offset", "limit", "total"],
  token: ["style", "items", "token", "nextToken", "limit"],
  page: ["style", "items", "page", "size", "total"],
};

/** The checked paging of an action, or undefined (with diagnostics) when it cannot work. */
export function checkPaging(raw: RawPaging, doc: SpecDocument, path: DocPath, action: RawAction, diags: Diagnostic[]): Paging | undefined {
  let ok = true;
  for (const key of Object.keys(raw)) {
    if (!STYLE_KEYS[raw.style].includes(key)) {
      diags.push(doc.diagnostic([...path, key], `paging.${key} does not apply to style ${raw.style} (it takes ${STYLE_KEYS[raw.style].slice(1).join(", ")})`));
      ok = false;
    }
  }
  const need = (key: string, side: "request" | "response", want: Want): string | undefined => {
    const name = (raw as unknown as Readonly<Record<string, string | undefined>>)[key];
    if (name === undefined) return undefined;
    const field = own(action[side], name);
    if (field === undefined) {
      diags.push(doc.diagnostic([...path, key], `paging.${key}: "${name}" is not a ${side} field of this action`, "value"));
      ok = false;
    } else if (!fits(typeOf(field), want)) {
      diags.push(doc.diagnostic([...path, key], `paging.${key}: ${side} field "${name}" is ${typeOf(field)}, expected ${WANTED[want]}`, "value"));
      ok = false;
    }
    return name;
  };
  let paging: Paging;
  switch (raw.style) {
    case "offset":
      paging = {
        style: "offset",
        offset: need("offset", "request", "integer") as string,
        limit: need("limit", "request", "integer") as string,
        items: need("items", "response", "list") as string,
        total: need("total", "response", "integer"),
      };
      break;
    case "token":
      paging = {
        style: "token",
        token: need("token", "request", "string") as string,
        nextToken: need("nextToken", "response", "string") as string,
        items: need("items", "response", "list") as string,
        limit: need("limit", "request", "integer"),
      };
      break;
    case "page":
      paging = {
        style: "page",
        page: need("page", "request", "integer") as string,
        items: need("items", "response", "list") as string,
        size: need("size", "request", "integer"),
        total: need("total", "response", "integer"),
      };
      break;
  }
  return ok ? paging : undefined;
}
