/**
 * The protocol seam of the client (issue 15): how a call becomes an HTTP request. A generated
 * `<svc>/client.js` names its service's protocol — `tencentProtocol` (runtime/tencent.ts: TC3-signed
 * POSTs to `/`) or `httpProtocol(settings)` (runtime/http.ts: per-action routes or one endpoint, with an
 * auth preset) — so a bundle holds only the protocol it uses (a non-Tencent client never holds the
 * TC3 signer). Middleware runs around each attempt, for every protocol. No imports of code; no Node APIs.
 */
import type { TransportError } from "./transport.js";
/** The request of one attempt, as middleware and the `authorize` function see it. */
export interface OutgoingRequest {
  /** `GET`, `POST`… */
  readonly method: string;
  /** The whole URL, query included. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The body text; undefined for a request without one (a GET). */
  readonly body: string | undefined;
}
/** The reply of one attempt: the status and the whole body text. */
export interface IncomingReply {
  readonly status: number;
  readonly text: string;
}
/** What sending a request gives: the reply, or the transport failure (never a rejection). */
export type Exchange = IncomingReply | TransportError;
/**
 * Runs around each attempt (retries included), in the order given: the first is outermost. It may
 * change the request (extra headers, tracing), look at the reply (logging, metrics) or answer without
 * sending. A middleware that throws or resolves to something that is not a reply or transport failure
 * ends the attempt with the transport reason `middleware` (its message names only the error's name).
 */
export type Middleware = (
  request: OutgoingRequest,
  next: (request: OutgoingRequest) => Promise<Exchange>,
) => Exchange | Promise<Exchange>;
/** An attempt's request ready to send, and the secrets no message may contain. */
export interface Authorized {
  readonly request: OutgoingRequest;
  readonly secrets: readonly (string | undefined)[];
}
/** Per-call settings a protocol may read (`region` for Tencent). */
export interface ProtocolCallOptions {
  readonly region?: string | undefined;
}
/** Signals the call listens to. */
export type Signals = readonly (
  | {
      readonly aborted: boolean;
    }
  | undefined
)[];
/** One action as the protocol sees it: its name and, for routed HTTP APIs, its route. */
export interface ProtocolAction {
  readonly name: string;
  /** `[method, path template, path parameters]`, e.g. `["GET", "/orders/{id}", ["id"]]`. */
  readonly http?: HttpRoute | undefined;
}
export type HttpRoute = readonly [method: string, path: string, params: readonly string[]];
/** A protocol bound to one client: builds each call's request and authorizes each attempt. */
export interface ProtocolCore {
  /** The request of a call, before authorization (once per call), or why it cannot be sent. */
  encode(action: ProtocolAction, request: unknown): OutgoingRequest | TransportError;
  /** The request of one attempt (credentials, signature), or the transport failure. Never rejects. */
  authorize(
    request: OutgoingRequest,
    action: ProtocolAction,
    call: ProtocolCallOptions | undefined,
    signals: Signals,
  ): Promise<Authorized | TransportError>;
  /** Whether a reply with a status other than 200 may still carry an API error in its envelope. */
  readonly errorsOnAnyStatus: boolean;
}
/** The origin a client sends to (`https://cvm.tencentcloudapi.com/`) and its host. */
export interface Origin {
  readonly url: string;
  readonly host: string;
}
/** Binds a protocol to a client's options; throws a `TypeError` (without secrets) for invalid ones. */
export type Protocol = (
  service: {
    readonly service: string;
    readonly version: string;
  },
  options: object,
  origin: Origin,
) => ProtocolCore;
/** Throw the `TypeError` of an invalid client option. */
export declare function optionError(what: string): never;
