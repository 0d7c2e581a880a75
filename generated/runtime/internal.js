/**
 * What the generated service modules import from the runtime and users never do: the envelope reader,
 * the client core. Not re-exported from the package root (`runtime/index.js` is the public API), and
 * not an export of the package (no `exports` entry leads here).
 */
export { readReply } from "./envelope.js";
export { callAction, createBareClient, createServiceClient } from "./client.js";
export { paginate } from "./paginate.js";
