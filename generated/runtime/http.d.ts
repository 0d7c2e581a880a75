/**
 * A generic JSON-over-HTTP protocol (issue 15), as the spec's `protocol: { style: http }` describes it:
 *
 * - Routed actions (`http: "GET /orders/{id}"` in the spec): each `{param}` of the path is the request
 *   field of that name (percent-encoded); the other fields go to the query string for GET, HEAD and
 *   DELETE (`k=v`, lists as repeated keys, objects as JSON text, `undefined` skipped), else to a JSON
 *   body (`Content-Type: application/json`).
 * - One endpoint (`protocol.endpoint`): a POST of the JSON request to its path, the action named in a
 *   header (`actionHeader`) or as a key of the body (`actionKey`).
 * - Authentication (`auth`): `none`; `bearer` (`Authorization: Bearer <options.token>`); `api-key`
 *   (`<header>: <options.apiKey>`); `function` (`options.authorize(request)` returns the request to send,
 *   sync or async: any other signing scheme). Token and key may be functions (sync or async), called
 *   before every attempt.
 * - A reply with any status may carry an API error: when its envelope holds one, the call's outcome is
 *   that API error; any other reply whose status is not 2xx is a transport `http-status`.
 *
 * Failures are outcomes, never exceptions: a token/key function that throws or gives no non-empty
 * string → `credentials`; an `authorize` function that throws or returns an unusable request (not an
 * object with a string method, an http(s) URL, string headers and a string or undefined body) → `auth`.
 * Their messages name the problem and the thrown error's name only, never its text or a secret.
 */
import { type OutgoingRequest, type Protocol } from "./protocol.js";
/** What the generated `<svc>/client.js` passes (from the spec's `protocol`). */
export interface HttpSettings {
  readonly auth: "none" | "bearer" | "api-key" | "function";
  /** The API key's header (`api-key`). */
  readonly authHeader?: string | undefined;
  /** One endpoint's path (`/rpc`), for actions without a route. */
  readonly endpoint?: string | undefined;
  /** Header naming the action at the one endpoint. */
  readonly actionHeader?: string | undefined;
  /** Body key naming the action at the one endpoint. */
  readonly actionKey?: string | undefined;
}
/** The request an `authorize` function receives and returns. */
export type AuthorizeFunction = (
  request: OutgoingRequest,
) => OutgoingRequest | Promise<OutgoingRequest>;
/** The protocol of a package whose spec says `protocol: { style: http, … }`. */
export declare function httpProtocol(settings: HttpSettings): Protocol;
