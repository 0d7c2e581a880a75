/**
 * One row per change kind: a synthetic spec edit (cases.ts) and the exact changes `diffModels` reports,
 * with their level (run time / compile time / compatible), semver and message.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GRADES } from "../../generator/diff/grade.js";
import { repoRoot } from "../import/corpus.js";
import { CHANGE_KINDS, diffModels } from "../../generator/diff/index.js";
import { CASES } from "./cases.js";
import { baseSpecs, modelOf, specTexts } from "./specs.js";

type Row = readonly [kind: string, level: string, semver: string, message: string];

/** A split whose response type can no longer stand in for the request type: the names' changes. */
const TAG_SPLIT: readonly Row[] = [
  ["type-side-changed", "compile", "major", "requests no longer use type Tag (they use TagInput): code that names Tag for a request value may no longer compile"],
  ["type-added", "compatible", "minor", "new type TagInput (where requests used Tag)"],
];

const WANT: Record<string, readonly Row[]> = {
  "action added": [
    ["action-added", "compatible", "minor", "new action StopInstances"],
  ],
  "action removed": [
    ["action-removed", "runtime", "major", "action RunInstances was removed: calls to it no longer compile and the API rejects them"],
  ],
  "optional request field added": [
    ["request-field-added", "compatible", "minor", "new optional request field DescribeInstances.Offset"],
  ],
  "required request field added": [
    ["request-field-added-required", "runtime", "major", "new required request field RunInstances.Zone: every call must now send it"],
  ],
  "request field removed": [
    ["request-field-removed", "runtime", "major", "request field DescribeInstances.Limit was removed: calls that send it no longer compile and may be rejected"],
  ],
  "request field became required": [
    ["request-field-became-required", "runtime", "major", "request field DescribeInstances.Limit is now required: calls that leave it out no longer compile and are rejected"],
  ],
  "request field became optional": [
    ["request-field-became-optional", "compatible", "minor", "request field RunInstances.ImageId is now optional"],
  ],
  "request field became nullable": [
    ["request-field-became-nullable", "compatible", "minor", "request field RunInstances.ImageId now accepts null"],
  ],
  "request field became non-nullable": [
    ["request-field-became-non-nullable", "runtime", "major", "request field RunInstances.ImageId no longer accepts null: calls that send null no longer compile and are rejected"],
  ],
  "request type changed": [
    ["request-type-changed", "runtime", "major", "request field DescribeInstances.Limit changed type from int32 to boolean"],
  ],
  "request type narrowed": [
    ["request-type-narrowed", "runtime", "major", "request field DescribeInstances.Limit narrowed from int64 to int32: calls with values outside the new type no longer compile and are rejected"],
  ],
  "request type widened": [
    ["request-type-widened", "compatible", "minor", "request field DescribeInstances.Limit widened from int32 to int64"],
  ],
  "request enum value added": [
    ["request-enum-values-added", "compatible", "minor", "request field RunInstances.Mode accepts new values \"SLOW\""],
  ],
  "request enum value removed": [
    ["request-enum-values-removed", "runtime", "major", "request field RunInstances.Mode no longer accepts \"SAFE\": calls that send it no longer compile and are rejected"],
  ],
  "request string became an enum": [
    ["request-type-narrowed", "runtime", "major", "request field RunInstances.ImageId narrowed from string to enum \"img-1\" | \"img-2\": calls with values outside the new type no longer compile and are rejected"],
  ],
  "response field added": [
    ["response-field-added", "compatible", "minor", "new response field DescribeInstances.RequestTime"],
  ],
  "response field removed": [
    ["response-field-removed", "runtime", "major", "response field DescribeInstances.TotalCount was removed: code that reads it no longer compiles, and the value is gone"],
  ],
  "response field became optional": [
    ["response-field-became-optional", "runtime", "major", "response field DescribeInstances.TotalCount may now be absent: code that reads it as always present breaks"],
  ],
  "response field became required (always returned)": [
    ["response-field-became-required", "compatible", "minor", "response field DescribeInstances.TotalCount is now always returned"],
  ],
  "response field became nullable": [
    ["response-field-became-nullable", "runtime", "major", "response field DescribeInstances.TotalCount may now be null: code that reads it as a value breaks"],
  ],
  "response field became non-nullable": [
    ["response-field-became-non-nullable", "compatible", "minor", "response field DescribeInstances.TotalCount is never null any more"],
  ],
  "response type changed": [
    ["response-type-changed", "runtime", "major", "response field DescribeInstances.TotalCount changed type from int64 to string"],
  ],
  "response type narrowed": [
    ["response-type-narrowed", "compatible", "minor", "response field DescribeInstances.TotalCount narrowed from int64 to int32"],
  ],
  "response type widened": [
    ["response-type-widened", "runtime", "major", "response field DescribeInstances.TotalCount widened from int64 to float: values it could not hold before may arrive"],
  ],
  "response enum became a string": [
    ["response-type-widened", "compile", "major", "response field Instance.State widened from enum \"RUNNING\" | \"STOPPED\" to string: an exhaustive switch over it no longer compiles"],
  ],
  "response enum value added (closed enum)": [
    ["response-enum-values-added", "compile", "major", "response field Instance.State has new values \"PENDING\": an exhaustive switch over it no longer compiles"],
  ],
  "response enum value removed": [
    ["response-enum-values-removed", "compatible", "minor", "response field Instance.State no longer returns \"STOPPED\""],
  ],
  "list item type changed": [
    ["response-type-changed", "runtime", "major", "response field DescribeInstances.InstanceSet changed type from Instance[] to Tag[]"],
  ],
  "field of a type used on both sides became optional": [
    ["response-field-became-optional", "runtime", "major", "response field Tag.Key may now be absent: code that reads it as always present breaks"],
    ["request-field-became-optional", "compatible", "minor", "request field Tag.Key is now optional"],
  ],
  "field of a request-only type became required": [
    ["request-field-became-required", "runtime", "major", "request field Filter.Name is now required: calls that leave it out no longer compile and are rejected"],
  ],
  "type added": [
    ["type-added", "compatible", "minor", "new type Zone"],
  ],
  "type removed": [
    ["type-removed", "compile", "major", "type Zone was removed: code that names it no longer compiles"],
  ],
  "type renamed": [
    ["type-renamed", "compile", "major", "type Filter was renamed to InstanceFilter: code that names Filter no longer compiles"],
  ],
  "type split, both sides agree": [
    ["type-added", "compatible", "minor", "new type TagInput (where requests used Tag)"],
  ],
  "type split by per-side requiredness": [
    ["response-field-became-optional", "runtime", "major", "response field Tag.Key may now be absent: code that reads it as always present breaks"],
    ...TAG_SPLIT,
  ],
  "type split and a request field became required": [
    ["request-field-became-required", "runtime", "major", "request field TagInput.Value is now required: calls that leave it out no longer compile and are rejected"],
    ...TAG_SPLIT,
  ],
  "type merged back": [
    ["type-replaced", "compile", "major", "type TagInput was removed (requests use Tag): code that names TagInput no longer compiles"],
  ],
  "request field of a merged type became required": [
    ["request-field-became-required", "runtime", "major", "request field Tag.Value is now required: calls that leave it out no longer compile and are rejected"],
    ["type-replaced", "compile", "major", "type TagInput was removed (requests use Tag): code that names TagInput no longer compiles"],
    ["response-field-became-required", "compatible", "minor", "response field Tag.Value is now always returned"],
  ],
  "type renamed and a field changed": [
    ["type-renamed", "compile", "major", "type Filter was renamed to InstanceFilter: code that names Filter no longer compiles"],
    ["request-field-became-optional", "compatible", "minor", "request field InstanceFilter.Name is now optional"],
  ],
  "code added to an action": [
    ["action-code-added", "compile", "major", "DescribeInstances can now return ResourceNotFound.Instance: an exhaustive match on its errors no longer compiles until it handles it or ResourceNotFound.*"],
  ],
  "code removed from an action": [
    ["action-code-removed", "compile", "major", "DescribeInstances no longer returns InvalidFilter: a match handler for it no longer compiles"],
  ],
  "common code added": [
    ["common-code-added", "compile", "major", "every action can now return RequestLimitExceeded (a common code): exhaustive matches no longer compile until they handle it"],
  ],
  "common code removed": [
    ["common-code-removed", "compile", "major", "common code InvalidParameter was removed: match handlers for it no longer compile"],
  ],
  "service code added (no action lists it)": [
    ["service-code-added", "compatible", "minor", "new service code LimitExceeded.Quota"],
  ],
  "service code removed": [
    ["service-code-removed", "compile", "major", "service code ResourceNotFound.Instance was removed: code that names it no longer compiles"],
  ],
  "code retry class changed": [
    ["code-retry-changed", "compatible", "patch", "code InvalidFilter is now retried as transient (was never)"],
  ],
  "action deprecated": [
    ["deprecation-changed", "compatible", "patch", "action RunInstances is now deprecated"],
  ],
  "action description changed": [
    ["description-changed", "compatible", "patch", "action DescribeInstances has a new description"],
  ],
  "field example changed": [
    ["example-changed", "compatible", "patch", "field RunInstances.ImageId has a new example"],
  ],
  "code description changed": [
    ["description-changed", "compatible", "patch", "code InvalidFilter has a new description"],
  ],
  "envelope changed": [
    ["envelope-changed", "runtime", "major", "envelope requestId is now \"ReqId\" (was \"RequestId\"): every reply is read differently"],
  ],
  "protocol changed": [
    ["protocol-changed", "runtime", "major", 'the protocol is now {"style":"http","auth":"none","endpoint":"/rpc","actionHeader":"X-Action"} (was {"style":"tencent"}): every request is sent differently'],
  ],
  "action route changed": [
    ["action-route-changed", "runtime", "major", "DescribeInstances is now sent as POST /instances/search (was GET /instances): a server that serves the old route no longer answers it"],
  ],
  "package renamed": [
    ["package-renamed", "compile", "major", "the package is now @tcgen/other (was @tcgen/test): every import of it must change"],
  ],
  "service host changed": [
    ["service-host-changed", "runtime", "major", "service cvm 2017-03-12 is now called at host cvm2 (was cvm)"],
  ],
  "service version added": [
    ["service-removed", "runtime", "major", "service cvm 2017-03-12 was removed: imports of it no longer compile"],
    ["service-added", "compatible", "minor", "new service cvm 2024-01-01"],
  ],
};

