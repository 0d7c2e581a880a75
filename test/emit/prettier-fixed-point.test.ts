/**
 * The printer writes prettier's layout (pinned options) directly: prettier over the complete output of
 * every golden spec, the cvm/cbs/sts imports (when ../shared/corpus is present) and a synthetic spec
 * changes nothing. A difference is reported as the first differing line of the file.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { syntheticSpecFiles } from "../../bench/synthetic.js";
import type { OutputFile } from "../../generator/emit/output.js";
import { importTencentCloud, tencentDefaultsFile } from "../../generator/import/tencentcloud/index.js";
import { generateFromDir, generateFromFiles, type GenerateResult } from "../../generator/pipeline.js";
import { formatOne, parserFor } from "../../generator/write/format.js";
import { CORPUS_SERVICES, corpusFiles, hasCorpus } from "../import/corpus.js";
import { emitPackage } from "../../generator/emit/index.js";
import type { Model } from "../../generator/model/types.js";
import { buildTestModel, code, enumOf, field, list, namedType, openEnumOf, prim, ref, TENCENT_ENVELOPE } from "../helpers/model.js";
import { repoRoot } from "../helpers/paths.js";

function filesOf(result: GenerateResult): readonly OutputFile[] {
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`).join("\n"));
  return result.files;
}

/** The first line where prettier's text differs, with its neighbours, or undefined when equal. */
async function prettierDifference(file: OutputFile): Promise<string | undefined> {
  const parser = parserFor(file.path);
  if (parser === undefined) return undefined;
  const formatted = await formatOne({ path: file.path, text: file.text, parser });
  if (formatted === file.text) return undefined;
  const a = file.text.split("\n");
  const b = formatted.split("\n");
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `${file.path}:${i + 1}\n  printed:  ${a.slice(i, i + 3).join("\n            ")}\n  prettier: ${b.slice(i, i + 3).join("\n            ")}`;
}

async function differences(files: readonly OutputFile[]): Promise<string[]> {
  const out: string[] = [];
  for (const f of files) {
    const d = await prettierDifference(f);
    if (d !== undefined) out.push(d);
  }
  return out;
}

describe("prettier changes nothing in the output", () => {
  const specDirs = {
    specs: "specs",
    hostile: "test/fixtures/golden/hostile/specs",
    "tencent-mini": "test/fixtures/specs/tencent-mini",
    "flat-envelope": "test/fixtures/specs/flat-envelope",
    "numeric-envelope": "test/fixtures/specs/numeric-envelope",
    "error-object": "test/fixtures/specs/error-object",
    "success-flag": "test/fixtures/specs/success-flag",
  };
  for (const [name, dir] of Object.entries(specDirs)) {
    it(name, async () => {
      expect(await differences(filesOf(await generateFromDir(join(repoRoot, dir))))).toEqual([]);
    });
  }

  it("a 60-action synthetic spec", async () => {
    const specFiles = syntheticSpecFiles({ actions: 60 }).map((f) => ({ path: f.path, content: f.content }));
    expect(await differences(filesOf(await generateFromFiles(specFiles)))).toEqual([]);
  });

  it("names, keys and texts longer than a line", async () => {
    const long = (base: string, n = 90) => (base + "X".repeat(n)).slice(0, n);
    const T = long("Type");
    const A = long("DescribeSomething");
    const K = long("Key");
    const codes = Array.from({ length: 6 }, (_, i) => code(`${long("FailedOperation.", 70)}${i}`));
    const model = buildTestModel({
      services: [
        {
          name: "longnames",
          errors: codes,
          types: [
            namedType(T, [
              field(K, enumOf(...Array.from({ length: 12 }, (_, i) => `VALUE_NUMBER_${i}_OF_A_LONG_ENUM`))),
              field(`${K}2`, list(openEnumOf("A".repeat(60), "B".repeat(60))), { optional: true, nullable: true }),
              field(`${K}3`, prim("int64"), { int64: "bigint" }),
              field(`${K}4`, ref(T), { optional: true }),
              // a key this long leaves no room for `string | null` on its line: prettier moves the union to the next
              field(`${K}6`, prim("string"), { optional: true, nullable: true }),
              field(`${K}7`, enumOf("aaaaaaa", "bbbbbbbb", "ccccccccccc")),
              field("中文字段名称很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长", prim("int32")),
            ]),
          ],
          actions: [
            {
              name: A,
              request: [field(K, prim("string"))],
              response: [field(K, list(ref(T))), field(`${K}5`, prim("uint64"), { int64: "string" })],
              errors: codes.map((c) => c.code),
              paging: { style: "offset", offset: K, limit: K, items: K, total: undefined },
            },
          ],
        },
      ],
    });
    expect(await differences(emitPackage(model))).toEqual([]);
  });

  it("an envelope shape, protocol and routes with names and texts longer than a line", async () => {
    const long = (base: string, n = 90) => (base + "X".repeat(n)).slice(0, n);
    const A = long("DescribeSomething", 60);
    const K = long("Key", 50);
    const codes = Array.from({ length: 8 }, (_, i) => code(`${4_000_000_000 + i}`));
    const base = buildTestModel({
      envelope: {
        ...TENCENT_ENVELOPE,
        requestId: long("request_id_", 60),
        requestIdOptional: true,
        codeType: "number",
        successCodes: Array.from({ length: 12 }, (_, i) => `${1_000_000_000 + i}`),
        successFlag: long("success_", 60),
        hostSuffix: undefined,
        errorFields: [
          field(long("details_", 80), list(prim("string")), { optional: true, nullable: true }),
          field(long("retry_after_", 40), prim("int32")),
        ],
      },
      common: codes.slice(0, 2),
      services: [
        {
          name: "longshape",
          errors: codes.slice(2),
          actions: [
            {
              name: A,
              request: [field(K, prim("string"))],
              response: [field(K, list(prim("string")))],
              errors: codes.slice(2).map((c) => c.code),
              paging: { style: "offset", offset: K, limit: K, items: K, total: undefined },
            },
          ],
        },
      ],
    });
    const model: Model = {
      ...base,
      protocol: { style: "http", auth: "api-key", authHeader: long("X-Api-Key-", 60), endpoint: long("/rpc/", 70), actionHeader: long("X-Action-", 50), actionKey: undefined },
      services: base.services.map((s) => ({
        ...s,
        actions: s.actions.map((a) => ({ ...a, http: { method: "GET", path: `/${long("things/", 80)}/{${K}}`, params: [K], loc: a.loc } })),
      })),
    };
    expect(await differences(emitPackage(model))).toEqual([]);
  });

  for (const { svc, folder } of CORPUS_SERVICES) {
    it.skipIf(!hasCorpus)(`${svc} imported from the corpus`, async () => {
      const f = corpusFiles(svc, folder);
      const imported = importTencentCloud({ api: f.api, errors: f.errors });
      const pkg = tencentDefaultsFile();
      if (!imported.ok || !pkg.ok) throw new Error(`${svc}: import failed`);
      const specFiles = [pkg.file, ...imported.files].map((x) => ({ path: x.path, content: x.text }));
      expect(await differences(filesOf(await generateFromFiles(specFiles)))).toEqual([]);
    }, 120_000);
  }
});
