/** `tcgen verify` over hand-made JSON Lines replies: every verdict kind, paths, exit codes, bad usage. */
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFromDir } from "../../generator/pipeline.js";
import { loadModel } from "../../generator/model/index.js";
import { verifyCommand, runVerify } from "../../generator/verify/command.js";
import { readRecordedReplies } from "../../generator/verify/inputs.js";
import { parserModuleFiles } from "../../generator/verify/parsers-module.js";
import { runVerification, type Verdict } from "../../generator/verify/verify.js";
import { capture, DEMO_SERVICE, DEMO_SERVICE_V2, jsonl, scratchDir, specsDir, writeTree } from "./fixtures.js";

const scratch = scratchDir("tcgen-verify-");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const specs = specsDir(join(scratch, "specs"), { "demo/service.yaml": DEMO_SERVICE });
const zone = { Name: "ap-1", State: "AVAILABLE", Note: null };
const ok = (fields: Record<string, unknown>): unknown => ({ Response: { ...fields, RequestId: "req-1" } });
const apiError = (code: string): unknown => ({ Response: { Error: { Code: code, Message: "m" }, RequestId: "req-2" } });

/** One reply per case: [title, action, reply, expected verdict fields]. */
const CASES: ReadonlyArray<readonly [string, string, unknown, Partial<Verdict>]> = [
  ["success", "DescribeZones", ok({ TotalCount: 1, ZoneSet: [zone] }), { verdict: "conforming success", drift: false }],
  ["success, no fields", "Ping", ok({}), { verdict: "conforming success", drift: false }],
  ["own code", "DescribeZones", apiError("InvalidZone.NotFound"), { verdict: "conforming API error", drift: false, code: "InvalidZone.NotFound" }],
  ["common code", "Ping", apiError("AuthFailure.SignatureFailure"), { verdict: "conforming API error", drift: false, code: "AuthFailure.SignatureFailure" }],
  [
    "code of another action",
    "Ping",
    apiError("InvalidZone.NotFound"),
    { verdict: "unknown error code", drift: true, path: "$.Response.Error.Code", found: '"InvalidZone.NotFound"', code: "InvalidZone.NotFound" },
  ],
  ["made-up code", "DescribeZones", apiError("Made.Up"), { verdict: "unknown error code", drift: true, code: "Made.Up" }],
  [
    "missing total",
    "DescribeZones",
    ok({ ZoneSet: [] }),
    { verdict: "missing required field", drift: true, path: "$.Response.TotalCount", expected: "integer (int64)", found: "absent" },
  ],
  [
    "missing nested",
    "DescribeZones",
    ok({ TotalCount: 1, ZoneSet: [zone, { Name: "b", Note: "x" }] }),
    { verdict: "missing required field", drift: true, path: "$.Response.ZoneSet[1].State", found: "absent" },
  ],
  [
    "null name",
    "DescribeZones",
    ok({ TotalCount: 1, ZoneSet: [{ ...zone, Name: null }] }),
    { verdict: "null where not nullable", drift: true, path: "$.Response.ZoneSet[0].Name", expected: "string", found: "null" },
  ],
  [
    "count as text",
    "DescribeZones",
    ok({ TotalCount: "1", ZoneSet: [] }),
    { verdict: "wrong type", drift: true, path: "$.Response.TotalCount", expected: "integer (int64)", found: "a string" },
  ],
  [
    "state not in enum",
    "DescribeZones",
    ok({ TotalCount: 1, ZoneSet: [{ ...zone, State: "GONE" }] }),
    { verdict: "wrong type", drift: true, path: "$.Response.ZoneSet[0].State", expected: 'one of "AVAILABLE" | "UNAVAILABLE"', found: 'the string "GONE"' },
  ],
  [
    "tags element",
    "DescribeZones",
    ok({ TotalCount: 1, ZoneSet: [{ ...zone, Tags: ["a", 7] }] }),
    { verdict: "wrong type", drift: true, path: "$.Response.ZoneSet[0].Tags[1]", expected: "string", found: "a number" },
  ],
  [
    "newer server",
    "DescribeZones",
    ok({ TotalCount: 1, ZoneSet: [{ ...zone, Region: "r" }], NextToken: "t" }),
    { verdict: "unknown field", drift: false, unknownFields: ["$.Response.NextToken", "$.Response.ZoneSet[0].Region"] },
  ],
  ["sse stream", "DescribeZones", 'id: 1\ndata: {"Response": {}}\n\n', { verdict: "not JSON", drift: true, path: "$", expected: "JSON text" }],
  ["bad escape", "Ping", '{"Response": {"RequestId": "r", "Text": "a\\`b"}}', { verdict: "not JSON", drift: true, path: "$", expected: "JSON text" }],
  ["no wrapper", "Ping", { RequestId: "r" }, { verdict: "not an envelope", drift: true, path: "$.Response", expected: "an object", found: "absent" }],
  ["array", "Ping", [1], { verdict: "not an envelope", drift: true, path: "$", expected: "an object", found: "an array" }],
  ["no request id", "DescribeZones", { Response: { TotalCount: 0, ZoneSet: [] } }, { verdict: "not an envelope", drift: true, path: "$.Response.RequestId", found: "absent" }],
  ["numeric code", "Ping", { Response: { Error: { Code: 5 }, RequestId: "r" } }, { verdict: "not an envelope", drift: true, path: "$.Response.Error.Code", found: "a number" }],
  ["no such action", "DescribeNothing", ok({}), { verdict: "unknown action", drift: true, found: '"DescribeNothing"' }],
  [
    "zero datetime",
    "DescribeZones",
    ok({ TotalCount: 1, ZoneSet: [{ ...zone, Created: "0000-00-00 00:00:00" }] }),
    {
      verdict: "format deviation",
      drift: true,
      reason: "format",
      path: "$.Response.ZoneSet[0].Created",
      expected: "datetime (YYYY-MM-DD hh:mm:ss)",
      found: 'the string "0000-00-00 00:00:00"',
    },
  ],
  [
    "new kind",
    "DescribeZones",
    ok({ TotalCount: 1, ZoneSet: [{ ...zone, Kind: "HUGE" }] }),
    { verdict: "unknown enum value", drift: false, reason: "open-enum", path: "$.Response.ZoneSet[0].Kind", found: 'the string "HUGE"' },
  ],
  [
    "size beyond 2^53",
    "DescribeZones",
    ok({ TotalCount: 1, ZoneSet: [], Size: 18446744073709551615 }),
    { verdict: "int64 precision loss", drift: true, reason: "int64-precision", path: "$.Response.Size" },
  ],
  [
    "two problems",
    "DescribeZones",
    ok({ TotalCount: 1, ZoneSet: [{ ...zone, Name: null, State: 5 }] }),
    {
      verdict: "null where not nullable",
      drift: true,
      reason: "null",
      path: "$.Response.ZoneSet[0].Name",
      issues: [
        { path: "$.Response.ZoneSet[0].Name", reason: "null", expected: "string", found: "null" },
        { path: "$.Response.ZoneSet[0].State", reason: "type", expected: 'one of "AVAILABLE" | "UNAVAILABLE"', found: "a number" },
      ],
    },
  ],
];

