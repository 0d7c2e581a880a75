/**
 * Real API history (../shared/corpus/history): every snapshot of cvm, cbs and sts imported with the
 * product's importer, consecutive snapshots diffed, and the real changes they contain classified:
 * actions removed and re-added, codes added to and removed from actions, backfilled "always returned"
 * flags (a tightening of the response that breaks nothing), and structs split into a request and a
 * response type or merged back by per-side import (docs/diff-format.md, "Per-side types").
 *
 * No request member of these histories ever became required: the members once reported so (cvm
 * Tag.Key, InstanceChargePrepaid.Period, TagSpecification.Tags, cbs Placement.Zone, Policy.Hour, …) are
 * `required: true` in every snapshot; only their `output_required` was backfilled. Before per-side
 * import a struct used by both sides was optional where either side was, which turned each backfill
 * into a false "request field became required". Request-side kinds are covered by the synthetic cases
 * (kinds.test.ts). Skipped when ../shared is absent.
 */
import { describe, expect, it } from "vitest";
import type { Change } from "../../generator/diff/change.js";
import { diffModels, type DiffResult } from "../../generator/diff/index.js";
import { loadModelFromFiles } from "../../generator/model/index.js";
import { hasHistory, HISTORY_SERVICES, importedSnapshot, snapshotModel, snapshots } from "./history.js";

const FOLDER: Record<string, string> = { cvm: "v20170312", cbs: "v20170312", sts: "v20180813" };

const diffs = new Map<string, DiffResult>();
/** The diff between a snapshot and the one before it (by date prefix). */
function diffTo(svc: string, date: string): DiffResult {
  const key = `${svc}/${date}`;
  const hit = diffs.get(key);
  if (hit) return hit;
  const folder = FOLDER[svc]!;
  const list = snapshots(svc, folder);
  const i = list.findIndex((s) => s.startsWith(date));
  if (i < 1) throw new Error(`no snapshot before ${svc} ${date}`);
  const r = diffModels(snapshotModel(svc, folder, list[i - 1]!), snapshotModel(svc, folder, list[i]!));
  diffs.set(key, r);
  return r;
}

const ofKind = (r: DiffResult, kind: string): Change[] => r.changes.filter((c) => c.kind === kind);
/** `Owner.Field` / `Action` / `Action Code` of each change of a kind, sorted. */
const names = (r: DiffResult, kind: string): string[] =>
  ofKind(r, kind)
    .map((c) => [c.action ?? c.type, c.field, c.code].filter((x) => x !== undefined).join(c.field !== undefined ? "." : " "))
    .sort();
const levels = (r: DiffResult, kind: string): string[] => [...new Set(ofKind(r, kind).map((c) => c.level))];

const RESERVED = ["DescribeReservedInstancesConfigInfos", "DescribeReservedInstancesOfferings", "InquirePricePurchaseReservedInstancesOffering", "PurchaseReservedInstancesOffering"];
const RESERVED_CODES = [
  "UnsupportedOperation.InvalidPermissionNonInternationalAccount",
  "UnsupportedOperation.ReservedInstanceInvisibleForUser",
  "UnsupportedOperation.ReservedInstanceOutofQuata",
];

