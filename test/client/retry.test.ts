/**
 * Opt-in retries, counted at the mock server: which outcomes are retried, how many times, how long
 * the waits are, fresh signatures per attempt, credentials asked per attempt, abort during a wait.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ClientOptions, Credentials, RetryOptions } from "../../generator/runtime/client.js";
import { clientTestModel, KEYS, ROTATED_ID, ROTATED_KEY, SECRET_ID, SECRET_KEY } from "./helpers/fixture-model.js";
import { writeClientPackage, type BuiltPackage, type UntypedClient } from "./helpers/package.js";
import { apiError, ok, startMockServer, verifyTc3, type MockServer } from "./helpers/server.js";

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

const fast: RetryOptions = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20 };

async function cvm(options: Partial<ClientOptions> = {}): Promise<UntypedClient> {
  return pkg.client("cvm", {
    credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY },
    region: "ap-guangzhou",
    endpoint: server.url,
    timeoutMs: 2000,
    retry: fast,
    ...options,
  });
}

/** Requests the server got while `f` ran. */
async function attempts<T>(f: () => Promise<T>): Promise<{ result: T; count: number; ms: number }> {
  const n = server.received.length;
  const t0 = Date.now();
  const result = await f();
  return { result, count: server.received.length - n, ms: Date.now() - t0 };
}

