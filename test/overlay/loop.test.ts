/**
 * The overlay loop on real replies: import cvm, `verify --write-overlay` writes the overlay that makes
 * its drifting examples conform, generate sees it, `verify` passes on every example; re-importing
 * leaves the overlay alone and it keeps working. And a stale overlay after a re-import is a located
 * error naming its target.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/diagnostics.js";
import { runImport } from "../../generator/import/run.js";
import { loadModel } from "../../generator/model/index.js";
import { generateFromDir } from "../../generator/pipeline.js";
import { runVerify } from "../../generator/verify/command.js";
import { corpusRoot, hasCorpus } from "../helpers/paths.js";
import { apiText, out } from "../import/fixtures.js";
import { capture, scratchDir, writeTree } from "../verify/fixtures.js";

const scratch = scratchDir("tcgen-overlay-loop-");
process.env["TCGEN_CACHE_DIR"] = join(scratch, "cache");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const CVM = join(corpusRoot, "tencentcloud", "cvm", "v20170312");

describe.skipIf(!hasCorpus)("verify --write-overlay on cvm", () => {
  it("writes the overlay, generate and verify see it, and re-import keeps it", async () => {
    const specs = join(scratch, "cvm-specs");
    const imported = await runImport({ apiPath: join(CVM, "api.json"), errorsPath: join(CVM, "errors.json"), outDir: specs });
    expect(imported.ok).toBe(true);
    const examples = join(CVM, "examples.json");
    const overlayPath = join(specs, "cvm", "v20170312", "drift.overlay.yaml");

    const first = capture();
    expect(await runVerify([examples], { specs, service: "cvm", writeOverlay: overlayPath }, first.io)).toBe(1);
    expect(first.out.at(-1)).toBe("drift: 5 replies disagree with the specs");
    expect(first.err).toEqual([`wrote ${overlayPath}: 5 field fixes for 5 of 123 success replies; generate again, then verify`]);
    const written = readFileSync(overlayPath, "utf8");
    expect(written.split("\n").slice(3).join("\n")).toBe(
      [
        "specVersion: 1",
        "overlay:",
        "  service: cvm",
        '  version: "2017-03-12"',
        "types:",
        "  DisasterRecoverGroup:",
        "    fields:",
        "      Strategy:",
        "        optional: true",
        "      PartitionCount:",
        "        optional: true",
        "  Instance:",
        "    fields:",
        "      DisasterRecoverGroupIds:",
        "        optional: true",
        "  SystemDisk:",
        "    fields:",
        "      Encrypt:",
        "        optional: true",
        "      KmsKeyId:",
        "        optional: true",
        "",
      ].join("\n"),
    );

    const generated = await generateFromDir(specs);
    if (!generated.ok) throw new Error(generated.diagnostics.map(formatDiagnostic).join("\n"));
    const types = generated.files.find((f) => f.path === "cvm/types.d.ts")?.text ?? "";
    const systemDisk = types.slice(types.indexOf("export interface SystemDisk {"), types.indexOf("}", types.indexOf("export interface SystemDisk {")));
    expect(systemDisk).toMatch(/\bEncrypt\?: boolean;/);
    const systemDiskInput = types.slice(types.indexOf("export interface SystemDiskInput {"), types.indexOf("}", types.indexOf("export interface SystemDiskInput {")));
    expect(systemDiskInput).toMatch(/\bDiskType\?: /);

    const second = capture();
    expect(await runVerify([examples], { specs, service: "cvm" }, second.io)).toBe(0);
    expect(second.out.slice(-3)).toEqual(["123 replies checked against cvm 2017-03-12:", "  123  conforming success", "no drift"]);

    // Re-import: the overlay is neither rewritten nor deleted, and still applies.
    const again = await runImport({ apiPath: join(CVM, "api.json"), errorsPath: join(CVM, "errors.json"), outDir: specs });
    expect(again.ok && again.written).toEqual([]);
    expect(readFileSync(overlayPath, "utf8")).toBe(written);
    const third = capture();
    expect(await runVerify([examples], { specs, service: "cvm", writeOverlay: overlayPath }, third.io)).toBe(0);
    expect(third.err).toEqual([`${overlayPath}: no drift an overlay can fix; nothing written`]);
    expect(readFileSync(overlayPath, "utf8")).toBe(written);
  }, 120_000);
});

describe("a stale overlay after re-import", () => {
  const api = (field: string): string => apiText({ actions: { Describe: [[], [out("Disks", "list", "Disk")]] }, structs: { Disk: [out("Id", "string", "string"), out(field, "string", "string")] } });

  it("is a located error naming the target and the overlay's file:line:col, exit 2", async () => {
    const input = writeTree(join(scratch, "stale-input"), { "v1.json": api("Zone"), "v2.json": api("ZoneId") });
    const specs = join(scratch, "stale-specs");
    expect((await runImport({ apiPath: join(input, "v1.json"), outDir: specs })).ok).toBe(true);
    const overlay = ["specVersion: 1", "overlay:", "  service: demo", '  version: "2020-01-01"', "types:", "  Disk:", "    fields:", "      Zone: { optional: true }", ""].join("\n");
    writeFileSync(join(specs, "demo", "v20200101", "fix.overlay.yaml"), overlay);
    const before = await loadModel(specs);
    expect(before.ok && before.model.services[0]?.types[0]?.fields.map((f) => [f.name, f.optional])).toEqual([["Id", false], ["Zone", true]]);

    expect((await runImport({ apiPath: join(input, "v2.json"), outDir: specs })).ok).toBe(true);
    const stale = 'demo/v20200101/fix.overlay.yaml:8:7: stale overlay: field "Zone" of type "Disk" does not exist in demo 2020-01-01 (to add a field, write { add: <field> }) (at types.Disk.fields.Zone)';
    const after = await loadModel(specs);
    expect(after.ok || after.diagnostics.map(formatDiagnostic)).toEqual([stale]);
    const c = capture();
    const replies = writeTree(join(scratch, "stale-replies"), { "r.jsonl": '{"action":"Describe","reply":{"Response":{"Disks":[],"RequestId":"r"}}}\n' });
    expect(await runVerify([join(replies, "r.jsonl")], { specs, service: "demo" }, c.io)).toBe(2);
    expect(c.err[0]).toBe(stale);
  });

  it("verify --write-overlay outside the specs dir writes it and says it does not apply there", async () => {
    const input = writeTree(join(scratch, "outside-input"), { "api.json": api("Zone") });
    const specs = join(scratch, "outside-specs");
    expect((await runImport({ apiPath: join(input, "api.json"), outDir: specs })).ok).toBe(true);
    const replies = writeTree(join(scratch, "outside-replies"), { "r.jsonl": '{"action":"Describe","reply":{"Response":{"Disks":[{"Id":"d"}],"RequestId":"r"}}}\n' });
    const target = join(scratch, "outside.overlay.yaml");
    const c = capture();
    expect(await runVerify([join(replies, "r.jsonl")], { specs, service: "demo", writeOverlay: target }, c.io)).toBe(1);
    expect(c.err).toEqual([
      `wrote ${target}: 1 field fix for 1 of 1 success replies; generate again, then verify`,
      `note: ${target} is outside ${specs}: move it into the specs dir so that generate and verify apply it`,
    ]);
    expect(readFileSync(target, "utf8")).toContain("      Zone:\n        optional: true\n");
  });

  it("verify --write-overlay never overwrites a file that is not an overlay of the service", async () => {
    const specs = join(scratch, "outside-specs");
    const replies = join(scratch, "outside-replies", "r.jsonl");
    const target = join(scratch, "other.overlay.yaml");
    const other = 'specVersion: 1\noverlay: { service: cvm, version: "2017-03-12" }\n';
    writeFileSync(target, other);
    const c = capture();
    expect(await runVerify([replies], { specs, service: "demo", writeOverlay: target }, c.io)).toBe(2);
    expect(c.err).toEqual([`${target}: exists and is not an overlay of demo 2020-01-01; not overwritten`, "tcgen verify: overlay not written (1 problem(s))"]);
    expect(readFileSync(target, "utf8")).toBe(other);
  });
});

