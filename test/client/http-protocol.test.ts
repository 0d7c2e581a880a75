/**
 * The generic JSON-over-HTTP protocol (issue 15) end to end: the golden packages of each style, their
 * generated clients, a real HTTP server on 127.0.0.1. Per style (auth preset, routing): the request
 * sent, success, API error (with a non-200 status too), unknown code, malformed reply, transport
 * failure; then auth functions and middleware that fail, and secrets that never reach an outcome.
 * The packages are the committed golden trees with dist/runtime put back (run `npm run build` first).
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/paths.js";

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}
type Answer = { readonly status: number; readonly body: string };
type Call = (request: unknown, options?: unknown) => Promise<Record<string, unknown>>;
type Client = Record<string, Call>;
type CreateClient = (options: object) => Client;

const work = mkdtempSync(join(tmpdir(), "tcgen-http-protocol-"));
const modules = new Map<string, { createClient: CreateClient }>();
const seen: Seen[] = [];
let answer: (s: Seen) => Answer = () => ({ status: 500, body: "" });
let server: Server;
let url = "";

const STYLES = { "flat-envelope": "shop", "numeric-envelope": "orders", "error-object": "orders", "success-flag": "orders" } as const;

beforeAll(async () => {
  for (const [style, svc] of Object.entries(STYLES)) {
    const dir = join(work, style);
    cpSync(join(repoRoot, "test/fixtures/golden", style, "expected"), dir, { recursive: true });
    cpSync(join(repoRoot, "dist/runtime"), join(dir, "runtime"), { recursive: true });
    modules.set(style, (await import(pathToFileURL(join(dir, svc, "client.js")).href)) as { createClient: CreateClient });
  }
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const s: Seen = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      seen.push(s);
      const a = answer(s);
      res.writeHead(a.status, { "content-type": "application/json" });
      res.end(a.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(work, { recursive: true, force: true });
});

const ORDER = { id: "o 1", status: "open", total: 12.5, lines: [{ sku: "A", quantity: 2 }] };
const ITEM = { Item: { ItemId: "i/1", Name: "Pen", Price: 1.5, Status: "ON_SALE" } };
const SECRET = "s3cret-token-value";

interface Style {
  readonly options: object;
  readonly call: string;
  readonly request: object;
  /** What the server must receive. */
  readonly sent: { readonly method: string; readonly url: string; readonly headers: Record<string, string>; readonly body: unknown };
  readonly success: string;
  readonly data: object;
  readonly error: Answer;
  readonly known: object;
  readonly unknown: string;
  readonly unknownCode: unknown;
  readonly malformed: string;
  readonly malformedPath: string;
}

const STYLE_CASES: Record<keyof typeof STYLES, Style> = {
  // auth none, per-action routes: GET with a path parameter
  "flat-envelope": {
    options: {},
    call: "GetItem",
    request: { ItemId: "i/1" },
    sent: { method: "GET", url: "/items/i%2F1", headers: {}, body: "" },
    success: JSON.stringify({ RequestId: "r1", Code: "Success", Message: "", Data: ITEM }),
    data: ITEM,
    error: { status: 404, body: JSON.stringify({ RequestId: "r2", Code: "ItemNotFound", Message: "no item" }) },
    known: { kind: "api-error", code: "ItemNotFound", requestId: "r2" },
    unknown: JSON.stringify({ RequestId: "r3", Code: "Brand.New", Message: "" }),
    unknownCode: "Brand.New",
    malformed: JSON.stringify({ RequestId: "r4", Code: "Success", Message: "", Data: { Item: { ...ITEM.Item, Price: "1.5" } } }),
    malformedPath: "$.Data.Item.Price",
  },
  // bearer token, per-action routes: POST with the path parameter taken out of the body
  "numeric-envelope": {
    options: { token: SECRET },
    call: "CancelOrder",
    request: { id: "o 1", reason: "late" },
    sent: { method: "POST", url: "/orders/o%201/cancel", headers: { authorization: `Bearer ${SECRET}`, "content-type": "application/json" }, body: { reason: "late" } },
    success: JSON.stringify({ code: 0, message: "ok", data: { id: "o 1", cancelled: true }, request_id: "r1" }),
    data: { id: "o 1", cancelled: true },
    error: { status: 409, body: JSON.stringify({ code: 1002, message: "closed", request_id: "r2" }) },
    known: { kind: "api-error", code: 1002, rawCode: 1002, requestId: "r2" },
    unknown: JSON.stringify({ code: 77, message: "?" }),
    unknownCode: 77,
    malformed: JSON.stringify({ code: 0, data: { id: "o 1", cancelled: "yes" } }),
    malformedPath: "$.data.cancelled",
  },
  // API key header, one endpoint naming the action in a header
  "error-object": {
    options: { apiKey: () => Promise.resolve(SECRET) },
    call: "GetOrder",
    request: { id: "o 1" },
    sent: { method: "POST", url: "/rpc", headers: { "x-api-key": SECRET, "x-action": "GetOrder", "content-type": "application/json" }, body: { id: "o 1" } },
    success: JSON.stringify({ data: ORDER, error: null, trace_id: "t1" }),
    data: ORDER,
    error: { status: 404, body: JSON.stringify({ data: null, error: { code: 40401, msg: "gone", details: { id: "o 1" } }, trace_id: "t2" }) },
    known: { kind: "api-error", code: 40401, message: "gone", details: { id: "o 1" }, requestId: "t2" },
    unknown: JSON.stringify({ error: { code: 1, msg: "" } }),
    unknownCode: 1,
    malformed: JSON.stringify({ data: { ...ORDER, status: "lost" } }),
    malformedPath: "$.data.status",
  },
  // an authorize function (async), one endpoint naming the action in the body
  "success-flag": {
    options: { authorize: async (r: { headers: Record<string, string> }) => ({ ...r, headers: { ...r.headers, "X-Signature": "sig-1" } }) },
    call: "GetOrder",
    request: { id: "o 1" },
    sent: { method: "POST", url: "/api", headers: { "x-signature": "sig-1", "content-type": "application/json" }, body: { action: "GetOrder", id: "o 1" } },
    success: JSON.stringify({ success: true, result: ORDER }),
    data: ORDER,
    error: { status: 200, body: JSON.stringify({ success: false, error: { code: "ORDER_NOT_FOUND", message: "no" } }) },
    known: { kind: "api-error", code: "ORDER_NOT_FOUND", requestId: undefined },
    unknown: JSON.stringify({ success: false, error: { code: "NEW_CODE", message: "" } }),
    unknownCode: "NEW_CODE",
    malformed: JSON.stringify({ success: true, result: { ...ORDER, total: null } }),
    malformedPath: "$.result.total",
  },
};

