/**
 * What the generated service modules import from the runtime and users never do: the envelope reader,
 * the client core. Not re-exported from the package root (`runtime/index.js` is the public API), and
 * not an export of the package (no `exports` entry leads here).
 */
export { readReply, type CodeTable, type EnvelopeConfig, type ReplyData, type ReplyRead } from "./envelope.js";
export {
  callAction,
  createBareClient,
  createServiceClient,
  type ActionInfo,
  type ReplyParser,
  type RetryClassTable,
  type ServiceInfo,
  type ServiceMethod,
} from "./client.js";
export { paginate, type PagingInfo } from "./paginate.js";
