/** Inputs that must work, and bad inputs that must give exact, located diagnostics. */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { importTencentCloud, type TencentImportResult } from "../../generator/import/tencentcloud/index.js";
import { apiText, errorsText, member, out } from "./fixtures.js";

type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function files(r: TencentImportResult): Record<string, Spec> {
  if (!r.ok) throw new Error(`unexpected diagnostics: ${JSON.stringify(r.diagnostics)}`);
  return Object.fromEntries(r.files.map((f) => [f.path.split("/").pop() as string, parse(f.text) as Spec]));
}

const run = (api: string, errors?: string): TencentImportResult =>
  importTencentCloud({ api: { path: "in/api.json", text: api }, ...(errors !== undefined ? { errors: { path: "in/errors.json", text: errors } } : {}) });

describe("inputs that must import", () => {
  it("keeps two members differing only by case, in order, with their own flags", () => {
    const api = apiText({
      actions: {
        DescribeEndpoints: [[], [out("EndpointUserSet", "list", "string", { disabled: true }), out("EndPointUserSet", "list", "string")]],
      },
    });
    const response = files(run(api))["actions.yaml"]!["actions"]["DescribeEndpoints"]["response"];
    expect(Object.keys(response)).toEqual(["EndpointUserSet", "EndPointUserSet"]);
    expect(response["EndpointUserSet"]).toEqual({ type: "string[]", optional: true, deprecated: true });
    expect(response["EndPointUserSet"]).toBe("string[]");
  });

  it("keeps structs named like globals and like action I/O", () => {
    const api = apiText({
      actions: {
        Run: [[member("Fn", "object", "Function", { required: true })], [out("Err", "object", "Error"), out("Events", "list", "Event"), out("Img", "object", "Image")]],
        Describe: { input: "DescribeInput", output: "DescribeOutput" },
      },
      objects: {
        DescribeInput: { document: "", members: [member("Options", "object", "DescribeRequest")], type: "object" },
        DescribeOutput: { document: "", members: [{ document: "", member: "string", name: "RequestId", type: "string" }], type: "object" },
      },
      structs: {
        Error: { usage: "out", members: [out("Code", "string", "string"), out("Message", "string", "string")] },
        Function: { usage: "in", members: [member("Name", "string", "string", { required: true })] },
        Event: { usage: "out", members: [out("At", "string", "datetime_iso")] },
        Image: { usage: "out", members: [out("Data", "binary", "binary")] },
        DescribeRequest: { usage: "in", members: [member("Deep", "bool", "bool")] },
      },
    });
    const out_ = files(run(api));
    expect(Object.keys(out_["types.yaml"]!["types"])).toEqual(["DescribeRequest", "Error", "Event", "Function", "Image"]);
    expect(out_["types.yaml"]!["types"]["Function"]["fields"]).toEqual({ Name: "string" });
    expect(out_["types.yaml"]!["types"]["Image"]["fields"]).toEqual({ Data: "binary" });
    expect(out_["types.yaml"]!["types"]["Event"]["fields"]).toEqual({ At: "datetime-iso" });
    const actions = out_["actions.yaml"]!["actions"];
    expect(Object.keys(actions)).toEqual(["Describe", "Run"]);
    expect(actions["Run"]["request"]).toEqual({ Fn: "Function" });
    expect(actions["Run"]["response"]).toEqual({ Err: "Error", Events: "Event[]", Img: "Image" });
    expect(actions["Describe"]["request"]["Options"]).toEqual({ type: "DescribeRequest", optional: true });
    expect(actions["Describe"]["response"]).toBeUndefined();
  });

  it("keeps actions whose names differ only by case or equal a type name", () => {
    const api = apiText({
      actions: { Image: [[], [out("Id", "string", "string")]], IMAGE: [[], []], image: [[], []] },
      structs: { Image: { usage: "out", members: [out("Id", "string", "string")] } },
    });
    const out_ = files(run(api));
    expect(Object.keys(out_["actions.yaml"]!["actions"])).toEqual(["IMAGE", "Image", "image"]);
    expect(Object.keys(out_["types.yaml"]!["types"])).toEqual(["Image"]);
  });

  it("treats response members without output_required as optional, and the nullable flag independently", () => {
    const api = apiText({
      actions: {
        Get: [[], [
          member("NoFlag", "string", "string", { value_allowed_null: false }),
          member("OldStyle", "string", "string", { required: true, value_allowed_null: true }),
          out("Present", "int", "uint64"),
          out("MaybeNull", "float", "float", { value_allowed_null: true }),
          out("Hidden", "string", "string", { disabled: true }),
        ]],
      },
    });
    const response = files(run(api))["actions.yaml"]!["actions"]["Get"]["response"];
    expect(response).toEqual({
      NoFlag: { type: "string", optional: true },
      OldStyle: { type: "string", optional: true, nullable: true },
      Present: "uint64",
      MaybeNull: { type: "float", nullable: true },
      Hidden: { type: "string", optional: true, deprecated: true },
    });
  });

  it("structs no action reaches follow their declared usage (absent: both sides)", () => {
    const flags = { required: false, output_required: true, value_allowed_null: false };
    const api = apiText({
      actions: { Get: [[], []] },
      structs: {
        OrphanIn: { usage: "in", members: [member("A", "string", "string", flags)] },
        OrphanOut: { usage: "out", members: [member("A", "string", "string", flags)] },
        OrphanBoth: { usage: "both", members: [member("A", "string", "string", flags)] },
        OrphanNone: { members: [member("A", "string", "string", flags)] },
      },
    });
    const types = files(run(api))["types.yaml"]!["types"];
    expect(types["OrphanIn"]["fields"]["A"]).toEqual({ type: "string", optional: true });
    expect(types["OrphanOut"]["fields"]["A"]).toBe("string");
    expect(types["OrphanBoth"]["fields"]["A"]).toEqual({ type: "string", optional: true });
    expect(types["OrphanNone"]["fields"]["A"]).toEqual({ type: "string", optional: true });
  });

  it("makes an I/O object that a member refers to a named type too", () => {
    const api = apiText({
      actions: { Get: [[member("Again", "object", "GetRequest")], []] },
    });
    const out_ = files(run(api));
    expect(Object.keys(out_["types.yaml"]!["types"])).toEqual(["GetRequest"]);
  });

  it("normalises the service short name and keeps it as the host; deprecated actions", () => {
    const api = apiText({ service: "Demo-Pro", actions: { Old: { input: "OldRequest", output: "OldResponse", status: "deprecated" } }, objects: {
      OldRequest: { document: "", members: [], type: "object" },
      OldResponse: { document: "", members: [], type: "object" },
    } });
    const r = run(api);
    expect(r.ok && r.files.map((f) => f.path)).toEqual(["demopro/v20200101/service.yaml", "demopro/v20200101/types.yaml", "demopro/v20200101/actions.yaml"]);
    const out_ = files(r);
    expect(out_["service.yaml"]!["service"]).toEqual({ name: "demopro", version: "2020-01-01", host: "Demo-Pro", description: "A demo service." });
    expect(out_["actions.yaml"]!["actions"]["Old"]).toEqual({ description: "Does Old.", deprecated: true });
    expect(out_["types.yaml"]!["types"]).toBeUndefined();
  });

  it("writes service codes without the common ones, sorted and de-duplicated action lists, throttling for RequestLimitExceeded", () => {
    const api = apiText({ actions: { Get: [[], []], Put: [[], []] } });
    const errors = errorsText(
      { Get: ["Zeta.Fail", "InternalError", "Alpha", "Alpha"] },
      { Zeta: "z", "Zeta.Fail": "<b>zeta</b>  failed", Alpha: "", InternalError: "ours", "RequestLimitExceeded.Demo": "slow" },
    );
    const out_ = files(run(api, errors));
    expect(out_["service.yaml"]!["errors"]).toEqual({
      Alpha: { description: "Alpha" },
      "RequestLimitExceeded.Demo": { description: "slow", retry: "throttling" },
      Zeta: { description: "z" },
      "Zeta.Fail": { description: "zeta failed" },
    });
    expect(out_["actions.yaml"]!["actions"]["Get"]["errors"]).toEqual(["Alpha", "InternalError", "Zeta.Fail"]);
    expect(out_["actions.yaml"]!["actions"]["Put"]["errors"]).toBeUndefined();
  });
});

