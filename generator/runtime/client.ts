/**
 * The service-independent client core. A generated `<svc>/client.js` describes its service (name,
 * version, default host, envelope keys, retry classes of its codes, one parser per action) and calls
 * `createServiceClient(descriptor, options)`; its `.d.ts` types each method as
 *
 *   DescribeInstances(request: DescribeInstancesRequest, options?: CallOptions):
 *     Promise<CallResult<DescribeInstancesResponse, DescribeInstancesCode>>
 *
 * A call never throws and never rejects: every outcome is a value (success, typed API error, malformed
 * reply, transport failure). `orThrow` turns a failure into a thrown `TcgenCallError` for those who
 * prefer exceptions. No credential ever reaches a message, an error, or a property of the client.
 */
import type { ApiError, Failure, MalformedReply, ParseResult, Success } from "./result.js";
import { createTc3Signer } from "./sign.js";
import {
  abortable,
  describeThrown,
  post,
  redact,
  sleep,
  transportError,
  type FetchLike,
  type HttpReply,
  type TransportError,
} from "./transport.js";

/** Tencent Cloud API keys. `token` is the session token of temporary credentials (sent as `X-TC-Token`). */
export interface Credentials {
  readonly secretId: string;
  readonly secretKey: string;
  readonly token?: string | undefined;
}

/** Called before every attempt (retries included), so rotating or temporary credentials stay fresh. */
export type CredentialsProvider = () => Credentials | Promise<Credentials>;

/**
 * Opt-in retries: exponential backoff with full jitter. Attempt n (n ≥ 1) that failed in a retryable
 * way is followed by a wait drawn uniformly from [0, min(maxDelayMs, baseDelayMs · 2^(n-1))), then a
 * freshly signed attempt.
 *
 * Retried: API errors whose code has retry class `throttling` or `transient` in the spec (common or
 * service codes); transport failures `network`, `timeout` and `http-status` 429 or 5xx. Never retried:
 * codes of class `never` or unknown to the spec, malformed replies, `not-json`, `not-envelope`,
 * `credentials`, `serialize`, `aborted`. A `network` or `timeout` failure may have reached the server:
 * retry non-idempotent actions only when they carry an idempotency token (e.g. `ClientToken`).
 */
export interface RetryOptions {
  /** Attempts in all, the first included. Default 3. `1` disables retrying. */
  readonly maxAttempts?: number | undefined;
  /** Default 100. */
  readonly baseDelayMs?: number | undefined;
  /** Cap on one wait. Default 5000. */
  readonly maxDelayMs?: number | undefined;
  /**
   * Budget for the whole call, waits and attempts included (an attempt's timeout is cut to what is
   * left). No wait starts that would end past it. Default: no budget beyond `maxAttempts`.
   */
  readonly totalTimeoutMs?: number | undefined;
}

/** Language of API error messages (`X-TC-Language`). */
export type Language = "zh-CN" | "en-US";

export interface ClientOptions {
  /** Keys, or a (possibly async) function returning them, called before every attempt. */
  readonly credentials: Credentials | CredentialsProvider;
  /** `X-TC-Region`, e.g. `ap-guangzhou`. Omit (or `""`) for region-less services. */
  readonly region?: string | undefined;
  /**
   * Where to send requests, instead of `https://<service host>.<host suffix>/`: a host
   * (`cvm.ap-guangzhou.tencentcloudapi.com`, https implied) or an origin URL (`http://127.0.0.1:8080`).
   * The signature covers this host. No path or query.
   */
  readonly endpoint?: string | undefined;
  /** A fetch-compatible function. Default: `globalThis.fetch`, looked up at each call. */
  readonly fetch?: FetchLike | undefined;
  /** Bound on one attempt (sending and reading the reply), in ms. Default 60000; `Infinity` for none. */
  readonly timeoutMs?: number | undefined;
  /** Retry policy. Default: no retry (one attempt). */
  readonly retry?: RetryOptions | undefined;
  /** `X-TC-Language`. Default: not sent (the server's default, Chinese). */
  readonly language?: Language | undefined;
  /** Aborts every call of this client (e.g. at shutdown). */
  readonly signal?: AbortSignal | undefined;
}

/** Per-call settings. */
export interface CallOptions {
  /** Aborts this call: stops the request or the wait between attempts at once. */
  readonly signal?: AbortSignal | undefined;
  /** Region of this call instead of the client's. */
  readonly region?: string | undefined;
  /** Bound on one attempt of this call instead of the client's (ignored unless a number > 0). */
  readonly timeoutMs?: number | undefined;
}

