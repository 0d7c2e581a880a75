/**
 * The secret key and the session token never appear in anything the client produces: the client object,
 * results of every outcome kind, thrown errors (message, stack, inspect, JSON), option errors, or logs.
 */
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ClientOptions } from "../../generator/runtime/client.js";
import { clientTestModel, KEYS, SECRET_ID, SECRET_KEY, TOKEN } from "./helpers/fixture-model.js";
import { writeClientPackage, type BuiltPackage } from "./helpers/package.js";
import { apiError, ok, startMockServer, type MockServer, type Reply } from "./helpers/server.js";

let pkg: BuiltPackage;
let server: MockServer;

beforeAll(async () => {
  pkg = writeClientPackage(clientTestModel());
  server = await startMockServer(KEYS);
});
afterAll(async () => {
  await server.close();
  pkg.remove();
});

/** Every rendering a user might log. */
function renderings(value: unknown): string[] {
  const out = [inspect(value, { showHidden: true, depth: Infinity, getters: true }), String(JSON.stringify(value) ?? "")];
  try {
    out.push(String(value));
  } catch {
    // a value without string conversion has nothing to leak here
  }
  if (value instanceof Error) out.push(value.message, value.stack ?? "");
  return out;
}

function expectNoSecret(value: unknown, label: string): void {
  for (const text of renderings(value)) {
    expect(text, label).not.toContain(SECRET_KEY);
    expect(text, label).not.toContain(TOKEN);
  }
}

describe("secrets", () => {
  it("never appear in the client, any outcome, thrown errors or logs", async () => {
    const logs = ["log", "info", "warn", "error", "debug", "trace"].map((m) => vi.spyOn(console, m as "log"));
    const options: ClientOptions = {
      credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY, token: TOKEN },
      region: "ap-guangzhou",
      endpoint: server.url,
      timeoutMs: 100,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    };
    const client = await pkg.client("cvm", options);
    const provided = await pkg.client("cvm", { ...options, credentials: async () => ({ secretId: SECRET_ID, secretKey: SECRET_KEY, token: TOKEN }) });
    expectNoSecret(client, "client");
    expectNoSecret(provided, "client with a credentials function");
    expect(String(client)).toBe("[tcgen client cvm 2017-03-12]");

    const { orThrow } = await pkg.runtime();
    const scenarios: Reply[] = [
      ok({ TotalCount: 1, InstanceSet: ["a"] }),
      apiError("AuthFailure.SignatureFailure"),
      apiError("Something.New"),
      ok({ TotalCount: "x", InstanceSet: [] }),
      { status: 500, body: "{}" },
      { body: "not json" },
      { body: '{"a":1}' },
      { body: "{}", delayMs: 400 },
      { body: '{"Response":{"RequestId":"r"', cutAfter: 5 },
    ];
    for (const [i, reply] of scenarios.entries()) {
      server.scenario(() => reply);
      for (const c of [client, provided]) {
        const result = await c["DescribeInstances"]!({});
        expectNoSecret(result, `result ${i}`);
        const thrown = await c["DescribeInstances"]!({}).then(orThrow).catch((e: unknown) => e);
        expectNoSecret(thrown, `thrown ${i}`);
      }
    }
    // The token was sent (so the checks above had something to leak).
    expect(server.received.some((r) => r.headers["x-tc-token"] === TOKEN)).toBe(true);

    // A fetch whose own error message echoes the request's secrets: the message is redacted.
    const leaky = await pkg.client("cvm", {
      ...options,
      fetch: async (_url, init) => {
        throw new Error(`failed: ${JSON.stringify(init.headers)} ${SECRET_KEY}`);
      },
    });
    const leakedResult = await leaky["DescribeInstances"]!({});
    expect(leakedResult).toMatchObject({ ok: false, error: { reason: "network" } });
    expectNoSecret(leakedResult, "redacted fetch error");

    // Option errors.
    const bad = await pkg.client("cvm", { ...options, timeoutMs: -1 }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(TypeError);
    expectNoSecret(bad, "option error");

    for (const spy of logs) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });
});
