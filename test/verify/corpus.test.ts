/**
 * verify over the corpus: each service imported with importTencentCloud (plus the shipped package
 * file), its examples.json verified; every example gets a verdict, and the verdicts say what the
 * generated parsers say when called directly on the same replies.
 */
import { readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importTencentCloud } from "../../generator/import/tencentcloud/index.js";
import { IS_DRIFT, VERDICTS } from "../../generator/verify/classify.js";
import { loadServiceParsers } from "../../generator/verify/parsers-module.js";
import { loadModel } from "../../generator/model/index.js";
import { runVerification } from "../../generator/verify/verify.js";
import { corpusRoot, hasCorpus } from "../helpers/paths.js";
import { scratchDir, specsDir } from "./fixtures.js";

const SERVICES = [
  { svc: "cvm", folder: "v20170312" },
  { svc: "cbs", folder: "v20170312" },
  { svc: "sts", folder: "v20180813" },
] as const;

/**
 * Verdicts per service against the specs as `import` writes them (without examples): the only place
 * these numbers live. With per-side requiredness (docs/spec-format.md §10) `SystemDisk.Encrypt` is
 * always returned on the response side and absent from the recorded DescribeInstances and
 * DescribeLaunchTemplateVersions replies (the DescribeInstances ones also lack DisasterRecoverGroupIds,
 * their first problem); test/verify/per-side-verdicts.test.ts lists every problem of each.
 */
const EXPECTED: Record<(typeof SERVICES)[number]["svc"], { counts: { conforming: number; drift: number }; drifting: string[] }> = {
  cvm: {
    counts: { conforming: 118, drift: 5 },
    drifting: [
      "DescribeDisasterRecoverGroups #1: missing required field [missing] at $.Response.DisasterRecoverGroupSet[0].Strategy",
      "DescribeInstances #1: missing required field [missing] at $.Response.InstanceSet[0].DisasterRecoverGroupIds",
      "DescribeInstances #2: missing required field [missing] at $.Response.InstanceSet[0].DisasterRecoverGroupIds",
      "DescribeInstances #3: missing required field [missing] at $.Response.InstanceSet[0].DisasterRecoverGroupIds",
      "DescribeLaunchTemplateVersions #1: missing required field [missing] at $.Response.LaunchTemplateVersionSet[0].LaunchTemplateVersionData.SystemDisk.Encrypt",
    ],
  },
  cbs: {
    counts: { conforming: 68, drift: 2 },
    drifting: [
      "DescribeSnapshotGroups #1: missing required field [missing] at $.Response.SnapshotGroupSet[0].AutoSnapshotPolicyId",
      "DescribeSnapshots #1: missing required field [missing] at $.Response.SnapshotSet[0].SnapshotMode",
    ],
  },
  sts: { counts: { conforming: 9, drift: 0 }, drifting: [] },
};

if (!hasCorpus) console.warn(`corpus not found at ${corpusRoot}: verify corpus tests skipped`);

const scratch = scratchDir("tcgen-verify-corpus-");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(!hasCorpus)("verify over the corpus examples", () => {
  for (const { svc, folder } of SERVICES) {
    it(`${svc}: one verdict per example, equal to what the generated parsers say`, async () => {
      const dir = resolve(corpusRoot, "tencentcloud", svc, folder);
      const read = (name: string): { path: string; text: string } => ({ path: `${svc}/${folder}/${name}`, text: readFileSync(join(dir, name), "utf8") });
      const imported = importTencentCloud({ api: read("api.json"), errors: read("errors.json") });
      if (!imported.ok) throw new Error(imported.diagnostics.map((d) => d.message).join("\n"));
      const specs = specsDir(join(scratch, svc), Object.fromEntries(imported.files.map((f) => [f.path, f.text])));

      const examplesPath = join(dir, "examples.json");
      const run = await runVerification({ specsDir: specs, service: svc, files: [examplesPath] });
      if (!run.ok) throw new Error(run.problems.join("\n"));

      const examples = (JSON.parse(readFileSync(examplesPath, "utf8")) as { actions: Record<string, Array<{ output: string }>> }).actions;
      const flat = Object.entries(examples).flatMap(([action, list]) => list.map((e, i) => ({ action, index: i + 1, output: e.output })));
      expect(run.verdicts).toHaveLength(flat.length);
      expect(run.summary.replies).toBe(flat.length);

      // The parsers generate emits for these specs, loaded as verify loads them.
      const loaded = await loadModel(specs);
      if (!loaded.ok) throw new Error("specs");
      const service = loaded.model.services.find((x) => x.name === svc);
      if (service === undefined) throw new Error(`no ${svc}`);
      const loadedParsers = await loadServiceParsers(loaded.model, service);
      const parsers = Object.fromEntries(service.actions.map((a) => [`parse${a.name}`, loadedParsers.parser(a.name)]));

      for (const [i, example] of flat.entries()) {
        const v = run.verdicts[i];
        expect(v, `${example.action} #${example.index}`).toMatchObject({ file: examplesPath, action: example.action, index: example.index });
        if (v === undefined) continue;
        expect(VERDICTS).toContain(v.verdict);
        expect(v.drift).toBe(IS_DRIFT[v.verdict]);
        const parse = parsers[`parse${example.action}`];
        expect(parse, example.action).toBeTypeOf("function");
        if (parse === undefined) continue;
        const r = parse(example.output);
        const at = `${example.action} #${example.index}`;
        if (r.ok) {
          // (no corpus reply has an undeclared key, a date in another format or a value beyond 2^53)
          expect(r.drift, at).toEqual([]);
          expect(v.verdict, at).toBe("conforming success");
        } else if (r.error.kind === "api-error") {
          expect(v.verdict, at).toBe(r.error.code === "$unknown" ? "unknown error code" : "conforming API error");
          expect(v.code, at).toBe(r.error.rawCode);
        } else {
          expect(["missing required field", "null where not nullable", "wrong type", "not JSON", "not an envelope"], at).toContain(v.verdict);
          expect({ reason: v.reason, path: v.path, expected: v.expected, found: v.found, issues: v.issues }, at).toEqual({
            reason: r.error.reason,
            path: r.error.path,
            expected: r.error.expected,
            found: r.error.found,
            issues: r.error.issues,
          });
          if (r.error.found === "absent" && r.error.path.split(".").length > 3) expect(v.verdict, at).toBe("missing required field");
        }
      }
      // The verdicts against the specs as imported: the counts and the drifting replies, named with why.
      const drifting = run.verdicts.filter((v) => v.drift).map((v) => `${v.action} #${v.index}: ${v.verdict} [${v.reason ?? ""}] at ${v.path ?? ""}`);
      console.log(`${svc}: ${run.verdicts.length - drifting.length} conforming / ${drifting.length} drift\n  ${drifting.join("\n  ")}`);
      expect({ conforming: run.verdicts.length - drifting.length, drift: drifting.length }).toEqual(EXPECTED[svc].counts);
      expect(drifting).toEqual(EXPECTED[svc].drifting);
      // Every corpus output of these services is JSON in the Tencent envelope.
      expect(run.verdicts.filter((v) => v.verdict === "not JSON" || v.verdict === "not an envelope" || v.verdict === "unknown action")).toEqual([]);
    });
  }
});
