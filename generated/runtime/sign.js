/**
 * TC3-HMAC-SHA256 request signing (Tencent Cloud API 3.0, "Signature v3"), with WebCrypto only
 * (`globalThis.crypto.subtle`): runs on Node 20+, browsers, Deno, Bun and edge workers. No imports.
 *
 * For a POST of a JSON body to `https://<host>/`:
 *
 *   CanonicalRequest = "POST\n/\n\ncontent-type:<contentType>\nhost:<host>\nx-tc-action:<lowercase action>\n\n"
 *                    + "content-type;host;x-tc-action\n" + hex(sha256(body))
 *   StringToSign     = "TC3-HMAC-SHA256\n<timestamp>\n<date>/<service>/tc3_request\n" + hex(sha256(CanonicalRequest))
 *   SigningKey       = HMAC(HMAC(HMAC("TC3" + secretKey, date), service), "tc3_request")
 *   Authorization    = "TC3-HMAC-SHA256 Credential=<secretId>/<date>/<service>/tc3_request, "
 *                    + "SignedHeaders=content-type;host;x-tc-action, Signature=" + hex(HMAC(SigningKey, StringToSign))
 *
 * `date` is the UTC calendar date (YYYY-MM-DD) of `timestamp` (Unix seconds). Every text is hashed as
 * its UTF-8 bytes; the body must be exactly the text that is sent. Signing `x-tc-action` (as Tencent's
 * current documentation does) protects the action header: a signature cannot be replayed for another action.
 *
 * The exported declarations name no DOM or Node type (the derived key stays inside the module), so the
 * package's `.d.ts` compile with `lib: ["es2022"]` alone.
 */
const ALGORITHM = "TC3-HMAC-SHA256";
const SIGNED_HEADERS = "content-type;host;x-tc-action";
const HMAC_SHA256 = { name: "HMAC", hash: "SHA-256" };
const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
function subtle() {
  const s = globalThis.crypto?.subtle;
  if (s === undefined)
    throw new Error("tcgen: WebCrypto (globalThis.crypto.subtle) is not available");
  return s;
}
function toHex(buffer) {
  const bytes = new Uint8Array(buffer);
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]];
  return out;
}
/** Lowercase hex SHA-256 of the UTF-8 bytes of `text`. */
export async function sha256Hex(text) {
  return toHex(await subtle().digest("SHA-256", encoder.encode(text)));
}
async function hmac(key, data) {
  const k = await subtle().importKey("raw", key, HMAC_SHA256, false, ["sign"]);
  return subtle().sign("HMAC", k, encoder.encode(data));
}
/** The UTC date `YYYY-MM-DD` of a Unix timestamp in seconds. */
export function utcDate(timestamp) {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}
/** The derived key for one (secret key, date, service): valid for a whole UTC day. */
async function deriveSigningKey(secretKey, date, service) {
  const kDate = await hmac(encoder.encode(`TC3${secretKey}`), date);
  const kService = await hmac(kDate, service);
  const kSigning = await hmac(kService, "tc3_request");
  return subtle().importKey("raw", kSigning, HMAC_SHA256, false, ["sign"]);
}
/** The string to sign for `input` (exposed for tests and debugging; contains no secret). */
export async function stringToSign(input) {
  const canonical =
    `POST\n/\n\ncontent-type:${input.contentType}\nhost:${input.host}\nx-tc-action:${input.action.toLowerCase()}\n\n${SIGNED_HEADERS}\n` +
    (await sha256Hex(input.body));
  const scope = `${utcDate(input.timestamp)}/${input.service}/tc3_request`;
  return `${ALGORITHM}\n${input.timestamp}\n${scope}\n${await sha256Hex(canonical)}`;
}
async function authorization(input, key) {
  const signature = toHex(
    await subtle().sign("HMAC", key, encoder.encode(await stringToSign(input))),
  );
  const scope = `${utcDate(input.timestamp)}/${input.service}/tc3_request`;
  return `${ALGORITHM} Credential=${input.secretId}/${scope}, SignedHeaders=${SIGNED_HEADERS}, Signature=${signature}`;
}
/** The whole `Authorization` header value for one request. */
export async function signTc3(input) {
  return authorization(
    input,
    await deriveSigningKey(input.secretKey, utcDate(input.timestamp), input.service),
  );
}
/**
 * A signer that keeps the last derived key (per secret key, date and service) so that repeated calls
 * skip the three-step derivation. The key lives only inside the returned closure.
 */
export function createTc3Signer() {
  let last;
  return (input) => {
    const date = utcDate(input.timestamp);
    if (
      last === undefined ||
      last.secretKey !== input.secretKey ||
      last.date !== date ||
      last.service !== input.service
    ) {
      const key = deriveSigningKey(input.secretKey, date, input.service);
      const entry = { secretKey: input.secretKey, date, service: input.service, key };
      last = entry;
      key.catch(() => {
        if (last === entry) last = undefined;
      });
    }
    return last.key.then((key) => authorization(input, key));
  };
}
