/**
 * The shipped specs/ load through the real loader into the model emitters see: no diagnostics, the 38
 * common codes, the cvm service with its types, enums and merged per-action code lists.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/diagnostics.js";
import { loadModel, type LoadResult } from "../../generator/model/index.js";
import type { Field, Model } from "../../generator/model/types.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const specsDir = path.join(repoRoot, "specs");

const loaded: LoadResult = await loadModel(specsDir);

function model(): Model {
  if (!loaded.ok) throw new Error(`specs/ has diagnostics:\n${loaded.diagnostics.map(formatDiagnostic).join("\n")}`);
  return loaded.model;
}

const fieldNamed = (fields: readonly Field[], name: string): Field => {
  const f = fields.find((x) => x.name === name);
  if (f === undefined) throw new Error(`no field ${name}`);
  return f;
};

describe('loadModel("specs")', () => {
  it("returns ok with no diagnostics", () => {
    expect(model().specVersion).toBe(1);
  });

  it("has the package, envelope and 38 common codes", () => {
    const m = model();
    expect(m.package.name).toBe("@tcgen/tencentcloud");
    expect(m.envelope).toMatchObject({ wrapper: "Response", requestId: "RequestId", errorKey: "Error", dataKey: null });
    expect(m.commonErrors).toHaveLength(38);
    expect(m.commonErrors.every((e) => e.scope === "common" && e.description !== undefined)).toBe(true);
    const retry = Object.fromEntries(m.commonErrors.map((e) => [e.code, e.retry]));
    expect(retry["RequestLimitExceeded.IPLimitExceeded"]).toBe("throttling");
    expect(retry["ServiceUnavailable"]).toBe("transient");
    expect(retry["AuthFailure.SignatureFailure"]).toBe("never");
  });

  it("has the cvm service merged from its files", () => {
    const cvm = model().services.find((s) => s.name === "cvm");
    expect(cvm).toBeDefined();
    expect(cvm!.version).toBe("2017-03-12");
    expect(cvm!.host).toBe("cvm");
    expect(cvm!.actions.length).toBeGreaterThanOrEqual(11);
    expect(cvm!.types.map((t) => t.name)).toContain("Image");
    expect(cvm!.errors.every((e) => e.scope === "service")).toBe(true);

    const status = cvm!.actions.find((a) => a.name === "DescribeInstancesStatus")!;
    expect(fieldNamed(status.response, "TotalCount").type).toEqual({ kind: "primitive", name: "int64" });
    expect(fieldNamed(status.response, "InstanceStatusSet").type).toEqual({
      kind: "list",
      items: { kind: "ref", name: "InstanceStatus" },
    });
    const instanceStatus = cvm!.types.find((t) => t.name === "InstanceStatus")!;
    const state = fieldNamed(instanceStatus.fields, "InstanceState").type;
    expect(state.kind).toBe("enum");
    expect(state.kind === "enum" && state.values).toContain("RUNNING");
  });

  it("gives every action the common codes plus its own, once each", () => {
    const m = model();
    const common = m.commonErrors.map((e) => e.code);
    for (const a of m.services.find((s) => s.name === "cvm")!.actions) {
      const expected = [...new Set([...common, ...a.ownErrors])].sort();
      expect(a.errors.map((e) => e.code).sort(), a.name).toEqual(expected);
    }
  });
});
