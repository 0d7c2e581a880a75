/**
 * The service-independent client core. Two ways in, sharing one call path:
 *
 * - `createServiceClient(service, actions, options)` (from a generated `<svc>/client.js`): an object with
 *   one method per action, typed by the `.d.ts` as
 *     DescribeInstances(request: DescribeInstancesRequest, options?: CallOptions):
 *       Promise<CallResult<DescribeInstancesResponse, DescribeInstancesCode>>
 * - `createBareClient(service, options)` (from `<svc>/client.js` too) plus `callAction(client, action,
 *   request, options)` (from each generated per-action function in `<svc>/calls.js`): the client carries
 *   no action table, so a bundle holds only the actions it calls, each with its own parser and codes.
 *
 * A call never throws and never rejects: every outcome is a value (success, typed API error, malformed
 * reply, transport failure). `orThrow` turns a failure into a thrown `TcgenCallError` for those who
 * prefer exceptions. No credential ever reaches a message, an error, or a property of the client.
 */
import type { ApiError, Code, DefaultShape, EnvelopeShape, Failure, MalformedReply, ParseResult, Success } from "./result.js";
import { optionError, type Exchange, type HttpRoute, type IncomingReply, type Middleware, type OutgoingRequest, type Protocol } from "./protocol.js";
import { send, sleep, transportError, type AbortSignalLike, type FetchLike, type TransportError } from "./transport.js";

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

/** Options every client takes, whatever its protocol. */
export interface BaseClientOptions {
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
  /** Run around each attempt (retries included), the first outermost: extra headers, logging, tracing. */
  readonly middleware?: readonly Middleware[] | undefined;
  /** Aborts every call of this client (e.g. at shutdown). */
  readonly signal?: AbortSignalLike | undefined;
  /**
   * Called after a successful call whose reply deviated from the spec in a way the types tolerate
   * (unknown fields, format drift): the data was still returned. Record it with `driftRecorder` and
   * check it offline with `tcgen verify`. A throwing hook is ignored (the call still succeeds).
   */
  readonly onDrift?: ((event: DriftEvent) => void) | undefined;
}

/** Options of a Tencent Cloud client (TC3-signed). */
export interface ClientOptions extends BaseClientOptions {
  /** Keys, or a (possibly async) function returning them, called before every attempt. */
  readonly credentials: Credentials | CredentialsProvider;
  /** `X-TC-Region`, e.g. `ap-guangzhou`. Omit (or `""`) for region-less services. */
  readonly region?: string | undefined;
  /** `X-TC-Language`. Default: not sent (the server's default, Chinese). */
  readonly language?: Language | undefined;
}

/** A secret, or a (possibly async) function returning it, called before every attempt. */
export type Secret = string | (() => string | Promise<string>);

/** What each authentication preset of an HTTP API's client needs. */
export interface AuthOptions {
  readonly none: unknown;
  /** Sent as `Authorization: Bearer <token>`. */
  readonly bearer: { readonly token: Secret };
  /** Sent in the header the spec names. */
  readonly "api-key": { readonly apiKey: Secret };
  /**
   * Returns the request to send (sync or async): any other signing scheme. Throwing or returning an
   * unusable request gives the transport reason `auth`.
   */
  readonly function: { readonly authorize: (request: OutgoingRequest) => OutgoingRequest | Promise<OutgoingRequest> };
}

/** The options of a client of any protocol (what the generated modules pass on). */
export type AnyClientOptions = ClientOptions | HttpClientOptions<"bearer"> | HttpClientOptions<"api-key"> | HttpClientOptions<"function"> | BaseClientOptions;

/** Options of a client of an HTTP API (`protocol: { style: http }`) whose auth preset is `A`. */
export type HttpClientOptions<A extends keyof AuthOptions = "none"> = BaseClientOptions & AuthOptions[A];

/**
 * One deviation of a successful reply from the spec (the parser's `Issue`: JSON path, machine-readable
 * reason such as `unknown-field` or `format`, what the spec expected, what was found).
 */
export interface DriftIssue {
  readonly path: string;
  readonly reason: string;
  readonly expected: string;
  readonly found: string;
}

