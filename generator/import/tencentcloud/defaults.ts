/**
 * Tencent Cloud package defaults: the package file shipped with tcgen (`specs/tencentcloud.yaml`:
 * the API 3.0 envelope and the platform-wide common error codes) and the names of those codes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../../diagnostics.js";
import { tcgenRoot } from "../../emit/tcgen-root.js";

/**
 * Where Tencent's documentation lives: relative links in descriptions (`/document/product/…`) are
 * joined to it at import time. The shipped package file names it as `package.docsBaseUrl` (a test
 * keeps the two equal).
 */
export const TENCENT_DOCS_BASE_URL = "https://cloud.tencent.com";

/** File name of the package file inside a specs dir, and inside tcgen's own `specs/`. */
export const DEFAULTS_FILE_NAME = "tencentcloud.yaml";

/**
 * The 38 platform-wide codes of Tencent Cloud's "common error codes" table (keys of the shipped
 * package file's `commonErrors`; a test keeps the two equal). The importer never writes these into a
 * service's `errors`: they come from the package file.
 */
export const TENCENT_COMMON_CODES: readonly string[] = [
  "ActionOffline",
  "AuthFailure.InvalidAuthorization",
  "AuthFailure.InvalidSecretId",
  "AuthFailure.MFAFailure",
  "AuthFailure.SecretIdNotFound",
  "AuthFailure.SignatureExpire",
  "AuthFailure.SignatureFailure",
  "AuthFailure.TokenFailure",
  "AuthFailure.UnauthorizedOperation",
  "DryRunOperation",
  "FailedOperation",
  "InternalError",
  "InvalidAction",
  "InvalidParameter",
  "InvalidParameterValue",
  "InvalidRequest",
  "IpInBlacklist",
  "IpNotInWhitelist",
  "LimitExceeded",
  "MissingParameter",
  "NoSuchProduct",
  "NoSuchVersion",
  "RequestLimitExceeded",
  "RequestLimitExceeded.GlobalRegionUinLimitExceeded",
  "RequestLimitExceeded.IPLimitExceeded",
  "RequestLimitExceeded.UinLimitExceeded",
  "RequestSizeLimitExceeded",
  "ResourceInUse",
  "ResourceInsufficient",
  "ResourceNotFound",
  "ResourceUnavailable",
  "ResponseSizeLimitExceeded",
  "ServiceUnavailable",
  "UnauthorizedOperation",
  "UnknownParameter",
  "UnsupportedOperation",
  "UnsupportedProtocol",
  "UnsupportedRegion",
];

export type DefaultsResult =
  | { readonly ok: true; readonly file: { readonly path: string; readonly text: string } }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** The shipped package file, read from `<tcgen root>/specs/tencentcloud.yaml` (path in the result: `tencentcloud.yaml`). */
export function tencentDefaultsFile(): DefaultsResult {
  let source = `specs/${DEFAULTS_FILE_NAME}`;
  try {
    source = join(tcgenRoot(), "specs", DEFAULTS_FILE_NAME);
    return { ok: true, file: { path: DEFAULTS_FILE_NAME, text: readFileSync(source, "utf8") } };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      diagnostics: [
        { file: source, line: 0, col: 0, path: "", message: `cannot read tcgen's Tencent Cloud package file (is tcgen installed completely?): ${reason}` },
      ],
    };
  }
}

/** Point a YAML file's `# yaml-language-server: $schema=` line at `schemaRef` (adding the line if missing). */
export function withSchemaLine(text: string, schemaRef: string): string {
  const line = `# yaml-language-server: $schema=${schemaRef}`;
  const re = /^# yaml-language-server: \$schema=.*$/m;
  return re.test(text) ? text.replace(re, line) : `${line}\n${text}`;
}
