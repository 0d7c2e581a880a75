/**
 * The output package's runtime: service-independent code that every generated service module imports.
 * Compiled by `npm run build` into dist/runtime and copied into generated/runtime by the emitter.
 *
 * This module is the package root's public API (the root `index` re-exports it): outcome types,
 * `match` and the guards, the client's option and result types, `orThrow`, paging and drift helpers.
 * Internals the generated modules need (the envelope reader, the client core) are in `./internal.js`.
 */
export type * from "./result.js";
export * from "./match.js";
export type {
  AbortSignalLike,
  FetchInit,
  FetchLike,
  FetchResponseLike,
  FetchSignal,
  TransportError,
  TransportReason,
} from "./transport.js";
export type { Exchange, IncomingReply, Middleware, OutgoingRequest } from "./protocol.js";
export {
  orThrow,
  TcgenCallError,
  type AuthOptions,
  type BaseClientOptions,
  type CallError,
  type CallOptions,
  type CallResult,
  type ClientOptions,
  type Credentials,
  type CredentialsProvider,
  type DriftEvent,
  type DriftIssue,
  type HttpClientOptions,
  type Language,
  type RetryOptions,
  type Secret,
  type ServiceClient,
} from "./client.js";
export { driftRecorder } from "./drift.js";
export type { ItemResult, PageOptions, PageResult, Paginator, PagingError } from "./paginate.js";
