/** runImport and the CLI command: pairing, package file, all-or-nothing writes, idempotence. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { importCommand, runTencentCloudImport } from "../../generator/import/command.js";
import { runImport, schemaPathFor } from "../../generator/import/run.js";
import { TENCENT_COMMON_CODES, tencentDefaultsFile } from "../../generator/import/tencentcloud/index.js";
import { CORPUS_SERVICES, corpusPath, hasCorpus, repoRoot } from "./corpus.js";
import { apiText, errorsText, out } from "./fixtures.js";

const scratch = mkdtempSync(join(tmpdir(), "tcgen-import-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;
function freshDir(): string {
  const dir = join(scratch, `case${++counter}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}
function write(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
function listFiles(dir: string): string[] {
  const outFiles: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else outFiles.push(relative(dir, join(d, e.name)).split("\\").join("/"));
    }
  };
  walk(dir);
  return outFiles.sort();
}

const demoApi = (service: string, version = "2020-01-01"): string =>
  apiText({ service, version, actions: { Get: [[], [out("Id", "string", "string")]] } });

describe("tencentDefaultsFile", () => {
  it("is the shipped package file, and its common codes are the importer's list", () => {
    const d = tencentDefaultsFile();
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.file.path).toBe("tencentcloud.yaml");
    const doc = parse(d.file.text) as { package: unknown; commonErrors: Record<string, unknown> };
    expect(doc.package).toBeDefined();
    expect(Object.keys(doc.commonErrors).sort()).toEqual([...TENCENT_COMMON_CODES].sort());
    expect(TENCENT_COMMON_CODES).toHaveLength(38);
  });
});

describe("runImport", () => {
  it("writes every service plus the package file, pairing errors.json by service and version", async () => {
    const input = freshDir();
    const outDir = join(freshDir(), "specs");
    const a = write(input, "a.json", demoApi("alpha"));
    const b = write(input, "b.json", demoApi("beta", "2021-02-03"));
    const eb = write(input, "eb.json", errorsText({ Get: ["Beta.Bad"] }, { "Beta.Bad": "bad" }, "beta", "2021-02-03"));
    const r = await runImport({ apiPath: [a, b], errorsPath: [eb], outDir });
    expect(r).toMatchObject({ ok: true, services: 2, actions: 2, types: 0, codes: 1, packageFileAdded: true });
    expect(listFiles(outDir)).toEqual([
      "alpha/v20200101/actions.yaml",
      "alpha/v20200101/service.yaml",
      "alpha/v20200101/types.yaml",
      "beta/v20210203/actions.yaml",
      "beta/v20210203/service.yaml",
      "beta/v20210203/types.yaml",
      "tencentcloud.yaml",
    ]);
    const pkg = readFileSync(join(outDir, "tencentcloud.yaml"), "utf8");
    expect(pkg.split("\n")[0]).toBe("# yaml-language-server: $schema=../node_modules/tcgen/schema/spec.schema.json");
    const betaActions = parse(readFileSync(join(outDir, "beta/v20210203/actions.yaml"), "utf8")) as { actions: Record<string, { errors?: string[] }> };
    expect(betaActions.actions["Get"]?.errors).toEqual(["Beta.Bad"]);

    const again = await runImport({ apiPath: [a, b], errorsPath: [eb], outDir });
    expect(again).toMatchObject({ ok: true, written: [], packageFileAdded: false });
  });

  it("uses an existing package file's common codes and does not add another", async () => {
    const input = freshDir();
    const outDir = freshDir();
    write(outDir, "mine.yml", "specVersion: 1\npackage:\n  name: x\n  version: 1.0.0\ncommonErrors:\n  Throttled:\n    description: slow down\n");
    const a = write(input, "a.json", demoApi("alpha"));
    const e = write(input, "e.json", errorsText({ Get: ["Throttled", "InternalError"] }, { Throttled: "t", InternalError: "i" }, "alpha"));
    const r = await runImport({ apiPath: a, errorsPath: e, outDir });
    expect(r).toMatchObject({ ok: true, packageFileAdded: false, codes: 1 });
    expect(listFiles(outDir)).not.toContain("tencentcloud.yaml");
    const service = parse(readFileSync(join(outDir, "alpha/v20200101/service.yaml"), "utf8")) as { errors: Record<string, unknown> };
    expect(Object.keys(service.errors)).toEqual(["InternalError"]);
  });

  it("pairs errors.json without service/version by position", async () => {
    const input = freshDir();
    const outDir = freshDir();
    const a = write(input, "a.json", demoApi("alpha"));
    const e = write(input, "e.json", JSON.stringify({ codes: { Oops: "o" }, actions: { Get: ["Oops"] } }));
    expect(await runImport({ apiPath: [a], errorsPath: [e], outDir })).toMatchObject({ ok: true, codes: 1 });
  });

  it("writes nothing when any input is bad, and reports every problem sorted", async () => {
    const input = freshDir();
    const outDir = join(freshDir(), "never");
    const a = write(input, "a.json", demoApi("alpha"));
    const dup = write(input, "dup.json", demoApi("alpha"));
    const bad = write(input, "bad.json", '{"actions": {');
    const orphan = write(input, "orphan.json", errorsText({}, {}, "gamma"));
    const missing = join(input, "missing.json");
    const r = await runImport({ apiPath: [a, dup, bad, missing], errorsPath: [orphan], outDir });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => [relative(input, d.file), d.path, d.message.replace(/ENOENT.*/, "ENOENT")])).toEqual([
      ["bad.json", "$", "not valid JSON: unexpected end of the text (is the file truncated?)"],
      ["missing.json", "", "cannot read the file: ENOENT"],
    ]);
    const r2 = await runImport({ apiPath: [a, dup], errorsPath: [orphan], outDir });
    expect(!r2.ok && r2.diagnostics.map((d) => [relative(input, d.file), d.path, d.message])).toEqual([
      ["orphan.json", "$.service", 'no api.json given for service "gamma" version "2020-01-01"'],
    ]);
    const r3 = await runImport({ apiPath: [a, dup], outDir });
    expect(!r3.ok && r3.diagnostics.map((d) => [relative(input, d.file), d.path, d.message])).toEqual([
      ["dup.json", "$.metadata", `defines service alpha version 2020-01-01 again (also defined by ${a})`],
    ]);
    expect(() => readdirSync(outDir)).toThrow();
  });

  it("points $schema at the nearest node_modules/tcgen, tcgen's own schema inside tcgen, else the default", () => {
    const project = freshDir();
    mkdirSync(join(project, "node_modules/tcgen/schema"), { recursive: true });
    writeFileSync(join(project, "node_modules/tcgen/schema/spec.schema.json"), "{}");
    expect(schemaPathFor(join(project, "api/specs"))).toBe("../../node_modules/tcgen/schema/spec.schema.json");
    expect(schemaPathFor(join(repoRoot, "specs"))).toBe("../schema/spec.schema.json");
    expect(schemaPathFor(join(freshDir(), "specs"))).toBe("../node_modules/tcgen/schema/spec.schema.json");
  });
});