describe("bad inputs give located diagnostics", () => {
  const base = { file: "in/api.json", line: 0, col: 0 };

  it("a member referring to a missing object", () => {
    const api = apiText({ actions: { Get: [[member("Filter", "list", "Filtre")], [out("Item", "object", "Missing")]] } });
    expect(run(api)).toEqual({
      ok: false,
      diagnostics: [
        { ...base, path: "$.objects.GetRequest.members[0].member", message: 'list of "Filtre": no such object in $.objects and not a scalar type' },
        { ...base, path: "$.objects.GetResponse.members[0].member", message: 'refers to object "Missing", which is not in $.objects' },
      ],
    });
  });

  it("an action whose input object is missing; unknown member kinds; duplicate member names", () => {
    const api = apiText({
      actions: { Get: { input: "GetRequest", output: "GetResponse" } },
      objects: {
        GetResponse: { document: "", type: "object", members: [out("A", "int", "int8"), out("B", "map", "string"), out("A", "string", "string")] },
      },
    });
    expect(run(api)).toEqual({
      ok: false,
      diagnostics: [
        { ...base, path: "$.objects.GetResponse.members[2].name", message: 'duplicate member name "A" in object "GetResponse"' },
      ],
    });
    const api2 = apiText({
      actions: { Get: { input: "GetRequest", output: "GetResponse" } },
      objects: { GetResponse: { document: "", type: "object", members: [out("A", "int", "int8"), out("B", "map", "string")] } },
    });
    expect(run(api2)).toEqual({
      ok: false,
      diagnostics: [
        { ...base, path: "$.objects.GetResponse.members[0].member", message: 'unknown int kind "int8" (expected one of int64, uint64, int32)' },
        { ...base, path: "$.objects.GetResponse.members[1].type", message: 'unknown member type "map" (expected string, int, float, bool, binary, list or object)' },
        { ...base, path: "$.actions.Get.input", message: 'names object "GetRequest", which is not in $.objects' },
      ],
    });
  });

  it("an errors.json naming an action that does not exist, or an undeclared code", () => {
    const api = apiText({ actions: { Get: [[], []] } });
    const errors = errorsText({ Get: ["Known", "Unknown.Code"], Gone: ["Known"] }, { Known: "known" });
    expect(run(api, errors)).toEqual({
      ok: false,
      diagnostics: [
        { file: "in/errors.json", line: 0, col: 0, path: "$.actions.Get[1]", message: 'code "Unknown.Code" is not declared in $.codes' },
        { file: "in/errors.json", line: 0, col: 0, path: "$.actions.Gone", message: 'names action "Gone", which in/api.json does not define' },
      ],
    });
  });

  it("an errors.json of another service or version", () => {
    const api = apiText({ actions: { Get: [[], []] } });
    expect(run(api, errorsText({}, {}, "other", "2021-01-01"))).toEqual({
      ok: false,
      diagnostics: [
        { file: "in/errors.json", line: 0, col: 0, path: "$.service", message: 'is "other", but in/api.json defines service "demo"' },
        { file: "in/errors.json", line: 0, col: 0, path: "$.version", message: 'is "2021-01-01", but in/api.json defines version "2020-01-01"' },
      ],
    });
  });

  it("a truncated file, text that is not JSON, an empty file", () => {
    const full = apiText({ actions: { Get: [[], []] } });
    const truncated = full.slice(0, 40);
    const lines = truncated.split("\n");
    expect(run(truncated)).toEqual({
      ok: false,
      diagnostics: [{ file: "in/api.json", line: lines.length, col: (lines.at(-1) as string).length + 1, path: "$", message: "not valid JSON: unexpected end of the text (is the file truncated?)" }],
    });
    expect(run('{\n  "actions": {},\n  metadata: 1\n}')).toEqual({
      ok: false,
      diagnostics: [{ file: "in/api.json", line: 3, col: 3, path: "$", message: 'not valid JSON: expected a property name in double quotes, found "m"' }],
    });
    expect(run("{}\n}")).toEqual({
      ok: false,
      diagnostics: [{ file: "in/api.json", line: 2, col: 1, path: "$", message: 'not valid JSON: unexpected "}" after the JSON value' }],
    });
    expect(run(" \n")).toEqual({
      ok: false,
      diagnostics: [{ file: "in/api.json", line: 1, col: 1, path: "$", message: "not valid JSON: the file is empty" }],
    });
  });

  it("the wrong JSON: an examples.json, an errors.json or a list given as api.json", () => {
    const examples = JSON.stringify({ actions: { Get: [{ document: "", input: "POST / HTTP/1.1", output: "{}", title: "t" }] }, version: "1.0" });
    const hint = "missing (an api.json has the keys actions, metadata, objects and version; is this the right file?)";
    expect(run(examples)).toEqual({
      ok: false,
      diagnostics: [
        { ...base, path: "$.metadata", message: hint },
        { ...base, path: "$.objects", message: hint },
      ],
    });
    const errors = errorsText({ Get: [] }, {});
    expect(run(errors)).toEqual({
      ok: false,
      diagnostics: [
        { ...base, path: "$.metadata", message: hint },
        { ...base, path: "$.objects", message: hint },
      ],
    });
    expect(run("[1, 2]")).toEqual({
      ok: false,
      diagnostics: [{ ...base, path: "$", message: "expected a JSON object (an api.json has the keys actions, metadata, objects and version)" }],
    });
    // an api.json given as errors.json
    const api = apiText({ actions: { Get: [[], []] } });
    expect(run(api, api)).toEqual({
      ok: false,
      diagnostics: [{ file: "in/errors.json", line: 0, col: 0, path: "$.codes", message: "missing (an errors.json has the keys service, version, codes and actions; is this the right file?)" }],
    });
  });

  it("metadata that cannot name a service", () => {
    const api = apiText({ service: "9lives", version: "2020-1-1", actions: {} });
    expect(run(api)).toEqual({
      ok: false,
      diagnostics: [{ ...base, path: "$.metadata.apiVersion", message: 'expected an API version like "2017-03-12", found "2020-1-1"' }],
    });
    expect(run(apiText({ service: "9lives", actions: {} }))).toEqual({
      ok: false,
      diagnostics: [{ ...base, path: "$.metadata.serviceShortName", message: 'service short name "9lives" cannot become a service name (lowercase letters and digits, starting with a letter)' }],
    });
  });
});
