/**
 * The classification rules: what each change kind does to code that uses the generated package.
 * One table, so the rules read as a list (docs/diff-format.md repeats it). Two kinds depend on the
 * change itself and are graded by their evaluator: `response-enum-values-added` (compatible when the
 * enum is open) and `response-type-widened` (compile only when a closed enum became a wider string).
 */
import type { ChangeKind, Grade } from "./change.js";

const RUNTIME: Grade = { level: "runtime", semver: "major" };
const COMPILE: Grade = { level: "compile", semver: "major" };
const MINOR: Grade = { level: "compatible", semver: "minor" };
const PATCH: Grade = { level: "compatible", semver: "patch" };

export const GRADES: Readonly<Record<ChangeKind, Grade>> = {
  // Imports of the package and every parse change.
  "package-renamed": COMPILE,
  "envelope-changed": RUNTIME,
  "protocol-changed": RUNTIME,
  "action-route-changed": RUNTIME,
  "service-added": MINOR,
  "service-removed": RUNTIME,
  "service-host-changed": RUNTIME,
  "action-added": MINOR,
  "action-removed": RUNTIME,
  // Request side: what callers send.
  "request-field-added": MINOR,
  "request-field-added-required": RUNTIME,
  "request-field-removed": RUNTIME,
  "request-field-became-required": RUNTIME,
  "request-field-became-optional": MINOR,
  "request-field-became-nullable": MINOR,
  "request-field-became-non-nullable": RUNTIME,
  "request-type-changed": RUNTIME,
  "request-type-narrowed": RUNTIME,
  "request-type-widened": MINOR,
  "request-enum-values-added": MINOR,
  "request-enum-values-removed": RUNTIME,
  // Response side: what callers read. A tightening (always returned, never null, narrower) breaks nothing.
  "response-field-added": MINOR,
  "response-field-removed": RUNTIME,
  "response-field-became-optional": RUNTIME,
  "response-field-became-required": MINOR,
  "response-field-became-nullable": RUNTIME,
  "response-field-became-non-nullable": MINOR,
  "response-type-changed": RUNTIME,
  "response-type-narrowed": MINOR,
  "response-type-widened": RUNTIME,
  "response-enum-values-added": COMPILE,
  "response-enum-values-removed": MINOR,
  // Exported names.
  "type-added": MINOR,
  "type-removed": COMPILE,
  "type-renamed": COMPILE,
  // Per-side types (a struct split into a request and a response type, or merged back): the name a
  // side uses changed. Fields are compared with the counterpart, so only code that names a type breaks.
  "type-replaced": COMPILE,
  "type-side-changed": COMPILE,
  // Codes: the union of an action's codes is what exhaustive `match` checks.
  "action-code-added": COMPILE,
  "action-code-removed": COMPILE,
  "common-code-added": COMPILE,
  "common-code-removed": COMPILE,
  "service-code-added": MINOR,
  "service-code-removed": COMPILE,
  "code-retry-changed": PATCH,
  // Documentation.
  "deprecation-changed": PATCH,
  "description-changed": PATCH,
  "example-changed": PATCH,
};

/** A compile-only break (for the graded-by-evaluator kinds). */
export const COMPILE_ONLY: Grade = COMPILE;
/** Compatible, needs a minor release. */
export const COMPATIBLE_MINOR: Grade = MINOR;