describe("tcgen import tencentcloud", () => {
  it("prints a summary and returns 0; prints diagnostics and returns 2", async () => {
    const input = freshDir();
    const outDir = freshDir();
    const a = write(input, "a.json", demoApi("alpha"));
    const lines: string[] = [];
    const errs: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => errs.push(l) };
    expect(await runTencentCloudImport({ api: [a], out: outDir }, io)).toBe(0);
    expect(lines).toEqual([`imported 1 service: 1 action, 0 types, 0 service codes → ${outDir} (4 of 4 files changed, package file tencentcloud.yaml added)`]);
    expect(errs).toEqual([
      `warning: ${a}: no errors.json given for alpha 2020-01-01: every action will have only the common codes (give --errors to import each action's own codes)`,
    ]);
    errs.length = 0;
    const bad = write(input, "bad.json", "[]");
    expect(await runTencentCloudImport({ api: [bad], out: outDir }, io)).toBe(2);
    expect(errs).toEqual([
      `${bad}:1:1: expected a JSON object (an api.json has the keys actions, metadata, objects and version) (at $)`,
      "tcgen import: 1 problem(s); nothing written",
    ]);
  });

  it("parses repeated and variadic --api/--errors and sets the exit code", async () => {
    const input = freshDir();
    const outDir = freshDir();
    const a = write(input, "a.json", demoApi("alpha"));
    const b = write(input, "b.json", demoApi("beta"));
    const writes = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      await importCommand().parseAsync(["tencentcloud", "--api", a, "--api", b, "--out", outDir], { from: "user" });
      expect(process.exitCode).toBe(0);
      expect(String(writes.mock.calls[0]?.[0])).toMatch(/^imported 2 services: 2 actions/);
    } finally {
      writes.mockRestore();
      process.exitCode = 0;
    }
  });

  it("counts services and versions apart: two versions of one service are 1 service, 2 versions", async () => {
    const input = freshDir();
    const outDir = freshDir();
    const a = write(input, "a.json", demoApi("tke", "2018-05-25"));
    const b = write(input, "b.json", demoApi("tke", "2022-05-01"));
    const writes = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      await importCommand().parseAsync(["tencentcloud", "--api", a, "--api", b, "--out", outDir], { from: "user" });
      expect(process.exitCode).toBe(0);
      expect(String(writes.mock.calls[0]?.[0])).toMatch(/^imported 1 service, 2 versions: 2 actions/);
    } finally {
      writes.mockRestore();
      process.exitCode = 0;
    }
  });
});

describe.skipIf(!hasCorpus)("runImport over the corpus", () => {
  it("imports all corpus services in one run, errors paired by their fields", async () => {
    const outDir = freshDir();
    const apis = CORPUS_SERVICES.map((s) => corpusPath(s.svc, s.folder, "api.json"));
    const errors = [...CORPUS_SERVICES].reverse().map((s) => corpusPath(s.svc, s.folder, "errors.json"));
    const r = await runImport({ apiPath: apis, errorsPath: errors, outDir });
    expect(r).toMatchObject({ ok: true, services: 3, actions: 106 + 61 + 7 });
    const before = listFiles(outDir).map((f) => readFileSync(join(outDir, f), "utf8"));
    const again = await runImport({ apiPath: apis, errorsPath: errors, outDir });
    expect(again).toMatchObject({ ok: true, written: [] });
    expect(listFiles(outDir).map((f) => readFileSync(join(outDir, f), "utf8"))).toEqual(before);
  });
});
