/**
 * The request body: JSON text of the request object, with `bigint` values written exactly as JSON
 * integers (`{"Size": 18446744073709551615}`), never rounded and never a TypeError. No `JSON.rawJSON`
 * (not in Node 20): plain `JSON.stringify` first, and only when it refuses a bigint, a writer that
 * follows `JSON.stringify`'s rules (own enumerable string keys in order, `toJSON`, `undefined`,
 * functions and symbols skipped in objects and `null` in arrays, non-finite numbers `null`) and writes
 * bigints as their decimal digits. A cycle is refused, as `JSON.stringify` refuses it.
 */
import { describeThrown } from "./transport.js";
export function serializeRequest(request) {
  let text;
  try {
    text = JSON.stringify(request);
  } catch (thrown) {
    try {
      text = withBigInts(request);
    } catch (again) {
      return {
        ok: false,
        message: `the request could not be serialised: ${describeThrown(again ?? thrown)}`,
      };
    }
  }
  if (typeof text !== "string" || !text.startsWith("{"))
    return { ok: false, message: "the request must be a JSON object" };
  return { ok: true, text };
}
/** JSON text of `value` (the top level may not be skipped: `undefined` there gives undefined). */
function withBigInts(root) {
  const stack = new Set();
  const write = (value, key) => {
    let v = value;
    if (typeof v === "object" && v !== null && typeof v.toJSON === "function") {
      v = v.toJSON(key);
    } else if (typeof v === "bigint" && typeof BigInt.prototype.toJSON === "function") {
      v = v.toJSON(key);
    }
    switch (typeof v) {
      case "bigint":
        return v.toString();
      case "string":
      case "boolean":
      case "number":
        return JSON.stringify(v);
      case "object":
        break;
      default:
        return undefined; // undefined, function, symbol
    }
    if (v === null) return "null";
    if (v instanceof Number || v instanceof String || v instanceof Boolean)
      return JSON.stringify(v);
    if (v instanceof BigInt) return v.valueOf().toString();
    if (stack.has(v)) throw new TypeError("the request contains a cycle");
    stack.add(v);
    let out;
    if (Array.isArray(v)) {
      const items = [];
      for (let i = 0; i < v.length; i++) items.push(write(v[i], String(i)) ?? "null");
      out = `[${items.join(",")}]`;
    } else {
      const members = [];
      for (const k of Object.keys(v)) {
        const item = write(v[k], k);
        if (item !== undefined) members.push(`${JSON.stringify(k)}:${item}`);
      }
      out = `{${members.join(",")}}`;
    }
    stack.delete(v);
    return out;
  };
  return write(root, "");
}
