/**
 * Synthetic spec pairs for the diff tests: a small package + cvm service as plain objects, edited per
 * case, written as YAML (in memory, or into a temp dir for the CLI tests).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import { formatDiagnostic } from "../../generator/diagnostics.js";
import { loadModelFromFiles } from "../../generator/model/index.js";
import type { Model } from "../../generator/model/types.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Doc = Record<string, any>;

export interface SpecPair {
  package: Doc;
  service: Doc;
}

export function baseSpecs(): SpecPair {
  return {
    package: {
      specVersion: 1,
      package: { name: "@tcgen/test", version: "1.0.0" },
      envelope: { wrapper: "Response", requestId: "RequestId", error: { key: "Error", code: "Code", message: "Message" }, hostSuffix: "tencentcloudapi.com" },
      commonErrors: {
        InternalError: { description: "Internal error.", retry: "transient" },
        InvalidParameter: { description: "A parameter is wrong." },
      },
    },
    service: {
      specVersion: 1,
      service: { name: "cvm", version: "2017-03-12", description: "Virtual machines." },
      errors: {
        InvalidFilter: { description: "Bad filter." },
        "ResourceNotFound.Instance": { description: "No such instance." },
      },
      types: {
        Filter: { fields: { Name: "string", Values: "string[]" } },
        Instance: {
          fields: {
            InstanceId: "string",
            State: { type: "string", enum: ["RUNNING", "STOPPED"] },
            Tags: { type: "Tag[]", optional: true },
          },
        },
        Tag: { fields: { Key: "string", Value: "string" } },
      },
      actions: {
        DescribeInstances: {
          description: "Lists instances.",
          request: { Filters: { type: "Filter[]", optional: true }, Limit: { type: "int32", optional: true } },
          response: { TotalCount: "int64", InstanceSet: "Instance[]" },
          errors: ["InvalidFilter"],
        },
        RunInstances: {
          request: {
            ImageId: { type: "string", example: "img-1" },
            Tags: { type: "Tag[]", optional: true },
            Mode: { type: "string", enum: ["FAST", "SAFE"], optional: true },
          },
          response: { InstanceIds: "string[]" },
        },
      },
    },
  };
}

export function specTexts(specs: SpecPair): Record<string, string> {
  return { "package.yaml": stringify(specs.package), "cvm/cvm.yaml": stringify(specs.service) };
}

export function modelOf(texts: Record<string, string>): Model {
  const r = loadModelFromFiles(Object.entries(texts).map(([path, content]) => ({ path, content })));
  if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join("\n"));
  return r.model;
}

export function writeSpecs(dir: string, texts: Record<string, string>): void {
  for (const [path, text] of Object.entries(texts)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}
