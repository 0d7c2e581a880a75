/**
 * What `tcgen diff` reports: one `Change` per difference between two models that a user of the
 * generated package can notice, each graded by what it breaks.
 *
 * Levels, most severe first:
 *   - `runtime`:    breaks code that works today when it runs (and, always, its compilation too): a removed
 *                   action or response field, a response field that may now be absent or null, a request
 *                   field that became required, a narrowed request type, …
 *   - `compile`:    breaks only the compilation of code that compiles today: a code added to or removed
 *                   from an action (exhaustive `match`), a value added to a closed response enum
 *                   (exhaustive `switch`), a renamed or removed named type.
 *   - `compatible`: nothing breaks (new actions, new optional request fields, response fields that are now
 *                   always returned, descriptions, …).
 *
 * `semver` is the release the change needs on its own: `major` for every break, `minor` for an
 * addition or a tightening the types show, `patch` for documentation.
 */
import type { SourceLocation } from "../model/types.js";

export type Level = "runtime" | "compile" | "compatible";
export type Semver = "major" | "minor" | "patch";

/** Which side of the wire a field is on. A named type used by both sides is reported once per side. */
export type Side = "request" | "response";

/** The stable ids of the change kinds (`--format json` prints them; documented in docs/diff-format.md). */
export const CHANGE_KINDS = [
  "package-renamed",
  "envelope-changed",
  "protocol-changed",
  "service-added",
  "service-removed",
  "service-host-changed",
  "action-added",
  "action-removed",
  "action-route-changed",
  "request-field-added",
  "request-field-added-required",
  "request-field-removed",
  "request-field-became-required",
  "request-field-became-optional",
  "request-field-became-nullable",
  "request-field-became-non-nullable",
  "request-type-changed",
  "request-type-narrowed",
  "request-type-widened",
  "request-enum-values-added",
  "request-enum-values-removed",
  "response-field-added",
  "response-field-removed",
  "response-field-became-optional",
  "response-field-became-required",
  "response-field-became-nullable",
  "response-field-became-non-nullable",
  "response-type-changed",
  "response-type-narrowed",
  "response-type-widened",
  "response-enum-values-added",
  "response-enum-values-removed",
  "type-added",
  "type-removed",
  "type-renamed",
  "type-replaced",
  "type-side-changed",
  "action-code-added",
  "action-code-removed",
  "common-code-added",
  "common-code-removed",
  "service-code-added",
  "service-code-removed",
  "code-retry-changed",
  "deprecation-changed",
  "description-changed",
  "example-changed",
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** What a change is about. Every key that applies is set; the rest are absent. */
export interface ChangeTarget {
  /** `cvm`; absent for package-wide changes (envelope, common codes). */
  readonly service?: string;
  /** `2017-03-12`. */
  readonly version?: string;
  readonly action?: string;
  /** A named type (the field's owner, or the type that was added/removed/renamed). */
  readonly type?: string;
  readonly field?: string;
  readonly side?: Side;
  readonly code?: string;
}

export interface Change extends ChangeTarget {
  readonly kind: ChangeKind;
  readonly level: Level;
  readonly semver: Semver;
  /** In the new spec; in the old one for removals (`spec: "old"`). */
  readonly location: SourceLocation & { readonly spec: "old" | "new" };
  /**
   * For removals: where the construct that held the removed one is in the new spec (the action of a
   * removed field, the service of a removed action), when there is one. CI annotations point there.
   */
  readonly anchor?: SourceLocation;
  /** One line for humans, without the location (raw text: printers escape it). */
  readonly message: string;
  /** For enum changes: the values added or removed; for renames: `[old, new]`. */
  readonly values?: readonly string[];
}

export interface Verdict {
  /** `none` when nothing changed. */
  readonly semver: Semver | "none";
  readonly reason: string;
}

export interface DiffResult {
  /** Sorted: most severe first, then by service, action/type, field, kind. */
  readonly changes: readonly Change[];
  readonly verdict: Verdict;
}

export const LEVEL_RANK: Readonly<Record<Level, number>> = { runtime: 0, compile: 1, compatible: 2 };
export const SEMVER_RANK: Readonly<Record<Semver, number>> = { major: 0, minor: 1, patch: 2 };

/** The effect of a change kind on users, decided in one place per kind (see grade.ts). */
export interface Grade {
  readonly level: Level;
  readonly semver: Semver;
}

/** What a change is grouped under in reports: `action X`, `type X`, `codes` or `service`. */
export function groupLabel(c: ChangeTarget): string {
  if (c.action !== undefined) return `action ${c.action}`;
  if (c.type !== undefined) return `type ${c.type}`;
  if (c.code !== undefined) return "codes";
  return "service";
}