/** What `onDrift` receives: which call drifted, how, and the reply text as it came (for `tcgen verify`). */
export interface DriftEvent {
  /** Credential-scope service name (`cvm`). */
  readonly service: string;
  /** API version (`2017-03-12`). */
  readonly version: string;
  readonly action: string;
  /** The reply's request id (`""` when the envelope allows replies without one and this one had none). */
  readonly requestId: string;
  readonly drift: readonly DriftIssue[];
  /** The reply body exactly as received. */
  readonly reply: string;
}

/** Per-call settings. */
export interface CallOptions {
  /** Aborts this call: stops the request or the wait between attempts at once. */
  readonly signal?: AbortSignalLike | undefined;
  /** Region of this call instead of the client's (Tencent). */
  readonly region?: string | undefined;
  /** Bound on one attempt of this call instead of the client's (ignored unless a number > 0). */
  readonly timeoutMs?: number | undefined;
}

/** Every outcome of a call: the parser's outcomes, or a transport failure. */
export type CallResult<T, C extends Code, S extends EnvelopeShape = DefaultShape> = ParseResult<T, C, S> | Failure<TransportError>;

/** Any call failure (what `TcgenCallError.error` holds). */
export type CallError<C extends Code = string, S extends EnvelopeShape = DefaultShape> = ApiError<C, S> | MalformedReply | TransportError;

/** What the call path handles: any outcome of any envelope. */
type AnyResult = CallResult<unknown, Code, EnvelopeShape>;
type AnyCallError = CallError<Code, EnvelopeShape>;

/** Retry class of a code, as the spec's code tables give it. */
export type RetryClassTable = { readonly [code: string]: "throttling" | "transient" | "never" };

/** A reply parser of one action (`parse<Action>` of `<svc>/parsers.js`). */
export type ReplyParser = (input: unknown) => ParseResult<unknown, Code, EnvelopeShape>;

/** What a generated module knows about its service, without any action. */
export interface ServiceInfo {
  /** Credential-scope service name (`cvm`). */
  readonly service: string;
  /** `X-TC-Version`, e.g. `2017-03-12`. */
  readonly version: string;
  /** Default host: `cvm.tencentcloudapi.com`; `""` when the spec names none (then `endpoint` is required). */
  readonly host: string;
  /** Envelope: wrapper key (`Response`) or null when the reply object is the envelope. */
  readonly wrapper: string | null;
  /** Envelope: request id key (`RequestId`), inside the wrapper; null when replies carry none. */
  readonly requestId: string | null;
  /** How calls become requests (runtime/tencent.ts, runtime/http.ts). */
  readonly protocol: Protocol;
  /** Retry classes of the common codes. */
  readonly common: RetryClassTable;
  /** The service codes whose retry class is not `never` (a reply may carry one its action does not list). */
  readonly retry: RetryClassTable;
}

/** One action, as a generated per-action function passes it (`<svc>/calls.js`). */
export interface ActionInfo {
  /** Wire name (`X-TC-Action`). */
  readonly name: string;
  readonly parse: ReplyParser;
  /** Retry classes of the action's own (non-common) codes. */
  readonly codes: RetryClassTable;
  /** The action's HTTP route, for an HTTP API with per-action routes. */
  readonly http?: HttpRoute | undefined;
}

/**
 * A client of one service and API version: what the per-action functions take. It carries no action
 * table; `createClient`'s method-per-action client is one too. `S` is `"<service>/<version>"`.
 */
export interface ServiceClient<S extends string> {
  /** Type-level only: which service and version this client calls. */
  readonly [serviceBrand]: S;
}
declare const serviceBrand: unique symbol;

/** One client method, untyped (the generated `.d.ts` gives each its types). */
export type ServiceMethod = (request?: unknown, options?: CallOptions) => Promise<AnyResult>;

const DEFAULT_TIMEOUT_MS = 60_000;

interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly totalTimeoutMs: number;
}

const fail = optionError;

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
  if (endpoint === undefined) {
    if (defaultHost === "") fail("endpoint is required: the spec names no host for this service");
    return { url: `https://${defaultHost}/`, host: defaultHost };
  }
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

