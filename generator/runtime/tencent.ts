/**
 * The Tencent Cloud API 3.0 protocol: every action is a POST of its JSON request to `/`, named in
 * `X-TC-Action`, versioned by `X-TC-Version`, signed with TC3-HMAC-SHA256 (runtime/sign.ts) from the
 * client's `credentials`; `X-TC-Region`, `X-TC-Token` and `X-TC-Language` when set. Every API error
 * comes with HTTP 200. Only a Tencent package's `<svc>/client.js` imports this module.
 */
import type { Credentials } from "./client.js";
import { optionError, type Authorized, type OutgoingRequest, type Protocol, type ProtocolCore } from "./protocol.js";
import { createTc3Signer } from "./sign.js";
import { serializeRequest } from "./serialize.js";
import { abortable, describeThrown, redact, transportError, type AbortSignalLike, type TransportError } from "./transport.js";

const CONTENT_TYPE = "application/json; charset=utf-8";
const LANGUAGES: readonly string[] = ["zh-CN", "en-US"];

/** Whether `c` has a usable secretId/secretKey (and a string token if any). */
export function validCredentials(c: unknown): c is Credentials {
  if (typeof c !== "object" || c === null) return false;
  const { secretId, secretKey, token } = c as Record<string, unknown>;
  return (
    typeof secretId === "string" &&
    secretId !== "" &&
    typeof secretKey === "string" &&
    secretKey !== "" &&
    (token === undefined || typeof token === "string")
  );
}

interface TencentOptions {
  readonly credentials?: unknown;
  readonly region?: unknown;
  readonly language?: unknown;
}

/** The Tencent protocol (what a Tencent package's `SERVICE.protocol` is). */
export const tencentProtocol: Protocol = (service, options, origin): ProtocolCore => {
  const o = options as TencentOptions;
  const credentials = o.credentials;
  if (typeof credentials !== "function" && !validCredentials(credentials)) {
    optionError("credentials must be {secretId, secretKey, token?} with non-empty strings, or a function returning that");
  }
  if (o.region !== undefined && typeof o.region !== "string") optionError("region must be a string");
  if (o.language !== undefined && !LANGUAGES.includes(o.language as string)) optionError(`language must be one of ${LANGUAGES.join(", ")}`);
  const clientRegion = o.region as string | undefined;
  const language = o.language as string | undefined;
  const sign = createTc3Signer();

  return {
    errorsOnAnyStatus: false,
    encode(_action, request): OutgoingRequest | TransportError {
      const serialized = serializeRequest(request ?? {});
      if (!serialized.ok) return transportError("serialize", serialized.message);
      return { method: "POST", url: origin.url, headers: { "Content-Type": CONTENT_TYPE }, body: serialized.text };
    },
    async authorize(request, action, call, signals): Promise<Authorized | TransportError> {
      let creds: Credentials;
      try {
        let got: unknown = credentials;
        if (typeof credentials === "function") {
          const asked = await abortable(Promise.resolve((credentials as () => unknown)()), signals as readonly (AbortSignalLike | undefined)[]);
          if (asked.aborted) return transportError("aborted", "the call was aborted");
          got = asked.value;
        }
        if (!validCredentials(got)) return transportError("credentials", "the credentials provider gave no usable secretId/secretKey");
        creds = got;
      } catch (thrown) {
        return transportError("credentials", `the credentials provider failed: ${describeThrown(thrown)}`);
      }
      const secrets = [creds.secretKey, creds.token];
      const body = request.body ?? "";
      const timestamp = Math.floor(Date.now() / 1000);
      let authorization: string;
      try {
        authorization = await sign({
          secretId: creds.secretId,
          secretKey: creds.secretKey,
          service: service.service,
          host: origin.host,
          action: action.name,
          contentType: CONTENT_TYPE,
          body,
          timestamp,
        });
      } catch (thrown) {
        return transportError("credentials", redact(`could not sign the request: ${describeThrown(thrown)}`, secrets));
      }
      const headers: Record<string, string> = {
        Authorization: authorization,
        "Content-Type": CONTENT_TYPE,
        "X-TC-Action": action.name,
        "X-TC-Version": service.version,
        "X-TC-Timestamp": String(timestamp),
      };
      const region = call?.region ?? clientRegion;
      if (region !== undefined && region !== "") headers["X-TC-Region"] = region;
      if (creds.token !== undefined && creds.token !== "") headers["X-TC-Token"] = creds.token;
      if (language !== undefined) headers["X-TC-Language"] = language;
      return { request: { method: "POST", url: request.url, headers, body }, secrets };
    },
  };
};
