/**
 * The shapes of spec documents once the structural pass (schema/spec.schema.json) accepted them.
 * Maps keyed by spec names are plain objects built by the YAML reader with own properties only:
 * read them only with keys they own (see `own`).
 */
import type { RawProtocol } from "./protocol.js";
import type { Int64Mode, RetryClass } from "./types.js";

export interface RawFieldObject {
  readonly type: string;
  readonly optional?: boolean;
  readonly nullable?: boolean;
  readonly deprecated?: boolean;
  readonly description?: string;
  readonly example?: string;
  readonly enum?: readonly string[];
  readonly open?: boolean;
  readonly int64?: Int64Mode;
}

export type RawField = string | RawFieldObject;
export type RawMap<T> = Readonly<Record<string, T>>;

export interface RawCode {
  readonly description: string;
  readonly retry?: RetryClass;
  readonly deprecated?: boolean;
}

export interface RawPackageFile {
  readonly specVersion: 1;
  readonly package: { readonly name: string; readonly version: string; readonly description?: string; readonly int64?: Int64Mode; readonly docsBaseUrl?: string };
  readonly envelope: RawEnvelope;
  readonly protocol?: RawProtocol;
  readonly commonErrors?: RawMap<RawCode>;
}

/** The package file's `envelope` (generator/model/envelope.ts checks it and builds the model's `Envelope`). */
export interface RawEnvelope {
  readonly wrapper: string | null;
  readonly requestId: string | null | { readonly key: string; readonly optional?: boolean };
  readonly error: {
    readonly key: string | null;
    readonly code: string;
    readonly message: string;
    readonly fields?: RawMap<RawField>;
  };
  readonly codes?: "string" | "number";
  readonly success?: string;
  readonly successCodes?: readonly (string | number)[];
  readonly data?: string | null;
  readonly hostSuffix?: string;
}

export interface RawType {
  readonly description?: string;
  readonly deprecated?: boolean;
  readonly fields?: RawMap<RawField>;
}

export interface RawAction {
  readonly description?: string;
  readonly deprecated?: boolean;
  readonly request?: RawMap<RawField>;
  readonly response?: RawMap<RawField>;
  readonly errors?: readonly (string | number)[];
  readonly paging?: RawPaging;
  /** `"GET /orders/{id}"` (protocol style http). */
  readonly http?: string;
}

/** An action's paging style (generator/model/paging.ts checks it against the action's fields). */
export type RawPaging =
  | { readonly style: "offset"; readonly offset: string; readonly limit: string; readonly items: string; readonly total?: string }
  | { readonly style: "token"; readonly token: string; readonly nextToken: string; readonly items: string; readonly limit?: string }
  | { readonly style: "page"; readonly page: string; readonly items: string; readonly size?: string; readonly total?: string };

export interface RawServiceFile {
  readonly specVersion: 1;
  readonly service: { readonly name: string; readonly version: string; readonly host?: string; readonly description?: string };
  readonly errors?: RawMap<RawCode>;
  readonly types?: RawMap<RawType>;
  readonly actions?: RawMap<RawAction>;
}

/** Own entries of a spec-name-keyed map, in JS key order. */
export function ownKeys(map: RawMap<unknown> | undefined): string[] {
  return map ? Object.keys(map) : [];
}

export function own<T>(map: RawMap<T> | undefined, key: string): T | undefined {
  return map && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}
