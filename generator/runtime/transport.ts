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
  addEventListener(type: "abort", listener: () => void, options?: { readonly once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

/**
 * The signal type `fetch` receives: the platform's `AbortSignal` where the consumer's types declare one
 * (DOM lib, @types/node), else `AbortSignalLike`. Looked up through `typeof globalThis`, so the
 * declarations never name a global type that may not exist.
 */
export type FetchSignal = typeof globalThis extends { readonly AbortSignal: { readonly prototype: infer S } }
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

export function transportError(
  reason: TransportReason,
  message: string,
  status?: number,
  requestId?: string,
  body?: string,
): TransportError {
  return { kind: "transport", reason, status, requestId, body, message };
}

/** Remove every occurrence of each secret from `text`. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) if (s !== undefined && s.length >= 4) out = out.split(s).join("[redacted]");
  return out;
}

/** A short description of a thrown value, for a message: `TypeError: fetch failed (ECONNREFUSED)`. */
export function describeThrown(thrown: unknown): string {
  if (!(thrown instanceof Error)) return typeof thrown === "string" ? thrown.slice(0, 200) : "unknown error";
  const cause: unknown = (thrown as { cause?: unknown }).cause;
  let detail = "";
  if (cause instanceof Error) {
    const code: unknown = (cause as { code?: unknown }).code;
    detail = typeof code === "string" ? ` (${code})` : ` (${cause.message.slice(0, 200)})`;
  }
  return `${thrown.name}: ${thrown.message.slice(0, 200)}${detail}`;
}

/** Largest delay setTimeout accepts without firing at once. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Wait `ms`, or until one of `signals` aborts. Resolves true when aborted (immediately, without waiting).
 */
export function sleep(ms: number, signals: readonly (AbortSignalLike | undefined)[]): Promise<boolean> {
  return new Promise((resolve) => {
    const live = signals.filter((s): s is AbortSignalLike => s !== undefined);
    if (live.some((s) => s.aborted)) return resolve(true);
    const done = (aborted: boolean) => {
      clearTimeout(timer);
      for (const s of live) s.removeEventListener("abort", onAbort);
      resolve(aborted);
    };
    const onAbort = () => done(true);
    const timer = setTimeout(() => done(false), Math.min(Math.max(0, ms), MAX_TIMER_MS));
    for (const s of live) s.addEventListener("abort", onAbort, { once: true });
  });
}

/** `promise`'s value, or `aborted: true` as soon as one of `signals` aborts (the promise is left to settle). */
export function abortable<T>(
  promise: Promise<T>,
  signals: readonly (AbortSignalLike | undefined)[],
): Promise<{ readonly aborted: false; readonly value: T } | { readonly aborted: true }> {
  const live = signals.filter((s): s is AbortSignalLike => s !== undefined);
  if (live.length === 0) return promise.then((value) => ({ aborted: false, value }));
  return new Promise((resolve, reject) => {
    const onAbort = () => finish(() => resolve({ aborted: true }));
    const finish = (settle: () => void) => {
      for (const s of live) s.removeEventListener("abort", onAbort);
      settle();
    };
    if (live.some((s) => s.aborted)) return resolve({ aborted: true });
    for (const s of live) s.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => finish(() => resolve({ aborted: false, value })),
      (e: unknown) => finish(() => reject(e)),
    );
  });
}

/**
 * Send once and read the whole body. Resolves (never rejects) to the reply or a transport error.
 * `timeoutMs` bounds sending and reading; `Infinity` means no bound. The race against the abort also
 * covers fetch implementations that ignore `signal`.
 */
export async function send(
  fetchFn: FetchLike | undefined,
  method: string,
  url: string,
  headers: Record<string, string>,
  body: string | undefined,
  timeoutMs: number,
  signals: readonly (AbortSignalLike | undefined)[],
  secrets: readonly (string | undefined)[],
): Promise<HttpReply | TransportError> {
  const live = signals.filter((s): s is AbortSignalLike => s !== undefined);
  if (live.some((s) => s.aborted)) return transportError("aborted", "the call was aborted");
  const controller = new AbortController();
  let why: "timeout" | "aborted" | undefined;
  let wake: (() => void) | undefined;
  const stopped = new Promise<undefined>((resolve) => {
    wake = () => resolve(undefined);
  });
  const stop = (reason: "timeout" | "aborted") => {
    if (why !== undefined) return;
    why = reason;
    controller.abort();
    wake?.();
  };
  const onAbort = () => stop("aborted");
  for (const s of live) s.addEventListener("abort", onAbort, { once: true });
  const timer = Number.isFinite(timeoutMs)
    ? setTimeout(() => stop("timeout"), Math.min(Math.max(0, timeoutMs), MAX_TIMER_MS))
    : undefined;
  const stoppedError = (): TransportError =>
    why === "timeout"
      ? transportError("timeout", `no complete reply from ${url} within ${timeoutMs} ms`)
      : transportError("aborted", "the call was aborted");
  try {
    const exchange = (async (): Promise<HttpReply> => {
      const init = body === undefined ? { method, headers, signal: controller.signal } : { method, headers, body, signal: controller.signal };
      const response = fetchFn ? await fetchFn.call(globalThis, url, init as FetchInit) : await globalThis.fetch(url, init);
      return { status: response.status, text: await response.text() };
    })();
    exchange.catch(() => undefined); // a late rejection after a timeout is not unhandled
    const reply = await Promise.race([exchange, stopped]);
    if (reply === undefined) return stoppedError();
    return reply;
  } catch (thrown) {
    if (why !== undefined) return stoppedError();
    return transportError("network", redact(`network error calling ${url}: ${describeThrown(thrown)}`, secrets));
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    for (const s of live) s.removeEventListener("abort", onAbort);
  }
}
