/**
 * Every real code is a code: codes with a trailing dot or an empty segment (cpdp 2019-08-20), codes
 * that differ from a common code only by case (es 2018-04-16) and other unusual characters import with
 * a warning, load, and generate a package that compiles under the strictest settings and parses them; the grammar
 * itself (model/codes.ts) is the schema's, and text no spec can hold is refused with a located message.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/diagnostics.js";
import { importTencentCloud, tencentDefaultsFile } from "../../generator/import/tencentcloud/index.js";
import { loadModelFromFiles } from "../../generator/model/index.js";
import { CODE_PATTERN_SOURCE, codeFamily, isCode } from "../../generator/model/codes.js";
import { specSchema } from "../../generator/load/schema.js";
import { diagnose, PACKAGE, service } from "../load/helpers.js";
import { generateFromFiles } from "../../generator/pipeline.js";
import { writeOutput } from "../helpers/write-output.js";
import { runTsc, STRICT_TSCONFIG } from "../types/package.js";
import { apiText, errorsText, member, out } from "./fixtures.js";

const scratch = mkdtempSync(join(tmpdir(), "tcgen-odd-codes-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the code grammar", () => {
  it.each([
    ["InternalError.", true],
    ["MissingParameter.", true],
    ["FailedOperation..Empty", true],
    ["AuthFailure.UnAuthorizedOperation", true],
    ["Invalid Parameter.With Space", true],
    ["参数错误.名称", true],
    [".Leading", true],
    ["", false],
    ["$unknown", false],
    ["Family.*", false],
    [" Leading", false],
    ["Trailing ", false],
    ["Line\nBreak", false],
    ["x".repeat(257), false],
  ])("%j is a code: %s", (text, ok) => {
    expect(isCode(text)).toBe(ok);
  });

  it("is the schema's pattern for every place a code appears", () => {
    const defs = specSchema()["definitions"] as Record<string, any>;
    expect(defs["errorCodes"].propertyNames.pattern).toBe(CODE_PATTERN_SOURCE);
    expect(defs["envelope"].properties.successCodes.items.pattern).toBe(CODE_PATTERN_SOURCE);
    expect(defs["action"].properties.errors.items.pattern).toBe(CODE_PATTERN_SOURCE);
  });

  it("families: the text before the first dot", () => {
    expect(["InternalError.", "MissingParameter.", "A..B", ".X", "Plain"].map(codeFamily)).toEqual(["InternalError", "MissingParameter", "A", "", "Plain"]);
  });

  it("loads odd codes (quoted in YAML) and refuses text that is no code, located", () => {
    const body = ['errors:', '  "InternalError.": { description: a }', '  "A..B": { description: b }', '  "AuthFailure.UnAuthorizedOperation": { description: c }', "actions:", '  Run: { errors: ["InternalError.", "A..B"] }', ""].join("\n");
    expect(diagnose({ "p.yaml": PACKAGE.replace("commonErrors:\n", 'commonErrors:\n  AuthFailure.UnauthorizedOperation: { description: d }\n'), "a.yaml": service(body) })).toEqual([]);
    const bad = ['errors:', '  "Family.*": { description: a }', '  "$x": { description: b }', ""].join("\n");
    const rule = 'must be 1 to 256 characters without control characters, not start with "$" or whitespace, and not end with ".*" or whitespace';
    // Codes are printed escaped in messages.
    const quoted = ["errors:", "  'Say\"Hi': { description: q }", "actions:", "  Run: { errors: ['Say\"Hi', 'Say\"Hi'] }", ""].join("\n");
    expect(diagnose({ "p.yaml": PACKAGE, "a.yaml": service(quoted) })).toEqual(['a.yaml:8:29: error code "Say\\"Hi" is listed twice (first listed at a.yaml:8:19) (at actions.Run.errors[1])']);
    expect(diagnose({ "p.yaml": PACKAGE, "a.yaml": service(bad) })).toEqual([
      `a.yaml:6:3: invalid error code "Family.*": ${rule} (at errors.Family.*)`,
      `a.yaml:7:3: invalid error code "$x": ${rule} (at errors.$x)`,
    ]);
  });
});

describe("import of unusual codes, end to end", () => {
  const api = apiText({
    actions: {
      Pay: [[member("Amount", "int", "int64", { required: true })], [out("OrderId", "string", "string")]],
      Query: [[], [out("State", "string", "string")]],
    },
  });
  const errors = errorsText(
    { Pay: ["InternalError.", "MissingParameter.", "FailedOperation..Empty", "AuthFailure.UnAuthorizedOperation"], Query: ["$bad", "InternalError"] },
    {
      "InternalError.": "cpdp-like: a trailing dot",
      "MissingParameter.": "cpdp-like: a trailing dot",
      "FailedOperation..Empty": "an empty segment",
      "AuthFailure.UnAuthorizedOperation": "es-like: differs only by case from a common code",
      $bad: "no spec can hold this",
    },
  );
  const imported = importTencentCloud({ api: { path: "demo/api.json", text: api }, errors: { path: "demo/errors.json", text: errors } });

  it("imports with a warning for each odd code, never refusing the service", () => {
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(imported.warnings.map(formatDiagnostic)).toEqual([
      'demo/errors.json: unusual code "InternalError." kept as it is (family "InternalError"): it is not dot-separated parts of letters, digits, _ and - (at $.codes["InternalError."])',
      'demo/errors.json: unusual code "MissingParameter." kept as it is (family "MissingParameter"): it is not dot-separated parts of letters, digits, _ and - (at $.codes["MissingParameter."])',
      'demo/errors.json: unusual code "FailedOperation..Empty" kept as it is (family "FailedOperation"): it is not dot-separated parts of letters, digits, _ and - (at $.codes["FailedOperation..Empty"])',
      'demo/errors.json: code "$bad" left out: no spec can hold it (a code must not start with "$" or whitespace, end with ".*" or whitespace, or hold control characters); a reply with it reads as $unknown (at $.codes["$bad"])',
      'demo/errors.json: code "AuthFailure.UnAuthorizedOperation" differs only by case from the common code "AuthFailure.UnauthorizedOperation": both kept, as distinct codes (at $.codes["AuthFailure.UnAuthorizedOperation"])',
    ]);
  });

  it("loads, generates a package that compiles strictly with match over the odd codes, and parses them at run time", async () => {
    if (!imported.ok) throw new Error("import failed");
    const pkg = tencentDefaultsFile();
    if (!pkg.ok) throw new Error("no package file");
    const specFiles = [pkg.file, ...imported.files].map((f) => ({ path: f.path, content: f.text }));
    const loaded = loadModelFromFiles(specFiles);
    if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join("\n"));
    const pay = loaded.model.services[0]?.actions.find((a) => a.name === "Pay");
    expect(pay?.ownErrors).toEqual(["AuthFailure.UnAuthorizedOperation", "FailedOperation..Empty", "InternalError.", "MissingParameter."]);
    expect(pay?.errors.find((e) => e.code === "InternalError.")?.family).toBe("InternalError");

    const generated = await generateFromFiles(specFiles);
    if (!generated.ok) throw new Error(generated.diagnostics.map(formatDiagnostic).join("\n"));
    const dir = join(scratch, "pkg");
    writeOutput(dir, generated.files);
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ ...STRICT_TSCONFIG, include: ["**/*.ts"] }));
    writeFileSync(join(dir, "assert.ts"), readFileSync(join(import.meta.dirname, "../types/fixtures/assert.ts"), "utf8"));
    writeFileSync(
      join(dir, "odd.ts"),
      [
        'import { match, type KnownApiError } from "./index.js";',
        'import { parsePay, type PayError } from "./demo/index.js";',
        'import { expectTrue, type Equal } from "./assert.js";',
        "declare const e: PayError;",
        "const r = match(e, {",
        '  "InternalError.": (x) => (expectTrue<Equal<typeof x, KnownApiError<"InternalError.">>>(), expectTrue<Equal<typeof x.family, "InternalError">>(), 1),',
        '  "MissingParameter.": () => 2,',
        '  "FailedOperation..Empty": () => 3,',
        '  "AuthFailure.UnAuthorizedOperation": () => 4,',
        '  "AuthFailure.UnauthorizedOperation": () => 5,',
        '  "AuthFailure.*": () => 6,',
        '  "InternalError.*": (x) => (expectTrue<Equal<typeof x.code, "InternalError" | "InternalError.">>(), 7),',
        '  "MissingParameter.*": () => 8,',
        "  $default: () => 0,",
        "});",
        "expectTrue<Equal<typeof r, number>>();",
        "const parsed = parsePay('{\"Response\":{\"Error\":{\"Code\":\"InternalError.\",\"Message\":\"m\"},\"RequestId\":\"r\"}}');",
        "if (!parsed.ok && parsed.error.kind === \"api-error\" && parsed.error.code !== \"$unknown\") {",
        "  const code: PayError[\"code\"] = parsed.error.code;",
        "  void code;",
        "}",
        "",
      ].join("\n"),
    );
    const run = await runTsc(dir);
    expect(run.diagnostics).toEqual([]);

    const parsers = (await import(pathToFileURL(join(dir, "demo", "parsers.js")).href)) as Record<string, (input: unknown) => unknown>;
    const reply = (code: string): string => JSON.stringify({ Response: { Error: { Code: code, Message: "m" }, RequestId: "r" } });
    for (const code of ["InternalError.", "MissingParameter.", "FailedOperation..Empty", "AuthFailure.UnAuthorizedOperation", "AuthFailure.UnauthorizedOperation"]) {
      expect(parsers["parsePay"]?.(reply(code)), code).toMatchObject({ ok: false, error: { kind: "api-error", code, family: codeFamily(code) } });
    }
    // Query lists neither the dropped "$bad" nor the odd codes: they read as unknown codes there.
    expect(parsers["parseQuery"]?.(reply("InternalError."))).toMatchObject({ ok: false, error: { kind: "api-error", code: "$unknown", rawCode: "InternalError." } });
  }, 120_000);
});
