/** Test helper: check that a parse outcome has exactly one of the three documented shapes. */
import { expect } from "vitest";

const DRIFT_REASONS = ["format", "open-enum", "unknown-field", "int64-precision"];
const FATAL_REASONS = ["not-json", "not-envelope", "missing", "null", "type", "enum", "integer", "range", "too-deep", "threw"];

function expectIssue(i: Record<string, unknown>, reasons: readonly string[]): void {
  expect(Object.keys(i).sort()).toEqual(["expected", "found", "path", "reason"]);
  expect(i["path"]).toMatch(/^\$/);
  expect(reasons).toContain(i["reason"]);
  expect(typeof i["expected"]).toBe("string");
  expect(typeof i["found"]).toBe("string");
}

export function expectOutcomeShape(r: unknown): "success" | "api-error" | "malformed" {
  expect(typeof r).toBe("object");
  const o = r as Record<string, unknown>;
  if (o["ok"] === true) {
    const keys = Object.keys(o).sort();
    expect(keys).toEqual(o["driftOmitted"] === undefined ? ["data", "drift", "ok", "requestId", "unknownFields"] : ["data", "drift", "driftOmitted", "ok", "requestId", "unknownFields"]);
    const drift = o["drift"] as Array<Record<string, unknown>>;
    expect(Array.isArray(drift)).toBe(true);
    expect(drift.length).toBeLessThanOrEqual(100);
    for (const d of drift) expectIssue(d, DRIFT_REASONS);
    // every unknown key is also a drift entry (as long as the list is not cut short)
    if (o["driftOmitted"] === undefined) {
      expect(drift.filter((d) => d["reason"] === "unknown-field").map((d) => d["path"])).toEqual(o["unknownFields"]);
    }
    expect(typeof o["requestId"]).toBe("string");
    expect(typeof o["data"]).toBe("object");
    expect(o["data"]).not.toBeNull();
    const unknown = o["unknownFields"] as unknown[];
    expect(Array.isArray(unknown)).toBe(true);
    for (const p of unknown) expect(p).toMatch(/^\$/);
    return "success";
  }
  expect(o["ok"]).toBe(false);
  expect(Object.keys(o).sort()).toEqual(["error", "ok"]);
  const e = o["error"] as Record<string, unknown>;
  if (e["kind"] === "api-error") {
    expect(Object.keys(e).sort()).toEqual(["code", "family", "kind", "message", "rawCode", "requestId"]);
    const raw = e["rawCode"] as string;
    expect(typeof raw).toBe("string");
    expect(e["code"] === raw || e["code"] === "$unknown").toBe(true);
    expect(e["family"]).toBe(raw.split(".")[0]);
    expect(typeof e["message"]).toBe("string");
    expect(typeof e["requestId"]).toBe("string");
    return "api-error";
  }
  expect(e["kind"]).toBe("malformed");
  const keys = ["body", "expected", "found", "issues", ...(e["issuesOmitted"] === undefined ? [] : ["issuesOmitted"]), "kind", "path", "reason", "requestId"];
  expect(Object.keys(e).sort()).toEqual(keys);
  const issues = e["issues"] as Array<Record<string, unknown>>;
  expect(issues.length).toBeGreaterThan(0);
  expect(issues.length).toBeLessThanOrEqual(100);
  for (const i of issues) expectIssue(i, FATAL_REASONS);
  expect({ path: e["path"], reason: e["reason"], expected: e["expected"], found: e["found"] }).toEqual(issues[0]);
  if (e["issuesOmitted"] !== undefined) expect(e["issuesOmitted"]).toBeGreaterThan(0);
  expect(e["path"]).toMatch(/^\$/);
  expect(typeof e["expected"]).toBe("string");
  expect((e["expected"] as string).length).toBeGreaterThan(0);
  expect(typeof e["found"]).toBe("string");
  expect((e["found"] as string).length).toBeGreaterThan(0);
  expect(e["requestId"] === undefined || typeof e["requestId"] === "string").toBe(true);
  return "malformed";
}
