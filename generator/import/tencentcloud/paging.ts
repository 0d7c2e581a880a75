/**
 * Paging inferred from Tencent Cloud's two conventions, read from the action's fields as the import
 * writes them (so the `paging` key always passes the loader's check, generator/model/paging.ts):
 *
 * - request `Offset` + `Limit` (integers), response `TotalCount` (integer) and exactly one list field
 *   → `{ style: offset, offset: Offset, limit: Limit, items: <list>, total: TotalCount }`;
 * - request `NextToken` and response `NextToken` (strings) and exactly one list field
 *   → `{ style: token, token: NextToken, nextToken: NextToken, items: <list> }` (+ `limit: MaxResults`
 *   or `Limit` when the request has such an integer field).
 *
 * Nothing else is guessed. Every inference is listed in the import's output (`summary`); an overlay
 * can correct or remove it.
 */
import { ymap, type YamlMap, type YamlValue } from "../yaml-out.js";

const INTEGER = new Set(["int32", "int64", "uint64"]);

function typeOf(fields: YamlMap, name: string): string | undefined {
  const v: YamlValue | undefined = fields.get(name);
  if (typeof v === "string") return v;
  if (v instanceof Map) {
    const t = v.get("type");
    return typeof t === "string" ? t : undefined;
  }
  return undefined;
}

const isInteger = (fields: YamlMap, name: string) => INTEGER.has(typeOf(fields, name) ?? "");

/** The one list field of a response, or undefined when there is none or more than one. */
function onlyList(response: YamlMap): string | undefined {
  const lists = [...response.keys()].filter((k) => typeOf(response, k)?.endsWith("[]") === true);
  return lists.length === 1 ? lists[0] : undefined;
}

export interface InferredPaging {
  readonly yaml: YamlMap;
  /** For the import's output: `offset (Offset/Limit, total TotalCount, items InstanceSet)`. */
  readonly summary: string;
}

export function inferPaging(request: YamlMap, response: YamlMap): InferredPaging | undefined {
  const items = onlyList(response);
  if (items === undefined) return undefined;
  if (isInteger(request, "Offset") && isInteger(request, "Limit") && isInteger(response, "TotalCount")) {
    return {
      yaml: ymap([["style", "offset"], ["offset", "Offset"], ["limit", "Limit"], ["items", items], ["total", "TotalCount"]]),
      summary: `offset (Offset/Limit, total TotalCount, items ${items})`,
    };
  }
  if (typeOf(request, "NextToken") === "string" && typeOf(response, "NextToken") === "string") {
    const limit = ["MaxResults", "Limit"].find((k) => isInteger(request, k));
    return {
      yaml: ymap([["style", "token"], ["token", "NextToken"], ["nextToken", "NextToken"], ["items", items], ["limit", limit]]),
      summary: `token (NextToken${limit === undefined ? "" : `, limit ${limit}`}, items ${items})`,
    };
  }
  return undefined;
}