function client(style: keyof typeof STYLES, extra: object = {}): Client {
  return modules.get(style)!.createClient({ endpoint: url, ...STYLE_CASES[style].options, ...extra });
}

async function call(style: keyof typeof STYLES, reply: Answer, extra: object = {}): Promise<Record<string, unknown>> {
  answer = () => reply;
  seen.length = 0;
  const c = STYLE_CASES[style];
  return client(style, extra)[c.call]!(c.request);
}

describe.each(Object.keys(STYLES) as (keyof typeof STYLES)[])("%s", (style) => {
  const c = STYLE_CASES[style];

  it("sends the request the protocol describes and returns the data", async () => {
    const r = await call(style, { status: 200, body: c.success });
    expect(r).toMatchObject({ ok: true, data: c.data, drift: [] });
    expect(seen).toHaveLength(1);
    const s = seen[0]!;
    expect([s.method, s.url]).toEqual([c.sent.method, c.sent.url]);
    expect(s.headers).toMatchObject(c.sent.headers);
    expect(s.body === "" ? "" : JSON.parse(s.body)).toEqual(c.sent.body);
    expect(Object.keys(s.headers).filter((h) => h.startsWith("x-tc-"))).toEqual([]);
  });

  it("returns an API error, whatever the status it came with", async () => {
    expect(await call(style, c.error)).toMatchObject({ ok: false, error: c.known });
  });

  it("returns an unknown code as $unknown with the wire code", async () => {
    expect(await call(style, { status: 200, body: c.unknown })).toMatchObject({ ok: false, error: { kind: "api-error", code: "$unknown", rawCode: c.unknownCode } });
  });

  it("returns a malformed reply with the body kept", async () => {
    const r = await call(style, { status: 200, body: c.malformed });
    expect(r).toMatchObject({ ok: false, error: { kind: "malformed", path: c.malformedPath, body: JSON.parse(c.malformed) } });
  });

  it("returns transport failures: a non-envelope error page, not JSON, a refused connection", async () => {
    expect(await call(style, { status: 503, body: "<h1>down</h1>" })).toMatchObject({ ok: false, error: { kind: "transport", reason: "http-status", status: 503, body: "<h1>down</h1>" } });
    expect(await call(style, { status: 200, body: "<h1>proxy</h1>" })).toMatchObject({ ok: false, error: { kind: "transport", reason: "not-json", body: "<h1>proxy</h1>" } });
    const refused = modules.get(style)!.createClient({ ...c.options, endpoint: "http://127.0.0.1:1" });
    expect(await refused[c.call]!(c.request)).toMatchObject({ ok: false, error: { kind: "transport", reason: "network" } });
  });
});

