/** docs/spec-format.md: its examples are valid specs (the docs cannot drift from the loader). */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { formatDiagnostic } from "../../generator/diagnostics.js";
import { loadModelFromFiles } from "../../generator/model/index.js";

const doc = readFileSync(new URL("../../docs/spec-format.md", import.meta.url), "utf8");

function section(title: string): string {
  const start = doc.indexOf(`\n## ${title}`);
  expect(start, title).toBeGreaterThan(0);
  const end = doc.indexOf("\n## ", start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

const yamlBlocks = (text: string): string[] => [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

function load(files: Record<string, string>): string[] {
  const r = loadModelFromFiles(Object.entries(files).map(([path, content]) => ({ path, content })));
  return r.ok ? [] : r.diagnostics.map(formatDiagnostic);
}

describe("docs/spec-format.md examples", () => {
  test("the complete example loads", () => {
    const [pkg, svc] = yamlBlocks(section("9."));
    expect(load({ "package.yaml": pkg!, "vm/vm.yaml": svc! })).toEqual([]);
  });

  test("the package file and service file examples load together", () => {
    const [pkg] = yamlBlocks(section("2."));
    const [svc] = yamlBlocks(section("3."));
    expect(load({ "package.yaml": pkg!, "cvm.yaml": svc! })).toEqual([]);
  });

  test("both envelope examples are valid package files", () => {
    for (const env of yamlBlocks(section("7."))) {
      const pkg = `specVersion: 1\npackage: { name: x, version: 1.0.0 }\n${env}`;
      expect(load({ "package.yaml": pkg })).toEqual([]);
    }
  });

  test("the protocol examples load with the envelope of their golden fixture, routes on request fields", () => {
    const blocks = yamlBlocks(section("12.")).filter((b) => b.startsWith("protocol:"));
    expect(blocks).toHaveLength(3);
    const envelope = "envelope:\n  wrapper: null\n  requestId: rid\n  error: { key: error, code: code, message: message }\n  data: data\n";
    for (const block of blocks) {
      const [protocol, actions] = block.split("# in the service file:\n");
      const pkg = `specVersion: 1\npackage: { name: x, version: 1.0.0 }\n${envelope}${protocol}`;
      const request = "\n    request: { id: string, reason: { type: string, optional: true } }";
      const svc = `specVersion: 1\nservice: { name: orders, version: "2025-01-01" }\n${actions === undefined ? "actions:\n  GetOrder:\n    request: { id: string }\n" : actions.replace(/(http: .*)/g, `$1${request}`)}`;
      expect(load({ "package.yaml": pkg, "orders.yaml": svc })).toEqual([]);
    }
  });

  test("the overlay example applies to a service with its targets, and the stale-overlay message is the loader's", () => {
    const [pkg] = yamlBlocks(section("2."));
    const [overlay] = yamlBlocks(section("11."));
    const svc = [
      "specVersion: 1",
      'service: { name: cvm, version: "2017-03-12" }',
      "errors:",
      "  InvalidFilter: { description: Bad filter. }",
      "types:",
      "  Instance:",
      "    fields:",
      "      InstanceId: string",
      '      DisasterRecoverGroupIds: "string[]"',
      "      LatestOperationErrorMsg: string",
      "      InstanceState: { type: string, enum: [RUNNING, STOPPED] }",
      "      OldField: string",
      "actions:",
      "  DescribeInstances:",
      '    response: { TotalCount: int64, InstanceSet: "Instance[]" }',
      "    errors: [InvalidFilter]",
      "",
    ].join("\n");
    const files = { "package.yaml": pkg!, "cvm/v20170312/service.yaml": svc, "cvm/v20170312/fixes.overlay.yaml": overlay! };
    expect(load(files)).toEqual([]);
    const stale = section("11.").match(/```\n(cvm\/v20170312\/fixes\.overlay\.yaml:.*)\n```/)?.[1];
    expect(load({ ...files, "cvm/v20170312/service.yaml": svc.replace('      DisasterRecoverGroupIds: "string[]"\n', "") })).toEqual([stale]);
  });
});
