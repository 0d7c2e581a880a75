/**
 * One verdict per recorded reply, read off what the generated parser returned:
 *
 * | parser result                                   | verdict                  | drift |
 * |-------------------------------------------------|--------------------------|-------|
 * | ok, no unknown keys                             | conforming success       | no    |
 * | ok, keys the spec does not declare              | unknown field            | no    |
 * | api-error, code known for the action            | conforming API error     | no    |
 * | api-error, code `$unknown`                      | unknown error code       | yes   |
 * | malformed, expected `JSON text`                 | not JSON                 | yes   |
 * | malformed at an envelope path (`$`, `$.Response`, request id, error object/code/message, data key) | not an envelope | yes |
 * | malformed, found `absent`                       | missing required field   | yes   |
 * | malformed, found `null`                         | null where not nullable  | yes   |
 * | malformed, anything else (kind, enum, integer, format, nesting) | wrong type | yes |
 * | (no parser: the service has no such action)     | unknown action           | yes   |
 *
 * The parsers stop at the first problem of a reply, so a malformed reply gets the verdict of its
 * first problem (in the order of the spec's fields).
 */
import type { Envelope } from "../model/types.js";
import type { ParseOutcome } from "./parsers-module.js";

export const VERDICTS = [
  "conforming success",
  "unknown field",
  "conforming API error",
  "unknown error code",
  "missing required field",
  "null where not nullable",
  "wrong type",
  "not JSON",
  "not an envelope",
  "unknown action",
] as const;

export type VerdictKind = (typeof VERDICTS)[number];

/** Whether a verdict means the replies and the specs disagree (exit code 1). */
export const IS_DRIFT: { readonly [K in VerdictKind]: boolean } = {
  "conforming success": false,
  "unknown field": false,
  "conforming API error": false,
  "unknown error code": true,
  "missing required field": true,
  "null where not nullable": true,
  "wrong type": true,
  "not JSON": true,
  "not an envelope": true,
  "unknown action": true,
};

/** What the verdict says about the reply itself (the reply's file, action and position are added by the caller). */
export interface Finding {
  readonly verdict: VerdictKind;
  readonly drift: boolean;
  /** JSON path of the problem (for API errors: of the code). */
  readonly path?: string;
  readonly expected?: string;
  readonly found?: string;
  /** API errors: the code as it came over the wire. */
  readonly code?: string;
  /** Paths of keys the spec does not declare (verdict `unknown field`). */
  readonly unknownFields?: readonly string[];
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function at(...keys: Array<string | null>): string {
  let path = "$";
  for (const k of keys) if (k !== null) path += IDENT.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;
  return path;
}

/** The JSON paths where the runtime reports envelope problems (runtime/envelope.ts `readReply`). */
export function envelopePaths(e: Envelope): ReadonlySet<string> {
  const paths = [
    "$",
    at(e.wrapper),
    at(e.wrapper, e.requestId),
    at(e.wrapper, e.errorKey),
    at(e.wrapper, e.errorKey, e.codeKey),
    at(e.wrapper, e.errorKey, e.messageKey),
  ];
  if (e.dataKey !== null) paths.push(at(e.wrapper, e.dataKey));
  return new Set(paths);
}

export function classify(result: ParseOutcome, envelope: ReadonlySet<string>, e: Envelope): Finding {
  if (result.ok) {
    if (result.unknownFields.length === 0) return { verdict: "conforming success", drift: false };
    return {
      verdict: "unknown field",
      drift: false,
      path: result.unknownFields[0] as string,
      unknownFields: [...result.unknownFields],
    };
  }
  const error = result.error;
  if (error.kind === "api-error") {
    const path = at(e.wrapper, e.errorKey, e.codeKey);
    return error.code === "$unknown"
      ? { verdict: "unknown error code", drift: true, path, expected: "a code the spec lists for this action", found: JSON.stringify(error.rawCode), code: error.rawCode }
      : { verdict: "conforming API error", drift: false, code: error.rawCode };
  }
  const where = { path: error.path, expected: error.expected, found: error.found };
  if (error.expected === "JSON text") return { verdict: "not JSON", drift: true, ...where };
  // (a value that threw or nested too deep is reported at `$` too, but is about the content)
  const content = error.expected === "a JSON value" || error.expected.startsWith("nesting");
  if (envelope.has(error.path) && !content) return { verdict: "not an envelope", drift: true, ...where };
  if (error.found === "absent") return { verdict: "missing required field", drift: true, ...where };
  if (error.found === "null") return { verdict: "null where not nullable", drift: true, ...where };
  return { verdict: "wrong type", drift: true, ...where };
}

export function unknownAction(action: string, service: string): Finding {
  return { verdict: "unknown action", drift: true, expected: `an action of ${service}`, found: JSON.stringify(action) };
}
