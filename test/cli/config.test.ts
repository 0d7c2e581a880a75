import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { usageLine } from "../../generator/cli/main.js";
import { loadConfig } from "../../generator/config.js";
import { formatDiagnostic } from "../../generator/diagnostics.js";

const root = mkdtempSync(join(tmpdir(), "tcgen-config-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
function project(files: Record<string, string>): string {
  const dir = join(root, `p${n++}`);
  mkdirSync(join(dir, "conf"), { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}
async function problems(cwd: string, explicit?: string): Promise<string[]> {
  const result = await loadConfig(cwd, explicit);
  return result.ok ? [] : result.diagnostics.map(formatDiagnostic);
}

describe("loadConfig", () => {
  it("has no settings when there is no config", async () => {
    const dir = project({ "package.json": '{"name":"x"}' });
    expect(await loadConfig(dir)).toEqual({ ok: true, config: { file: undefined } });
  });

  it("reads tcgen.config.yaml, paths relative to it", async () => {
    const dir = project({ "tcgen.config.yaml": "specs: api/specs\nout: ../client\n" });
    expect(await loadConfig(dir)).toEqual({
      ok: true,
      config: { file: join(dir, "tcgen.config.yaml"), specs: join(dir, "api", "specs"), out: join(root, "client") },
    });
  });

  it("reads the tcgen key of package.json", async () => {
    const dir = project({ "package.json": '{\n  "name": "x",\n  "tcgen": { "out": "gen" }\n}\n' });
    expect(await loadConfig(dir)).toEqual({ ok: true, config: { file: join(dir, "package.json"), out: join(dir, "gen") } });
  });

  it("reads --config relative to the config file's folder", async () => {
    const dir = project({ "conf/my.yaml": "specs: s\n" });
    const result = await loadConfig(dir, "conf/my.yaml");
    expect(result).toEqual({ ok: true, config: { file: join(dir, "conf", "my.yaml"), specs: join(dir, "conf", "s") } });
  });

  it("locates an unknown key and suggests the closest", async () => {
    const dir = project({ "tcgen.config.yaml": "# settings\nspecs: s\noutt: o\n" });
    expect(await problems(dir)).toEqual([
      'tcgen.config.yaml:3:1: unknown key "outt" (did you mean "out"?); known keys: specs, out (at outt)',
    ]);
    const pkg = project({ "package.json": '{\n  "tcgen": {\n    "spec": "s"\n  }\n}\n' });
    expect(await problems(pkg)).toEqual([
      'package.json:3:5: unknown key "spec" (did you mean "specs"?); known keys: specs, out (at tcgen.spec)',
    ]);
  });

  it("rejects values that are not paths, non-mappings and broken YAML", async () => {
    expect(await problems(project({ "tcgen.config.yaml": "specs: [a]\nout: ''\n" }))).toEqual([
      'tcgen.config.yaml:1:8: "specs" must be a non-empty path (a string) (at specs)',
      'tcgen.config.yaml:2:6: "out" must be a non-empty path (a string) (at out)',
    ]);
    expect(await problems(project({ "tcgen.config.yaml": "- specs\n" }))).toEqual([
      "tcgen.config.yaml:1:1: the configuration must be a mapping of keys (specs, out) to values",
    ]);
    const broken = await problems(project({ "tcgen.config.yaml": "specs: [unclosed\n" }));
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatch(/^tcgen\.config\.yaml:\d+:\d+: /);
  });

  it("refuses two configs and a missing --config file", async () => {
    const both = project({ "tcgen.config.yaml": "specs: a\n", "package.json": '{"tcgen":{"specs":"b"}}' });
    expect(await problems(both)).toEqual([
      'package.json: both tcgen.config.yaml and the "tcgen" key of package.json configure tcgen; keep one',
    ]);
    expect(await problems(project({}), "nope.yaml")).toEqual(["nope.yaml: config file not found"]);
  });
});

describe("usage errors", () => {
  it("turns commander's messages into one line", () => {
    expect(usageLine("error: unknown command 'genrate'\n(Did you mean generate?)")).toBe(
      'unknown command "genrate" (did you mean "generate"?)',
    );
    expect(usageLine("error: unknown option '--outt'\n(Did you mean --out?)")).toBe(
      'unknown option "--outt" (did you mean "--out"?)',
    );
    expect(usageLine("error: unknown option '--x'")).toBe('unknown option "--x"');
  });
});
