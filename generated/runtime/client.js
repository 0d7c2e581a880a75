import { createTc3Signer } from "./sign.js";
import { abortable, describeThrown, post, redact, sleep, transportError } from "./transport.js";
const CONTENT_TYPE = "application/json; charset=utf-8";
const DEFAULT_TIMEOUT_MS = 60_000;
const LANGUAGES = ["zh-CN", "en-US"];
function fail(what) {
  throw new TypeError(`tcgen createClient: ${what}`);
}
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
  if (endpoint === undefined) return { url: `https://${defaultHost}/`, host: defaultHost };
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
function validCredentials(c) {
  if (typeof c !== "object" || c === null) return false;
  const { secretId, secretKey, token } = c;
  return (
    typeof secretId === "string" &&
    secretId !== "" &&
    typeof secretKey === "string" &&
    secretKey !== "" &&
    (token === undefined || typeof token === "string")
  );
}
function checkOptions(options) {
  if (typeof options !== "object" || options === null) fail("options must be an object");
  const c = options.credentials;
  if (typeof c !== "function" && !validCredentials(c)) {
    fail(
      "credentials must be {secretId, secretKey, token?} with non-empty strings, or a function returning that",
    );
  }
  if (options.region !== undefined && typeof options.region !== "string")
    fail("region must be a string");
  if (options.fetch !== undefined && typeof options.fetch !== "function")
    fail("fetch must be a function");
  if (options.timeoutMs !== undefined) checkNumber(options.timeoutMs, "timeoutMs", 1, true);
  if (options.language !== undefined && !LANGUAGES.includes(options.language)) {
    fail(`language must be one of ${LANGUAGES.join(", ")}`);
  }
}
/** The request id of an envelope, or undefined when `value` is not one. */
function envelopeRequestId(value, wrapper, key) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  let envelope = value;
  if (wrapper !== null) {
    envelope = Object.prototype.hasOwnProperty.call(value, wrapper) ? value[wrapper] : undefined;
    if (typeof envelope !== "object" || envelope === null || Array.isArray(envelope))
      return undefined;
  }
  const id = Object.prototype.hasOwnProperty.call(envelope, key) ? envelope[key] : undefined;
  return typeof id === "string" ? id : undefined;
}
function retryClass(tables, code) {
  for (const t of tables) {
    if (Object.prototype.hasOwnProperty.call(t, code)) return t[code] ?? "never";
  }
  return "never";
}
function isRetryable(error, tables) {
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
      const cls = retryClass(tables, error.rawCode);
      return cls === "throttling" || cls === "transient";
    }
    case "malformed":
      return false;
  }
}
function failure(error) {
  return { ok: false, error };
}
/**
 * Build a client: an immutable object without prototype whose own properties are one method per
 * action. Throws a `TypeError` (without secrets) for invalid options; calls never throw.
 */
