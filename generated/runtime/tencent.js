import { optionError } from "./protocol.js";
import { createTc3Signer } from "./sign.js";
import { serializeRequest } from "./serialize.js";
import { abortable, describeThrown, redact, transportError } from "./transport.js";
const CONTENT_TYPE = "application/json; charset=utf-8";
const LANGUAGES = ["zh-CN", "en-US"];
/** Whether `c` has a usable secretId/secretKey (and a string token if any). */
export function validCredentials(c) {
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
/** The Tencent protocol (what a Tencent package's `SERVICE.protocol` is). */
export const tencentProtocol = (service, options, origin) => {
  const o = options;
  const credentials = o.credentials;
  if (typeof credentials !== "function" && !validCredentials(credentials)) {
    optionError(
      "credentials must be {secretId, secretKey, token?} with non-empty strings, or a function returning that",
    );
  }
  if (o.region !== undefined && typeof o.region !== "string")
    optionError("region must be a string");
  if (o.language !== undefined && !LANGUAGES.includes(o.language))
    optionError(`language must be one of ${LANGUAGES.join(", ")}`);
  const clientRegion = o.region;
  const language = o.language;
  const sign = createTc3Signer();
  return {
    errorsOnAnyStatus: false,
    encode(_action, request) {
      const serialized = serializeRequest(request ?? {});
      if (!serialized.ok) return transportError("serialize", serialized.message);
      return {
        method: "POST",
        url: origin.url,
        headers: { "Content-Type": CONTENT_TYPE },
        body: serialized.text,
      };
    },
    async authorize(request, action, call, signals) {
      let creds;
      try {
        let got = credentials;
        if (typeof credentials === "function") {
          const asked = await abortable(Promise.resolve(credentials()), signals);
          if (asked.aborted) return transportError("aborted", "the call was aborted");
          got = asked.value;
        }
        if (!validCredentials(got))
          return transportError(
            "credentials",
            "the credentials provider gave no usable secretId/secretKey",
          );
        creds = got;
      } catch (thrown) {
        return transportError(
          "credentials",
          `the credentials provider failed: ${describeThrown(thrown)}`,
        );
      }
      const secrets = [creds.secretKey, creds.token];
      const body = request.body ?? "";
      const timestamp = Math.floor(Date.now() / 1000);
      let authorization;
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
        return transportError(
          "credentials",
          redact(`could not sign the request: ${describeThrown(thrown)}`, secrets),
        );
      }
      const headers = {
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