function checkOptions(options: BaseClientOptions): void {
  if (typeof options !== "object" || options === null) fail("options must be an object");
  if (options.fetch !== undefined && typeof options.fetch !== "function") fail("fetch must be a function");
  if (options.onDrift !== undefined && typeof options.onDrift !== "function") fail("onDrift must be a function");
  if (options.timeoutMs !== undefined) checkNumber(options.timeoutMs, "timeoutMs", 1, true);
  const mw: unknown = options.middleware;
  if (mw !== undefined && !(Array.isArray(mw) && mw.every((m) => typeof m === "function"))) fail("middleware must be a list of functions");
}

/** The request id of an envelope, or undefined when `value` is not one. */
function envelopeRequestId(value: unknown, wrapper: string | null, key: string | null): string | undefined {
  if (key === null || typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  let envelope: unknown = value;
  if (wrapper !== null) {
    envelope = Object.prototype.hasOwnProperty.call(value, wrapper) ? (value as Record<string, unknown>)[wrapper] : undefined;
    if (typeof envelope !== "object" || envelope === null || Array.isArray(envelope)) return undefined;
  }
  const id = Object.prototype.hasOwnProperty.call(envelope, key) ? (envelope as Record<string, unknown>)[key] : undefined;
  return typeof id === "string" ? id : undefined;
}

function retryClass(action: ActionInfo, service: ServiceInfo, rawCode: Code): string {
  const code = String(rawCode);
  for (const table of [action.codes, service.common, service.retry]) {
    if (Object.hasOwn(table, code)) return table[code] ?? "never";
  }
  return "never";
}

function isRetryable(error: AnyCallError, action: ActionInfo, service: ServiceInfo): boolean {
  switch (error.kind) {
    case "transport":
      return (
        error.reason === "network" ||
        error.reason === "timeout" ||
        (error.reason === "http-status" && error.status !== undefined && (error.status === 429 || error.status >= 500))
      );
    case "api-error": {
      const cls = retryClass(action, service, error.rawCode);
      return cls === "throttling" || cls === "transient";
    }
    case "malformed":
      return false;
  }
}

/** Whether a middleware's result is a reply or a transport failure. */
function isExchange(v: unknown): v is Exchange {
  if (typeof v !== "object" || v === null) return false;
  const r = v as { readonly kind?: unknown; readonly status?: unknown; readonly text?: unknown };
  return r.kind === "transport" || (typeof r.status === "number" && typeof r.text === "string");
}

function failure(error: TransportError): Failure<TransportError> {
  return { ok: false, error };
}

/**
 * The drift of a successful result: Contract R's `drift` when the parser gives it, else (parsers that
 * predate it) its unknown fields.
 */
function driftOf(result: Success<unknown, EnvelopeShape>): readonly DriftIssue[] {
  const drift = (result as { readonly drift?: unknown }).drift;
  if (Array.isArray(drift)) return drift as readonly DriftIssue[];
  return result.unknownFields.map((path) => ({ path, reason: "unknown-field", expected: "no such key", found: "a key" }));
}

/** Sends one action's request: the whole call (attempts, retries, parsing). */
export type Core = (action: ActionInfo, request: unknown, callOptions: CallOptions | undefined) => Promise<AnyResult>;

/** Client object → its call path. A WeakMap, so no property of a client exposes it. */
const cores = new WeakMap<object, Core>();

function createCore(service: ServiceInfo, options: BaseClientOptions): Core {
  checkOptions(options);
  const origin = endpointUrl(options.endpoint, service.host);
  const protocol = service.protocol(service, options, origin);
  const policy = retryPolicy(options.retry);
  const clientTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchFn = options.fetch;
  const clientSignal = options.signal;
  const onDrift = options.onDrift;
  const middleware = options.middleware ?? [];

  /** Send `request` through the middleware from index `i` on, then over the network. */
  function exchange(request: OutgoingRequest, i: number, timeoutMs: number, signals: readonly (AbortSignalLike | undefined)[], secrets: readonly (string | undefined)[]): Promise<Exchange> {
    const m = middleware[i];
    if (m === undefined) return send(fetchFn, request.method, request.url, { ...request.headers }, request.body, timeoutMs, signals, secrets);
    const next = (r: OutgoingRequest) => exchange(r, i + 1, timeoutMs, signals, secrets);
    return (async (): Promise<Exchange> => {
      let out: unknown;
      try {
        out = await m(request, next);
      } catch (thrown) {
        return transportError("middleware", `middleware ${i + 1} failed (${thrown instanceof Error ? thrown.name : typeof thrown})`);
      }
      if (isExchange(out)) return out;
      return transportError("middleware", `middleware ${i + 1} gave neither a reply nor a transport failure`);
    })();
  }

  async function attempt(
    action: ActionInfo,
    encoded: OutgoingRequest,
    callOptions: CallOptions | undefined,
    timeoutMs: number,
    signals: readonly (AbortSignalLike | undefined)[],
  ): Promise<AnyResult> {
    const ready = await protocol.authorize(encoded, action, callOptions, signals);
    if ("kind" in ready) return failure(ready);
    if (signals.some((s) => s?.aborted)) return failure(transportError("aborted", "the call was aborted"));
    const reply = await exchange(ready.request, 0, timeoutMs, signals, ready.secrets);
    if ("kind" in reply) return failure(reply);
    return interpret(reply, action, origin.url);
  }

  /** The request id of the reply when its body is an envelope; `json: false` when it is not JSON text. */
  function envelopeOf(text: string): { readonly json: boolean; readonly requestId: string | undefined } {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { json: false, requestId: undefined };
    }
    return { json: true, requestId: envelopeRequestId(value, service.wrapper, service.requestId) };
  }

  function interpret(reply: IncomingReply, action: ActionInfo, url: string): AnyResult {
    if (protocol.errorsOnAnyStatus && (reply.status < 200 || reply.status > 299)) {
      // an HTTP API may answer an API error with any status: its envelope decides
      const parsed = action.parse(reply.text);
      if (!parsed.ok && parsed.error.kind === "api-error") return parsed;
    }
    if (protocol.errorsOnAnyStatus ? reply.status < 200 || reply.status > 299 : reply.status !== 200) {
      const { requestId } = envelopeOf(reply.text);
      const id = requestId === undefined ? "" : ` (RequestId ${requestId})`;
      return failure(transportError("http-status", `HTTP ${reply.status} from ${url}${id}`, reply.status, requestId, reply.text));
    }
    // The text, not a parsed value: the parser reads it exactly (64-bit integers included), and the
    // body is parsed once. Only a malformed result without a request id needs a second look: a body
    // that is no envelope is a transport failure, not a malformed API reply.
    const result = action.parse(reply.text);
    const e = result.ok ? undefined : result.error;
    if (e !== undefined && e.kind === "malformed" && e.requestId === undefined && (e.reason === "not-json" || e.reason === "not-envelope")) {
      const { json, requestId } = envelopeOf(reply.text);
      if (!json) {
        return failure(transportError("not-json", `the reply from ${url} is not JSON (${reply.text.length} characters)`, reply.status, undefined, reply.text));
      }
      if (requestId === undefined) {
        // Tencent's words name its request id; other envelopes say where the reply left the envelope
        const where = service.wrapper === null ? "" : ` inside ${JSON.stringify(service.wrapper)}`;
        const why = protocol.errorsOnAnyStatus
          ? `expected ${e.expected} at ${e.path}, found ${e.found}`
          : `no string ${JSON.stringify(service.requestId ?? "")}${where}`;
        return failure(transportError("not-envelope", `the reply from ${url} is JSON but not an envelope: ${why}`, reply.status, undefined, reply.text));
      }
    }
    if (result.ok && onDrift !== undefined) {
      const drift = driftOf(result);
      if (drift.length > 0) {
        try {
          onDrift({
            service: service.service,
            version: service.version,
            action: action.name,
            requestId: result.requestId ?? "",
            drift,
            reply: reply.text,
          });
        } catch {
          // the hook's failure is not the call's
        }
      }
    }
    return result;
  }

  return async (action, request, callOptions) => {
    const signals = [clientSignal, callOptions?.signal];
    const aborted = () => failure(transportError("aborted", "the call was aborted"));
    if (signals.some((s) => s?.aborted)) return aborted();
    const encoded = protocol.encode(action, request ?? {});
    if ("kind" in encoded) return failure(encoded);
    const callTimeout = callOptions?.timeoutMs;
    const timeoutMs = typeof callTimeout === "number" && callTimeout > 0 ? callTimeout : clientTimeout;
    const deadline = Date.now() + policy.totalTimeoutMs;
    for (let n = 1; ; n++) {
      const result = await attempt(action, encoded, callOptions, Math.min(timeoutMs, deadline - Date.now()), signals);
      if (result.ok || n >= policy.maxAttempts || !isRetryable(result.error, action, service)) return result;
      const delay = Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
      if (Date.now() + delay >= deadline) return result;
      if (await sleep(delay, signals)) return aborted();
    }
  };
}

