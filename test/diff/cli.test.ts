/**
 * `tcgen diff` driven as a user would (the built CLI, `node bin/tcgen.js diff …`) on spec folders in a
 * temp dir and in a temp git repository: exit codes of `--fail-on`, located diagnostics for invalid
 * specs on either side, `--base <git-ref>`, refused refs. Needs `npm run build`.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../import/corpus.js";
import { baseSpecs, specTexts, writeSpecs, type SpecPair } from "./specs.js";

const bin = join(repoRoot, "bin", "tcgen.js");
const root = mkdtempSync(join(tmpdir(), "tcgen-diff-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function tcgen(args: readonly string[], cwd: string): Promise<Run> {
  const env = { ...process.env, NO_COLOR: "1" };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

let n = 0;
/** A folder with `old/` = the base specs and `new/` = the base specs after `edit`. */
function pair(edit: (s: SpecPair) => void): string {
  const dir = join(root, `pair-${n++}`);
  writeSpecs(join(dir, "old"), specTexts(baseSpecs()));
  const after = baseSpecs();
  edit(after);
  writeSpecs(join(dir, "new"), specTexts(after));
  return dir;
}

const addCode = (s: SpecPair) => void s.service["actions"].DescribeInstances.errors.push("ResourceNotFound.Instance");
const removeAction = (s: SpecPair) => void delete s.service["actions"].RunInstances;
const redescribe = (s: SpecPair) => void (s.service["actions"].DescribeInstances.description = "Other.");

