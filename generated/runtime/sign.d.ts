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
/** What one signature covers. */
export interface SignInput {
  readonly secretId: string;
  readonly secretKey: string;
  /** Credential-scope service name: the first label of the endpoint host (`cvm`). */
  readonly service: string;
  /** The `Host` header value the request is sent with (`cvm.tencentcloudapi.com`, or `127.0.0.1:8080`). */
  readonly host: string;
  /** The action (`X-TC-Action` header value, e.g. `DescribeInstances`); signed in lowercase. */
  readonly action: string;
  /** The exact `Content-Type` header value sent. */
  readonly contentType: string;
  /** The exact body text sent. */
  readonly body: string;
  /** Unix time in seconds (also sent as `X-TC-Timestamp`). */
  readonly timestamp: number;
}
/** Lowercase hex SHA-256 of the UTF-8 bytes of `text`. */
export declare function sha256Hex(text: string): Promise<string>;
/** The UTC date `YYYY-MM-DD` of a Unix timestamp in seconds. */
export declare function utcDate(timestamp: number): string;
/** The string to sign for `input` (exposed for tests and debugging; contains no secret). */
export declare function stringToSign(
  input: Omit<SignInput, "secretId" | "secretKey">,
): Promise<string>;
/** The whole `Authorization` header value for one request. */
export declare function signTc3(input: SignInput): Promise<string>;
/**
 * A signer that keeps the last derived key (per secret key, date and service) so that repeated calls
 * skip the three-step derivation. The key lives only inside the returned closure.
 */
export declare function createTc3Signer(): (input: SignInput) => Promise<string>;