const allFile = writeTree(join(scratch, "in"), { "all.jsonl": jsonl(CASES.map(([title, action, reply]) => ({ title, action, reply }))) });
const allPath = join(allFile, "all.jsonl");

describe("verdicts of hand-made replies", () => {
  let verdicts: readonly Verdict[] = [];
  beforeAll(async () => {
    const run = await runVerification({ specsDir: specs, service: "demo", files: [allPath] });
    if (!run.ok) throw new Error(run.problems.join("\n"));
    verdicts = run.verdicts;
  });

  it("gives every reply one verdict, in file order, with its line and per-action index", () => {
    expect(verdicts.map((v) => v.title)).toEqual(CASES.map((c) => c[0]));
    expect(verdicts.map((v) => v.line)).toEqual(CASES.map((_, i) => i + 1));
    expect(verdicts.filter((v) => v.action === "Ping").map((v) => v.index)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  for (const [i, [title, , , expected]] of CASES.entries()) {
    it(`${title}: ${expected.verdict}`, () => {
      expect(verdicts[i]).toMatchObject(expected);
      if (expected.verdict !== "unknown field") expect(verdicts[i]?.unknownFields).toBeUndefined();
    });
  }

  it("prints one human line per reply and a summary; exit 1 on drift", async () => {
    const c = capture();
    const code = await runVerify([allPath], { specs, service: "demo" }, c.io);
    expect(code).toBe(1);
    expect(c.err).toEqual([]);
    expect(c.out[0]).toBe(`${allPath}:1: DescribeZones #1 "success": conforming success`);
    expect(c.out[2]).toBe(`${allPath}:3: DescribeZones #2 "own code": conforming API error (InvalidZone.NotFound)`);
    expect(c.out[6]).toBe(
      `${allPath}:7: DescribeZones #4 "missing total": missing required field [missing] at $.Response.TotalCount: expected integer (int64), found absent`,
    );
    expect(c.out[20]).toBe(
      `${allPath}:21: DescribeZones #13 "zero datetime": format deviation [format] at $.Response.ZoneSet[0].Created: expected datetime (YYYY-MM-DD hh:mm:ss), found the string "0000-00-00 00:00:00"`,
    );
    expect(c.out[21]).toBe(
      `${allPath}:22: DescribeZones #14 "new kind": unknown enum value [open-enum] (not drift) at $.Response.ZoneSet[0].Kind: expected one of "LARGE" | "SMALL" (or another string), found the string "HUGE"`,
    );
    expect(c.out[23]).toBe(
      `${allPath}:24: DescribeZones #16 "two problems": null where not nullable [null] at $.Response.ZoneSet[0].Name: expected string, found null (and 1 more: type)`,
    );
    expect(c.out[12]).toBe(
      `${allPath}:13: DescribeZones #10 "newer server": unknown field (not drift) at $.Response.NextToken, $.Response.ZoneSet[0].Region`,
    );
    expect(c.out.slice(CASES.length)).toEqual([
      "",
      "24 replies checked against demo 2020-01-01:",
      "  2  conforming success",
      "  1  format deviation (drift)",
      "  1  int64 precision loss (drift)",
      "  1  unknown enum value",
      "  1  unknown field",
      "  2  conforming API error",
      "  2  unknown error code (drift)",
      "  2  missing required field (drift)",
      "  2  null where not nullable (drift)",
      "  3  wrong type (drift)",
      "  2  not JSON (drift)",
      "  4  not an envelope (drift)",
      "  1  unknown action (drift)",
      "drift: 18 replies disagree with the specs",
    ]);
  });

  it("--format json: verdict objects and a summary", async () => {
    const c = capture();
    const code = await runVerify([allPath], { specs, service: "demo", format: "json" }, c.io);
    expect(code).toBe(1);
    const report = JSON.parse(c.out.join("\n")) as { service: unknown; verdicts: Array<Record<string, unknown>>; summary: Record<string, unknown> };
    expect(report.service).toEqual({ name: "demo", version: "2020-01-01", moduleDir: "demo" });
    expect(report.verdicts).toHaveLength(CASES.length);
    expect(report.verdicts[6]).toEqual({
      file: allPath,
      action: "DescribeZones",
      index: 4,
      title: "missing total",
      line: 7,
      verdict: "missing required field",
      drift: true,
      reason: "missing",
      path: "$.Response.TotalCount",
      expected: "integer (int64)",
      found: "absent",
      issues: [{ path: "$.Response.TotalCount", reason: "missing", expected: "integer (int64)", found: "absent" }],
    });
    expect(Object.keys(report.verdicts[0] ?? {})).toEqual(["file", "action", "index", "title", "line", "verdict", "drift"]);
    expect(report.summary).toMatchObject({ replies: 24, drift: 18 });
    expect((report.summary["verdicts"] as Record<string, number>)["unknown field"]).toBe(1);
  });
});

describe("exit codes and bad usage", () => {
  const input = (name: string, text: string): string => {
    const path = join(scratch, "in", name);
    writeFileSync(path, text);
    return path;
  };
  const clean = input(
    "clean.jsonl",
    jsonl([
      { action: "DescribeZones", reply: ok({ TotalCount: 0, ZoneSet: [], Extra: 1 }) },
      { action: "Ping", reply: JSON.stringify(apiError("InvalidParameter")) },
    ]),
  );

  it("exit 0 when nothing drifts (unknown fields and known API errors included), through the command", async () => {
    const c = capture();
    let exit = -1;
    await verifyCommand({ io: c.io, setExitCode: (n) => (exit = n) })
      .exitOverride()
      .parseAsync(["--specs", specs, "--service", "demo", clean], { from: "user" });
    expect(exit).toBe(0);
    expect(c.out.at(-1)).toBe("no drift");
    expect(c.out[1]).toBe(`${clean}:2: Ping #1: conforming API error (InvalidParameter)`);
  });

  it("examples.json input: indexes per action, titles", async () => {
    const examples = input(
      "examples.json",
      JSON.stringify({
        actions: {
          Ping: [
            { title: "first", output: JSON.stringify(ok({}), null, 2), input: "POST / HTTP/1.1" },
            { title: "second", output: "not json" },
          ],
        },
        version: "1.0",
      }),
    );
    const c = capture();
    expect(await runVerify([examples], { specs, service: "demo" }, c.io)).toBe(1);
    expect(c.out.slice(0, 2)).toEqual([
      `${examples}: Ping #1 "first": conforming success`,
      expect.stringMatching(new RegExp(`^${examples.replace(/[.\\/]/g, "\\$&")}: Ping #2 "second": not JSON \\[not-json\\] at \\$: expected JSON text, found text that is not JSON`)),
    ]);
  });

  const usage = async (files: string[], service = "demo", extra: { serviceVersion?: string; specs?: string } = {}): Promise<{ code: number; err: string[]; out: string[] }> => {
    const c = capture();
    const code = await runVerify(files, { specs: extra.specs ?? specs, service, serviceVersion: extra.serviceVersion }, c.io);
    return { code, err: c.err, out: c.out };
  };

  it("unknown service → exit 2, naming the services there are", async () => {
    const r = await usage([clean], "cvm");
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err[0]).toBe('unknown service "cvm" (the specs define: demo)');
  });

  it("missing file → exit 2 naming the file; nothing is checked", async () => {
    const missing = join(scratch, "in", "nope.jsonl");
    const r = await usage([clean, missing]);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([`${missing}: cannot read the file (no such file)`, "tcgen verify: nothing checked (1 problem(s))"]);
  });

  it("a file in neither format → exit 2 naming the file (and the line for JSON Lines)", async () => {
    const array = input("array.json", "[1, 2]");
    const lines = input("bad.jsonl", `${JSON.stringify({ action: "Ping", reply: {} })}\n{"action": "Ping"}\n`);
    const text = input("notes.txt", "hello\n");
    const empty = input("empty.jsonl", "\n");
    const r = await usage([array, lines, text, empty]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(new RegExp(`^${array.replace(/[.\\/]/g, "\\$&")}: neither an examples\\.json`));
    expect(r.err[1]).toBe(`${lines}:2: "reply" is missing (the reply object or its text)`);
    expect(r.err[2]).toMatch(new RegExp(`^${text.replace(/[.\\/]/g, "\\$&")}:1: not a JSON line`));
    expect(r.err[3]).toMatch(/the file is empty/);
    expect(r.err).toHaveLength(5);
  });

  it("invalid specs → diagnostics as file:line:col lines, exit 2", async () => {
    const bad = specsDir(join(scratch, "bad-specs"), { "demo/service.yaml": DEMO_SERVICE.replace("TotalCount: int64", "TotalCount: int65") });
    const r = await usage([clean], "demo", { specs: bad });
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/^demo\/service\.yaml:\d+:\d+: .*int65/);
  });

  it("several versions: --service-version (or the module folder) chooses; without it exit 2", async () => {
    const two = specsDir(join(scratch, "two-specs"), { "a/service.yaml": DEMO_SERVICE, "b/service.yaml": DEMO_SERVICE_V2 });
    const none = await usage([clean], "demo", { specs: two });
    expect(none.code).toBe(2);
    expect(none.err[0]).toBe('service "demo" has several versions (2020-01-01, 2021-02-03): choose one with --service-version');
    const wrong = await usage([clean], "demo", { specs: two, serviceVersion: "2019-01-01" });
    expect(wrong.err[0]).toBe('service "demo" has no version 2019-01-01 (the specs define: 2020-01-01, 2021-02-03)');
    const chosen = await usage([clean], "demo", { specs: two, serviceVersion: "2021-02-03" });
    expect(chosen.code).toBe(0);
    expect(chosen.out).toContain("2 replies checked against demo/v20210203 2021-02-03:");
    const byDir = await usage([clean], "demo/v20200101", { specs: two });
    expect(byDir.code).toBe(0);
  });

  it("commander rejects a bad --format", async () => {
    const c = capture();
    const command = verifyCommand({ io: c.io, setExitCode: () => {} })
      .exitOverride()
      .configureOutput({ writeErr: () => {} });
    await expect(command.parseAsync(["--specs", specs, "--service", "demo", "--format", "xml", clean], { from: "user" })).rejects.toThrow(
      /xml/,
    );
  });
});

describe("same validation logic as the generated package", () => {
  it("emits parsers.js, errors.js, common.js and the runtime exactly as generate does", async () => {
    const loaded = await loadModel(specs);
    if (!loaded.ok) throw new Error("specs");
    const service = loaded.model.services[0];
    if (service === undefined) throw new Error("no service");
    const mine = parserModuleFiles(loaded.model, service);
    const generated = await generateFromDir(specs);
    if (!generated.ok) throw new Error("generate");
    const byPath = new Map(generated.files.map((f) => [f.path, f.text]));
    expect(mine.map((f) => f.path)).toContain("demo/parsers.js");
    for (const f of mine) expect(f.text, f.path).toBe(byPath.get(f.path));
  });

  it("leaves no emitted modules behind", async () => {
    const emittedFolders = (): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith("tcgen-verify-"));
    const before = emittedFolders();
    expect(await runVerify([allPath], { specs, service: "demo" }, capture().io)).toBe(1);
    expect(emittedFolders()).toEqual(before);
  });

  it("reads a one-record JSON file spread over several lines as JSON Lines", () => {
    const read = readRecordedReplies("one.json", JSON.stringify({ action: "Ping", reply: ok({}) }, null, 2));
    expect(read).toMatchObject({ ok: true, format: "jsonl", replies: [{ action: "Ping", index: 1, line: 1 }] });
  });
});
