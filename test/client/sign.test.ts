import fc from "fast-check";
import { createHash, createHmac } from "node:crypto";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { createTc3Signer, sha256Hex, signTc3, stringToSign, utcDate } from "../../generator/runtime/sign.js";

// Loaded through require: vitest's and Node's ESM interop disagree on the default export of this CJS module.
type SignClass = typeof import("tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js").default;
const Sign = (createRequire(import.meta.url)("tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js") as { default: SignClass }).default;

/** The official signer (tencentcloud-sdk-nodejs-common). Payload as a Buffer: a string would be JSON-quoted. */
/** The official signer; it signs `content-type;host` only. */
function official(i: { host: string; body: string; timestamp: number; service: string; secretId: string; secretKey: string; contentType: string }): string {
  return Sign.sign3({
    method: "POST",
    url: `https://${i.host}/`,
    payload: Buffer.from(i.body),
    timestamp: i.timestamp,
    service: i.service,
    secretId: i.secretId,
    secretKey: i.secretKey,
    multipart: false,
    boundary: "",
    headers: { "Content-Type": i.contentType },
  });
}

/**
 * An independent node:crypto TC3 signer, with the signed header set as a parameter. With
 * `content-type;host` it must equal the official signer (checked below on random inputs), which anchors
 * it; with `x-tc-action` added (as Tencent's current documentation signs) it is the reference for ours.
 */
function reference(
  i: { host: string; body: string; timestamp: number; service: string; secretId: string; secretKey: string; contentType: string; action: string },
  withAction: boolean,
): string {
  const sha = (t: string) => createHash("sha256").update(Buffer.from(t, "utf8")).digest("hex");
  const mac = (k: string | Buffer, t: string) => createHmac("sha256", k).update(Buffer.from(t, "utf8")).digest();
  const date = new Date(i.timestamp * 1000).toISOString().slice(0, 10);
  const signed = withAction ? "content-type;host;x-tc-action" : "content-type;host";
  const headers = `content-type:${i.contentType}\nhost:${i.host}\n${withAction ? `x-tc-action:${i.action.toLowerCase()}\n` : ""}`;
  const canonical = `POST\n/\n\n${headers}\n${signed}\n${sha(i.body)}`;
  const scope = `${date}/${i.service}/tc3_request`;
  const toSign = `TC3-HMAC-SHA256\n${i.timestamp}\n${scope}\n${sha(canonical)}`;
  const key = mac(mac(mac(`TC3${i.secretKey}`, date), i.service), "tc3_request");
  return `TC3-HMAC-SHA256 Credential=${i.secretId}/${scope}, SignedHeaders=${signed}, Signature=${createHmac("sha256", key).update(toSign).digest("hex")}`;
}

const EXAMPLE = {
  secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
  secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
  service: "cvm",
  host: "cvm.tencentcloudapi.com",
  contentType: "application/json; charset=utf-8",
  body: String.raw`{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}`,
  timestamp: 1551113065,
  action: "DescribeInstances",
};

const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.jsonValue().map((v) => JSON.stringify({ Payload: v })),
  fc.array(fc.constantFrom("\\u672a", "\\n", '\\"', "\\\\", "😀", "未命名", "\u0000", "\u2028", "a"), { maxLength: 12 }).map((a) => a.join("")),
);
const input = fc.record({
  service: fc.stringMatching(/^[a-z][a-z0-9]{0,11}$/),
  region: fc.constantFrom("", "ap-guangzhou.", "na-siliconvalley."),
  body: text,
  timestamp: fc.integer({ min: 0, max: 4_102_444_800 }),
  secretId: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 40 }).filter((s) => !/[\s/,]/.test(s)),
  secretKey: fc.string({ unit: "binary", minLength: 1, maxLength: 48 }),
  contentType: fc.constantFrom("application/json; charset=utf-8", "application/json", "application/x-www-form-urlencoded"),
  action: fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,30}$/),
});