function diffCase(name: string) {
  const c = CASES[name]!;
  const before = baseSpecs();
  c.before?.(before);
  const after = baseSpecs();
  c.after(after);
  return diffModels(modelOf(specTexts(before)), modelOf(specTexts(after)));
}

describe("change kinds", () => {
  it.each(Object.keys(WANT))("%s", (name) => {
    const got = diffCase(name).changes.map((c) => [c.kind, c.level, c.semver, c.message]);
    expect(got).toEqual(WANT[name]);
  });

  it("every case has a row and every kind a case", () => {
    expect(Object.keys(WANT).sort()).toEqual(Object.keys(CASES).sort());
    const covered = new Set(Object.values(WANT).flatMap((rows) => rows.map((r) => r[0])));
    expect(CHANGE_KINDS.filter((k) => !covered.has(k))).toEqual([]);
  });
});

describe("docs/diff-format.md", () => {
  it("lists every kind with its level and semver, in the order of CHANGE_KINDS", () => {
    const doc = readFileSync(join(repoRoot, "docs", "diff-format.md"), "utf8");
    const rows = [...doc.matchAll(/^\| `([a-z-]+)` \| (\w+) \| (\w+) \|/gm)].map((m) => [m[1], m[2], m[3]]);
    expect(rows).toEqual(CHANGE_KINDS.map((k) => [k, GRADES[k].level, GRADES[k].semver]));
  });
});
