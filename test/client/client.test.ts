/**
 * The generated client against a mock Tencent endpoint that checks every signature independently:
 * every outcome comes back as a value (never thrown), with the right kind, reason, status and request id.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientOptions } from "../../generator/runtime/client.js";
import { clientTestModel, KEYS, SECRET_ID, SECRET_KEY, TOKEN } from "./helpers/fixture-model.js";
import { writeClientPackage, type BuiltPackage, type UntypedClient } from "./helpers/package.js";
import { apiError, ok, startMockServer, type MockServer } from "./helpers/server.js";

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

const base = (): ClientOptions => ({
  credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY },
  region: "ap-guangzhou",
  endpoint: server.url,
  timeoutMs: 2000,
});

async function cvm(options: Partial<ClientOptions> = {}): Promise<UntypedClient> {
  return pkg.client("cvm", { ...base(), ...options });
}

function last() {
  const r = server.received.at(-1);
  if (!r) throw new Error("no request received");
  return r;
}

describe("calls", () => {
  it("sends a signed POST with the X-TC headers and returns the parsed success", async () => {
    server.scenario(() => ok({ TotalCount: 1, InstanceSet: ["ins-1"] }, "req-1"));
    const client = await cvm();
    const result = await client["DescribeInstances"]!({ Limit: 1, InstanceIds: ["ins-1", "未命名😀"] });
    expect(result).toMatchObject({ ok: true, data: { TotalCount: 1, InstanceSet: ["ins-1"] }, requestId: "req-1", unknownFields: [] });
    const r = last();
    expect(r.signatureOk).toBe(true);
    expect(r.body).toBe(JSON.stringify({ Limit: 1, InstanceIds: ["ins-1", "未命名😀"] }));
    expect(r.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(r.headers["x-tc-action"]).toBe("DescribeInstances");
    expect(r.headers["x-tc-version"]).toBe("2017-03-12");
    expect(r.headers["x-tc-region"]).toBe("ap-guangzhou");
    expect(Math.abs(Number(r.headers["x-tc-timestamp"]) - Date.now() / 1000)).toBeLessThan(5);
    expect(r.headers["authorization"]).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDtest\w+\/\d{4}-\d\d-\d\d\/cvm\/tc3_request, /);
    expect(r.headers["x-tc-token"]).toBeUndefined();
    expect(r.headers["x-tc-language"]).toBeUndefined();
  });

  it("runs middleware around the signed attempt (a header it adds is sent; the signature still holds)", async () => {
    server.scenario(() => ok({ TotalCount: 0, InstanceSet: [] }, "req-mw"));
    const statuses: number[] = [];
    const client = await cvm({
      middleware: [
        async (request, next) => {
          const reply = await next({ ...request, headers: { ...request.headers, "X-Trace": "t-1" } });
          if (!("kind" in reply)) statuses.push(reply.status);
          return reply;
        },
      ],
    });
    expect(await client["DescribeInstances"]!({})).toMatchObject({ ok: true, requestId: "req-mw" });
    expect(statuses).toEqual([200]);
    expect(last().headers["x-trace"]).toBe("t-1");
    expect(last().signatureOk).toBe(true);
  });

  it("sends {} when the request is omitted", async () => {
    server.scenario(() => ok({ TotalCount: 0, InstanceSet: [] }));
    const result = await (await cvm())["DescribeInstances"]!();
    expect(result.ok).toBe(true);
    expect(last().body).toBe("{}");
  });

  it("sends the token and language headers when set, and omits an empty region", async () => {
    server.scenario(() => ok({ TotalCount: 0, InstanceSet: [] }));
    const client = await cvm({
      credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY, token: TOKEN },
      language: "en-US",
      region: "",
    });
    expect((await client["DescribeInstances"]!({})).ok).toBe(true);
    const r = last();
    expect(r.signatureOk).toBe(true);
    expect(r.headers["x-tc-token"]).toBe(TOKEN);
    expect(r.headers["x-tc-language"]).toBe("en-US");
    expect(r.headers["x-tc-region"]).toBeUndefined();
  });

  it("per-call region overrides the client's", async () => {
    server.scenario(() => ok({ TotalCount: 0, InstanceSet: [] }));
    await (await cvm())["DescribeInstances"]!({}, { region: "ap-beijing" });
    expect(last().headers["x-tc-region"]).toBe("ap-beijing");
  });

  it("signs with the service of a nested module and sends its version", async () => {
    server.scenario(() => ok({ TotalCount: 3 }));
    const tke = await pkg.client("tke/v20180525", base());
    expect(await tke["DescribeClusters"]!({})).toMatchObject({ ok: true, data: { TotalCount: 3 } });
    expect(last().signatureOk).toBe(true);
    expect(last().headers["authorization"]).toContain("/tke/tc3_request");
    expect(last().headers["x-tc-version"]).toBe("2018-05-25");
    const tke2 = await pkg.client("tke/v20220501", base());
    await tke2["DescribeClusters"]!({});
    expect(last().headers["x-tc-version"]).toBe("2022-05-01");
  });

  it("uses the default host, or the endpoint override, for the URL and the signed host", async () => {
    const seen: { url: string; auth: string }[] = [];
    const fetch = async (url: string, init: { headers: Record<string, string> }) => {
      seen.push({ url, auth: init.headers["Authorization"] ?? "" });
      return { status: 200, text: async () => JSON.stringify({ Response: { TotalCount: 0, InstanceSet: [], RequestId: "r" } }) };
    };
    const { endpoint: _drop, ...noEndpoint } = base();
    await (await pkg.client("cvm", { ...noEndpoint, fetch }))["DescribeInstances"]!({});
    await (await pkg.client("cvm", { ...noEndpoint, fetch, endpoint: "cvm.ap-guangzhou.tencentcloudapi.com" }))["DescribeInstances"]!({});
    expect(seen.map((s) => s.url)).toEqual(["https://cvm.tencentcloudapi.com/", "https://cvm.ap-guangzhou.tencentcloudapi.com/"]);
    // The mock server verified `host:127.0.0.1:<port>` in the tests above; here the two hosts give two signatures.
    expect(seen[0]!.auth).not.toBe(seen[1]!.auth);
  });
});

describe("outcomes", () => {
  it("a common code comes back as a typed API error", async () => {
    server.scenario(() => apiError("RequestLimitExceeded", "too many", "req-c"));
    const result = await (await cvm())["DescribeInstances"]!({});
    expect(result).toEqual({
      ok: false,
      error: { kind: "api-error", code: "RequestLimitExceeded", rawCode: "RequestLimitExceeded", family: "RequestLimitExceeded", message: "too many", requestId: "req-c" },
    });
  });

  it("an action code comes back as a typed API error", async () => {
    server.scenario(() => apiError("InvalidInstanceId.NotFound", "no such instance", "req-a"));
    const result = await (await cvm())["DescribeInstances"]!({});
    expect(result).toMatchObject({ ok: false, error: { kind: "api-error", code: "InvalidInstanceId.NotFound", family: "InvalidInstanceId", requestId: "req-a" } });
  });

  it("a code the spec does not know comes back as $unknown with the wire code", async () => {
    server.scenario(() => apiError("FailedOperation.NewThing", "new", "req-u"));
    const result = await (await cvm())["DescribeInstances"]!({});
    expect(result).toMatchObject({ ok: false, error: { kind: "api-error", code: "$unknown", rawCode: "FailedOperation.NewThing", family: "FailedOperation", requestId: "req-u" } });
  });

  it("an envelope whose fields do not match the spec is malformed (with its request id)", async () => {
    server.scenario(() => ok({ TotalCount: "one", InstanceSet: [] }, "req-m"));
    const result = await (await cvm())["DescribeInstances"]!({});
    expect(result).toMatchObject({ ok: false, error: { kind: "malformed", requestId: "req-m" } });
    expect(result.ok === false && result.error.kind === "malformed" && result.error.path).toContain("TotalCount");
  });

  it("HTTP 500 is a transport failure keeping the status and the envelope's request id", async () => {
    server.scenario(() => ({ status: 500, body: JSON.stringify({ Response: { Error: { Code: "InternalError", Message: "x" }, RequestId: "req-500" } }) }));
    const result = await (await cvm())["DescribeInstances"]!({});
    expect(result).toMatchObject({ ok: false, error: { kind: "transport", reason: "http-status", status: 500, requestId: "req-500" } });
    server.scenario(() => ({ status: 502, body: "<html>bad gateway</html>" }));
    expect(await (await cvm())["DescribeInstances"]!({})).toMatchObject({
      ok: false,
      error: { kind: "transport", reason: "http-status", status: 502, requestId: undefined, body: "<html>bad gateway</html>" },
    });
  });

  it("a non-JSON body is a not-json transport failure", async () => {
    server.scenario(() => ({ body: "<html>maintenance</html>" }));
    expect(await (await cvm())["DescribeInstances"]!({})).toMatchObject({
      ok: false,
      error: { kind: "transport", reason: "not-json", status: 200, body: "<html>maintenance</html>" }, // the body is kept
    });
  });

  it("a truncated body is not-json; a connection cut mid-body is a network failure", async () => {
    const full = JSON.stringify({ Response: { TotalCount: 1, InstanceSet: ["a"], RequestId: "r" } });
    server.scenario(() => ({ body: full.slice(0, 20) }));
    expect(await (await cvm())["DescribeInstances"]!({})).toMatchObject({ ok: false, error: { kind: "transport", reason: "not-json" } });
    server.scenario(() => ({ body: full, cutAfter: 20 }));
    expect(await (await cvm())["DescribeInstances"]!({})).toMatchObject({ ok: false, error: { kind: "transport", reason: "network" } });
  });

  it("JSON that is not an envelope is a not-envelope transport failure", async () => {
    for (const body of ['{"Result": {}}', "[1,2]", '{"Response": {"TotalCount": 1}}', '{"Response": "x"}', "null"]) {
      server.scenario(() => ({ body }));
      expect(await (await cvm())["DescribeInstances"]!({}), body).toMatchObject({ ok: false, error: { kind: "transport", reason: "not-envelope", status: 200, body } });
    }
  });

  it("a reply slower than timeoutMs is a timeout, returned on time", async () => {
    server.scenario(() => ({ ...ok({ TotalCount: 0, InstanceSet: [] }), delayMs: 1500 }));
    const t0 = Date.now();
    const result = await (await cvm({ timeoutMs: 150 }))["DescribeInstances"]!({});
    expect(result).toMatchObject({ ok: false, error: { kind: "transport", reason: "timeout", status: undefined } });
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it("a refused connection is a network failure", async () => {
    const result = await (await cvm({ endpoint: "http://127.0.0.1:1" }))["DescribeInstances"]!({});
    expect(result).toMatchObject({ ok: false, error: { kind: "transport", reason: "network" } });
  });

  it("an aborted signal gives the aborted outcome, before or during the request", async () => {
    const before = new AbortController();
    before.abort();
    const n = server.received.length;
    expect(await (await cvm())["DescribeInstances"]!({}, { signal: before.signal })).toMatchObject({ ok: false, error: { reason: "aborted" } });
    expect(server.received.length).toBe(n); // nothing sent
    server.scenario(() => ({ ...ok({}), delayMs: 1500 }));
    const during = new AbortController();
    setTimeout(() => during.abort(), 50);
    const t0 = Date.now();
    expect(await (await cvm())["DescribeInstances"]!({}, { signal: during.signal })).toMatchObject({ ok: false, error: { reason: "aborted" } });
    expect(Date.now() - t0).toBeLessThan(1000);
    const client = new AbortController();
    setTimeout(() => client.abort(), 50);
    expect(await (await cvm({ signal: client.signal }))["DescribeInstances"]!({})).toMatchObject({ ok: false, error: { reason: "aborted" } });
  });

  it("an abort while waiting for the credentials provider returns at once", async () => {
    const controller = new AbortController();
    const client = await cvm({ credentials: () => new Promise(() => undefined) }); // never answers
    setTimeout(() => controller.abort(), 30);
    const t0 = Date.now();
    expect(await client["DescribeInstances"]!({}, { signal: controller.signal })).toMatchObject({ ok: false, error: { reason: "aborted" } });
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it("a request that cannot be serialised is returned as a serialize failure, nothing sent", async () => {
    const n = server.received.length;
    const cyclic: Record<string, unknown> = { Limit: 1n };
    cyclic["Self"] = cyclic;
    expect(await (await cvm())["DescribeInstances"]!(cyclic)).toMatchObject({
      ok: false,
      error: { kind: "transport", reason: "serialize", message: "the request could not be serialised: TypeError: the request contains a cycle" },
    });
    expect(await (await cvm())["DescribeInstances"]!([1])).toMatchObject({ ok: false, error: { reason: "serialize" } });
    expect(server.received.length).toBe(n);
  });

  it("a failing or bad credentials provider is a credentials failure", async () => {
    const fails = await cvm({ credentials: () => Promise.reject(new Error("vault unreachable")) });
    expect(await fails["DescribeInstances"]!({})).toMatchObject({ ok: false, error: { kind: "transport", reason: "credentials" } });
    const empty = await cvm({ credentials: () => ({ secretId: "", secretKey: "" }) });
    expect(await empty["DescribeInstances"]!({})).toMatchObject({ ok: false, error: { reason: "credentials" } });
  });

  it("a wrong key is signed and sent; the server's AuthFailure comes back typed", async () => {
    const client = await cvm({ credentials: { secretId: SECRET_ID, secretKey: "wrong-key" } });
    expect(await client["DescribeInstances"]!({})).toMatchObject({ ok: false, error: { kind: "api-error", code: "AuthFailure.SignatureFailure" } });
    expect(last().signatureOk).toBe(false);
  });
});

describe("orThrow", () => {
  it("returns the success, or throws TcgenCallError carrying the same typed failure", async () => {
    const { orThrow, TcgenCallError } = await pkg.runtime();
    server.scenario(() => ok({ TotalCount: 2, InstanceSet: ["a", "b"] }, "req-t"));
    const client = await cvm();
    const success = await client["DescribeInstances"]!({}).then(orThrow);
    expect(success).toMatchObject({ data: { TotalCount: 2 }, requestId: "req-t" });
    server.scenario(() => apiError("InvalidFilter", "bad filter", "req-f"));
    const failed = await client["DescribeInstances"]!({});
    const thrown = await client["DescribeInstances"]!({}).then(orThrow).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(TcgenCallError);
    expect(thrown).toBeInstanceOf(Error);
    const e = thrown as InstanceType<typeof TcgenCallError>;
    expect(e.name).toBe("TcgenCallError");
    expect(e.error).toEqual(failed.ok ? undefined : failed.error);
    expect(e.message).toBe("InvalidFilter: bad filter (RequestId req-f)");
  });
});

describe("options", () => {
  it("rejects invalid options with a TypeError that never shows the secret", async () => {
    const bad: unknown[] = [
      { ...base(), credentials: { secretId: SECRET_ID } },
      { ...base(), credentials: { secretId: "", secretKey: SECRET_KEY } },
      { ...base(), endpoint: "ftp://x" },
      { ...base(), endpoint: "https://x/path" },
      { ...base(), endpoint: "https://x/?q=1" },
      { ...base(), timeoutMs: 0 },
      { ...base(), retry: { maxAttempts: 0 } },
      { ...base(), retry: { maxAttempts: 1.5 } },
      { ...base(), retry: { baseDelayMs: -1 } },
      { ...base(), language: "fr-FR" },
    ];
    for (const options of bad) {
      const err = await pkg.client("cvm", options as ClientOptions).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err, JSON.stringify(options)).toBeInstanceOf(TypeError);
      expect(String(err)).not.toContain(SECRET_KEY);
    }
  });

  it("the client is a frozen, prototype-less object with one method per action", async () => {
    const client = await cvm();
    expect(Object.getPrototypeOf(client)).toBeNull();
    expect(Object.isFrozen(client)).toBe(true);
    expect(Object.keys(client)).toEqual(["DescribeInstances", "RunInstances"]);
  });
});
