/**
 * The Tencent Cloud API 3.0 protocol: every action is a POST of its JSON request to `/`, named in
 * `X-TC-Action`, versioned by `X-TC-Version`, signed with TC3-HMAC-SHA256 (runtime/sign.ts) from the
 * client's `credentials`; `X-TC-Region`, `X-TC-Token` and `X-TC-Language` when set. Every API error
 * comes with HTTP 200. Only a Tencent package's `<svc>/client.js` imports this module.
 */
import type { Credentials } from "./client.js";
import { type Protocol } from "./protocol.js";
/** Whether `c` has a usable secretId/secretKey (and a string token if any). */
export declare function validCredentials(c: unknown): c is Credentials;
/** The Tencent protocol (what a Tencent package's `SERVICE.protocol` is). */
export declare const tencentProtocol: Protocol;
