/** Test helper: check that a parse outcome has exactly one of the three documented shapes. */
import { expect } from "vitest";

export function expectOutcomeShape(r: unknown): "success" | "api-error" | "malformed" {
  expect(typeof r).toBe("object");
  const o = r as Record<string, unknown>;
  if (o["ok"] === true) {
    expect(Object.keys(o).sort()).toEqual(["data", "ok", "requestId", "unknownFields"]);
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
  expect(Object.keys(e).sort()).toEqual(["expected", "found", "kind", "path", "requestId"]);
  expect(e["path"]).toMatch(/^\$/);
  expect(typeof e["expected"]).toBe("string");
  expect((e["expected"] as string).length).toBeGreaterThan(0);
  expect(typeof e["found"]).toBe("string");
  expect((e["found"] as string).length).toBeGreaterThan(0);
  expect(e["requestId"] === undefined || typeof e["requestId"] === "string").toBe(true);
  return "malformed";
}
