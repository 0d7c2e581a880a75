/**
 * What one call costs inside the client, beyond the network: sign (WebCrypto) + serialise + envelope
 * check + parse, measured with a stub fetch that answers a canned reply at once.
 *
 *   npx esbuild bench/client.ts --bundle --packages=external --platform=node --format=esm --target=node20 \
 *     --log-level=warning --outfile=bench/.work/build/client.mjs && node bench/.work/build/client.mjs
 *
 * Prints the median and p90 (µs) of sequential awaited calls, for: a whole call; the signature alone
 * (key cached per day, as the client does, and derived every time); JSON serialise + parse alone.
 */
import { readReply, type EnvelopeConfig } from "../generator/runtime/envelope.js";
import { createServiceClient, type ReplyParser } from "../generator/runtime/client.js";
import { createTc3Signer, signTc3 } from "../generator/runtime/sign.js";
import { tencentProtocol } from "../generator/runtime/tencent.js";

const ENVELOPE: EnvelopeConfig = {
  wrapper: "Response",
  requestId: "RequestId",
  errorKey: "Error",
  codeKey: "Code",
  messageKey: "Message",
  successCodes: [],
  dataKey: null,
};
const NO_CODES = Object.freeze(Object.create(null) as Record<string, never>);

/** A reply the size of a small DescribeInstances page (about 0.9 KB). */
const REPLY = JSON.stringify({
  Response: {
    TotalCount: 2,
    InstanceSet: [1, 2].map((i) => ({
      InstanceId: `ins-${i}abcdef`,
      InstanceName: `web-${i}`,
      InstanceState: "RUNNING",
      InstanceType: "S5.MEDIUM4",
      CPU: 2,
      Memory: 4,
      Placement: { Zone: "ap-guangzhou-3", ProjectId: 0 },
      PrivateIpAddresses: [`10.0.0.${i}`],
      PublicIpAddresses: [`203.0.113.${i}`],
      CreatedTime: "2024-01-01T00:00:00Z",
      Tags: [{ Key: "env", Value: "prod" }],
      SystemDisk: { DiskType: "CLOUD_PREMIUM", DiskId: `disk-${i}`, DiskSize: 50 },
    })),
    RequestId: "6ef60bec-0242-43af-bb20-270359fb54a7",
  },
});
const REQUEST = { Limit: 20, Offset: 0, Filters: [{ Name: "zone", Values: ["ap-guangzhou-3"] }] };

// The envelope part of a generated parser (the per-field checks of a real parser add to this).
const parse: ReplyParser = (input) => {
  const r = readReply(input, ENVELOPE, NO_CODES, undefined);
  return r.ok ? { ok: true, data: r.data, requestId: r.requestId, unknownFields: [], drift: [] } : r;
};

const client = createServiceClient(
  { service: "cvm", version: "2017-03-12", host: "cvm.tencentcloudapi.com", wrapper: "Response", requestId: "RequestId", common: {}, retry: {}, protocol: tencentProtocol },
  [[{ name: "DescribeInstances", parse, codes: {} }]],
  {
    credentials: { secretId: "AKIDbenchbenchbenchbenchbench00", secretKey: "benchbenchbenchbenchbenchbench00" },
    region: "ap-guangzhou",
    fetch: async () => ({ status: 200, text: async () => REPLY }),
  },
);

async function measure(label: string, n: number, f: () => Promise<unknown> | unknown): Promise<void> {
  for (let i = 0; i < Math.min(2000, n); i++) await f(); // warm up
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f();
    times[i] = performance.now() - t0;
  }
  times.sort();
  const us = (q: number) => (times[Math.floor(q * (n - 1))]! * 1000).toFixed(1);
  console.log(`${label.padEnd(44)} median ${us(0.5).padStart(7)} µs   p90 ${us(0.9).padStart(7)} µs   (n=${n})`);
}

const signInput = {
  secretId: "AKIDbenchbenchbenchbenchbench00",
  secretKey: "benchbenchbenchbenchbenchbench00",
  service: "cvm",
  host: "cvm.tencentcloudapi.com",
  action: "DescribeInstances",
  contentType: "application/json; charset=utf-8",
  body: JSON.stringify(REQUEST),
  timestamp: Math.floor(Date.now() / 1000),
};
const cachedSigner = createTc3Signer();

console.log(`node ${process.version}; reply ${REPLY.length} characters`);
await measure("whole call (stub fetch, canned reply)", 20_000, () => client["DescribeInstances"]!(REQUEST));
await measure("  sign, derived key cached (as the client)", 20_000, () => cachedSigner(signInput));
await measure("  sign, key derived every time", 10_000, () => signTc3(signInput));
await measure("  JSON.stringify(request) + JSON.parse(reply)", 20_000, () => JSON.parse(REPLY) && JSON.stringify(REQUEST));
