/**
 * Per-side requiredness: a struct used in requests and responses whose sides disagree becomes a
 * response type (the api.json name, `output_required`) and a request type (`<Name>Input`, `required`);
 * structs whose sides agree stay one type. Over the corpus, no member Tencent marks always returned is
 * optional in a type that responses use.
 */
import { describe, expect, it } from "vitest";
import { importTencentCloud, type TencentImportResult } from "../../generator/import/tencentcloud/index.js";
import { loadModelFromFiles } from "../../generator/model/index.js";
import type { Field, Model, TypeRef } from "../../generator/model/types.js";
import { formatDiagnostic } from "../../generator/diagnostics.js";
import { tencentDefaultsFile } from "../../generator/import/tencentcloud/defaults.js";
import { CORPUS_SERVICES, corpusFiles, hasCorpus } from "./corpus.js";
import { apiText, member, out } from "./fixtures.js";

function modelOf(imported: TencentImportResult): Model {
  if (!imported.ok) throw new Error(imported.diagnostics.map(formatDiagnostic).join("\n"));
  const pkg = tencentDefaultsFile();
  if (!pkg.ok) throw new Error("no package file");
  const loaded = loadModelFromFiles([pkg.file, ...imported.files].map((f) => ({ path: f.path, content: f.text })));
  if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join("\n"));
  return loaded.model;
}

/** Both sides: required in requests, always returned in responses. */
const both = (name: string, type: string, memberType: string, extra = {}) => out(name, type, memberType, { required: true, ...extra });

describe("per-side types on import", () => {
  const api = apiText({
    actions: {
      Create: [[member("Disk", "object", "Disk", { required: true }), member("Holder", "object", "Holder"), member("Tags", "list", "Tag")], []],
      Describe: [[], [out("Disks", "list", "Disk"), out("Holders", "list", "Holder"), out("Tags", "list", "Tag")]],
    },
    structs: {
      // Encrypt: optional in requests, always returned → split; DiskInput is taken, so Disk's request side is DiskInput2.
      Disk: [both("Size", "int", "int64"), out("Encrypt", "bool", "bool", { required: false })],
      DiskInput: [both("Name", "string", "string")],
      // Its own members agree, but it holds a Disk: split too, so its request side refers to DiskInput2.
      Holder: [both("Main", "object", "Disk"), both("Spare", "list", "Disk", { required: false, output_required: false })],
      // Agrees on both sides: one type.
      Tag: [both("Key", "string", "string"), both("Value", "string", "string")],
    },
  });
  const imported = importTencentCloud({ api: { path: "api.json", text: api } });

  it("writes a response type and a request type only where the sides differ", () => {
    if (!imported.ok) throw new Error("import failed");
    const types = imported.files.find((f) => f.path.endsWith("types.yaml"))?.text ?? "";
    expect(types.split("\n").slice(2).join("\n")).toBe(
      [
        "specVersion: 1",
        "service:",
        "  name: demo",
        '  version: "2020-01-01"',
        "types:",
        "  Disk:",
        "    description: The Disk structure.",
        "    fields:",
        "      Size: int64",
        "      Encrypt: boolean",
        "  DiskInput:",
        "    description: The DiskInput structure.",
        "    fields:",
        "      Name: string",
        "  DiskInput2:",
        "    description: The Disk structure.",
        "    fields:",
        "      Size: int64",
        "      Encrypt:",
        "        type: boolean",
        "        optional: true",
        "  Holder:",
        "    description: The Holder structure.",
        "    fields:",
        "      Main: Disk",
        "      Spare:",
        "        type: Disk[]",
        "        optional: true",
        "  HolderInput:",
        "    description: The Holder structure.",
        "    fields:",
        "      Main: DiskInput2",
        "      Spare:",
        "        type: DiskInput2[]",
        "        optional: true",
        "  Tag:",
        "    description: The Tag structure.",
        "    fields:",
        "      Key: string",
        "      Value: string",
        "",
      ].join("\n"),
    );
    const model = modelOf(imported);
    const actions = model.services[0]?.actions ?? [];
    const typeOf = (f: Field | undefined): TypeRef | undefined => f?.type;
    const create = actions.find((a) => a.name === "Create");
    expect(create?.request.map((f) => [f.name, typeOf(f)])).toEqual([
      ["Disk", { kind: "ref", name: "DiskInput2" }],
      ["Holder", { kind: "ref", name: "HolderInput" }],
      ["Tags", { kind: "list", items: { kind: "ref", name: "Tag" } }],
    ]);
    const describeAction = actions.find((a) => a.name === "Describe");
    expect(describeAction?.response.map((f) => [f.name, typeOf(f)])).toEqual([
      ["Disks", { kind: "list", items: { kind: "ref", name: "Disk" } }],
      ["Holders", { kind: "list", items: { kind: "ref", name: "Holder" } }],
      ["Tags", { kind: "list", items: { kind: "ref", name: "Tag" } }],
    ]);
  });

  it.skipIf(!hasCorpus).each(CORPUS_SERVICES.map((s) => [s.svc, s.folder]))(
    "%s: no member marked always returned is optional in a type that responses use",
    (svc, folder) => {
      const files = corpusFiles(svc, folder);
      const model = modelOf(importTencentCloud({ api: files.api, errors: files.errors }));
      const service = model.services[0];
      if (!service) throw new Error("no service");
      const api = JSON.parse(files.api.text) as {
        actions: Record<string, { output: string }>;
        objects: Record<string, { members: Array<{ name: string; output_required?: boolean; disabled?: boolean; type: string; member: string }> }>;
      };
      // Walk the model from every action's response; compare each reached field with its api.json member.
      const types = new Map(service.types.map((t) => [t.name, t]));
      const seen = new Set<string>();
      const wrong: string[] = [];
      let checked = 0;
      const refOf = (t: TypeRef): string | undefined => (t.kind === "ref" ? t.name : t.kind === "list" ? refOf(t.items) : undefined);
      const visit = (object: string, fields: readonly Field[], where: string): void => {
        for (const f of fields) {
          const m = api.objects[object]?.members.find((x) => x.name === f.name);
          if (m?.output_required === true && m.disabled !== true) {
            checked++;
            if (f.optional) wrong.push(`${where}.${f.name}`);
          }
          const ref = refOf(f.type);
          if (ref !== undefined && !seen.has(ref)) {
            seen.add(ref);
            const member = m && (m.type === "object" || m.type === "list") ? m.member : ref;
            visit(member, types.get(ref)?.fields ?? [], ref);
          }
        }
      };
      for (const a of service.actions) visit(api.actions[a.name]?.output ?? "", a.response, `${a.name}Response`);
      expect(checked).toBeGreaterThan(0);
      expect(wrong).toEqual([]);
    },
  );
});