describe("retry", () => {
  it("is off by default: one attempt", async () => {
    server.scenario(() => apiError("RequestLimitExceeded"));
    const { count } = await attempts(async () => (await cvm({ retry: undefined }))["DescribeInstances"]!({}));
    expect(count).toBe(1);
  });

  it("retries a throttling code up to maxAttempts, then returns it", async () => {
    server.scenario(() => apiError("RequestLimitExceeded", "slow down", "req-last"));
    const { result, count } = await attempts(async () => (await cvm())["DescribeInstances"]!({}));
    expect(count).toBe(4);
    expect(result).toMatchObject({ ok: false, error: { code: "RequestLimitExceeded", requestId: "req-last" } });
  });

  it("returns the success once a retry succeeds", async () => {
    server.scenario((_r, n) => (n < 3 ? apiError("InternalError") : ok({ TotalCount: 1, InstanceSet: ["x"] }, "req-third")));
    const { result, count } = await attempts(async () => (await cvm())["DescribeInstances"]!({}));
    expect(count).toBe(3);
    expect(result).toMatchObject({ ok: true, requestId: "req-third" });
  });

  it("retries a transient service code (even when the action does not list it)", async () => {
    server.scenario(() => apiError("ResourceInsufficient.Busy"));
    expect((await attempts(async () => (await cvm())["RunInstances"]!({ ImageId: "img" }))).count).toBe(4);
    server.scenario(() => apiError("ResourceInsufficient.Busy"));
    const { result, count } = await attempts(async () => (await cvm())["DescribeInstances"]!({}));
    expect(count).toBe(4);
    expect(result).toMatchObject({ ok: false, error: { code: "$unknown", rawCode: "ResourceInsufficient.Busy" } });
  });

  it("never retries a code marked never, an unknown code, or a malformed reply", async () => {
    for (const reply of [
      apiError("InvalidInstanceId.NotFound"),
      apiError("AuthFailure.SignatureFailure"),
      apiError("FailedOperation.NotInSpec"),
      ok({ TotalCount: "x", InstanceSet: [] }),
    ]) {
      server.scenario(() => reply);
      expect((await attempts(async () => (await cvm())["DescribeInstances"]!({}))).count, reply.body).toBe(1);
    }
  });

  it("retries HTTP 5xx, 429, timeouts and network errors; not 4xx, not-json or not-envelope", async () => {
    const cases: [object, number][] = [
      [{ status: 503, body: "" }, 4],
      [{ status: 429, body: "" }, 4],
      [{ status: 400, body: "" }, 1],
      [{ status: 200, body: "<html>" }, 1],
      [{ status: 200, body: "{}" }, 1],
    ];
    for (const [reply, expected] of cases) {
      server.scenario(() => reply);
      expect((await attempts(async () => (await cvm())["DescribeInstances"]!({}))).count, JSON.stringify(reply)).toBe(expected);
    }
    server.scenario(() => ({ ...ok({}), delayMs: 500 }));
    const slow = await attempts(async () => (await cvm({ timeoutMs: 60, retry: { ...fast, maxAttempts: 2 } }))["DescribeInstances"]!({}));
    expect(slow.count).toBe(2);
    expect(slow.result).toMatchObject({ ok: false, error: { reason: "timeout" } });
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new TypeError("fetch failed");
    };
    const net = await (await cvm({ fetch: failing }))["DescribeInstances"]!({});
    expect(calls).toBe(4);
    expect(net).toMatchObject({ ok: false, error: { reason: "network" } });
  });

  it("re-signs each attempt with a fresh timestamp", async () => {
    // The clock moves 10 s per request: each attempt must carry its own timestamp and signature.
    const realNow = Date.now.bind(Date);
    let skew = 0;
    const sent: { headers: Record<string, string>; body: string }[] = [];
    const fetch = async (_url: string, init: { headers: Record<string, string>; body?: string }) => {
      sent.push({ headers: init.headers, body: init.body ?? "" });
      skew += 10_000;
      return { status: 200, text: async () => JSON.stringify({ Response: { Error: { Code: "RequestLimitExceeded", Message: "" }, RequestId: "r" } }) };
    };
    const spy = vi.spyOn(Date, "now").mockImplementation(() => realNow() + skew);
    try {
      await (await cvm({ fetch, retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 } }))["DescribeInstances"]!({ Limit: 1 });
    } finally {
      spy.mockRestore();
    }
    expect(sent.length).toBe(3);
    const stamps = sent.map((s) => Number(s.headers["X-TC-Timestamp"]));
    expect(stamps[1]! - stamps[0]!).toBeGreaterThanOrEqual(9);
    expect(stamps[2]! - stamps[1]!).toBeGreaterThanOrEqual(9);
    expect(new Set(sent.map((s) => s.headers["Authorization"])).size).toBe(3);
    const host = new URL(server.url).host;
    for (const s of sent) {
      const headers = {
        authorization: s.headers["Authorization"],
        "x-tc-timestamp": s.headers["X-TC-Timestamp"],
        "x-tc-action": s.headers["X-TC-Action"],
        "content-type": s.headers["Content-Type"],
        host,
      };
      expect(verifyTc3(headers, Buffer.from(s.body), KEYS)).toBe(true);
    }
  });

  it("bounds each wait by maxDelayMs (full jitter) and the whole call by totalTimeoutMs", async () => {
    server.scenario(() => apiError("RequestLimitExceeded"));
    const capped = await attempts(async () =>
      (await cvm({ retry: { maxAttempts: 6, baseDelayMs: 1000, maxDelayMs: 30 } }))["DescribeInstances"]!({}),
    );
    expect(capped.count).toBe(6);
    expect(capped.ms).toBeLessThan(5 * 30 + 800);
    const budget = await attempts(async () =>
      (await cvm({ retry: { maxAttempts: 1000, baseDelayMs: 20, maxDelayMs: 40, totalTimeoutMs: 300 } }))["DescribeInstances"]!({}),
    );
    expect(budget.ms).toBeLessThan(300 + 400);
    expect(budget.count).toBeGreaterThan(1);
    expect(budget.count).toBeLessThan(1000);
    // The last attempt gets only the time left: it ends with the throttling error, or as a timeout
    // when the budget runs out while it is in flight (timing-dependent on a loaded machine).
    expect(budget.result).toMatchObject({ ok: false });
    const last = (budget.result as { error: { code?: string; reason?: string } }).error;
    expect(last.code === "RequestLimitExceeded" || last.reason === "timeout").toBe(true);
  });

  it("an abort during the backoff wait returns the aborted outcome at once", async () => {
    server.scenario(() => apiError("RequestLimitExceeded"));
    const controller = new AbortController();
    const client = await cvm({ retry: { maxAttempts: 5, baseDelayMs: 10_000, maxDelayMs: 10_000 } });
    const pending = attempts(() => client["DescribeInstances"]!({}, { signal: controller.signal }));
    // wait until the first attempt was answered, then abort during the (up to 10 s) wait
    const n = server.received.length;
    while (server.received.length === n) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 20));
    const abortedAt = Date.now();
    controller.abort();
    const { result, count } = await pending;
    expect(Date.now() - abortedAt).toBeLessThan(200);
    expect(count).toBe(1);
    expect(result).toMatchObject({ ok: false, error: { kind: "transport", reason: "aborted" } });
  });

  it("asks the credentials function before every attempt (rotation)", async () => {
    server.scenario((_r, n) => (n < 3 ? apiError("RequestLimitExceeded") : ok({ TotalCount: 0, InstanceSet: [] })));
    const given: Credentials[] = [
      { secretId: SECRET_ID, secretKey: SECRET_KEY },
      { secretId: ROTATED_ID, secretKey: ROTATED_KEY },
      { secretId: ROTATED_ID, secretKey: ROTATED_KEY, token: "tok-3" },
    ];
    let asked = 0;
    const credentials = async () => given[asked++]!;
    const n = server.received.length;
    const result = await (await cvm({ credentials }))["DescribeInstances"]!({});
    expect(result.ok).toBe(true);
    expect(asked).toBe(3);
    const sent = server.received.slice(n);
    expect(sent.map((r) => r.signatureOk)).toEqual([true, true, true]);
    expect(sent.map((r) => /Credential=([^/]+)\//.exec(String(r.headers["authorization"]))?.[1])).toEqual([SECRET_ID, ROTATED_ID, ROTATED_ID]);
    expect(sent.map((r) => r.headers["x-tc-token"])).toEqual([undefined, undefined, "tok-3"]);
  });
});
