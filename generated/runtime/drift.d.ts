/**
 * Recording drifting replies for `tcgen verify`: `onDrift: driftRecorder((line) => appendFileSync("drift.jsonl", line))`.
 * Each drifting reply becomes one JSON Lines record in the format `tcgen verify` reads
 * (generator/verify/inputs.ts): `{"action": "<Action>", "reply": "<reply text>", "title": "<service> <version> <request id>"}`
 * followed by `\n`. The reply is kept as the exact text received, so verify re-reads it as the parser did.
 * No Node API: the caller decides where lines go (a file, a log pipeline, an array in a test).
 */
import type { DriftEvent } from "./client.js";
export declare function driftRecorder(write: (line: string) => void): (event: DriftEvent) => void;