describe("tcgen diff <old> <new>", () => {
  it.each([
    ["no --fail-on: exit 0", removeAction, [], 0],
    ["run time change, --fail-on runtime: exit 1", removeAction, ["--fail-on", "runtime"], 1],
    ["compile-only change, --fail-on runtime: exit 0", addCode, ["--fail-on", "runtime"], 0],
    ["compile-only change, --fail-on compile: exit 1", addCode, ["--fail-on", "compile"], 1],
    ["documentation, --fail-on compile: exit 0", redescribe, ["--fail-on", "compile"], 0],
    ["documentation, --fail-on any: exit 1", redescribe, ["--fail-on", "any"], 1],
    ["nothing, --fail-on any: exit 0", () => {}, ["--fail-on", "any"], 0],
  ] as const)("%s", async (_name, edit, flags, code) => {
    const dir = pair(edit);
    const r = await tcgen(["diff", "old", "new", ...flags], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(code);
  });

  it("prints the human report on stdout", async () => {
    const r = await tcgen(["diff", "old", "new"], pair(addCode));
    expect(r.stdout.split("\n").slice(0, 5)).toEqual([
      "tcgen diff: old → new",
      "",
      "Breaking changes (1): 0 at run time, 1 at compile time only",
      "cvm 2017-03-12",
      "  action DescribeInstances",
    ]);
    expect(r.stdout).toMatch(/\(new\/cvm\/cvm\.yaml:\d+:3\)\n\nverdict: major: 1 change breaks code/);
  });

  it("--format json is the documented document", async () => {
    const r = await tcgen(["diff", "old", "new", "--format", "json", "--fail-on", "compile"], pair(addCode));
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { version: number; old: string; new: string; summary: unknown; changes: { kind: string }[] };
    expect([doc.version, doc.old, doc.new, doc.summary]).toEqual([1, "old", "new", { runtime: 0, compile: 1, compatible: 0, failing: 1 }]);
    expect(doc.changes.map((c) => c.kind)).toEqual(["action-code-added"]);
  });

  it("sees the overlaid models: a field an overlay made optional or nullable is reported as such", async () => {
    const dir = pair(() => {});
    const overlay = [
      "specVersion: 1",
      "overlay: { service: cvm, version: \"2017-03-12\" }",
      "types:",
      "  Tag:",
      "    fields:",
      "      Key: { optional: true }",
      "actions:",
      "  DescribeInstances:",
      "    response:",
      "      TotalCount: { nullable: true }",
      "",
    ].join("\n");
    writeFileSync(join(dir, "new", "cvm", "fixes.overlay.yaml"), overlay);
    const r = await tcgen(["diff", "old", "new", "--format", "json"], dir);
    expect(r.stderr).toBe("");
    const doc = JSON.parse(r.stdout) as { changes: { kind: string; level: string; type?: string; action?: string; field: string; location: { file: string } }[] };
    // A patched field keeps its location in the service file (the overlay module's choice; a field an overlay adds is located there).
    expect(doc.changes.map((c) => [c.kind, c.level, c.type ?? c.action, c.field, c.location.file])).toEqual([
      ["response-field-became-nullable", "runtime", "DescribeInstances", "TotalCount", "cvm/cvm.yaml"],
      ["response-field-became-optional", "runtime", "Tag", "Key", "cvm/cvm.yaml"],
      ["request-field-became-optional", "compatible", "Tag", "Key", "cvm/cvm.yaml"],
    ]);
    // The overlay on the old side only: the reverse changes.
    const back = await tcgen(["diff", "new", "old", "--format", "json"], dir);
    const kinds = (JSON.parse(back.stdout) as { changes: { kind: string }[] }).changes.map((c) => c.kind);
    expect(kinds).toEqual(["request-field-became-required", "response-field-became-non-nullable", "response-field-became-required"]);
  });

  it("invalid specs on either side: located diagnostics, exit 2, no report", async () => {
    const dir = pair(() => {});
    writeFileSync(join(dir, "old", "cvm", "cvm.yaml"), "specVersion: 1\nservice:\n  name: cvm\n  version: \"2017-03-12\"\nactions:\n  X:\n    requets: {}\n");
    writeFileSync(join(dir, "new", "cvm", "cvm.yaml"), "specVersion: 1\nservice: [\n");
    const r = await tcgen(["diff", "old", "new"], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines[0]).toBe('old/cvm/cvm.yaml:7:5: unknown key "requets" (did you mean "request"?) (at actions.X.requets)');
    expect(lines).toContain("tcgen: 1 problem in the old specs (old)");
    expect(lines.some((l) => l.startsWith("new/cvm/cvm.yaml:"))).toBe(true);
    expect(lines.at(-1)).toBe("tcgen: nothing compared");
  });

  it.each([
    [["diff", "old"], "tcgen: give two specs folders (tcgen diff <old> <new>) or --base <git-ref> (see tcgen diff --help)"],
    [["diff", "old", "missing"], "tcgen: specs folder not found: missing"],
    [["diff", "old", "new", "--specs", "new"], "tcgen: --specs goes with --base; give the two folders as arguments (see tcgen diff --help)"],
    [["diff", "old", "new", "--fail-on", "warn"], 'tcgen: option "--fail-on <level>" argument "warn" is invalid. Allowed choices are runtime, compile, any (see tcgen --help)'],
  ])("usage errors exit 2: %j", async (args, message) => {
    const r = await tcgen(args, pair(() => {}));
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(message);
  });
});

describe("tcgen diff --base <git-ref>", () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], { cwd, stdio: "pipe" });
  function repo(): string {
    const dir = join(root, `repo-${n++}`);
    writeSpecs(join(dir, "api", "specs"), specTexts(baseSpecs()));
    git(root, "init", "-q", dir);
    git(dir, "add", ".");
    git(dir, "commit", "-qm", "specs");
    return dir;
  }

  it("compares the specs folder at the revision with the working tree; github annotations on the spec lines", async () => {
    const dir = repo();
    const after = baseSpecs();
    removeAction(after);
    writeSpecs(join(dir, "api", "specs"), specTexts(after));
    const r = await tcgen(["diff", "--base", "HEAD", "--specs", "api/specs", "--fail-on", "runtime", "--format", "github"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n")[0]).toBe(
      "::error file=api/specs/cvm/cvm.yaml,line=2,col=1,title=action-removed (breaks at run time)::action RunInstances was removed: calls to it no longer compile and the API rejects them",
    );
  });

  it("works from a sub-folder, and the same tree is no change", async () => {
    const dir = repo();
    const r = await tcgen(["diff", "--base", "HEAD", "--specs", "specs", "--fail-on", "any"], join(dir, "api"));
    expect([r.code, r.stderr, r.stdout]).toEqual([0, "", "tcgen diff: HEAD:specs → specs\n\nverdict: none: no change to the API\n"]);
  });

  it("invalid specs at the revision: diagnostics located as <ref>:<folder>/<file>", async () => {
    const dir = repo();
    writeFileSync(join(dir, "api", "specs", "cvm", "cvm.yaml"), "specVersion: 1\nservice: [\n");
    git(dir, "commit", "-qam", "broken");
    writeSpecs(join(dir, "api", "specs"), specTexts(baseSpecs()));
    const r = await tcgen(["diff", "--base", "HEAD", "--specs", "api/specs"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^HEAD:api\/specs\/cvm\/cvm\.yaml:\d+:\d+: /);
  });

  it.each([
    ["--base=-c", 'tcgen: refusing the git ref "-c": it starts with "-"'],
    ["--base=no-such-ref", 'tcgen: unknown git revision "no-such-ref"'],
  ])("%s exits 2", async (flag, message) => {
    const r = await tcgen(["diff", flag, "--specs", "api/specs"], repo());
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([message, "tcgen: nothing compared"]);
  });

  it("refuses two folders together with --base", async () => {
    const r = await tcgen(["diff", "a", "b", "--base", "HEAD"], repo());
    expect([r.code, r.stderr.trim()]).toEqual([2, "tcgen: give either two specs folders or --base <git-ref>, not both (see tcgen diff --help)"]);
  });
});
