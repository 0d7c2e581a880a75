/**
 * Defect class 11: every untrusted string printed for a human goes through one escaping function
 * (generator/printable.ts), so a newline, ESC or other control character in a spec, a file name, a
 * reply file or an api.json cannot forge a line or act on the terminal; and generated `.js`/`.d.ts`
 * text holds no NUL, ESC or other control character (git would call the file binary).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { printable, printableLines } from "../../generator/printable.js";
import { PACKAGE, service } from "../load/helpers.js";
import { apiText, out } from "../import/fixtures.js";
import { expectClean, RAW_CONTROL, scratch, tcgen, validSpecs } from "./cli.js";

const { project } = scratch("escape");

/** Hostile text: a forged success line, a screen clear, a C1 CSI, a bidi override, NUL. */
const EVIL = "x\nok: specs is valid\u001b[2J\u009b31m\u202eevil\u0000";

describe("printable", () => {
  it.each([
    ["plain text", "DescribeInstances #1", "DescribeInstances #1"],
    ["newline and ESC", "a\nb\u001b[2J", "a\\u000ab\\u001b[2J"],
    ["C1, DEL, NUL", "\u009b\u007f\u0000", "\\u009b\\u007f\\u0000"],
    ["line separators and bidi overrides", "\u2028\u2029\u202e\u2066", "\\u2028\\u2029\\u202e\\u2066"],
    ["a backslash is kept (so escaping twice is escaping once)", "C:\\dir \\u001b", "C:\\dir \\u001b"],
  ])("%s", (_name, input, want) => {
    expect(printable(input)).toBe(want);
    expect(printable(printable(input))).toBe(want);
  });
  it("printableLines keeps line breaks and tabs, escapes the rest", () => {
    expect(printableLines("a\tb\nc\u001bd")).toBe("a\tb\nc\\u001bd");
  });
});

describe("CLI output with hostile input holds no raw control character", () => {
  it.concurrent("keys and values of a spec (diagnostics)", async () => {
    const key = JSON.stringify(EVIL);
    const dir = project({ "specs/package.yaml": PACKAGE, "specs/demo.yaml": service(`${key}: 1\ntypes:\n  T:\n    fields:\n      A: ${key}\n`) });
    const run = await tcgen(["validate", "--no-cache"], { cwd: dir });
    expectClean(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('specs/demo.yaml:5:1: unknown key "x\\nok: specs is valid\\u001b[2J\\u009b31m\\u202eevil\\u0000"');
    expect(run.stderr.split("\n").filter((l) => l.startsWith("ok:"))).toEqual([]);
  });

  it.concurrent("a spec file's name", async () => {
    const dir = project({ ...validSpecs(), "specs/a\u001b[2J\nb.yaml": "specVersion: 2\n" });
    const run = await tcgen(["validate", "--no-cache"], { cwd: dir });
    expectClean(run);
    expect(run.stderr).toContain("specs/a\\u001b[2J\\u000ab.yaml:1:1: cannot tell the kind of this file");
  });

  it.concurrent("check's diff of a hand-edited file and its file lists", async () => {
    const dir = project(validSpecs());
    expect((await tcgen(["generate"], { cwd: dir })).code).toBe(0);
    const file = join(dir, "generated", "demo", "errors.js");
    writeFileSync(file, readFileSync(file, "utf8").replace("\n", `\n// ${EVIL}\n`));
    writeFileSync(join(dir, "generated", `notes\u001b[2J.txt`), "x");
    for (const format of ["human", "github"]) {
      const run = await tcgen(["check", "--format", format], { cwd: dir });
      expectClean(run);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("generated/notes\\u001b[2J.txt");
    }
  });

  it.concurrent("verify's report: action names, titles and paths from a reply file", async () => {
    const dir = project(validSpecs());
    const reply = (action: string, extra: Record<string, unknown>) => JSON.stringify({ action, title: EVIL, reply: { Response: { RequestId: "r", Id: "i", ...extra } } });
    writeFileSync(join(dir, "replies.jsonl"), [reply(`Get${EVIL}`, {}), reply("Get", { [EVIL]: 1 }), reply("Get", { Id: EVIL })].join("\n"));
    const run = await tcgen(["verify", "--specs", "specs", "--service", "demo", "replies.jsonl"], { cwd: dir });
    expectClean(run);
    expect(run.code).toBe(1);
    const lines = run.stdout.split("\n");
    expect(lines.filter((l) => l === "no drift" || l.startsWith("ok"))).toEqual([]);
    expect(lines[0]).toMatch(/^replies\.jsonl:1: Getx\\u000aok: specs is valid\\u001b\[2J/);
  });

  it.concurrent("names printed by import", async () => {
    const dir = project({ "api.json": apiText({ actions: { [`Get${EVIL}`]: [[], [out("Id", "string", "string")]] } }) });
    const run = await tcgen(["import", "tencentcloud", "--api", "api.json", "--out", "specs"], { cwd: dir });
    expectClean(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('action name "Getx\\u000aok: specs is valid\\u001b[2J\\u009b31m\\u202eevil\\u0000" is not an identifier');
  });
});

describe("generated code holds no control character", () => {
  it("descriptions, examples, wire names and enum values with NUL, ESC, DEL and C1 controls", async () => {
    const evil = JSON.stringify(`a\u0000b\u001b[2Jc\u007fd\u009be\u0007`);
    const dir = project({
      "specs/package.yaml": PACKAGE,
      "specs/demo.yaml": service(
        `actions:\n  Get:\n    description: ${evil}\n    response:\n      ${evil}: { type: string, description: ${evil}, example: ${evil} }\n      E: { type: string, enum: [${evil}, plain] }\n`,
        "demo",
      ),
    });
    const run = await tcgen(["generate", "--no-cache"], { cwd: dir });
    expectClean(run);
    expect(run.code, run.stderr).toBe(0);
    const files = readdirSync(join(dir, "generated"), { recursive: true, encoding: "utf8" }).filter((f) => /\.(js|ts)$/.test(f));
    const offenders = files.filter((f) => RAW_CONTROL.test(readFileSync(join(dir, "generated", f), "utf8")));
    expect(offenders).toEqual([]);
    expect(readFileSync(join(dir, "generated", "demo", "types.d.ts"), "utf8")).toContain("a\\u0000b\\u001b[2Jc\\u007fd\\u009be\\u0007");
  });
});
