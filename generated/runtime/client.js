import { optionError } from "./protocol.js";
import { send, sleep, transportError } from "./transport.js";
const DEFAULT_TIMEOUT_MS = 60_000;
const fail = optionError;
function checkNumber(value, name, min, allowInfinity) {
  if (
    typeof value !== "number" ||
    Number.isNaN(value) ||
    value < min ||
    (!allowInfinity && !Number.isFinite(value))
  ) {
    fail(`${name} must be a number ≥ ${min}${allowInfinity ? " (or Infinity)" : ""}`);
  }
}
function retryPolicy(retry) {
  if (retry === undefined)
    return { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, totalTimeoutMs: Infinity };
  if (typeof retry !== "object" || retry === null) fail("retry must be an object");
  const p = {
    maxAttempts: retry.maxAttempts ?? 3,
    baseDelayMs: retry.baseDelayMs ?? 100,
    maxDelayMs: retry.maxDelayMs ?? 5000,
    totalTimeoutMs: retry.totalTimeoutMs ?? Infinity,
  };
  checkNumber(p.maxAttempts, "retry.maxAttempts", 1, false);
  if (!Number.isInteger(p.maxAttempts)) fail("retry.maxAttempts must be an integer");
  checkNumber(p.baseDelayMs, "retry.baseDelayMs", 0, false);
  checkNumber(p.maxDelayMs, "retry.maxDelayMs", 0, false);
  checkNumber(p.totalTimeoutMs, "retry.totalTimeoutMs", 0, true);
  return p;
}
/** The origin URL requests go to, and the host it signs. */
function endpointUrl(endpoint, defaultHost) {
  if (endpoint === undefined) {
    if (defaultHost === "") fail("endpoint is required: the spec names no host for this service");
    return { url: `https://${defaultHost}/`, host: defaultHost };
  }
  if (typeof endpoint !== "string" || endpoint === "") fail("endpoint must be a non-empty string");
  let parsed;
  try {
    parsed = new URL(endpoint.includes("://") ? endpoint : `https://${endpoint}`);
  } catch {
    return fail(`endpoint is not a host or URL: ${JSON.stringify(endpoint)}`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    fail("endpoint must use http or https");
  if (parsed.username !== "" || parsed.password !== "") fail("endpoint must not contain user info");
  if (parsed.pathname !== "/" || parsed.search !== "" || parsed.hash !== "") {
    fail("endpoint must be a host or an origin, without path, query or fragment");
  }
  return { url: `${parsed.protocol}//${parsed.host}/`, host: parsed.host };
}
function checkOptions(options) {
  if (typeof options !== "object" || options === null) fail("options must be an object");
  if (options.fetch !== undefined && typeof options.fetch !== "function")
    fail("fetch must be a function");
  if (options.onDrift !== undefined && typeof options.onDrift !== "function")
    fail("onDrift must be a function");
  if (options.timeoutMs !== undefined) checkNumber(options.timeoutMs, "timeoutMs", 1, true);
  const mw = options.middleware;
  if (mw !== undefined && !(Array.isArray(mw) && mw.every((m) => typeof m === "function")))
    fail("middleware must be a list of functions");
}
/** The request id of an envelope, or undefined when `value` is not one. */
function envelopeRequestId(value, wrapper, key) {
  if (key === null || typeof value !== "object" || value === null || Array.isArray(value))
    return undefined;
  let envelope = value;
  if (wrapper !== null) {
    envelope = Object.prototype.hasOwnProperty.call(value, wrapper) ? value[wrapper] : undefined;
    if (typeof envelope !== "object" || envelope === null || Array.isArray(envelope))
      return undefined;
  }
  const id = Object.prototype.hasOwnProperty.call(envelope, key) ? envelope[key] : undefined;
  return typeof id === "string" ? id : undefined;
}
function retryClass(action, service, rawCode) {
  const code = String(rawCode);
  for (const table of [action.codes, service.common, service.retry]) {
    if (Object.hasOwn(table, code)) return table[code] ?? "never";
  }
  return "never";
}
function isRetryable(error, action, service) {
  switch (error.kind) {
    case "transport":
      return (
        error.reason === "network" ||
        error.reason === "timeout" ||
        (error.reason === "http-status" &&
          error.status !== undefined &&
          (error.status === 429 || error.status >= 500))
      );
    case "api-error": {
      const cls = retryClass(action, service, error.rawCode);
      return cls === "throttling" || cls === "transient";
    }
    case "malformed":
      return false;
  }
}
/** Whether a middleware's result is a reply or a transport failure. */
function isExchange(v) {
  if (typeof v !== "object" || v === null) return false;
  const r = v;
  return r.kind === "transport" || (typeof r.status === "number" && typeof r.text === "string");
}
function failure(error) {
  return { ok: false, error };
}
/**
 * The drift of a successful result: Contract R's `drift` when the parser gives it, else (parsers that
 * predate it) its unknown fields.
 */
function driftOf(result) {
  const drift = result.drift;
  if (Array.isArray(drift)) return drift;
  return result.unknownFields.map((path) => ({
    path,
    reason: "unknown-field",
    expected: "no such key",
    found: "a key",
  }));
}
/** Client object → its call path. A WeakMap, so no property of a client exposes it. */
const cores = new WeakMap();
function createCore(service, options) {
  checkOptions(options);
  const origin = endpointUrl(options.endpoint, service.host);
  const protocol = service.protocol(service, options, origin);
  const policy = retryPolicy(options.retry);
  const clientTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchFn = options.fetch;
  const clientSignal = options.signal;
  const onDrift = options.onDrift;
  const middleware = options.middleware ?? [];
  /** Send `request` through the middleware from index `i` on, then over the network. */
  function exchange(request, i, timeoutMs, signals, secrets) {
    const m = middleware[i];
    if (m === undefined)
      return send(
        fetchFn,
        request.method,
        request.url,
        { ...request.headers },
        request.body,
        timeoutMs,
        signals,
        secrets,
      );
    const next = (r) => exchange(r, i + 1, timeoutMs, signals, secrets);
    return (async () => {
      let out;
      try {
        out = await m(request, next);
      } catch (thrown) {
        return transportError(
          "middleware",
          `middleware ${i + 1} failed (${thrown instanceof Error ? thrown.name : typeof thrown})`,
        );
      }
      if (isExchange(out)) return out;
      return transportError(
        "middleware",
        `middleware ${i + 1} gave neither a reply nor a transport failure`,
      );
    })();
  }
  async function attempt(action, encoded, callOptions, timeoutMs, signals) {
    const ready = await protocol.authorize(encoded, action, callOptions, signals);
    if ("kind" in ready) return failure(ready);
    if (signals.some((s) => s?.aborted))
      return failure(transportError("aborted", "the call was aborted"));
    const reply = await exchange(ready.request, 0, timeoutMs, signals, ready.secrets);
    if ("kind" in reply) return failure(reply);
    return interpret(reply, action, origin.url);
  }
  /** The request id of the reply when its body is an envelope; `json: false` when it is not JSON text. */
  function envelopeOf(text) {
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      return { json: false, requestId: undefined };
    }
    return { json: true, requestId: envelopeRequestId(value, service.wrapper, service.requestId) };
  }
  function interpret(reply, action, url) {
    if (protocol.errorsOnAnyStatus && (reply.status < 200 || reply.status > 299)) {
      // an HTTP API may answer an API error with any status: its envelope decides
      const parsed = action.parse(reply.text);
      if (!parsed.ok && parsed.error.kind === "api-error") return parsed;
    }
    if (
      protocol.errorsOnAnyStatus ? reply.status < 200 || reply.status > 299 : reply.status !== 200
    ) {
      const { requestId } = envelopeOf(reply.text);
      const id = requestId === undefined ? "" : ` (RequestId ${requestId})`;
      return failure(
        transportError(
          "http-status",
          `HTTP ${reply.status} from ${url}${id}`,
          reply.status,
          requestId,
          reply.text,
        ),
      );
    }
    // The text, not a parsed value: the parser reads it exactly (64-bit integers included), and the
    // body is parsed once. Only a malformed result without a request id needs a second look: a body
    // that is no envelope is a transport failure, not a malformed API reply.
    const result = action.parse(reply.text);
    const e = result.ok ? undefined : result.error;
    if (
      e !== undefined &&
      e.kind === "malformed" &&
      e.requestId === undefined &&
      (e.reason === "not-json" || e.reason === "not-envelope")
    ) {
      const { json, requestId } = envelopeOf(reply.text);
      if (!json) {
        return failure(
          transportError(
            "not-json",
            `the reply from ${url} is not JSON (${reply.text.length} characters)`,
            reply.status,
            undefined,
            reply.text,
          ),
        );
      }
      if (requestId === undefined) {
        // Tencent's words name its request id; other envelopes say where the reply left the envelope
        const where = service.wrapper === null ? "" : ` inside ${JSON.stringify(service.wrapper)}`;
        const why = protocol.errorsOnAnyStatus
          ? `expected ${e.expected} at ${e.path}, found ${e.found}`
          : `no string ${JSON.stringify(service.requestId ?? "")}${where}`;
        return failure(
          transportError(
            "not-envelope",
            `the reply from ${url} is JSON but not an envelope: ${why}`,
            reply.status,
            undefined,
            reply.text,
          ),
        );
      }
    }
    if (result.ok && onDrift !== undefined) {
      const drift = driftOf(result);
      if (drift.length > 0) {
        try {
          onDrift({
            service: service.service,
            version: service.version,
            action: action.name,
            requestId: result.requestId ?? "",
            drift,
            reply: reply.text,
          });
        } catch {
          // the hook's failure is not the call's
        }
      }
    }
    return result;
  }
  return async (action, request, callOptions) => {
    const signals = [clientSignal, callOptions?.signal];
    const aborted = () => failure(transportError("aborted", "the call was aborted"));
    if (signals.some((s) => s?.aborted)) return aborted();
    const encoded = protocol.encode(action, request ?? {});
    if ("kind" in encoded) return failure(encoded);
    const callTimeout = callOptions?.timeoutMs;
    const timeoutMs =
      typeof callTimeout === "number" && callTimeout > 0 ? callTimeout : clientTimeout;
    const deadline = Date.now() + policy.totalTimeoutMs;
    for (let n = 1; ; n++) {
      const result = await attempt(
        action,
        encoded,
        callOptions,
        Math.min(timeoutMs, deadline - Date.now()),
        signals,
      );
      if (result.ok || n >= policy.maxAttempts || !isRetryable(result.error, action, service))
        return result;
      const delay = Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
      if (Date.now() + delay >= deadline) return result;
      if (await sleep(delay, signals)) return aborted();
    }
  };
}
function finish(client, core, service) {
  // `${client}` / String(client) work although the object has no prototype (symbol key: no action clash).
  const label = `[tcgen client ${service.service} ${service.version}]`;
  Object.defineProperty(client, Symbol.toPrimitive, { value: () => label });
  cores.set(client, core);
  return Object.freeze(client);
}
/**
 * A client without methods, for the per-action functions: `describeInstances(client, request)`. Throws
 * a `TypeError` (without secrets) for invalid options; calls never throw.
 */
export function createBareClient(service, options) {
  const core = createCore(service, options);
  return finish(Object.create(null), core, service);
}
/**
 * A client with one method per action: an immutable object without prototype. Throws a `TypeError`
 * (without secrets) for invalid options; calls never throw. It is also a client the per-action
 * functions accept.
 */
export function createServiceClient(service, actions, options) {
  const core = createCore(service, options);
  const client = Object.create(null);
  for (const [action, methodName] of actions) {
    const method = (request, callOptions) => core(action, request, callOptions);
    Object.defineProperty(client, methodName ?? action.name, { value: method, enumerable: true });
  }
  return finish(client, core, service);
}
/**
 * One call of `action` through `client` (what each generated per-action function does). Throws a
 * `TypeError` when `client` is not a client made by this package (the types rule it out); the call
 * itself never throws.
 */
export function callAction(client, action, request, options) {
  return checkClient(client, action)(action, request, options);
}
/** The call path of `client`; a `TypeError` naming the action when it is not a client of this package. */
export function checkClient(client, action) {
  const core = typeof client === "object" && client !== null ? cores.get(client) : undefined;
  if (core === undefined)
    throw new TypeError(
      `tcgen ${action.name}: the first argument must be a client (createClient or createBareClient)`,
    );
  return core;
}
function describeCallError(error) {
  switch (error.kind) {
    case "api-error":
      return error.requestId === undefined
        ? `${error.rawCode}: ${error.message}`
        : `${error.rawCode}: ${error.message} (RequestId ${error.requestId})`;
    case "malformed":
      return `malformed reply at ${error.path}: expected ${error.expected}, found ${error.found}`;
    case "transport":
      return `${error.reason}: ${error.message}`;
  }
}
/** The error `orThrow` throws: `error` is the same typed value the call returned. */
export class TcgenCallError extends Error {
  name = "TcgenCallError";
  error;
  constructor(error) {
    super(describeCallError(error));
    this.error = error;
  }
}
/**
 * The success of a call, or a thrown `TcgenCallError` carrying the failure:
 * `const { data } = await client.DescribeInstances(req).then(orThrow);`
 */
export function orThrow(result) {
  if (result.ok) return result;
  throw new TcgenCallError(result.error);
}
