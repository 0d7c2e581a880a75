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
import type {
  ApiError,
  Code,
  DefaultShape,
  EnvelopeShape,
  Failure,
  MalformedReply,
  ParseResult,
  Success,
} from "./result.js";
import {
  type HttpRoute,
  type Middleware,
  type OutgoingRequest,
  type Protocol,
} from "./protocol.js";
import { type AbortSignalLike, type FetchLike, type TransportError } from "./transport.js";
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
  readonly bearer: {
    readonly token: Secret;
  };
  /** Sent in the header the spec names. */
  readonly "api-key": {
    readonly apiKey: Secret;
  };
  /**
   * Returns the request to send (sync or async): any other signing scheme. Throwing or returning an
   * unusable request gives the transport reason `auth`.
   */
  readonly function: {
    readonly authorize: (request: OutgoingRequest) => OutgoingRequest | Promise<OutgoingRequest>;
  };
}
/** The options of a client of any protocol (what the generated modules pass on). */
export type AnyClientOptions =
  | ClientOptions
  | HttpClientOptions<"bearer">
  | HttpClientOptions<"api-key">
  | HttpClientOptions<"function">
  | BaseClientOptions;
/** Options of a client of an HTTP API (`protocol: { style: http }`) whose auth preset is `A`. */
export type HttpClientOptions<A extends keyof AuthOptions = "none"> = BaseClientOptions &
  AuthOptions[A];
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
export type CallResult<T, C extends Code, S extends EnvelopeShape = DefaultShape> =
  ParseResult<T, C, S> | Failure<TransportError>;
/** Any call failure (what `TcgenCallError.error` holds). */
export type CallError<C extends Code = string, S extends EnvelopeShape = DefaultShape> =
  ApiError<C, S> | MalformedReply | TransportError;
/** What the call path handles: any outcome of any envelope. */
type AnyResult = CallResult<unknown, Code, EnvelopeShape>;
type AnyCallError = CallError<Code, EnvelopeShape>;
/** Retry class of a code, as the spec's code tables give it. */
export type RetryClassTable = {
  readonly [code: string]: "throttling" | "transient" | "never";
};
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
/** Sends one action's request: the whole call (attempts, retries, parsing). */
export type Core = (
  action: ActionInfo,
  request: unknown,
  callOptions: CallOptions | undefined,
) => Promise<AnyResult>;
/**
 * A client without methods, for the per-action functions: `describeInstances(client, request)`. Throws
 * a `TypeError` (without secrets) for invalid options; calls never throw.
 */
export declare function createBareClient<C>(service: ServiceInfo, options: AnyClientOptions): C;
/**
 * A client with one method per action: an immutable object without prototype. Throws a `TypeError`
 * (without secrets) for invalid options; calls never throw. It is also a client the per-action
 * functions accept.
 */
export declare function createServiceClient<
  C = {
    readonly [action: string]: ServiceMethod;
  },
>(
  service: ServiceInfo,
  actions: readonly (readonly [ActionInfo, string?])[],
  options: AnyClientOptions,
): C;
/**
 * One call of `action` through `client` (what each generated per-action function does). Throws a
 * `TypeError` when `client` is not a client made by this package (the types rule it out); the call
 * itself never throws.
 */
export declare function callAction(
  client: object,
  action: ActionInfo,
  request: unknown,
  options: CallOptions | undefined,
): Promise<AnyResult>;
/** The call path of `client`; a `TypeError` naming the action when it is not a client of this package. */
export declare function checkClient(client: unknown, action: ActionInfo): Core;
/** The error `orThrow` throws: `error` is the same typed value the call returned. */
export declare class TcgenCallError<E extends AnyCallError = CallError> extends Error {
  readonly name = "TcgenCallError";
  readonly error: E;
  constructor(error: E);
}
/**
 * The success of a call, or a thrown `TcgenCallError` carrying the failure:
 * `const { data } = await client.DescribeInstances(req).then(orThrow);`
 */
export declare function orThrow<T, C extends Code, S extends EnvelopeShape = DefaultShape>(
  result: CallResult<T, C, S>,
): Success<T, S>;
export {};
