/**
 * One verdict per recorded reply, read off what the generated parser returned, by reason code
 * (runtime/result.ts `ReasonCode`), never by message text:
 *
 * | parser result                                          | verdict                  | drift |
 * |--------------------------------------------------------|--------------------------|-------|
 * | ok, no drift                                           | conforming success       | no    |
 * | ok, drift `format` (date, datetime, base64…)           | format deviation         | yes   |
 * | ok, drift `int64-precision`                            | int64 precision loss     | yes   |
 * | ok, drift `open-enum` (and maybe unknown keys)         | unknown enum value       | no    |
 * | ok, drift `unknown-field` only                         | unknown field            | no    |
 * | api-error, code known for the action                   | conforming API error     | no    |
 * | api-error, code `$unknown`                             | unknown error code       | yes   |
 * | malformed, reason `not-json`                           | not JSON                 | yes   |
 * | malformed, reason `not-envelope`                       | not an envelope          | yes   |
 * | malformed, reason `missing`                            | missing required field   | yes   |
 * | malformed, reason `null`                               | null where not nullable  | yes   |
 * | malformed, any other reason (type, enum, integer, range, too-deep, threw) | wrong type | yes |
 * | (no parser: the service has no such action)            | unknown action           | yes   |
 *
 * A success's verdict is that of its most serious drift (in the order of the table); a malformed
 * reply's is that of its first problem (the parsers list every problem, in document order).
 */
import type { Envelope } from "../model/types.js";
import type { Issue, ReasonCode } from "../runtime/result.js";
import type { ParseOutcome } from "./parsers-module.js";

export const VERDICTS = [
  "conforming success",
  "format deviation",
  "int64 precision loss",
  "unknown enum value",
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
  "format deviation": true,
  "int64 precision loss": true,
  "unknown enum value": false,
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
  /** Reason code of the problem or deviation the verdict is about (absent for conforming replies and API errors). */
  readonly reason?: ReasonCode;
  /** JSON path of the problem (for API errors: of the code). */
  readonly path?: string;
  readonly expected?: string;
  readonly found?: string;
  /** API errors: the code as it came over the wire. */
  readonly code?: string;
  /** Paths of keys the spec does not declare. */
  readonly unknownFields?: readonly string[];
  /** Every problem (malformed) or deviation (success with drift), with its reason code. */
  readonly issues?: readonly Issue[];
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function at(...keys: Array<string | null>): string {
  let path = "$";
  for (const k of keys) if (k !== null) path += IDENT.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;
  return path;
}

/** Success verdicts by drift reason, most serious first. */
const SUCCESS_VERDICTS: ReadonlyArray<readonly [ReasonCode, VerdictKind]> = [
  ["format", "format deviation"],
  ["int64-precision", "int64 precision loss"],
  ["open-enum", "unknown enum value"],
  ["unknown-field", "unknown field"],
];

/** Malformed verdicts by reason of the first problem (any other reason: wrong type). */
const MALFORMED_VERDICTS: ReadonlyMap<ReasonCode, VerdictKind> = new Map<ReasonCode, VerdictKind>([
  ["not-json", "not JSON"],
  ["not-envelope", "not an envelope"],
  ["missing", "missing required field"],
  ["null", "null where not nullable"],
]);

export function classify(result: ParseOutcome, e: Envelope): Finding {
  if (result.ok) {
    const drift = result.drift;
    if (drift.length === 0) return { verdict: "conforming success", drift: false };
    const unknownFields = result.unknownFields.length > 0 ? { unknownFields: [...result.unknownFields] } : {};
    for (const [reason, verdict] of SUCCESS_VERDICTS) {
      const first = drift.find((d) => d.reason === reason);
      if (first === undefined) continue;
      return { verdict, drift: IS_DRIFT[verdict], reason, path: first.path, expected: first.expected, found: first.found, ...unknownFields, issues: drift };
    }
    return { verdict: "conforming success", drift: false };
  }
  const error = result.error;
  if (error.kind === "api-error") {
    const path = at(e.wrapper, e.errorKey, e.codeKey);
    return error.code === "$unknown"
      ? { verdict: "unknown error code", drift: true, path, expected: "a code the spec lists for this action", found: JSON.stringify(error.rawCode), code: error.rawCode }
      : { verdict: "conforming API error", drift: false, code: error.rawCode };
  }
  const verdict = MALFORMED_VERDICTS.get(error.reason) ?? "wrong type";
  return { verdict, drift: true, reason: error.reason, path: error.path, expected: error.expected, found: error.found, issues: error.issues };
}

export function unknownAction(action: string, service: string): Finding {
  return { verdict: "unknown action", drift: true, expected: `an action of ${service}`, found: JSON.stringify(action) };
}
