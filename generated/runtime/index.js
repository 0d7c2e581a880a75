export * from "./match.js";
export { orThrow, TcgenCallError } from "./client.js";
export { driftRecorder } from "./drift.js";
