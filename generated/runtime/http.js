import { optionError } from "./protocol.js";
import { serializeRequest } from "./serialize.js";
import { abortable, transportError } from "./transport.js";
const JSON_TYPE = "application/json";
const QUERY_METHODS = ["GET", "HEAD", "DELETE"];
function errorName(thrown) {
  try {
    return thrown instanceof Error ? thrown.name : typeof thrown;
  } catch {
    return "unknown error";
  }
}
/** One query value as text: strings as they are, other scalars in JSON, objects as JSON text. */
function queryText(v) {
  if (typeof v === "string") return v;
  if (typeof v === "bigint") return v.toString();
  const s = serializeRequest({ v });
  return s.ok ? s.text.slice(5, -1) : undefined;
}
/** Path, query and body of a routed action's request, or why it cannot be sent. */
function routed(route, request) {
  const [method, template, params] = route;
  let path = template;
  for (const p of params) {
    const v = Object.hasOwn(request, p) ? request[p] : undefined;
    if (v === undefined || v === null || typeof v === "object")
      return transportError(
        "serialize",
        `the request has no usable value for the path parameter ${JSON.stringify(p)}`,
      );
    const text = queryText(v);
    if (text === undefined)
      return transportError(
        "serialize",
        `the path parameter ${JSON.stringify(p)} could not be written`,
      );
    path = path.split(`{${p}}`).join(encodeURIComponent(text));
  }
  const rest = {};
  for (const k of Object.keys(request))
    if (!params.includes(k))
      Object.defineProperty(rest, k, {
        value: request[k],
        enumerable: true,
        writable: true,
        configurable: true,
      });
  if (QUERY_METHODS.includes(method)) {
    const parts = [];
    for (const k of Object.keys(rest)) {
      const v = rest[k];
      if (v === undefined) continue;
      for (const item of Array.isArray(v) ? v : [v]) {
        const text = queryText(item);
        if (text === undefined)
          return transportError(
            "serialize",
            `the query parameter ${JSON.stringify(k)} could not be written`,
          );
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
function usableRequest(r) {
  if (typeof r !== "object" || r === null) return false;
  const { method, url, headers, body } = r;
  if (typeof method !== "string" || !/^[A-Z]+$/.test(method) || typeof url !== "string")
    return false;
  if (!/^https?:\/\//i.test(url)) return false;
  if (typeof headers !== "object" || headers === null) return false;
  for (const k of Object.keys(headers)) if (typeof headers[k] !== "string") return false;
  return body === undefined || typeof body === "string";
}
/** The protocol of a package whose spec says `protocol: { style: http, … }`. */
export function httpProtocol(settings) {
  return (_service, options, origin) => {
    const o = options;
    const secretOption =
      settings.auth === "bearer" ? "token" : settings.auth === "api-key" ? "apiKey" : undefined;
    const source = secretOption === undefined ? undefined : o[secretOption];
    if (
      secretOption !== undefined &&
      !((typeof source === "string" && source !== "") || typeof source === "function")
    ) {
      optionError(
        `${secretOption} must be a non-empty string or a function returning one (auth: ${settings.auth})`,
      );
    }
    const authorize = o.authorize;
    if (settings.auth === "function" && typeof authorize !== "function")
      optionError("authorize must be a function (auth: function)");
    const base = origin.url.replace(/\/$/, "");
    async function secret(signals) {
      const s = source;
      try {
        let got = s;
        if (typeof s === "function") {
          const asked = await abortable(Promise.resolve(s()), signals);
          if (asked.aborted) return transportError("aborted", "the call was aborted");
          got = asked.value;
        }
        if (typeof got !== "string" || got === "")
          return transportError(
            "credentials",
            `the ${secretOption ?? "secret"} function gave no non-empty string`,
          );
        return got;
      } catch (thrown) {
        return transportError(
          "credentials",
          `the ${secretOption ?? "secret"} function failed (${errorName(thrown)})`,
        );
      }
    }
    return {
      errorsOnAnyStatus: true,
      encode(action, request) {
        const fields = typeof request === "object" && request !== null ? request : {};
        if (action.http !== undefined) {
          const r = routed(action.http, fields);
          if ("kind" in r) return r;
          const headers = r.body === undefined ? {} : { "Content-Type": JSON_TYPE };
          return { method: action.http[0], url: `${base}${r.path}`, headers, body: r.body };
        }
        const headers = { "Content-Type": JSON_TYPE };
        let body = fields;
        if (settings.actionHeader !== undefined) headers[settings.actionHeader] = action.name;
        if (settings.actionKey !== undefined) {
          const merged = {};
          Object.defineProperty(merged, settings.actionKey, {
            value: action.name,
            enumerable: true,
            writable: true,
            configurable: true,
          });
          for (const k of Object.keys(fields))
            if (k !== settings.actionKey)
              Object.defineProperty(merged, k, {
                value: fields[k],
                enumerable: true,
                writable: true,
                configurable: true,
              });
          body = merged;
        }
        const serialized = serializeRequest(body);
        if (!serialized.ok) return transportError("serialize", serialized.message);
        return {
          method: "POST",
          url: `${base}${settings.endpoint ?? "/"}`,
          headers,
          body: serialized.text,
        };
      },
      async authorize(request, _action, _call, signals) {
        const live = signals;
        if (settings.auth === "bearer" || settings.auth === "api-key") {
          const s = await secret(live);
          if (typeof s !== "string") return s;
          const name =
            settings.auth === "bearer" ? "Authorization" : (settings.authHeader ?? "X-Api-Key");
          const value = settings.auth === "bearer" ? `Bearer ${s}` : s;
          return {
            request: { ...request, headers: { ...request.headers, [name]: value } },
            secrets: [s],
          };
        }
        if (settings.auth === "function") {
          let out;
          try {
            const asked = await abortable(Promise.resolve(authorize(request)), live);
            if (asked.aborted) return transportError("aborted", "the call was aborted");
            out = asked.value;
          } catch (thrown) {
            return transportError("auth", `the authorize function failed (${errorName(thrown)})`);
          }
          if (!usableRequest(out)) {
            return transportError(
              "auth",
              "the authorize function returned an unusable request (it needs a method, an http(s) URL, string headers and a string or undefined body)",
            );
          }
          return {
            request: {
              method: out.method,
              url: out.url,
              headers: { ...out.headers },
              body: out.body,
            },
            secrets: [],
          };
        }
        return { request, secrets: [] };
      },
    };
  };
}
