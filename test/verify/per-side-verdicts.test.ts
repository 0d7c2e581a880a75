/**
 * Corpus verdicts with per-side types (docs/spec-format.md §10): imported WITHOUT examples, the
 * replies that drift are exactly those that leave out a field Tencent marks always returned
 * (`output_required: true`) in the response; imported WITH `--examples`, the examples overlay makes
 * every recorded reply conform.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runImport } from "../../generator/import/run.js";
import { runVerification } from "../../generator/verify/verify.js";
import { corpusRoot, hasCorpus } from "../helpers/paths.js";
import { scratchDir } from "./fixtures.js";

const scratch = scratchDir("tcgen-per-side-");
process.env["TCGEN_CACHE_DIR"] = join(scratch, "cache");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** [action, index, JSON paths of every problem]: each is a member with `output_required: true` that the reply leaves out. */
type Drift = readonly [string, number, readonly string[]];

const SERVICES: ReadonlyArray<{ svc: string; folder: string; version: string; conforming: number; drift: readonly Drift[]; fixes: number }> = [
  {
    svc: "cvm",
    folder: "v20170312",
    version: "2017-03-12",
    conforming: 118,
    drift: [
      // DisasterRecoverGroup.Strategy and PartitionCount are output_required; the recorded groups have neither.
      // SystemDisk.Encrypt and KmsKeyId: output_required on the response side (optional on the request
      // side, so they were optional before the split); the recorded system disks have neither, and the
      // recorded instances have no DisasterRecoverGroupIds either.
      ["DescribeDisasterRecoverGroups", 1, [
        "$.Response.DisasterRecoverGroupSet[0].Strategy",
        "$.Response.DisasterRecoverGroupSet[0].PartitionCount",
        "$.Response.DisasterRecoverGroupSet[1].Strategy",
        "$.Response.DisasterRecoverGroupSet[1].PartitionCount",
      ]],
      ["DescribeInstances", 1, [
        "$.Response.InstanceSet[0].DisasterRecoverGroupIds",
        "$.Response.InstanceSet[0].SystemDisk.Encrypt",
        "$.Response.InstanceSet[0].SystemDisk.KmsKeyId",
      ]],
      ["DescribeInstances", 2, [
        "$.Response.InstanceSet[0].DisasterRecoverGroupIds",
        "$.Response.InstanceSet[0].SystemDisk.Encrypt",
        "$.Response.InstanceSet[0].SystemDisk.KmsKeyId",
      ]],
      ["DescribeInstances", 3, [
        "$.Response.InstanceSet[0].DisasterRecoverGroupIds",
        "$.Response.InstanceSet[0].SystemDisk.Encrypt",
        "$.Response.InstanceSet[0].SystemDisk.KmsKeyId",
      ]],
      ["DescribeLaunchTemplateVersions", 1, [
        "$.Response.LaunchTemplateVersionSet[0].LaunchTemplateVersionData.SystemDisk.Encrypt",
        "$.Response.LaunchTemplateVersionSet[0].LaunchTemplateVersionData.SystemDisk.KmsKeyId",
      ]],
    ],
    fixes: 5,
  },
  {
    svc: "cbs",
    folder: "v20170312",
    version: "2017-03-12",
    conforming: 68,
    drift: [
      // SnapshotGroup.AutoSnapshotPolicyId and Snapshot.SnapshotMode are output_required and absent.
      ["DescribeSnapshotGroups", 1, [
        "$.Response.SnapshotGroupSet[0].AutoSnapshotPolicyId",
        "$.Response.SnapshotGroupSet[1].AutoSnapshotPolicyId",
      ]],
      ["DescribeSnapshots", 1, [
        "$.Response.SnapshotSet[0].SnapshotMode",
        "$.Response.SnapshotSet[1].SnapshotMode",
      ]],
    ],
    fixes: 2,
  },
  { svc: "sts", folder: "v20180813", version: "2018-08-13", conforming: 9, drift: [], fixes: 0 },
];

describe.skipIf(!hasCorpus)("corpus verdicts with per-side types", () => {
  for (const s of SERVICES) {
    const dir = join(corpusRoot, "tencentcloud", s.svc, s.folder);
    const input = { apiPath: join(dir, "api.json"), errorsPath: join(dir, "errors.json") };
    const examples = join(dir, "examples.json");

    it(`${s.svc}: imported without examples, ${s.conforming} conform and the drifting replies are named`, async () => {
      const specs = join(scratch, `${s.svc}-plain`);
      expect((await runImport({ ...input, outDir: specs })).ok).toBe(true);
      const run = await runVerification({ specsDir: specs, service: s.svc, files: [examples] });
      if (!run.ok) throw new Error(run.problems.join("\n"));
      expect(run.verdicts.filter((v) => !v.drift)).toHaveLength(s.conforming);
      expect(run.verdicts.filter((v) => v.drift).map((v) => [v.action, v.index, (v.issues ?? []).map((i) => i.path)])).toEqual(s.drift);
    }, 60_000);

    it(`${s.svc}: imported with --examples, every recorded reply conforms`, async () => {
      const specs = join(scratch, `${s.svc}-examples`);
      const imported = await runImport({ ...input, outDir: specs, examplesPath: examples });
      expect(imported.ok && imported.examples).toEqual([
        { service: `${s.svc} ${s.version}`, path: `${s.svc}/${s.folder}/examples.overlay.yaml`, successes: s.conforming + s.drift.length, drifting: s.drift.length, fixes: s.fixes },
      ]);
      const run = await runVerification({ specsDir: specs, service: s.svc, files: [examples] });
      if (!run.ok) throw new Error(run.problems.join("\n"));
      expect(run.verdicts.filter((v) => v.drift)).toEqual([]);
      expect(run.summary.replies).toBe(s.conforming + s.drift.length);
    }, 60_000);
  }
});
