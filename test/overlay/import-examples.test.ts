/** `tcgen import tencentcloud --examples`: the examples overlay beside the imported files, what import says, bad pairing. */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runTencentCloudImport } from "../../generator/import/command.js";
import { runImport } from "../../generator/import/run.js";
import { apiText, out } from "../import/fixtures.js";
import { capture, jsonl, scratchDir, writeTree } from "../verify/fixtures.js";

const scratch = scratchDir("tcgen-import-examples-");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const api = apiText({ actions: { Describe: [[], [out("Total", "int", "int64"), out("Zones", "list", "Zone")]] }, structs: { Zone: [out("Name", "string", "string"), out("Note", "string", "string")] } });
const reply = (fields: object): unknown => ({ Response: { ...fields, RequestId: "r" } });

describe("import --examples", () => {
  const input = writeTree(join(scratch, "in"), {
    "api.json": api,
    "drift.jsonl": jsonl([
      { action: "Describe", reply: reply({ Total: 1, Zones: [{ Name: "a", Note: null }] }) },
      { action: "Describe", reply: reply({ Zones: [] }) },
      { action: "Describe", reply: reply({ Total: 1, Zones: [] }) },
    ]),
    "clean.jsonl": jsonl([{ action: "Describe", reply: reply({ Total: 0, Zones: [] }) }]),
  });

  it("writes examples.overlay.yaml beside the imported files and says so", async () => {
    const outDir = join(scratch, "specs");
    const c = capture();
    expect(await runTencentCloudImport({ api: [join(input, "api.json")], examples: [join(input, "drift.jsonl")], out: outDir }, c.io)).toBe(0);
    expect(c.out).toEqual([
      `imported 1 service: 1 action, 1 type, 0 service codes → ${outDir} (5 of 5 files changed, package file tencentcloud.yaml added)`,
      "examples: 2 of 3 recorded success replies of demo 2020-01-01 disagree with api.json; wrote demo/v20200101/examples.overlay.yaml (2 field fixes: what they show absent, null or outside an enum) so that they conform: review it",
    ]);
    const text = readFileSync(join(outDir, "demo/v20200101/examples.overlay.yaml"), "utf8");
    expect(text.split("\n").slice(4).join("\n")).toBe(
      ["specVersion: 1", "overlay:", "  service: demo", '  version: "2020-01-01"', "types:", "  Zone:", "    fields:", "      Note:", "        nullable: true", "actions:", "  Describe:", "    response:", "      Total:", "        optional: true", ""].join("\n"),
    );
    // Re-import with replies that conform: the importer's own overlay is rewritten, with no patches.
    const again = capture();
    expect(await runTencentCloudImport({ api: [join(input, "api.json")], examples: [join(input, "clean.jsonl")], out: outDir }, again.io)).toBe(0);
    expect(again.out[1]).toBe("examples: the recorded success reply of demo 2020-01-01 conforms to api.json; demo/v20200101/examples.overlay.yaml holds no patches");
    expect(readFileSync(join(outDir, "demo/v20200101/examples.overlay.yaml"), "utf8").split("\n").slice(4).join("\n")).toBe(
      ["specVersion: 1", "overlay:", "  service: demo", '  version: "2020-01-01"', ""].join("\n"),
    );
  });

  it("pairs examples with api.json files by position, and reports unreadable examples", async () => {
    const r = await runImport({ apiPath: [join(input, "api.json")], examplesPath: [join(input, "drift.jsonl"), join(input, "clean.jsonl")], outDir: join(scratch, "x") });
    expect(!r.ok && r.diagnostics.map((d) => d.message)).toEqual(["--examples pairs with --api by position: give one examples file per api.json (2 given for 1)"]);
    const bad = writeTree(join(scratch, "bad"), { "e.json": "{}" });
    const r2 = await runImport({ apiPath: [join(input, "api.json")], examplesPath: [join(bad, "e.json")], outDir: join(scratch, "y") });
    expect(!r2.ok && r2.diagnostics.map((d) => `${d.file}: ${d.message}`)).toEqual([
      `${join(bad, "e.json")}: neither an examples.json ({"actions": {"<Action>": [{"output": …}]}}) nor JSON Lines of {"action": …, "reply": …}`,
    ]);
  });
});
