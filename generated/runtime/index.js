export * from "./match.js";
export { readReply } from "./envelope.js";
export { signTc3 } from "./sign.js";
export { createServiceClient, orThrow, TcgenCallError } from "./client.js";
