/**
 * The HTTP layer of the client: one POST through a fetch-compatible function, bounded by a timeout and
 * abortable, turned into either the reply text or a `TransportError`. No imports; no Node APIs.
 */
/**
 * Why a call produced no API reply.
 *
 * - `network`: fetch rejected (DNS, connection refused or reset, TLS, body cut off while reading).
 * - `timeout`: no complete reply within `timeoutMs` (or the retry budget `totalTimeoutMs`).
 * - `aborted`: the caller's `AbortSignal` fired (before, during, or between attempts).
 * - `http-status`: the HTTP status was not 200 (Tencent Cloud answers every API error with 200); for
 *   an HTTP API, not 2xx and the body is no envelope holding an API error.
 * - `not-json`: status 200 but the body is not JSON text (a proxy page, a truncated body).
 * - `not-envelope`: JSON, but not an envelope: no wrapper object or no string request id.
 * - `credentials`: the credentials provider threw, or gave no usable secretId/secretKey (or, for an
 *   HTTP API, the token or API key function threw or gave no non-empty string).
 * - `auth`: the `authorize` function (an HTTP API's `auth: function`) threw or returned an unusable request.
 * - `middleware`: a middleware threw or resolved to something that is neither a reply nor a transport failure.
 * - `serialize`: the request could not be serialised to JSON (a BigInt, a cycle…); nothing was sent.
 *
 * Rule: a reply that carries an envelope with a request id came from the API, so it is parsed and any
 * mismatch with the spec is a `MalformedReply`; anything short of that is a `TransportError`.
 */
export type TransportReason =
  | "network"
  | "timeout"
  | "aborted"
  | "http-status"
  | "not-json"
  | "not-envelope"
  | "credentials"
  | "auth"
  | "middleware"
  | "serialize";
/** A call that got no API reply. Never contains credentials. */
export interface TransportError {
  readonly kind: "transport";
  readonly reason: TransportReason;
  /** The HTTP status, when a response arrived. */
  readonly status: number | undefined;
  /** The request id, when the body was an envelope that had one (e.g. with an HTTP 5xx). */
  readonly requestId: string | undefined;
  /**
   * The body exactly as received, when a response arrived (`http-status`, `not-json`, `not-envelope`):
   * nothing that reached the client is lost. Undefined for the other reasons.
   */
  readonly body: string | undefined;
  /** Human-readable, safe to log. */
  readonly message: string;
}
/**
 * The part of an `AbortSignal` the client uses. Structural, so the declarations compile without the DOM
 * or Node types (`lib: ["es2022"]` alone); the platform's `AbortSignal` fits it.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(
    type: "abort",
    listener: () => void,
    options?: {
      readonly once?: boolean;
    },
  ): void;
  removeEventListener(type: "abort", listener: () => void): void;
}
/**
 * The signal type `fetch` receives: the platform's `AbortSignal` where the consumer's types declare one
 * (DOM lib, @types/node), else `AbortSignalLike`. Looked up through `typeof globalThis`, so the
 * declarations never name a global type that may not exist.
 */
export type FetchSignal = typeof globalThis extends {
  readonly AbortSignal: {
    readonly prototype: infer S;
  };
}
  ? S
  : AbortSignalLike;
/** The part of a fetch `Response` the client reads. */
export interface FetchResponseLike {
  readonly status: number;
  text(): Promise<string>;
}
/** The request the client hands to `fetch`. */
export interface FetchInit {
  readonly method: string;
  readonly headers: Record<string, string>;
  /** Absent for a request without a body (a GET). */
  readonly body?: string;
  readonly signal: FetchSignal;
}
/** Any fetch-compatible function: `globalThis.fetch`, undici's, a test stub… */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponseLike>;
export interface HttpReply {
  readonly status: number;
  readonly text: string;
}
export declare function transportError(
  reason: TransportReason,
  message: string,
  status?: number,
  requestId?: string,
  body?: string,
): TransportError;
/** Remove every occurrence of each secret from `text`. */
export declare function redact(text: string, secrets: readonly (string | undefined)[]): string;
/** A short description of a thrown value, for a message: `TypeError: fetch failed (ECONNREFUSED)`. */
export declare function describeThrown(thrown: unknown): string;
/**
 * Wait `ms`, or until one of `signals` aborts. Resolves true when aborted (immediately, without waiting).
 */
export declare function sleep(
  ms: number,
  signals: readonly (AbortSignalLike | undefined)[],
): Promise<boolean>;
/** `promise`'s value, or `aborted: true` as soon as one of `signals` aborts (the promise is left to settle). */
export declare function abortable<T>(
  promise: Promise<T>,
  signals: readonly (AbortSignalLike | undefined)[],
): Promise<
  | {
      readonly aborted: false;
      readonly value: T;
    }
  | {
      readonly aborted: true;
    }
>;
/**
 * Send once and read the whole body. Resolves (never rejects) to the reply or a transport error.
 * `timeoutMs` bounds sending and reading; `Infinity` means no bound. The race against the abort also
 * covers fetch implementations that ignore `signal`.
 */
export declare function send(
  fetchFn: FetchLike | undefined,
  method: string,
  url: string,
  headers: Record<string, string>,
  body: string | undefined,
  timeoutMs: number,
  signals: readonly (AbortSignalLike | undefined)[],
  secrets: readonly (string | undefined)[],
): Promise<HttpReply | TransportError>;