/** Every outcome of a call: the parser's outcomes, or a transport failure. */
export type CallResult<T, C extends string> = ParseResult<T, C> | Failure<TransportError>;

/** Any call failure (what `TcgenCallError.error` holds). */
export type CallError<C extends string = string> = ApiError<C> | MalformedReply | TransportError;

/** Retry class of a code, as the spec's code tables (`commonCodes`, `serviceCodes`) give it. */
export type RetryClassTable = { readonly [code: string]: "throttling" | "transient" | "never" };

/** A reply parser of one action (`parse<Action>` of `<svc>/parsers.js`). */
export type ReplyParser = (input: unknown) => ParseResult<unknown, string>;

/** What a generated client module knows about its service. */
export interface ServiceDescriptor {
  /** Credential-scope service name (`cvm`). */
  readonly service: string;
  /** `X-TC-Version`, e.g. `2017-03-12`. */
  readonly version: string;
  /** Default host: `cvm.tencentcloudapi.com`. */
  readonly host: string;
  /** Envelope: wrapper key (`Response`) or null when the reply object is the envelope. */
  readonly wrapper: string | null;
  /** Envelope: request id key (`RequestId`), inside the wrapper. */
  readonly requestId: string;
  /** Code tables consulted in order for a code's retry class. */
  readonly codes: readonly RetryClassTable[];
  /** `[action name, parser, method name]`: the method name defaults to the action name. */
  readonly actions: readonly (readonly [string, ReplyParser, string?])[];
}

/** One client method, untyped (the generated `.d.ts` gives each its types). */
export type ServiceMethod = (request?: unknown, options?: CallOptions) => Promise<CallResult<unknown, string>>;

const CONTENT_TYPE = "application/json; charset=utf-8";
const DEFAULT_TIMEOUT_MS = 60_000;
const LANGUAGES: readonly string[] = ["zh-CN", "en-US"];

interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly totalTimeoutMs: number;
}

function fail(what: string): never {
  throw new TypeError(`tcgen createClient: ${what}`);
}

function checkNumber(value: unknown, name: string, min: number, allowInfinity: boolean): void {
  if (typeof value !== "number" || Number.isNaN(value) || value < min || (!allowInfinity && !Number.isFinite(value))) {
    fail(`${name} must be a number ≥ ${min}${allowInfinity ? " (or Infinity)" : ""}`);
  }
}

function retryPolicy(retry: RetryOptions | undefined): RetryPolicy {
  if (retry === undefined) return { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, totalTimeoutMs: Infinity };
  if (typeof retry !== "object" || retry === null) fail("retry must be an object");
  const p = {
    maxAttempts: retry.maxAttempts ?? 3,
    baseDelayMs: retry.baseDelayMs ?? 100,
    maxDelayMs: retry.maxDelayMs ?? 5000,
    totalTimeoutMs: retry.totalTimeoutMs ?? Infinity,
  };
  checkNumber(p.maxAttempts, "retry.maxAttempts", 1, false);
  if (!Number.isInteger(p.maxAttempts)) fail("retry.maxAttempts must be an integer");
  checkNumber(p.baseDelayMs, "retry.baseDelayMs", 0, false);
  checkNumber(p.maxDelayMs, "retry.maxDelayMs", 0, false);
  checkNumber(p.totalTimeoutMs, "retry.totalTimeoutMs", 0, true);
  return p;
}

