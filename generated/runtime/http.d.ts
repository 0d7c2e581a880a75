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
