/**
 * The output package's runtime: service-independent code that every generated service module imports.
 * Compiled by `npm run build` into dist/runtime and copied into generated/runtime by the emitter.
 */
export type * from "./result.js";
export * from "./match.js";
export {
  readReply,
  type CodeTable,
  type EnvelopeConfig,
  type ReplyData,
  type ReplyRead,
} from "./envelope.js";
export { signTc3, type SignInput } from "./sign.js";
export type {
  FetchInit,
  FetchLike,
  FetchResponseLike,
  TransportError,
  TransportReason,
} from "./transport.js";
export {
  createServiceClient,
  orThrow,
  TcgenCallError,
  type CallError,
  type CallOptions,
  type CallResult,
  type ClientOptions,
  type Credentials,
  type CredentialsProvider,
  type Language,
  type ReplyParser,
  type RetryClassTable,
  type RetryOptions,
  type ServiceDescriptor,
  type ServiceMethod,
} from "./client.js";