describe("authentication and middleware that fail are outcomes, never exceptions, and hold no secret", () => {
  const cases: [string, keyof typeof STYLES, object, string, string][] = [
    ["an authorize function that throws", "success-flag", { authorize: () => { throw new Error(`bad ${SECRET}`); } }, "auth", "the authorize function failed (Error)"],
    ["an authorize function that rejects", "success-flag", { authorize: () => Promise.reject(new TypeError(SECRET)) }, "auth", "the authorize function failed (TypeError)"],
    [
      "an authorize function that returns no request",
      "success-flag",
      { authorize: () => ({ headers: { Authorization: SECRET } }) },
      "auth",
      "the authorize function returned an unusable request (it needs a method, an http(s) URL, string headers and a string or undefined body)",
    ],
    [
      "an authorize function that returns a header that is no string",
      "success-flag",
      { authorize: (r: object) => ({ ...r, headers: { "X-Sig": 1 } }) },
      "auth",
      "the authorize function returned an unusable request (it needs a method, an http(s) URL, string headers and a string or undefined body)",
    ],
    ["a token function that throws", "numeric-envelope", { token: () => { throw new Error(SECRET); } }, "credentials", "the token function failed (Error)"],
    ["a token function that gives an empty token", "numeric-envelope", { token: () => "" }, "credentials", "the token function gave no non-empty string"],
    ["an API key function that rejects", "error-object", { apiKey: () => Promise.reject(new Error(SECRET)) }, "credentials", "the apiKey function failed (Error)"],
    ["a middleware that throws", "numeric-envelope", { middleware: [() => { throw new RangeError(SECRET); }] }, "middleware", "middleware 1 failed (RangeError)"],
    ["a middleware that resolves to nothing usable", "numeric-envelope", { middleware: [async () => ({ secret: SECRET })] }, "middleware", "middleware 1 gave neither a reply nor a transport failure"],
  ];
  it.each(cases)("%s", async (_name, style, options, reason, message) => {
    const r = await call(style, { status: 200, body: STYLE_CASES[style].success }, options);
    expect(r).toEqual({ ok: false, error: { kind: "transport", reason, message, status: undefined, requestId: undefined, body: undefined } });
    expect(seen).toHaveLength(0);
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });

  it("retries a numeric code whose retry class is transient, with a fresh token each attempt", async () => {
    let tokens = 0;
    answer = (s) => (seen.length === 1 ? { status: 500, body: JSON.stringify({ code: 500, message: "busy" }) } : { status: 200, body: STYLE_CASES["numeric-envelope"].success });
    seen.length = 0;
    const c = modules.get("numeric-envelope")!.createClient({ endpoint: url, token: () => `tok-${++tokens}`, retry: { maxAttempts: 2, baseDelayMs: 1 } });
    expect(await c["CancelOrder"]!({ id: "o 1" })).toMatchObject({ ok: true });
    expect(seen.map((s) => s.headers["authorization"])).toEqual(["Bearer tok-1", "Bearer tok-2"]);
  });

  it("middleware runs around each attempt, outermost first, and may change the request", async () => {
    const log: string[] = [];
    const middleware = [
      async (req: { headers: Record<string, string> }, next: (r: object) => Promise<{ status: number }>) => {
        log.push("outer");
        const reply = await next({ ...req, headers: { ...req.headers, "X-Trace": "t-9" } });
        log.push(`outer saw ${reply.status}`);
        return reply;
      },
      (req: object, next: (r: object) => Promise<object>) => (log.push("inner"), next(req)),
    ];
    const r = await call("numeric-envelope", { status: 200, body: STYLE_CASES["numeric-envelope"].success }, { middleware });
    expect(r).toMatchObject({ ok: true });
    expect(log).toEqual(["outer", "inner", "outer saw 200"]);
    expect(seen[0]!.headers["x-trace"]).toBe("t-9");
    expect(seen[0]!.headers["authorization"]).toBe(`Bearer ${SECRET}`);
  });

  it("invalid options are a TypeError naming the option, never the secret", () => {
    const make = (style: keyof typeof STYLES, options: object) => () => modules.get(style)!.createClient({ endpoint: url, ...options });
    expect(make("numeric-envelope", {})).toThrow("tcgen createClient: token must be a non-empty string or a function returning one (auth: bearer)");
    expect(make("error-object", { apiKey: 5 })).toThrow("tcgen createClient: apiKey must be a non-empty string or a function returning one (auth: api-key)");
    expect(make("success-flag", {})).toThrow("tcgen createClient: authorize must be a function (auth: function)");
    expect(() => modules.get("success-flag")!.createClient({ authorize: (r: object) => r })).toThrow("tcgen createClient: endpoint is required: the spec names no host for this service");
  });
});

describe("bundles", () => {
  it("a non-Tencent client never bundles the TC3 signer; a Tencent one does", async () => {
    const bundle = async (pkg: string, code: string) => {
      const r = await build({
        stdin: { contents: code, resolveDir: join(work, pkg), loader: "js" },
        bundle: true,
        write: false,
        format: "esm",
        platform: "neutral",
        logLevel: "silent",
      });
      return r.outputFiles[0]!.text;
    };
    const http = await bundle("error-object", 'import { createBareClient, getOrder } from "./orders/index.js"; export const x = [createBareClient, getOrder];');
    expect(http).toContain("X-Api-Key");
    expect(http).not.toContain("TC3-HMAC-SHA256");
    expect(http).not.toContain("X-TC-");
    cpSync(join(repoRoot, "test/fixtures/golden/tencent-mini/expected"), join(work, "tencent-mini"), { recursive: true });
    cpSync(join(repoRoot, "dist/runtime"), join(work, "tencent-mini", "runtime"), { recursive: true });
    const tencent = await bundle("tencent-mini", 'import { createBareClient } from "./cvm/index.js"; export const x = createBareClient;');
    expect(tencent).toContain("TC3-HMAC-SHA256");
    expect(tencent).not.toContain("httpProtocol");
  });
});
