/** bench/synthetic.ts: deterministic, valid, realistic proportions (other benchmarks rely on it). */
import { describe, expect, test } from "vitest";
import { syntheticSpecFiles } from "../../bench/synthetic.js";
import { formatDiagnostic } from "../../generator/diagnostics.js";
import { loadModelFromFiles } from "../../generator/model/index.js";

describe("syntheticSpecFiles", () => {
  const files = syntheticSpecFiles({ actions: 250 });
  const r = loadModelFromFiles(files);

  test("is deterministic", () => {
    expect(syntheticSpecFiles({ actions: 250 })).toEqual(files);
  });

  test("loads without diagnostics", () => {
    expect(r.ok ? [] : r.diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  test("has the requested size and realistic proportions", () => {
    if (!r.ok) throw new Error("not ok");
    const m = r.model;
    const actions = m.services.flatMap((s) => s.actions);
    expect(actions).toHaveLength(250);
    expect(m.services).toHaveLength(3);
    expect(m.commonErrors.length).toBeGreaterThanOrEqual(5);
    const own = actions.reduce((n, a) => n + a.ownErrors.length, 0) / actions.length;
    expect(own).toBeGreaterThanOrEqual(4);
    expect(own).toBeLessThan(5);
    const fields = m.services.flatMap((s) => [...s.types.flatMap((t) => t.fields), ...s.actions.flatMap((a) => [...a.request, ...a.response])]);
    const kinds = new Set(fields.map((f) => (f.type.kind === "list" ? `list:${f.type.items.kind}` : f.type.kind)));
    expect([...kinds].sort()).toEqual(["enum", "list:primitive", "list:ref", "primitive", "ref"]);
    expect(fields.some((f) => f.optional && !f.nullable)).toBe(true);
    expect(fields.some((f) => f.nullable && !f.optional)).toBe(true);
    const perAction = actions.reduce((n, a) => n + a.response.filter((f) => f.type.kind === "ref" || f.type.kind === "list").length, 0) / actions.length;
    expect(perAction).toBeGreaterThanOrEqual(3);
  });

  test("options are honoured", () => {
    const small = loadModelFromFiles(syntheticSpecFiles({ actions: 10, services: 2, codesPerService: 12, typesPerService: 5 }));
    expect(small.ok).toBe(true);
    if (!small.ok) return;
    expect(small.model.services.map((s) => [s.actions.length, s.errors.length <= 12, s.types.length])).toEqual([
      [5, true, 5],
      [5, true, 5],
    ]);
  });
});