describe("TC3-HMAC-SHA256", () => {
  it("the reference reproduces the worked example of Tencent's Signature v3 document (content-type;host)", () => {
    expect(EXAMPLE.body).toContain("\\u672a"); // the escapes are literal text, not the characters
    const documented =
      "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, " +
      "SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168";
    expect(reference(EXAMPLE, false)).toBe(documented);
    expect(official(EXAMPLE)).toBe(documented);
  });

  it("signs the worked example with x-tc-action as the current document does", async () => {
    const signed = await signTc3(EXAMPLE);
    expect(signed).toBe(reference(EXAMPLE, true));
    expect(signed).toMatch(
      /^TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE\/2019-02-25\/cvm\/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=[0-9a-f]{64}$/,
    );
    // the action is covered: another action gives another signature
    expect(await signTc3({ ...EXAMPLE, action: "RunInstances" })).not.toBe(signed);
  });

  it("builds the documented canonical request (with x-tc-action, lowercased) and string to sign", async () => {
    const canonical =
      "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\nx-tc-action:describeinstances\n\n" +
      "content-type;host;x-tc-action\n" +
      (await sha256Hex(EXAMPLE.body));
    expect(await sha256Hex(EXAMPLE.body)).toBe("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
    expect(await stringToSign(EXAMPLE)).toBe(
      `TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n${await sha256Hex(canonical)}`,
    );
  });

  it("dates the scope by the UTC day of the timestamp", () => {
    expect(utcDate(0)).toBe("1970-01-01");
    expect(utcDate(1551113065)).toBe("2019-02-25");
    expect(utcDate(1551139199)).toBe("2019-02-25"); // 23:59:59 UTC
    expect(utcDate(1551139200)).toBe("2019-02-26"); // midnight UTC
  });

  it("hashes the body as UTF-8 bytes (astral characters included)", async () => {
    // sha256 of the UTF-8 bytes of "😀" (f0 9f 98 80), computed independently by node:crypto
    const { createHash } = await import("node:crypto");
    expect(await sha256Hex("😀é")).toBe(createHash("sha256").update(Buffer.from("😀é", "utf8")).digest("hex"));
  });

  it("agrees with the official signer (tencentcloud-sdk-nodejs-common) on random inputs, x-tc-action added", async () => {
    const signer = createTc3Signer();
    await fc.assert(
      fc.asyncProperty(input, async (i) => {
        const host = `${i.service}.${i.region}tencentcloudapi.com`;
        // the reference is the official signer on the header set the official signer signs…
        expect(reference({ ...i, host }, false)).toBe(official({ ...i, host }));
        // …and ours is the reference with x-tc-action signed too
        const expected = reference({ ...i, host }, true);
        expect(await signTc3({ ...i, host })).toBe(expected);
        expect(await signer({ ...i, host })).toBe(expected); // the caching signer too
      }),
      { numRuns: 200 },
    );
  });

  it("the caching signer derives a new key when the secret key, day or service changes", async () => {
    const signer = createTc3Signer();
    const a = { ...EXAMPLE };
    const variants = [
      a,
      { ...a, secretKey: "other-key" },
      { ...a, timestamp: a.timestamp + 86_400 },
      { ...a, service: "cbs", host: "cbs.tencentcloudapi.com" },
      a,
    ];
    for (const v of variants) expect(await signer(v)).toBe(reference(v, true));
  });
});

describe("the client's Authorization header", () => {
  it("equals the reference for the exact body, host and action it sends (random actions and requests)", async () => {
    const { createServiceClient } = await import("../../generator/runtime/client.js");
    const { tencentProtocol } = await import("../../generator/runtime/tencent.js");
    const action = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,30}$/);
    const request = fc.dictionary(fc.string({ unit: "binary", maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
    await fc.assert(
      fc.asyncProperty(action, request, input, async (name, req, i) => {
        const sent: { url: string; headers: Record<string, string>; body: string }[] = [];
        const parse = () => ({ ok: true as const, data: {}, requestId: "r", unknownFields: [], drift: [] });
        const client = createServiceClient(
          { service: i.service, version: "2020-01-01", host: `${i.service}.tencentcloudapi.com`, wrapper: "Response", requestId: "RequestId", common: {}, retry: {}, protocol: tencentProtocol },
          [[{ name, parse, codes: {} }]],
          {
            credentials: { secretId: i.secretId, secretKey: i.secretKey },
            fetch: async (url, init) => {
              sent.push({ url, headers: init.headers, body: init.body ?? "" });
              return { status: 200, text: async () => '{"Response":{"RequestId":"r"}}' };
            },
          },
        );
        const result = await client[name]!(req);
        expect(result.ok).toBe(true);
        const [s] = sent;
        expect(s!.body).toBe(JSON.stringify(req));
        expect(s!.headers["X-TC-Action"]).toBe(name);
        expect(s!.headers["Authorization"]).toBe(
          reference({
            host: new URL(s!.url).host,
            body: s!.body,
            timestamp: Number(s!.headers["X-TC-Timestamp"]),
            service: i.service,
            secretId: i.secretId,
            secretKey: i.secretKey,
            contentType: s!.headers["Content-Type"]!,
            action: s!.headers["X-TC-Action"]!,
          }, true),
        );
      }),
      { numRuns: 100 },
    );
  });
});
