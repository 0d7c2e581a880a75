/**
 * The importer against hostile api.json / errors.json: defect classes 6 (lookups keyed by input are
 * prototype-free), 7 (it never writes specs tcgen refuses: host, impossible dates, the loader's size
 * limit), 8 (writes all or nothing; errno printed once) and 14 (duplicate JSON keys refused; JSON
 * shape errors located at line:col).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { splitSpecFile } from "../../generator/import/split.js";
import { importTencentCloud } from "../../generator/import/tencentcloud/index.js";
import { tencentDefaultsFile } from "../../generator/import/tencentcloud/index.js";
import { formatDiagnostic } from "../../generator/diagnostics.js";
import { loadModelFromFiles } from "../../generator/model/index.js";
import { apiObject, apiText, member, out } from "../import/fixtures.js";
import { expectClean, scratch, tcgen } from "./cli.js";

const { project } = scratch("import");

function imported(api: Record<string, unknown> | string): { lines: string[]; text: string; loads: boolean } {
  const r = importTencentCloud({ api: { path: "api.json", text: typeof api === "string" ? api : JSON.stringify(api) } });
  if (!r.ok) return { lines: r.diagnostics.map(formatDiagnostic), text: "", loads: false };
  const defaults = tencentDefaultsFile();
  if (!defaults.ok) throw new Error("no defaults");
  const loaded = loadModelFromFiles([defaults.file, ...r.files].map((f) => ({ path: f.path, content: f.text })));
  return { lines: [], text: r.files.map((f) => f.text).join("\n"), loads: loaded.ok };
}

describe("lookups keyed by api.json strings read no Object.prototype member (class 6)", () => {
  const refused: [string, Record<string, unknown>, string][] = [
    ["a list of an object named hasOwnProperty (no such object)", { Get: [[], [out("L", "list", "hasOwnProperty")]] }, 'list of "hasOwnProperty": no such object in $.objects and not a scalar type'],
    ["a list of constructor", { Get: [[], [out("L", "list", "constructor")]] }, 'list of "constructor": no such object'],
    ['type "constructor"', { Get: [[], [out("C", "constructor", "x")]] }, 'unknown member type "constructor"'],
    ['type "__proto__"', { Get: [[], [out("C", "__proto__", "x")]] }, 'unknown member type "__proto__"'],
    ['a string of kind "toString"', { Get: [[], [out("S", "string", "toString")]] }, 'unknown string kind "toString"'],
    ['an int of kind "valueOf"', { Get: [[], [out("S", "int", "valueOf")]] }, 'unknown int kind "valueOf"'],
  ];
  it.each(refused)("%s: refused with a message", (_name, actions, message) => {
    const r = imported(apiObject({ actions: actions as never }));
    expect(r.lines.join("\n")).toContain(message);
  });

  it.each(["constructor", "toString", "hasOwnProperty", "__proto__", "valueOf"])("an object named %s is a plain type", (name) => {
    // Built under a stand-in name, then renamed in the text: `{ [name]: … }` would set a prototype for __proto__.
    const text = apiText({ actions: { Get: [[], [out("L", "list", "Stand_In"), out("O", "object", "Stand_In")]] }, structs: { Stand_In: [out("A", "string", "string")] } });
    const r = imported(text.replaceAll('"Stand_In"', JSON.stringify(name)));
    expect(r.lines).toEqual([]);
    expect(r.text).toContain(`      L: ${name}[]\n`);
    expect(r.loads).toBe(true);
  });

  it.each(["&constructor;", "&__proto__;", "&hasOwnProperty;", "&toString;"])("the entity %s stays as written", (entity) => {
    const r = imported(apiObject({ actions: { Get: [[], [out("A", "string", "string", { document: `a ${entity} b &amp; c` })]] } }));
    expect(r.text).toContain(`description: a ${entity} b & c\n`);
    expect(r.text).not.toContain("native code");
  });
});

describe("import writes only specs tcgen accepts (class 7), all or nothing (class 8)", () => {
  it.concurrent("short names that are no host: the host is the cleaned name, and the specs validate", async () => {
    const names: [string, string][] = [
      ["../../x", "x"],
      ["cvm", "cvm"],
      ["Foo_Bar", "foobar"],
      ["a\u001b[2Jb", "a2jb"],
    ];
    const files = Object.fromEntries(names.map(([shortName], i) => [`api${i}.json`, apiText({ service: shortName, actions: { Get: [[], [out("Id", "string", "string")]] } })]));
    const dir = project(files);
    const run = await tcgen(["import", "tencentcloud", "--api", ...Object.keys(files), "--out", "specs"], { cwd: dir });
    expectClean(run);
    expect(run.code).toBe(0);
    for (const [, host] of names) {
      const service = readFileSync(join(dir, "specs", host, "v20200101", "service.yaml"), "utf8");
      expect(service).toContain(`  host: ${host}\n`);
      expect(service).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    }
    const validate = await tcgen(["validate", "--no-cache"], { cwd: dir });
    expect(validate.stderr).toBe("ok: specs is valid (4 services, 4 actions)\n");
  });

  it.concurrent("impossible API versions are refused, located", async () => {
    const versions = ["2024-13-45", "2023-02-29", "2024-00-10", "2024-04-31"];
    const files = Object.fromEntries(versions.map((version, i) => [`api${i}.json`, apiText({ service: `s${i}`, version, actions: { Get: [[], []] } })]));
    const dir = project(files);
    const run = await tcgen(["import", "tencentcloud", "--api", ...Object.keys(files), "--out", "specs"], { cwd: dir });
    expectClean(run);
    expect(run.code).toBe(2);
    for (const [i, version] of versions.entries()) {
      expect(run.stderr).toMatch(new RegExp(`^api${i}\\.json:\\d+:\\d+: expected an API version like "2017-03-12", found "${version}" \\(at \\$\\.metadata\\.apiVersion\\)$`, "m"));
    }
    expect(existsSync(join(dir, "specs"))).toBe(false);
  });

  it("an api.json whose actions.yaml would pass the 5 MB limit is split into parts that load; a smaller re-import removes them", async () => {
    const wide = (i: number) => Array.from({ length: 20 }, (_, j) => member(`Field${j}`, "string", "string", { document: `Field ${j} of action ${i}: ${"padding text ".repeat(12)}` }));
    const actions = Object.fromEntries(Array.from({ length: 1400 }, (_, i) => [`Act${i}`, [wide(i), wide(i)]]));
    const dir = project({ "api.json": apiText({ actions: actions as never }), "small.json": apiText({ actions: { Act0: [[], []] } }) });
    const run = await tcgen(["import", "tencentcloud", "--api", "api.json", "--out", "specs"], { cwd: dir });
    expectClean(run);
    expect(run.code).toBe(0);
    const folder = join(dir, "specs", "demo", "v20200101");
    const parts = readdirSync(folder).sort();
    expect(parts).toContain("actions-2.yaml");
    expect(parts.filter((p) => !/^actions-\d\.yaml$/.test(p))).toEqual(["actions.yaml", "service.yaml", "types.yaml"]);
    for (const p of parts) expect(readFileSync(join(folder, p)).length).toBeLessThanOrEqual(5 * 1024 * 1024);
    const validate = await tcgen(["validate", "--no-cache"], { cwd: dir });
    expect(validate.stderr).toBe("ok: specs is valid (1 services, 1400 actions)\n");

    const again = await tcgen(["import", "tencentcloud", "--api", "small.json", "--out", "specs"], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(["actions.yaml", "service.yaml", "types.yaml"]);
  });

  it("splitSpecFile: parts after the first keep only the service's name and version; one entry over the limit is refused", () => {
    const head = "# c\nspecVersion: 1\nservice:\n  name: s\n  version: \"2020-01-01\"\n  host: h\n  description: d\n";
    const text = `${head}errors:\n  A.B:\n    description: ${"a".repeat(40)}\n  C.D:\n    description: ${"c".repeat(40)}\n`;
    const split = splitSpecFile({ path: "s/v1/service.yaml", text }, head.length + 80);
    expect(split).toEqual({
      ok: true,
      files: [
        { path: "s/v1/service.yaml", text: `${head}errors:\n  A.B:\n    description: ${"a".repeat(40)}\n` },
        { path: "s/v1/service-2.yaml", text: `# c\nspecVersion: 1\nservice:\n  name: s\n  version: "2020-01-01"\nerrors:\n  C.D:\n    description: ${"c".repeat(40)}\n` },
      ],
    });
    expect(splitSpecFile({ path: "x.yaml", text }, head.length + 20)).toEqual({ ok: false, message: "x.yaml: the entry A.B alone is over the 0.0 MB limit of a spec file" });
  });

  const twoServices = (dir: string) =>
    tcgen(["import", "tencentcloud", "--api", "alpha.json", "beta.json", "--out", "specs"], { cwd: dir });
  const inputs = {
    "alpha.json": apiText({ service: "alpha", actions: { Get: [[], [out("Id", "string", "string")]] } }),
    "beta.json": apiText({ service: "beta", actions: { Get: [[], [out("Id", "string", "string")]] } }),
  };

  it.concurrent("a folder that cannot be made: nothing written, the errno said once", async () => {
    const dir = project({ ...inputs, "specs/keep.txt": "mine", "specs/beta": "a file where a folder must go" });
    const run = await twoServices(dir);
    expectClean(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^specs: cannot write the specs: ENOTDIR: not a directory, mkdir '.*beta\/v20200101'$/m);
    expect(run.stderr).not.toContain("ENOTDIR: ENOTDIR");
    expect(run.stderr).toContain("tcgen import: 1 problem(s); nothing written\n");
    expect(readdirSync(join(dir, "specs")).sort()).toEqual(["beta", "keep.txt"]);
  });

  it.concurrent("a failure half-way through the swap is undone: the previous files are back", async () => {
    const dir = project(inputs);
    expect((await twoServices(dir)).code).toBe(0);
    const before = readFileSync(join(dir, "specs", "alpha", "v20200101", "actions.yaml"), "utf8");
    writeFileSync(join(dir, "alpha.json"), apiText({ service: "alpha", actions: { Get: [[], [out("Name", "string", "string")]] } }));
    writeFileSync(join(dir, "beta.json"), apiText({ service: "beta", actions: { Put: [[], []] } }));
    const run = await tcgen(["import", "tencentcloud", "--api", "alpha.json", "beta.json", "--out", "specs"], { cwd: dir, env: { TCGEN_TEST_FAIL_AFTER_RENAMES: "1" } });
    expectClean(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("cannot write the specs: injected failure after 1 files");
    expect(readFileSync(join(dir, "specs", "alpha", "v20200101", "actions.yaml"), "utf8")).toBe(before);
    expect(readdirSync(join(dir, "specs")).sort()).toEqual(["alpha", "beta", "tencentcloud.yaml"]);
  });

  it.concurrent("a service folder that is a symlink out of --out is not written through", async () => {
    const dir = project({ ...inputs, "elsewhere/keep.txt": "mine" });
    mkdirSync(join(dir, "specs"));
    symlinkSync(join(dir, "elsewhere"), join(dir, "specs", "beta"));
    const run = await twoServices(dir);
    expectClean(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("specs: cannot write the specs: beta/v20200101 leads outside the specs folder (a symlink); nothing is written through it\n");
    expect(readdirSync(join(dir, "elsewhere"))).toEqual(["keep.txt"]);
    expect(readdirSync(join(dir, "specs"))).toEqual(["beta"]);
  });

  it.concurrent("a target that is a folder is never moved away", async () => {
    const dir = project(inputs);
    mkdirSync(join(dir, "specs", "beta", "v20200101", "actions.yaml"), { recursive: true });
    writeFileSync(join(dir, "specs", "beta", "v20200101", "actions.yaml", "mine.txt"), "mine");
    const run = await twoServices(dir);
    expectClean(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("actions.yaml exists and is not a regular file");
    expect(readFileSync(join(dir, "specs", "beta", "v20200101", "actions.yaml", "mine.txt"), "utf8")).toBe("mine");
    expect(existsSync(join(dir, "specs", "alpha"))).toBe(false);
  });
});

describe("JSON input: duplicate keys refused and shape errors located (class 14)", () => {
  const cases: [string, string, string[]][] = [
    [
      "a repeated top-level key",
      '{\n  "metadata": {"serviceShortName": "a", "apiVersion": "2020-01-01"},\n  "actions": {},\n  "objects": {},\n  "metadata": {"serviceShortName": "b", "apiVersion": "2020-01-01"}\n}\n',
      ['api.json:5:3: duplicate key "metadata" (at $.metadata)'],
    ],
    [
      "a repeated key deep inside, spelled with an escape",
      '{"metadata": {"serviceShortName": "a", "apiVersion": "2020-01-01"}, "actions": {}, "objects": {"X": {"members": [{"name": "A", "type": "string", "member": "string", "n\\u0061me": "B"}]}}}',
      ['api.json:1:166: duplicate key "name" (at $.objects.X.members[0].name)'],
    ],
    [
      "a member of the wrong type",
      '{\n  "metadata": {"serviceShortName": "a", "apiVersion": "2020-01-01"},\n  "actions": {},\n  "objects": {\n    "X": {"members": [\n      {"name": "A", "type": 5, "member": "string"}\n    ]}\n  }\n}\n',
      ["api.json:6:21: expected a non-empty string, found number 5 (at $.objects.X.members[0].type)"],
    ],
    [
      "a missing key is located at its parent",
      '{\n  "metadata": {"apiVersion": "2020-01-01"},\n  "actions": {},\n  "objects": {}\n}\n',
      ["api.json:2:3: expected the service's short name (a string), found nothing (at $.metadata.serviceShortName)"],
    ],
  ];
  it.concurrent.each(cases)("%s", async (_name, text, want) => {
    const dir = project({ "api.json": text });
    const run = await tcgen(["import", "tencentcloud", "--api", "api.json", "--out", "specs"], { cwd: dir });
    expectClean(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${want.join("\n")}\ntcgen import: ${want.length} problem(s); nothing written\n`);
  });

  it.concurrent("errors.json with a code listed twice under codes", async () => {
    const dir = project({
      "api.json": apiText({ actions: { Get: [[], []] } }),
      "errors.json": '{"service": "demo", "version": "2020-01-01", "codes": {"A.B": "x", "A.B": "y"}, "actions": {}}',
    });
    const run = await tcgen(["import", "tencentcloud", "--api", "api.json", "--errors", "errors.json", "--out", "specs"], { cwd: dir });
    expectClean(run);
    expect(run.stderr).toContain('errors.json:1:68: duplicate key "A.B" (at $.codes["A.B"])');
  });
});
