/**
 * The shape of an overlay file once the structural pass (schema/spec.schema.json, `overlayFile`)
 * accepted it. Maps keyed by spec names are plain objects with own properties only: read them with
 * `own` / `ownKeys` (generator/model/raw.ts).
 */
import type { RawCode, RawField, RawMap } from "../model/raw.js";
import type { Int64Mode } from "../model/types.js";

export interface RawFieldPatch {
  readonly optional?: boolean;
  readonly nullable?: boolean;
  readonly deprecated?: boolean;
  readonly description?: string;
  readonly example?: string;
  readonly enum?: { readonly add: readonly string[] };
  /** Opens (true) or closes (false) the field's enum (docs/spec-format.md §4.2). */
  readonly open?: boolean;
  /** How the field's int64/uint64 values are represented. */
  readonly int64?: Int64Mode;
  readonly add?: RawField;
  readonly remove?: true;
}

export interface RawTypePatch {
  readonly description?: string;
  readonly deprecated?: boolean;
  readonly fields?: RawMap<RawFieldPatch>;
}

export interface RawActionPatch {
  readonly description?: string;
  readonly deprecated?: boolean;
  readonly request?: RawMap<RawFieldPatch>;
  readonly response?: RawMap<RawFieldPatch>;
  readonly errors?: { readonly add?: readonly string[]; readonly remove?: readonly string[] };
}

export interface RawOverlayFile {
  readonly specVersion: 1;
  readonly overlay: { readonly service: string; readonly version: string };
  readonly errors?: RawMap<RawCode>;
  readonly types?: RawMap<RawTypePatch>;
  readonly actions?: RawMap<RawActionPatch>;
}

/** The attributes a field patch sets (everything but `enum`, `add` and `remove`). */
export const FIELD_SETTINGS = ["optional", "nullable", "deprecated", "description", "example"] as const;
