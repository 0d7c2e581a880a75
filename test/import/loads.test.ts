/** Imported specs load: the corpus services plus the package file give a model without diagnostics. */
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/diagnostics.js";
import { importTencentCloud, tencentDefaultsFile } from "../../generator/import/tencentcloud/index.js";
import { loadModelFromFiles, type SpecFile } from "../../generator/model/index.js";
import { CORPUS_SERVICES, corpusFiles, hasCorpus } from "./corpus.js";
import { apiText, errorsText, member, out } from "./fixtures.js";

function withDefaults(files: SpecFile[]): SpecFile[] {
  const d = tencentDefaultsFile();
  if (!d.ok) throw new Error(d.diagnostics.map(formatDiagnostic).join("\n"));
  return [{ path: d.file.path, content: d.file.text }, ...files];
}

function load(files: SpecFile[]): ReturnType<typeof loadModelFromFiles> {
  const r = loadModelFromFiles(withDefaults(files));
  if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join("\n"));
  return r;
}

describe.skipIf(!hasCorpus)("imported corpus loads", () => {
  it("cvm, cbs and sts load together with the package file", () => {
    const files: SpecFile[] = [];
    for (const { svc, folder } of CORPUS_SERVICES) {
      const f = corpusFiles(svc, folder);
      const r = importTencentCloud({ api: f.api, errors: f.errors });
      if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
      files.push(...r.files.map((x) => ({ path: x.path, content: x.text })));
    }
    const r = load(files);
    if (!r.ok) return;
    expect(r.model.services.map((s) => `${s.name} ${s.version} ${s.actions.length}`)).toEqual([
      "cbs 2017-03-12 61",
      "cvm 2017-03-12 106",
      "sts 2018-08-13 7",
    ]);
    const cvm = r.model.services.find((s) => s.name === "cvm")!;
    const market = cvm.types.find((t) => t.name === "InstanceMarketOptionsRequest")!;
    expect(market.fields.map((f) => [f.name, f.optional])).toEqual([["SpotOptions", false], ["MarketType", false]]);
    const marketInput = cvm.types.find((t) => t.name === "InstanceMarketOptionsRequestInput")!;
    expect(marketInput.fields.map((f) => [f.name, f.optional])).toEqual([["SpotOptions", false], ["MarketType", true]]);
    const run = cvm.actions.find((a) => a.name === "RunInstances")!;
    expect(run.errors.some((e) => e.code === "AuthFailure.SignatureFailure" && e.scope === "common")).toBe(true);
    expect(cvm.types.find((t) => t.name === "Image")!.fields.find((f) => f.name === "CreatedTime")!.type).toEqual({ kind: "primitive", name: "datetime-iso" });
  });
});

describe("imported hazard fixtures load", () => {
  it("globals-named structs, case-twin members, I/O-like struct names, empty requests", () => {
    const api = apiText({
      actions: {
        Run: [[member("Fn", "object", "Function", { required: true })], [out("Err", "object", "Error"), out("Set", "list", "string", { disabled: true }), out("set", "list", "string")]],
        Image: [[], [out("Img", "object", "Image")]],
        RunRequestLike: [[member("X", "object", "RunRequest")], []],
      },
      structs: {
        Error: { usage: "out", members: [out("Code", "string", "string")] },
        Function: { usage: "in", members: [member("Name", "string", "string")] },
        Image: { usage: "out", members: [out("Event", "object", "Event")] },
        Event: { usage: "out", members: [out("At", "string", "date")] },
        RunRequest: { usage: "in", members: [member("Deep", "bool", "bool")] },
      },
    });
    const r = importTencentCloud({ api: { path: "api.json", text: api }, errors: { path: "errors.json", text: errorsText({ Run: ["InternalError", "Demo.Oops"] }, { "Demo.Oops": "o" }) } });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const loaded = load(r.files.map((x) => ({ path: x.path, content: x.text })));
    if (!loaded.ok) return;
    const svc = loaded.model.services[0]!;
    expect(svc.types.map((t) => t.name)).toEqual(["Error", "Event", "Function", "Image", "RunRequest"]);
    expect(svc.actions.find((a) => a.name === "Run")!.response.map((f) => f.name)).toEqual(["Err", "Set", "set"]);
    expect(svc.actions.find((a) => a.name === "Run")!.ownErrors).toEqual(["Demo.Oops", "InternalError"]);
  });
});

describe("several versions of one service", () => {
  it("become separate services of the same name", () => {
    const files: SpecFile[] = [];
    for (const version of ["2018-05-25", "2022-05-01"]) {
      const r = importTencentCloud({ api: { path: `${version}/api.json`, text: apiText({ service: "tke", version, actions: { Get: [[], [out("Id", "string", "string")]] } }) } });
      if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
      files.push(...r.files.map((x) => ({ path: x.path, content: x.text })));
    }
    expect(files.map((f) => f.path.split("/").slice(0, 2).join("/"))).toEqual([...Array(3).fill("tke/v20180525"), ...Array(3).fill("tke/v20220501")]);
    const loaded = load(files);
    if (!loaded.ok) return;
    expect(loaded.model.services.map((s) => [s.name, s.version, s.host])).toEqual([
      ["tke", "2018-05-25", "tke"],
      ["tke", "2022-05-01", "tke"],
    ]);
  });
});