function finish<C>(client: object, core: Core, service: ServiceInfo): C {
  // `${client}` / String(client) work although the object has no prototype (symbol key: no action clash).
  const label = `[tcgen client ${service.service} ${service.version}]`;
  Object.defineProperty(client, Symbol.toPrimitive, { value: () => label });
  cores.set(client, core);
  return Object.freeze(client) as C;
}

/**
 * A client without methods, for the per-action functions: `describeInstances(client, request)`. Throws
 * a `TypeError` (without secrets) for invalid options; calls never throw.
 */
export function createBareClient<C>(service: ServiceInfo, options: AnyClientOptions): C {
  const core = createCore(service, options);
  return finish<C>(Object.create(null) as object, core, service);
}

/**
 * A client with one method per action: an immutable object without prototype. Throws a `TypeError`
 * (without secrets) for invalid options; calls never throw. It is also a client the per-action
 * functions accept.
 */
export function createServiceClient<C = { readonly [action: string]: ServiceMethod }>(
  service: ServiceInfo,
  actions: readonly (readonly [ActionInfo, string?])[],
  options: AnyClientOptions,
): C {
  const core = createCore(service, options);
  const client: Record<string, ServiceMethod> = Object.create(null) as Record<string, ServiceMethod>;
  for (const [action, methodName] of actions) {
    const method: ServiceMethod = (request, callOptions) => core(action, request, callOptions);
    Object.defineProperty(client, methodName ?? action.name, { value: method, enumerable: true });
  }
  return finish<C>(client, core, service);
}

