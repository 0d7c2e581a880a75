/**
 * The envelope as data (issue 15): the generated parsers of each golden envelope style (numeric flat
 * codes, an error object with numeric codes and typed details, a boolean success flag) on success,
 * API errors, unknown codes and replies that do not fit the envelope. The packages are the committed
 * golden trees with dist/runtime put back (run `npm run build` first).
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/paths.js";

type Parser = (input: unknown) => unknown;
const work = mkdtempSync(join(tmpdir(), "tcgen-envelope-styles-"));
const parsers = new Map<string, Record<string, Parser>>();

beforeAll(async () => {
  for (const style of ["numeric-envelope", "error-object", "success-flag"]) {
    const dir = join(work, style);
    cpSync(join(repoRoot, "test/fixtures/golden", style, "expected"), dir, { recursive: true });
    cpSync(join(repoRoot, "dist/runtime"), join(dir, "runtime"), { recursive: true });
    parsers.set(style, (await import(pathToFileURL(join(dir, "orders/parsers.js")).href)) as Record<string, Parser>);
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ORDER = { id: "o-1", status: "open", total: 12.5, lines: [{ sku: "A", quantity: 2 }] };

/** [style, case, reply text, expected outcome (partial match)] */
const CASES: [string, string, string, unknown][] = [
  // {code, message, data, request_id}: code 0 is success; numeric codes; request id optional
  ["numeric-envelope", "success (code 0)", JSON.stringify({ code: 0, message: "ok", data: ORDER, request_id: "r1" }), { ok: true, data: ORDER, requestId: "r1", drift: [] }],
  ["numeric-envelope", "success without a request id", JSON.stringify({ code: 0, message: "ok", data: ORDER }), { ok: true, data: ORDER, requestId: undefined }],
  [
    "numeric-envelope",
    "known code of the action",
    JSON.stringify({ code: 1001, message: "no such order", data: null }),
    { ok: false, error: { kind: "api-error", code: 1001, rawCode: 1001, family: "1001", message: "no such order", requestId: undefined } },
  ],
  ["numeric-envelope", "common code", JSON.stringify({ code: 429, message: "slow down", request_id: "r2" }), { ok: false, error: { code: 429, requestId: "r2" } }],
  ["numeric-envelope", "another action's code is unknown here", JSON.stringify({ code: 1002, message: "closed" }), { ok: false, error: { code: "$unknown", rawCode: 1002 } }],
  ["numeric-envelope", "unknown code", JSON.stringify({ code: 7, message: "new" }), { ok: false, error: { code: "$unknown", rawCode: 7, family: "7" } }],
  [
    "numeric-envelope",
    "a string code does not fit",
    JSON.stringify({ code: "0", message: "ok", data: ORDER }),
    { ok: false, error: { kind: "malformed", reason: "not-envelope", path: "$.code", expected: "an integer", found: "a string", body: { code: "0", message: "ok", data: ORDER } } },
  ],
  [
    "numeric-envelope",
    "a request id that is no string",
    JSON.stringify({ code: 0, data: ORDER, request_id: 5 }),
    { ok: false, error: { kind: "malformed", reason: "not-envelope", path: "$.request_id", expected: "string", found: "a number" } },
  ],
  [
    "numeric-envelope",
    "a field of the wrong type",
    JSON.stringify({ code: 0, data: { ...ORDER, total: "12.5" } }),
    { ok: false, error: { kind: "malformed", reason: "type", path: "$.data.total" } },
  ],
  ["numeric-envelope", "not JSON", "<html>", { ok: false, error: { kind: "malformed", reason: "not-json", body: "<html>" } }],

  // {data, error: {code, msg, details}, trace_id}: error absent or null on success
  ["error-object", "success with error null", JSON.stringify({ data: ORDER, error: null, trace_id: "t1" }), { ok: true, data: ORDER, requestId: "t1", drift: [] }],
  ["error-object", "success without error key", JSON.stringify({ data: ORDER }), { ok: true, data: ORDER, requestId: undefined }],
  [
    "error-object",
    "known code with details",
    JSON.stringify({ data: null, error: { code: 40401, msg: "gone", details: { id: "o-1" } }, trace_id: "t2" }),
    { ok: false, error: { kind: "api-error", code: 40401, rawCode: 40401, message: "gone", requestId: "t2", details: { id: "o-1" } } },
  ],
  [
    "error-object",
    "details absent stay absent",
    JSON.stringify({ error: { code: 50000, msg: "oops" } }),
    { ok: false, error: { kind: "api-error", code: 50000, message: "oops", requestId: undefined } },
  ],
  ["error-object", "unknown code keeps details", JSON.stringify({ error: { code: 42, msg: "?", details: [1] } }), { ok: false, error: { code: "$unknown", rawCode: 42, details: [1] } }],
  [
    "error-object",
    "an error that is no object",
    JSON.stringify({ data: ORDER, error: "bad" }),
    { ok: false, error: { kind: "malformed", reason: "not-envelope", path: "$.error", expected: "an object", found: "a string" } },
  ],
  [
    "error-object",
    "data that is no object",
    JSON.stringify({ data: [], error: null }),
    { ok: false, error: { kind: "malformed", reason: "not-envelope", path: "$.data", expected: "an object", found: "an array" } },
  ],

  // {success, result, error}: the flag decides; no request id at all
  ["success-flag", "success", JSON.stringify({ success: true, result: ORDER }), { ok: true, data: ORDER, requestId: undefined, drift: [] }],
  ["success-flag", "success with error null", JSON.stringify({ success: true, result: ORDER, error: null }), { ok: true, data: ORDER }],
  [
    "success-flag",
    "known code",
    JSON.stringify({ success: false, error: { code: "ORDER_NOT_FOUND", message: "no" } }),
    { ok: false, error: { kind: "api-error", code: "ORDER_NOT_FOUND", family: "ORDER_NOT_FOUND", message: "no", requestId: undefined } },
  ],
  ["success-flag", "unknown code", JSON.stringify({ success: false, error: { code: "NEW", message: "" } }), { ok: false, error: { code: "$unknown", rawCode: "NEW" } }],
  [
    "success-flag",
    "a flag that is no boolean",
    JSON.stringify({ success: "true", result: ORDER }),
    { ok: false, error: { kind: "malformed", reason: "not-envelope", path: "$.success", expected: "a boolean", found: "a string" } },
  ],
  [
    "success-flag",
    "false without an error object",
    JSON.stringify({ success: false }),
    { ok: false, error: { kind: "malformed", reason: "not-envelope", path: "$.error", expected: "an object", found: "absent" } },
  ],
];

describe("generated parsers of each envelope style", () => {
  it.each(CASES)("%s: %s", (style, _name, text, want) => {
    const parse = parsers.get(style)!["parseGetOrder"]!;
    expect(parse(text)).toMatchObject(want as object);
  });

  it("a malformed outcome keeps the body; an API error has exactly the declared extra fields", () => {
    const parse = parsers.get("error-object")!["parseCancelOrder"]!;
    const body = { error: { code: 40901, msg: "closed", details: null, other: 1 } };
    // details is json (any value, null included); undeclared keys of the error object are not copied
    expect(parse(JSON.stringify(body))).toEqual({
      ok: false,
      error: { kind: "api-error", code: 40901, rawCode: 40901, family: "40901", message: "closed", requestId: undefined, details: null },
    });
  });
});
