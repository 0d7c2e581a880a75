/**
 * What the spec says reaches the declarations a user hovers: each code's description (and deprecation)
 * on its member of the code tables, each action's description and own codes on its parser, call
 * function and client method. A description change changes the output, so `tcgen check` sees it.
 */
import { describe, expect, it } from "vitest";
import { emitPackage } from "../../generator/emit/index.js";
import type { OutputFile } from "../../generator/emit/output.js";
import { buildTestModel, code } from "../helpers/model.js";

function output(codeDoc: string, actionDoc: string): Map<string, string> {
  const model = buildTestModel({
    common: [code("InternalError", { scope: "common", description: "The server failed.", retry: "transient" })],
    services: [
      {
        name: "demo",
        errors: [code("ResourceNotFound.Thing", { description: codeDoc }), code("Old.Code", { description: "Gone soon.", deprecated: true })],
        actions: [{ name: "GetThing", description: actionDoc, errors: ["ResourceNotFound.Thing", "Old.Code"] }],
      },
    ],
  });
  return new Map(emitPackage(model).map((f: OutputFile) => [f.path, f.text]));
}

describe("editor docs", () => {
  const out = output("No thing has this ID.\nCheck `ThingId`.", "Reads one thing.\n\n- by ID\n- by name");

  it("documents each code where its table declares it, deprecated ones marked", () => {
    expect(out.get("demo/errors.d.ts")).toContain(
      "  /**\n   * No thing has this ID.\n   * Check `ThingId`.\n   */\n  readonly \"ResourceNotFound.Thing\": \"never\";\n",
    );
    expect(out.get("demo/errors.d.ts")).toContain("  /**\n   * Gone soon.\n   * @deprecated\n   */\n  readonly \"Old.Code\": \"never\";\n");
    expect(out.get("common.d.ts")).toContain("  /** The server failed. */\n  readonly InternalError: \"transient\";\n");
  });

  it("documents each action on its parser, call function and client method, with its own codes", () => {
    const doc = [
      " * Reads one thing.",
      " *",
      " * - by ID",
      " * - by name",
      " *",
      " * Codes: `Old.Code`, `ResourceNotFound.Thing` (and the common codes).",
      " */",
    ].join("\n");
    expect(out.get("demo/parsers.d.ts")).toContain(`/**\n * Parse a reply of \`GetThing\`.\n${doc}\nexport declare function parseGetThing(`);
    expect(out.get("demo/calls.d.ts")).toContain(`/**\n${doc}\nexport declare function getThing(`);
    expect(out.get("demo/client.d.ts")).toContain(`  /**\n${doc.replace(/^/gm, "  ")}\n  GetThing(`);
  });

  it("a description change changes the output", () => {
    const other = output("No thing has this ID.", "Reads one thing.\n\n- by ID\n- by name");
    expect(other.get("demo/errors.d.ts")).not.toBe(out.get("demo/errors.d.ts"));
    const otherAction = output("No thing has this ID.\nCheck `ThingId`.", "Reads a thing.");
    for (const path of ["demo/parsers.d.ts", "demo/calls.d.ts", "demo/client.d.ts"]) {
      expect(otherAction.get(path), path).not.toBe(out.get(path));
    }
  });
});
