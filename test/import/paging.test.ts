/** Paging inferred by `tcgen import tencentcloud`: the two Tencent conventions, listed in the output, and nothing else. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runTencentCloudImport } from "../../generator/import/command.js";
import { loadModel } from "../../generator/model/index.js";
import { corpusPath, hasCorpus } from "./corpus.js";
import { apiText, member, out } from "./fixtures.js";

const scratch = mkdtempSync(join(tmpdir(), "tcgen-import-paging-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const int = (name: string) => member(name, "int", "int64");
const str = (name: string) => member(name, "string", "string");

const api = apiText({
  service: "demo",
  actions: {
    DescribeThings: [[int("Offset"), int("Limit")], [out("TotalCount", "int", "int64"), out("ThingSet", "list", "string")]],
    ListThings: [[str("NextToken"), int("MaxResults")], [out("NextToken", "string", "string"), out("Things", "list", "string")]],
    // Offset/Limit but two lists: which one holds the items is not guessed
    DescribeTwo: [[int("Offset"), int("Limit")], [out("TotalCount", "int", "int64"), out("A", "list", "string"), out("B", "list", "string")]],
    // no TotalCount: not inferred
    DescribeNoTotal: [[int("Offset"), int("Limit")], [out("Items", "list", "string")]],
  },
});

async function importDemo(): Promise<{ out: string[]; dir: string }> {
  const dir = mkdtempSync(join(scratch, "out-"));
  const file = join(scratch, "api.json");
  writeFileSync(file, api);
  const lines: string[] = [];
  const code = await runTencentCloudImport({ api: [file], out: dir }, { out: (l) => lines.push(l), err: (l) => lines.push(`ERR ${l}`) });
  expect(code).toBe(0);
  return { out: lines, dir };
}

describe("paging inference", () => {
  it("writes offset and token paging, lists it in the output, and guesses nothing else", async () => {
    const { out: lines, dir } = await importDemo();
    // (the first line is the warning that no errors.json was given)
    expect(lines[0]).toMatch(/^ERR warning: .*no errors\.json given/);
    expect(lines.find((l) => l.startsWith("inferred paging"))).toBe(
      [
        "inferred paging for 2 actions:",
        "  demo 2020-01-01 DescribeThings: offset (Offset/Limit, total TotalCount, items ThingSet)",
        "  demo 2020-01-01 ListThings: token (NextToken, limit MaxResults, items Things)",
      ].join("\n"),
    );
    const actions = parse(readFileSync(join(dir, "demo/v20200101/actions.yaml"), "utf8")) as { actions: Record<string, { paging?: unknown }> };
    expect(actions.actions["DescribeThings"]!.paging).toEqual({ style: "offset", offset: "Offset", limit: "Limit", items: "ThingSet", total: "TotalCount" });
    expect(actions.actions["ListThings"]!.paging).toEqual({ style: "token", token: "NextToken", nextToken: "NextToken", items: "Things", limit: "MaxResults" });
    expect(actions.actions["DescribeTwo"]!.paging).toBeUndefined();
    expect(actions.actions["DescribeNoTotal"]!.paging).toBeUndefined();
    // what import writes, the loader accepts
    const model = await loadModel(dir);
    expect(model.ok ? [] : model.diagnostics).toEqual([]);
  });

  it.skipIf(!hasCorpus)("cvm: DescribeInstances pages by Offset/Limit and TotalCount", async () => {
    const dir = mkdtempSync(join(scratch, "cvm-"));
    const lines: string[] = [];
    const code = await runTencentCloudImport(
      { api: [corpusPath("cvm", "v20170312", "api.json")], errors: [corpusPath("cvm", "v20170312", "errors.json")], out: dir },
      { out: (l) => lines.push(l), err: (l) => lines.push(`ERR ${l}`) },
    );
    expect(code).toBe(0);
    expect(lines.join("\n")).toContain("  cvm 2017-03-12 DescribeInstances: offset (Offset/Limit, total TotalCount, items InstanceSet)");
    const model = await loadModel(dir);
    expect(model.ok ? [] : model.diagnostics).toEqual([]);
  });
});