export function createServiceClient(descriptor, options) {
  checkOptions(options);
  const { url, host } = endpointUrl(options.endpoint, descriptor.host);
  const policy = retryPolicy(options.retry);
  const credentials = options.credentials;
  const clientRegion = options.region;
  const clientTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchFn = options.fetch;
  const language = options.language;
  const clientSignal = options.signal;
  const sign = createTc3Signer();
  async function attempt(action, parse, body, region, timeoutMs, signals) {
    let creds;
    try {
      let got = credentials;
      if (typeof credentials === "function") {
        const asked = await abortable(Promise.resolve(credentials()), signals);
        if (asked.aborted) return failure(transportError("aborted", "the call was aborted"));
        got = asked.value;
      }
      if (!validCredentials(got)) {
        return failure(
          transportError(
            "credentials",
            "the credentials provider gave no usable secretId/secretKey",
          ),
        );
      }
      creds = got;
    } catch (thrown) {
      return failure(
        transportError("credentials", `the credentials provider failed: ${describeThrown(thrown)}`),
      );
    }
    const secrets = [creds.secretKey, creds.token];
    const timestamp = Math.floor(Date.now() / 1000);
    let authorization;
    try {
      authorization = await sign({
        secretId: creds.secretId,
        secretKey: creds.secretKey,
        service: descriptor.service,
        host,
        contentType: CONTENT_TYPE,
        body,
        timestamp,
      });
    } catch (thrown) {
      return failure(
        transportError(
          "credentials",
          redact(`could not sign the request: ${describeThrown(thrown)}`, secrets),
        ),
      );
    }
    const headers = {
      Authorization: authorization,
      "Content-Type": CONTENT_TYPE,
      "X-TC-Action": action,
      "X-TC-Version": descriptor.version,
      "X-TC-Timestamp": String(timestamp),
    };
    if (region !== undefined && region !== "") headers["X-TC-Region"] = region;
    if (creds.token !== undefined && creds.token !== "") headers["X-TC-Token"] = creds.token;
    if (language !== undefined) headers["X-TC-Language"] = language;
    const reply = await post(fetchFn, url, headers, body, timeoutMs, signals, secrets);
    if ("kind" in reply) return failure(reply);
    return interpret(reply, parse);
  }
  function interpret(reply, parse) {
    let value;
    let json = true;
    try {
      value = JSON.parse(reply.text);
    } catch {
      json = false;
    }
    const requestId = json
      ? envelopeRequestId(value, descriptor.wrapper, descriptor.requestId)
      : undefined;
    if (reply.status !== 200) {
      const id = requestId === undefined ? "" : ` (RequestId ${requestId})`;
      return failure(
        transportError(
          "http-status",
          `HTTP ${reply.status} from ${url}${id}`,
          reply.status,
          requestId,
        ),
      );
    }
    if (!json) {
      return failure(
        transportError(
          "not-json",
          `the reply from ${url} is not JSON (${reply.text.length} characters)`,
          200,
        ),
      );
    }
    if (requestId === undefined) {
      const where =
        descriptor.wrapper === null ? "" : ` inside ${JSON.stringify(descriptor.wrapper)}`;
      return failure(
        transportError(
          "not-envelope",
          `the reply from ${url} is JSON but not an envelope: no string ${JSON.stringify(descriptor.requestId)}${where}`,
          200,
        ),
      );
    }
    return parse(value);
  }
  async function call(action, parse, request, callOptions) {
    const signals = [clientSignal, callOptions?.signal];
    const aborted = () => failure(transportError("aborted", "the call was aborted"));
    if (signals.some((s) => s?.aborted)) return aborted();
    let body;
    try {
      body = JSON.stringify(request ?? {});
    } catch (thrown) {
      return failure(
        transportError(
          "serialize",
          `the request could not be serialised: ${describeThrown(thrown)}`,
        ),
      );
    }
    if (typeof body !== "string" || !body.startsWith("{")) {
      return failure(transportError("serialize", "the request must be a JSON object"));
    }
    const region = callOptions?.region ?? clientRegion;
    const callTimeout = callOptions?.timeoutMs;
    const timeoutMs =
      typeof callTimeout === "number" && callTimeout > 0 ? callTimeout : clientTimeout;
    const deadline = Date.now() + policy.totalTimeoutMs;
    for (let n = 1; ; n++) {
      const result = await attempt(
        action,
        parse,
        body,
        region,
        Math.min(timeoutMs, deadline - Date.now()),
        signals,
      );
      if (result.ok || n >= policy.maxAttempts || !isRetryable(result.error, descriptor.codes))
        return result;
      const delay = Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
      if (Date.now() + delay >= deadline) return result;
      if (await sleep(delay, signals)) return aborted();
    }
  }
  const client = Object.create(null);
  for (const [action, parse, methodName] of descriptor.actions) {
    const method = (request, callOptions) => call(action, parse, request, callOptions);
    Object.defineProperty(client, methodName ?? action, { value: method, enumerable: true });
  }
  // `${client}` / String(client) work although the object has no prototype (symbol key: no action clash).
  const label = `[tcgen client ${descriptor.service} ${descriptor.version}]`;
  Object.defineProperty(client, Symbol.toPrimitive, { value: () => label });
  return Object.freeze(client);
}
function describeCallError(error) {
  switch (error.kind) {
    case "api-error":
      return `${error.rawCode}: ${error.message} (RequestId ${error.requestId})`;
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