describe.skipIf(!hasHistory)("API history", () => {
  describe("cvm", () => {
    it("2024-12-30: the reserved-instance actions and their codes are removed (run time / compile time)", () => {
      const r = diffTo("cvm", "2024-12-30");
      expect(names(r, "action-removed")).toEqual(["DescribeReservedInstances", ...RESERVED]);
      expect(levels(r, "action-removed")).toEqual(["runtime"]);
      expect(ofKind(r, "service-code-removed").map((c) => c.code)).toEqual(RESERVED_CODES);
      expect(levels(r, "service-code-removed")).toEqual(["compile"]);
      expect(r.verdict.semver).toBe("major");
    });

    it("2024-12-30: backfilled response flags of per-side types are response changes; TagInput merged back into Tag", () => {
      const r = diffTo("cvm", "2024-12-30");
      // Requests sent these as required before (TagInput, the request side of the split types) and still do.
      expect(names(r, "request-field-became-required")).toEqual([]);
      expect(names(r, "response-field-became-required")).toEqual(
        expect.arrayContaining(["InstanceChargePrepaid.Period", "InstanceMarketOptionsRequest.SpotOptions", "Tag.Key", "Tag.Value"]),
      );
      // Tag's request side (TagInput) and response side agree again: one type; TagSpecificationInput.Tags
      // going from TagInput[] to Tag[] changes nothing a caller sends, only the name TagInput is gone.
      expect(ofKind(r, "type-replaced").map((c) => [c.type, c.level, c.values])).toEqual([["TagInput", "compile", ["TagInput", "Tag"]]]);
      expect(ofKind(r, "request-type-changed")).toEqual([]);
      // ChcDeployExtraConfig gained required members, but no request sent it before: the fields holding it are new.
      expect(names(r, "request-field-added-required")).toEqual([]);
      expect(names(r, "request-field-added")).toEqual(expect.arrayContaining(["ConfigureChcAssistVpc.ChcDeployExtraConfig", "ConfigureChcDeployVpc.ChcDeployExtraConfig"]));
      expect(names(r, "type-added")).toContain("ChcDeployExtraConfigInput");
      expect(names(r, "response-field-added")).toEqual(
        expect.arrayContaining(["ChcDeployExtraConfig.BootFile", "ChcDeployExtraConfig.BootType", "ChcDeployExtraConfig.MiniOsType", "ChcDeployExtraConfig.NextServerAddress"]),
      );
    });

    it("2024-12-30: 51 codes added to actions break exhaustive matches only; 190 backfilled always-returned flags break nothing", () => {
      const r = diffTo("cvm", "2024-12-30");
      expect(ofKind(r, "action-code-added")).toHaveLength(51);
      expect(levels(r, "action-code-added")).toEqual(["compile"]);
      expect(ofKind(r, "response-field-became-required")).toHaveLength(190);
      expect(levels(r, "response-field-became-required")).toEqual(["compatible"]);
    });

    it("2025-06-25: the reserved-instance actions and codes come back (compatible); TagSpecificationInput merged back", () => {
      const r = diffTo("cvm", "2025-06-25");
      expect(names(r, "action-added")).toEqual(expect.arrayContaining(RESERVED));
      expect(levels(r, "action-added")).toEqual(["compatible"]);
      expect(ofKind(r, "service-code-added").map((c) => c.code)).toEqual(expect.arrayContaining(RESERVED_CODES));
      expect(names(r, "request-field-became-required")).toEqual([]);
      expect(names(r, "response-field-became-required")).toEqual(expect.arrayContaining(["TagSpecification.ResourceType", "TagSpecification.Tags"]));
      expect(ofKind(r, "type-replaced").map((c) => c.values)).toEqual([["TagSpecificationInput", "TagSpecification"]]);
      // Nine actions' TagSpecification went from TagSpecificationInput[] to TagSpecification[]: the same members.
      expect(ofKind(r, "request-type-changed")).toEqual([]);
      expect(ofKind(r, "action-removed")).toEqual([]);
    });

    it("2025-06-25: 28 request fields no longer accept null (Tencent dropped its 'may return null' notes)", () => {
      // The importer maps value_allowed_null to both sides, so the request types (mostly the Input ones)
      // accepted null and no longer do: code that sends null no longer compiles.
      const r = diffTo("cvm", "2025-06-25");
      const owners = [...new Set(ofKind(r, "request-field-became-non-nullable").map((c) => c.type ?? c.action))].sort();
      expect(ofKind(r, "request-field-became-non-nullable")).toHaveLength(28);
      expect(owners).toEqual([
        "ActionTimerInput",
        "ChcDeployExtraConfigInput",
        "DataDiskInput",
        "ExternalsInput",
        "InstanceChargePrepaidInput",
        "InstanceMarketOptionsRequestInput",
        "LoginSettings",
        "RunMonitorServiceEnabledInput",
        "SpotMarketOptionsInput",
        "StorageBlockInput",
        "SystemDiskInput",
        "TagSpecification",
      ]);
    });

    it("2026-03-31: the reserved-instance actions are removed again", () => {
      const r = diffTo("cvm", "2026-03-31");
      expect(names(r, "action-removed")).toEqual(RESERVED);
      expect(levels(r, "action-removed")).toEqual(["runtime"]);
    });

    it("2026-03-31: Metadata, a request type until now, is also returned: split into MetadataInput for requests", () => {
      const r = diffTo("cvm", "2026-03-31");
      // No reply had Metadata before: nothing on the response side "may now be absent".
      expect(r.changes.filter((c) => c.side === "response" && c.type?.startsWith("Metadata"))).toEqual([]);
      // Requests send the same members under the new names.
      expect(r.changes.filter((c) => c.side === "request" && c.field !== undefined && (c.type ?? "").startsWith("Metadata"))).toEqual([]);
      expect(ofKind(r, "request-type-changed")).toEqual([]);
      expect(names(r, "type-added")).toEqual(expect.arrayContaining(["MetadataInput", "MetadataItemInput"]));
      // The response type's Items is optional, so a Metadata value no longer fits a request.
      expect(ofKind(r, "type-side-changed").map((c) => [c.type, c.side, c.level, c.values])).toEqual([
        ["Metadata", "request", "compile", ["Metadata", "MetadataInput"]],
        ["MetadataItem", "request", "compile", ["MetadataItem", "MetadataItemInput"]],
      ]);
    });

    it("2026-08-18: one code added to DisassociateInstancesKeyPairs (compile only) and request documentation", () => {
      const r = diffTo("cvm", "2026-08-18");
      const code = "FailedOperation.DisassociateKeyPairFailed";
      expect(r.changes.map((c) => [c.level, c.kind, c.action ?? c.type ?? null, c.field ?? null, c.code ?? null])).toEqual([
        ["compile", "action-code-added", "DisassociateInstancesKeyPairs", null, code],
        ["compatible", "description-changed", "DisassociateInstancesKeyPairs", "InstanceIds", null],
        ["compatible", "description-changed", "DisassociateInstancesKeyPairs", "KeyIds", null],
        ["compatible", "service-code-added", null, null, code],
      ]);
      expect(r.verdict.semver).toBe("major");
      expect(r.verdict.reason).toBe(
        "1 change breaks code that uses the package (1 at compile time only); first: DisassociateInstancesKeyPairs can now return " +
          `${code}: an exhaustive match on its errors no longer compiles until it handles it or FailedOperation.*`,
      );
    });
  });

  describe("cbs", () => {
    it("2024-12-02: Placement's members now always returned (requests unchanged); GetSnapOverview deprecated; 129 backfilled flags", () => {
      const r = diffTo("cbs", "2024-12-02");
      // Placement is split in both snapshots; requests use PlacementInput, whose Zone was and is required.
      expect(names(r, "request-field-became-required")).toEqual([]);
      expect(r.changes.filter((c) => c.type === "PlacementInput").map((c) => c.kind)).toEqual(["description-changed"]);
      expect(names(r, "response-field-became-required").filter((n) => n.startsWith("Placement."))).toEqual([
        "Placement.CageId",
        "Placement.CdcId",
        "Placement.CdcName",
        "Placement.DedicatedClusterId",
        "Placement.ProjectId",
        "Placement.ProjectName",
        "Placement.Zone",
      ]);
      expect(ofKind(r, "deprecation-changed").map((c) => [c.action, c.message])).toEqual([["GetSnapOverview", "action GetSnapOverview is now deprecated"]]);
      expect(ofKind(r, "response-field-became-required")).toHaveLength(129);
      expect(levels(r, "response-field-became-required")).toEqual(["compatible"]);
      expect(names(r, "action-code-added")).toEqual(["ResizeDisk ResourceUnavailable.SnapshotCreating", "TerminateDisks InvalidParameterValue.LimitExceeded"]);
    });

    it("2025-06-10: codes removed from an action break compilation of its handlers", () => {
      const r = diffTo("cbs", "2025-06-10");
      expect(names(r, "action-code-removed")).toEqual(["DescribeSnapshotOverview InvalidDisk.NotPortable", "DescribeSnapshotOverview InvalidDiskId.NotFound"]);
      expect(levels(r, "action-code-removed")).toEqual(["compile"]);
      // Policy.Hour was always required in requests (PolicyInput); now replies always have it too: one type again.
      expect(names(r, "request-field-became-required")).toEqual([]);
      expect(names(r, "response-field-became-required")).toEqual(expect.arrayContaining(["Policy.Hour"]));
      expect(ofKind(r, "type-replaced").map((c) => c.values)).toEqual([["PolicyInput", "Policy"]]);
    });

    it("2026-08-19: Tag's members now always returned, so TagInput merges back into Tag (compile: the name is gone)", () => {
      const r = diffTo("cbs", "2026-08-19");
      expect(names(r, "response-field-became-required")).toEqual(["Tag.Key", "Tag.Value"]);
      expect(ofKind(r, "type-replaced").map((c) => [c.level, c.message])).toEqual([
        ["compile", "type TagInput was removed (requests use Tag): code that names TagInput no longer compiles"],
      ]);
      expect(r.changes.filter((c) => c.side === "request")).toEqual([]);
      // Located at TagInput in the old spec; annotations go to Tag, which took its uses.
      const [replaced] = ofKind(r, "type-replaced");
      expect([replaced?.location.spec, replaced?.location.file, replaced?.anchor?.file]).toEqual(["old", expect.stringMatching(/types\.yaml$/), expect.stringMatching(/types\.yaml$/)]);
      expect(replaced?.anchor?.line).toBeGreaterThan(0);
    });

    it("2026-08-20: ten new members of RemoteDiskDetail, a minor release", () => {
      const r = diffTo("cbs", "2026-08-20");
      expect(r.changes.map((c) => `${c.kind} ${c.type}`)).toEqual(Array(10).fill("response-field-added RemoteDiskDetail"));
      expect(r.verdict.semver).toBe("minor");
    });
  });

  describe("sts", () => {
    it("2024-12-11: Credentials and ApiKey members now always returned (required → output_required): a tightening", () => {
      const r = diffTo("sts", "2024-12-11");
      expect(r.changes.filter((c) => c.level !== "compatible")).toEqual([]);
      expect([...new Set(ofKind(r, "response-field-became-required").map((c) => c.type ?? c.action))].sort()).toEqual(
        expect.arrayContaining(["ApiKey", "Credentials"]),
      );
      expect(r.verdict.semver).toBe("minor");
    });

    it("2025-04-23: GetSessionToken added; AssumeRole can return new codes", () => {
      const r = diffTo("sts", "2025-04-23");
      expect(names(r, "action-added")).toEqual(["GetSessionToken"]);
      expect(names(r, "action-code-added").every((n) => n.startsWith("AssumeRole "))).toBe(true);
      expect(levels(r, "action-code-added")).toEqual(["compile"]);
    });

    it("2025-11-19: only the service description changed, a patch", () => {
      const r = diffTo("sts", "2025-11-19");
      expect(r.changes.map((c) => [c.kind, c.message])).toEqual([["description-changed", "service sts 2018-08-13 has a new description"]]);
      expect(r.verdict).toEqual({ semver: "patch", reason: "only documentation changed (1 change)" });
    });
  });

  it.each(HISTORY_SERVICES)("$svc: a fresh re-import of the newest snapshot is no change", ({ svc, folder }) => {
    const newest = snapshots(svc, folder).at(-1)!;
    const again = loadModelFromFiles(importedSnapshot(svc, folder, newest));
    if (!again.ok) throw new Error("re-import failed");
    expect(diffModels(snapshotModel(svc, folder, newest), again.model).changes).toEqual([]);
  });

  it("no request field became required or was added required anywhere in the history", () => {
    for (const { svc, folder } of HISTORY_SERVICES) {
      for (const s of snapshots(svc, folder).slice(1)) {
        const r = diffTo(svc, s.slice(0, 10));
        expect([...ofKind(r, "request-field-became-required"), ...ofKind(r, "request-field-added-required")]).toEqual([]);
      }
    }
  });

  it("every always-returned or never-null backfill in the whole history is compatible", () => {
    for (const { svc, folder } of HISTORY_SERVICES) {
      for (const s of snapshots(svc, folder).slice(1)) {
        const r = diffTo(svc, s.slice(0, 10));
        for (const kind of ["response-field-became-required", "response-field-became-non-nullable"]) {
          expect(levels(r, kind).filter((l) => l !== "compatible")).toEqual([]);
        }
      }
    }
  });
});
