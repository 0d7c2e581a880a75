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
import type { Secret } from "./client.js";
import { optionError, type Authorized, type OutgoingRequest, type Protocol, type ProtocolCore } from "./protocol.js";
import { serializeRequest } from "./serialize.js";
import { abortable, transportError, type AbortSignalLike, type TransportError } from "./transport.js";

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
export type AuthorizeFunction = (request: OutgoingRequest) => OutgoingRequest | Promise<OutgoingRequest>;

const JSON_TYPE = "application/json";
const QUERY_METHODS: readonly string[] = ["GET", "HEAD", "DELETE"];

type Fields = Readonly<Record<string, unknown>>;

function errorName(thrown: unknown): string {
  try {
    return thrown instanceof Error ? thrown.name : typeof thrown;
  } catch {
    return "unknown error";
  }
}

/** One query value as text: strings as they are, other scalars in JSON, objects as JSON text. */
function queryText(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "bigint") return v.toString();
  const s = serializeRequest({ v });
  return s.ok ? s.text.slice(5, -1) : undefined;
}

/** Path, query and body of a routed action's request, or why it cannot be sent. */
function routed(route: readonly [string, string, readonly string[]], request: Fields): { path: string; body: string | undefined } | TransportError {
  const [method, template, params] = route;
  let path = template;
  for (const p of params) {
    const v = Object.hasOwn(request, p) ? request[p] : undefined;
    if (v === undefined || v === null || typeof v === "object") return transportError("serialize", `the request has no usable value for the path parameter ${JSON.stringify(p)}`);
    const text = queryText(v);
    if (text === undefined) return transportError("serialize", `the path parameter ${JSON.stringify(p)} could not be written`);
    path = path.split(`{${p}}`).join(encodeURIComponent(text));
  }
  const rest: Record<string, unknown> = {};
  for (const k of Object.keys(request)) if (!params.includes(k)) Object.defineProperty(rest, k, { value: request[k], enumerable: true, writable: true, configurable: true });
  if (QUERY_METHODS.includes(method)) {
    const parts: string[] = [];
    for (const k of Object.keys(rest)) {
      const v = rest[k];
      if (v === undefined) continue;
      for (const item of Array.isArray(v) ? (v as unknown[]) : [v]) {
        const text = queryText(item);
        if (text === undefined) return transportError("serialize", `the query parameter ${JSON.stringify(k)} could not be written`);
        parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(text)}`);
      }
    }
    return { path: parts.length === 0 ? path : `${path}?${parts.join("&")}`, body: undefined };
  }
  const serialized = serializeRequest(rest);
  if (!serialized.ok) return transportError("serialize", serialized.message);
  return { path, body: serialized.text };
}

/** Whether `r` is a request that can be sent (see the module comment). */
function usableRequest(r: unknown): r is OutgoingRequest {
  if (typeof r !== "object" || r === null) return false;
  const { method, url, headers, body } = r as Record<string, unknown>;
  if (typeof method !== "string" || !/^[A-Z]+$/.test(method) || typeof url !== "string") return false;
  if (!/^https?:\/\//i.test(url)) return false;
  if (typeof headers !== "object" || headers === null) return false;
  for (const k of Object.keys(headers)) if (typeof (headers as Record<string, unknown>)[k] !== "string") return false;
  return body === undefined || typeof body === "string";
}

/** The protocol of a package whose spec says `protocol: { style: http, … }`. */
export function httpProtocol(settings: HttpSettings): Protocol {
  return (_service, options, origin): ProtocolCore => {
    const o = options as { readonly token?: unknown; readonly apiKey?: unknown; readonly authorize?: unknown };
    const secretOption = settings.auth === "bearer" ? "token" : settings.auth === "api-key" ? "apiKey" : undefined;
    const source = secretOption === undefined ? undefined : (o as Record<string, unknown>)[secretOption];
    if (secretOption !== undefined && !((typeof source === "string" && source !== "") || typeof source === "function")) {
      optionError(`${secretOption} must be a non-empty string or a function returning one (auth: ${settings.auth})`);
    }
    const authorize = o.authorize;
    if (settings.auth === "function" && typeof authorize !== "function") optionError("authorize must be a function (auth: function)");
    const base = origin.url.replace(/\/$/, "");

    async function secret(signals: readonly (AbortSignalLike | undefined)[]): Promise<string | TransportError> {
      const s = source as Secret;
      try {
        let got: unknown = s;
        if (typeof s === "function") {
          const asked = await abortable(Promise.resolve(s()), signals);
          if (asked.aborted) return transportError("aborted", "the call was aborted");
          got = asked.value;
        }
        if (typeof got !== "string" || got === "") return transportError("credentials", `the ${secretOption ?? "secret"} function gave no non-empty string`);
        return got;
      } catch (thrown) {
        return transportError("credentials", `the ${secretOption ?? "secret"} function failed (${errorName(thrown)})`);
      }
    }

    return {
      errorsOnAnyStatus: true,
      encode(action, request): OutgoingRequest | TransportError {
        const fields: Fields = typeof request === "object" && request !== null ? (request as Fields) : {};
        if (action.http !== undefined) {
          const r = routed(action.http, fields);
          if ("kind" in r) return r;
          const headers: Record<string, string> = r.body === undefined ? {} : { "Content-Type": JSON_TYPE };
          return { method: action.http[0], url: `${base}${r.path}`, headers, body: r.body };
        }
        const headers: Record<string, string> = { "Content-Type": JSON_TYPE };
        let body: Fields = fields;
        if (settings.actionHeader !== undefined) headers[settings.actionHeader] = action.name;
        if (settings.actionKey !== undefined) {
          const merged: Record<string, unknown> = {};
          Object.defineProperty(merged, settings.actionKey, { value: action.name, enumerable: true, writable: true, configurable: true });
          for (const k of Object.keys(fields)) if (k !== settings.actionKey) Object.defineProperty(merged, k, { value: fields[k], enumerable: true, writable: true, configurable: true });
          body = merged;
        }
        const serialized = serializeRequest(body);
        if (!serialized.ok) return transportError("serialize", serialized.message);
        return { method: "POST", url: `${base}${settings.endpoint ?? "/"}`, headers, body: serialized.text };
      },
      async authorize(request, _action, _call, signals): Promise<Authorized | TransportError> {
        const live = signals as readonly (AbortSignalLike | undefined)[];
        if (settings.auth === "bearer" || settings.auth === "api-key") {
          const s = await secret(live);
          if (typeof s !== "string") return s;
          const name = settings.auth === "bearer" ? "Authorization" : (settings.authHeader ?? "X-Api-Key");
          const value = settings.auth === "bearer" ? `Bearer ${s}` : s;
          return { request: { ...request, headers: { ...request.headers, [name]: value } }, secrets: [s] };
        }
        if (settings.auth === "function") {
          let out: unknown;
          try {
            const asked = await abortable(Promise.resolve((authorize as (r: OutgoingRequest) => unknown)(request)), live);
            if (asked.aborted) return transportError("aborted", "the call was aborted");
            out = asked.value;
          } catch (thrown) {
            return transportError("auth", `the authorize function failed (${errorName(thrown)})`);
          }
          if (!usableRequest(out)) {
            return transportError("auth", "the authorize function returned an unusable request (it needs a method, an http(s) URL, string headers and a string or undefined body)");
          }
          return { request: { method: out.method, url: out.url, headers: { ...out.headers }, body: out.body }, secrets: [] };
        }
        return { request, secrets: [] };
      },
    };
  };
}
