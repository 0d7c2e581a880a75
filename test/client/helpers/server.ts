/**
 * A mock Tencent Cloud endpoint on 127.0.0.1: verifies every request's TC3 signature with its own
 * node:crypto implementation (independent of generator/runtime/sign.ts), records what it received,
 * and answers with whatever the current scenario says.
 */
import { createHash, createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly action: string;
  /** The signature matched a known key pair, timestamp, host, content type and body. */
  readonly signatureOk: boolean;
  /** Milliseconds since the server started (to measure backoff). */
  readonly at: number;
}

export interface Reply {
  readonly status?: number;
  readonly body?: string;
  /** Wait before answering. */
  readonly delayMs?: number;
  /** Send the headers and this much of the body, then cut the connection. */
  readonly cutAfter?: number;
}

export type Scenario = (req: Received, attempt: number) => Reply;

export interface MockServer {
  readonly url: string;
  readonly received: Received[];
  /** Set what the next requests get. `attempt` counts requests since the scenario was set (1-based). */
  scenario(s: Scenario): void;
  close(): Promise<void>;
}

const sha256 = (s: string | Buffer) => createHash("sha256").update(s).digest("hex");
const hmac = (key: string | Buffer, s: string) => createHmac("sha256", key).update(s).digest();

/** Independent TC3 check of a received request (few lines, node:crypto). */
export function verifyTc3(headers: IncomingHttpHeaders, body: Buffer, keys: ReadonlyMap<string, string>): boolean {
  const auth = headers["authorization"] ?? "";
  const m = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([a-z0-9]+)\/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=([0-9a-f]{64})$/.exec(auth);
  const ts = String(headers["x-tc-timestamp"] ?? "");
  if (!m || !/^\d+$/.test(ts)) return false;
  const [, id, date, service, signature] = m as unknown as [string, string, string, string, string];
  const secret = keys.get(id);
  if (secret === undefined || new Date(Number(ts) * 1000).toISOString().slice(0, 10) !== date) return false;
  const action = String(headers["x-tc-action"] ?? "").toLowerCase();
  const canonical =
    `POST\n/\n\ncontent-type:${headers["content-type"]}\nhost:${headers.host}\nx-tc-action:${action}\n\n` +
    `content-type;host;x-tc-action\n${sha256(body)}`;
  const toSign = `TC3-HMAC-SHA256\n${ts}\n${date}/${service}/tc3_request\n${sha256(canonical)}`;
  const key = hmac(hmac(hmac(`TC3${secret}`, date), service), "tc3_request");
  return createHmac("sha256", key).update(toSign).digest("hex") === signature;
}

export const ok = (fields: object, requestId = "req-ok"): Reply => ({
  body: JSON.stringify({ Response: { ...fields, RequestId: requestId } }),
});

export const apiError = (code: string, message = `message of ${code}`, requestId = "req-err"): Reply => ({
  body: JSON.stringify({ Response: { Error: { Code: code, Message: message }, RequestId: requestId } }),
});

export async function startMockServer(keys: ReadonlyMap<string, string>): Promise<MockServer> {
  const received: Received[] = [];
  const sockets = new Set<Socket>();
  let current: Scenario = () => ok({});
  let count = 0;
  const started = Date.now();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const r: Received = {
        headers: req.headers,
        body: body.toString("utf8"),
        action: String(req.headers["x-tc-action"] ?? ""),
        signatureOk: req.method === "POST" && req.url === "/" && verifyTc3(req.headers, body, keys),
        at: Date.now() - started,
      };
      received.push(r);
      const reply: Reply = r.signatureOk
        ? current(r, ++count)
        : apiError("AuthFailure.SignatureFailure", "signature mismatch (mock)", "req-sig");
      const send = () => {
        if (res.destroyed) return;
        const text = reply.body ?? "";
        if (reply.cutAfter !== undefined) {
          res.writeHead(reply.status ?? 200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
          res.write(text.slice(0, reply.cutAfter));
          setTimeout(() => res.socket?.destroy(), 10);
          return;
        }
        res.writeHead(reply.status ?? 200, { "content-type": "application/json" });
        res.end(text);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    scenario(s) {
      current = s;
      count = 0;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