/**
 * One call of `action` through `client` (what each generated per-action function does). Throws a
 * `TypeError` when `client` is not a client made by this package (the types rule it out); the call
 * itself never throws.
 */
export function callAction(
  client: object,
  action: ActionInfo,
  request: unknown,
  options: CallOptions | undefined,
): Promise<AnyResult> {
  return checkClient(client, action)(action, request, options);
}

/** The call path of `client`; a `TypeError` naming the action when it is not a client of this package. */
export function checkClient(client: unknown, action: ActionInfo): Core {
  const core = typeof client === "object" && client !== null ? cores.get(client) : undefined;
  if (core === undefined) throw new TypeError(`tcgen ${action.name}: the first argument must be a client (createClient or createBareClient)`);
  return core;
}

function describeCallError(error: AnyCallError): string {
  switch (error.kind) {
    case "api-error":
      return error.requestId === undefined ? `${error.rawCode}: ${error.message}` : `${error.rawCode}: ${error.message} (RequestId ${error.requestId})`;
    case "malformed":
      return `malformed reply at ${error.path}: expected ${error.expected}, found ${error.found}`;
    case "transport":
      return `${error.reason}: ${error.message}`;
  }
}

/** The error `orThrow` throws: `error` is the same typed value the call returned. */
export class TcgenCallError<E extends AnyCallError = CallError> extends Error {
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
export function orThrow<T, C extends Code, S extends EnvelopeShape = DefaultShape>(result: CallResult<T, C, S>): Success<T, S> {
  if (result.ok) return result;
  throw new TcgenCallError<CallError<C, S>>(result.error);
}
