/**
 * The parsers inside a whole generated package: YAML specs → generateFromFiles (loader, model, every
 * emitter) → files in a temp dir → import `cvm/parsers.js`. Checks the contract with the code tables
 * of the errors emitter (`commonCodes`, `actionCodes`) on the seed examples.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFromFiles } from "../../generator/pipeline.js";
import { SEED_ERROR, SEED_SUCCESS } from "./models.js";
import { expectOutcomeShape } from "./outcome.js";
import type { Parser } from "./package.js";

const PACKAGE_YAML = `specVersion: 1
package:
  name: "@tcgen/pipeline-test"
  version: "0.0.0"
envelope:
  wrapper: Response
  requestId: RequestId
  error:
    key: Error
    code: Code
    message: Message
  hostSuffix: tencentcloudapi.com
commonErrors:
  AuthFailure.SignatureFailure:
    description: The signature does not match.
  InternalError:
    description: Something failed on the server.
    retry: transient
`;

const CVM_YAML = `specVersion: 1
service:
  name: cvm
  version: "2017-03-12"
errors:
  InvalidInstanceId.NotFound:
    description: No instance has this ID.
  InvalidFilter:
    description: The filter is not valid.
types:
  InstanceStatus:
    fields:
      InstanceId: string
      InstanceState:
        type: string
        enum: [PENDING, RUNNING, STOPPED]
actions:
  DescribeInstancesStatus:
    response:
      TotalCount: int64
      InstanceStatusSet: InstanceStatus[]
    errors: [InvalidInstanceId.NotFound]
  DescribeFilters:
    response:
      Names: { type: "string[]", optional: true }
    errors: [InvalidFilter]
`;

let dir = "";
let parsers: Record<string, Parser> = {};

beforeAll(async () => {
  const result = await generateFromFiles(
    [
      { path: "package.yaml", content: PACKAGE_YAML },
      { path: "cvm.yaml", content: CVM_YAML },
    ],

  );
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  dir = mkdtempSync(join(tmpdir(), "tcgen-pipeline-"));
  for (const f of result.files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  parsers = (await import(/* @vite-ignore */ pathToFileURL(join(dir, "cvm", "parsers.js")).href)) as Record<string, Parser>;
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const run = (name: string, input: unknown) => {
  const fn = parsers[name];
  if (!fn) throw new Error(`no ${name}`);
  const r = fn(input);
  expectOutcomeShape(r);
  return r;
};

describe("parsers in a generated package", () => {
  it("parse the seed examples", () => {
    expect(run("parseDescribeInstancesStatus", SEED_SUCCESS)).toMatchObject({ ok: true, requestId: "b5b41468-520d-4192-b42f-595cc34b6c1c" });
    expect(run("parseDescribeInstancesStatus", SEED_ERROR)).toMatchObject({
      ok: false,
      error: { kind: "api-error", code: "AuthFailure.SignatureFailure", family: "AuthFailure", requestId: "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6" },
    });
  });

  it("know common codes and the action's own codes from the errors emitter's tables, and nothing else", () => {
    const err = (c: string) => JSON.stringify({ Response: { Error: { Code: c, Message: "m" }, RequestId: "r" } });
    expect(run("parseDescribeInstancesStatus", err("InternalError"))).toMatchObject({ error: { code: "InternalError" } });
    expect(run("parseDescribeInstancesStatus", err("InvalidInstanceId.NotFound"))).toMatchObject({ error: { code: "InvalidInstanceId.NotFound" } });
    expect(run("parseDescribeInstancesStatus", err("InvalidFilter"))).toMatchObject({ error: { code: "$unknown", rawCode: "InvalidFilter" } });
    expect(run("parseDescribeFilters", err("InvalidFilter"))).toMatchObject({ error: { code: "InvalidFilter" } });
    expect(run("parseDescribeFilters", err("toString"))).toMatchObject({ error: { code: "$unknown" } });
  });

  it("check data as the YAML says", () => {
    const reply = JSON.stringify({ Response: { TotalCount: 1, InstanceStatusSet: [{ InstanceId: "i", InstanceState: "GONE" }], RequestId: "r" } });
    expect(run("parseDescribeInstancesStatus", reply)).toEqual({
      ok: false,
      error: {
        kind: "malformed",
        path: "$.Response.InstanceStatusSet[0].InstanceState",
        expected: 'one of "PENDING" | "RUNNING" | "STOPPED"',
        found: 'the string "GONE"',
        reason: "enum",
        issues: [{ path: "$.Response.InstanceStatusSet[0].InstanceState", reason: "enum", expected: 'one of "PENDING" | "RUNNING" | "STOPPED"', found: 'the string "GONE"' }],
        body: JSON.parse(reply) as unknown,
        requestId: "r",
      },
    });
    expect(run("parseDescribeFilters", '{"Response":{"RequestId":"r"}}')).toMatchObject({ ok: true, unknownFields: [] });
  });
});