/** The origin URL requests go to, and the host it signs. */
function endpointUrl(endpoint: string | undefined, defaultHost: string): { url: string; host: string } {
  if (endpoint === undefined) return { url: `https://${defaultHost}/`, host: defaultHost };
  if (typeof endpoint !== "string" || endpoint === "") fail("endpoint must be a non-empty string");
  let parsed: URL;
  try {
    parsed = new URL(endpoint.includes("://") ? endpoint : `https://${endpoint}`);
  } catch {
    return fail(`endpoint is not a host or URL: ${JSON.stringify(endpoint)}`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") fail("endpoint must use http or https");
  if (parsed.username !== "" || parsed.password !== "") fail("endpoint must not contain user info");
  if (parsed.pathname !== "/" || parsed.search !== "" || parsed.hash !== "") {
    fail("endpoint must be a host or an origin, without path, query or fragment");
  }
  return { url: `${parsed.protocol}//${parsed.host}/`, host: parsed.host };
}

function validCredentials(c: unknown): c is Credentials {
  if (typeof c !== "object" || c === null) return false;
  const { secretId, secretKey, token } = c as Record<string, unknown>;
  return (
    typeof secretId === "string" &&
    secretId !== "" &&
    typeof secretKey === "string" &&
    secretKey !== "" &&
    (token === undefined || typeof token === "string")
  );
}

function checkOptions(options: ClientOptions): void {
  if (typeof options !== "object" || options === null) fail("options must be an object");
  const c: unknown = options.credentials;
  if (typeof c !== "function" && !validCredentials(c)) {
    fail("credentials must be {secretId, secretKey, token?} with non-empty strings, or a function returning that");
  }
  if (options.region !== undefined && typeof options.region !== "string") fail("region must be a string");
  if (options.fetch !== undefined && typeof options.fetch !== "function") fail("fetch must be a function");
  if (options.timeoutMs !== undefined) checkNumber(options.timeoutMs, "timeoutMs", 1, true);
  if (options.language !== undefined && !LANGUAGES.includes(options.language)) {
    fail(`language must be one of ${LANGUAGES.join(", ")}`);
  }
}

/** The request id of an envelope, or undefined when `value` is not one. */
function envelopeRequestId(value: unknown, wrapper: string | null, key: string): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  let envelope: unknown = value;
  if (wrapper !== null) {
    envelope = Object.prototype.hasOwnProperty.call(value, wrapper) ? (value as Record<string, unknown>)[wrapper] : undefined;
    if (typeof envelope !== "object" || envelope === null || Array.isArray(envelope)) return undefined;
  }
  const id = Object.prototype.hasOwnProperty.call(envelope, key) ? (envelope as Record<string, unknown>)[key] : undefined;
  return typeof id === "string" ? id : undefined;
}

function retryClass(tables: readonly RetryClassTable[], code: string): string {
  for (const t of tables) {
    if (Object.prototype.hasOwnProperty.call(t, code)) return t[code] ?? "never";
  }
  return "never";
}

function isRetryable(error: CallError, tables: readonly RetryClassTable[]): boolean {
  switch (error.kind) {
    case "transport":
      return (
        error.reason === "network" ||
        error.reason === "timeout" ||
        (error.reason === "http-status" && error.status !== undefined && (error.status === 429 || error.status >= 500))
      );
    case "api-error": {
      const cls = retryClass(tables, error.rawCode);
      return cls === "throttling" || cls === "transient";
    }
    case "malformed":
      return false;
  }
}

function failure(error: TransportError): Failure<TransportError> {
  return { ok: false, error };
}

/**
 * Build a client: an immutable object without prototype whose own properties are one method per
 * action. Throws a `TypeError` (without secrets) for invalid options; calls never throw.
 */
export function createServiceClient<C = { readonly [action: string]: ServiceMethod }>(
  descriptor: ServiceDescriptor,
  options: ClientOptions,
): C {
  checkOptions(options);
  const { url, host } = endpointUrl(options.endpoint, descriptor.host);
  const policy = retryPolicy(options.retry);
  const credentials = options.credentials;
  const clientRegion = options.region;
  const clientTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchFn = options.fetch;
  const language = options.language;
  const clientSignal = options.signal;
  const sign = createTc3Signer();

  async function attempt(
    action: string,
    parse: ReplyParser,
    body: string,
    region: string | undefined,
    timeoutMs: number,
    signals: readonly (AbortSignal | undefined)[],
  ): Promise<CallResult<unknown, string>> {
    let creds: Credentials;
    try {
      let got: unknown = credentials;
      if (typeof credentials === "function") {
        const asked = await abortable(Promise.resolve(credentials()), signals);
        if (asked.aborted) return failure(transportError("aborted", "the call was aborted"));
        got = asked.value;
      }
      if (!validCredentials(got)) {
        return failure(transportError("credentials", "the credentials provider gave no usable secretId/secretKey"));
      }
      creds = got;
    } catch (thrown) {
      return failure(transportError("credentials", `the credentials provider failed: ${describeThrown(thrown)}`));
    }
    const secrets = [creds.secretKey, creds.token];
    const timestamp = Math.floor(Date.now() / 1000);
    let authorization: string;
    try {
      authorization = await sign({
        secretId: creds.secretId,
        secretKey: creds.secretKey,
        service: descriptor.service,
        host,
        contentType: CONTENT_TYPE,
        body,
        timestamp,
      });
    } catch (thrown) {
      return failure(transportError("credentials", redact(`could not sign the request: ${describeThrown(thrown)}`, secrets)));
    }
    const headers: Record<string, string> = {
      Authorization: authorization,
      "Content-Type": CONTENT_TYPE,
      "X-TC-Action": action,
      "X-TC-Version": descriptor.version,
      "X-TC-Timestamp": String(timestamp),
    };
    if (region !== undefined && region !== "") headers["X-TC-Region"] = region;
    if (creds.token !== undefined && creds.token !== "") headers["X-TC-Token"] = creds.token;
    if (language !== undefined) headers["X-TC-Language"] = language;
    const reply = await post(fetchFn, url, headers, body, timeoutMs, signals, secrets);
    if ("kind" in reply) return failure(reply);
    return interpret(reply, parse);
  }

  function interpret(reply: HttpReply, parse: ReplyParser): CallResult<unknown, string> {
    let value: unknown;
    let json = true;
    try {
      value = JSON.parse(reply.text);
    } catch {
      json = false;
    }
    const requestId = json ? envelopeRequestId(value, descriptor.wrapper, descriptor.requestId) : undefined;
    if (reply.status !== 200) {
      const id = requestId === undefined ? "" : ` (RequestId ${requestId})`;
      return failure(transportError("http-status", `HTTP ${reply.status} from ${url}${id}`, reply.status, requestId));
    }
    if (!json) {
      return failure(transportError("not-json", `the reply from ${url} is not JSON (${reply.text.length} characters)`, 200));
    }
    if (requestId === undefined) {
      const where = descriptor.wrapper === null ? "" : ` inside ${JSON.stringify(descriptor.wrapper)}`;
      return failure(
        transportError(
          "not-envelope",
          `the reply from ${url} is JSON but not an envelope: no string ${JSON.stringify(descriptor.requestId)}${where}`,
          200,
        ),
      );
    }
    return parse(value);
  }

  async function call(
    action: string,
    parse: ReplyParser,
    request: unknown,
    callOptions: CallOptions | undefined,
  ): Promise<CallResult<unknown, string>> {
    const signals = [clientSignal, callOptions?.signal];
    const aborted = () => failure(transportError("aborted", "the call was aborted"));
    if (signals.some((s) => s?.aborted)) return aborted();
    let body: string | undefined;
    try {
      body = JSON.stringify(request ?? {});
    } catch (thrown) {
      return failure(transportError("serialize", `the request could not be serialised: ${describeThrown(thrown)}`));
    }
    if (typeof body !== "string" || !body.startsWith("{")) {
      return failure(transportError("serialize", "the request must be a JSON object"));
    }
    const region = callOptions?.region ?? clientRegion;
    const callTimeout = callOptions?.timeoutMs;
    const timeoutMs = typeof callTimeout === "number" && callTimeout > 0 ? callTimeout : clientTimeout;
    const deadline = Date.now() + policy.totalTimeoutMs;
    for (let n = 1; ; n++) {
      const result = await attempt(action, parse, body, region, Math.min(timeoutMs, deadline - Date.now()), signals);
      if (result.ok || n >= policy.maxAttempts || !isRetryable(result.error, descriptor.codes)) return result;
      const delay = Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
      if (Date.now() + delay >= deadline) return result;
      if (await sleep(delay, signals)) return aborted();
    }
  }

  const client: Record<string, ServiceMethod> = Object.create(null) as Record<string, ServiceMethod>;
  for (const [action, parse, methodName] of descriptor.actions) {
    const method: ServiceMethod = (request, callOptions) => call(action, parse, request, callOptions);
    Object.defineProperty(client, methodName ?? action, { value: method, enumerable: true });
  }
  // `${client}` / String(client) work although the object has no prototype (symbol key: no action clash).
  const label = `[tcgen client ${descriptor.service} ${descriptor.version}]`;
  Object.defineProperty(client, Symbol.toPrimitive, { value: () => label });
  return Object.freeze(client) as C;
}

function describeCallError(error: CallError): string {
  switch (error.kind) {
    case "api-error":
      return `${error.rawCode}: ${error.message} (RequestId ${error.requestId})`;
    case "malformed":
      return `malformed reply at ${error.path}: expected ${error.expected}, found ${error.found}`;
    case "transport":
      return `${error.reason}: ${error.message}`;
  }
}

/** The error `orThrow` throws: `error` is the same typed value the call returned. */
export class TcgenCallError<E extends CallError = CallError> extends Error {
  override readonly name = "TcgenCallError";
  readonly error: E;
  constructor(error: E) {
    super(describeCallError(error));
    this.error = error;
  }
}

/**
 * The success of a call, or a thrown `TcgenCallError` carrying the failure:
 * `const { data } = await client.DescribeInstances(req).then(orThrow);`
 */
export function orThrow<T, C extends string>(result: CallResult<T, C>): Success<T> {
  if (result.ok) return result;
  throw new TcgenCallError<CallError<C>>(result.error);
}
