/**
 * How the structural pass gets its validators: the standalone ajv code that `npm run build` writes
 * (scripts/build-validators.mjs → dist/load/spec-validators.cjs, loaded with a plain `require`, no
 * ajv compile at process start), or, when that file is missing or was built from another schema
 * text (its hash differs), ajv compiling schema/spec.schema.json at run time with the same options.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { AnySchemaObject, Options, ValidateFunction } from "ajv";
import type { FileKind } from "./document.js";

/** schema/ sits two levels above both generator/load/ and dist/load/. */
export const SCHEMA_URL = new URL("../../schema/spec.schema.json", import.meta.url);
/** The build output, found the same way from generator/load/ (tests) and dist/load/. */
export const PRECOMPILED_URL = new URL("../../dist/load/spec-validators.cjs", import.meta.url);

/** The ajv options of both ways (the build script imports them from dist). */
export const AJV_OPTIONS: Options = { allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true };

/** Each file kind's definition in the schema. */
export const KIND_DEFINITIONS: Readonly<Record<FileKind, string>> = { package: "packageFile", service: "serviceFile", overlay: "overlayFile" };

export type Validators = Readonly<Record<FileKind, ValidateFunction>>;

export interface SchemaText {
  readonly text: string;
  /** sha256 of `text`, hex: what the standalone module was built from. */
  readonly hash: string;
}

export function readSchemaText(): SchemaText {
  const text = readFileSync(SCHEMA_URL, "utf8");
  return { text, hash: createHash("sha256").update(text).digest("hex") };
}

const require = createRequire(import.meta.url);

/** The standalone validators when the build wrote them from this very schema text; else undefined. */
export function precompiledValidators(schema: SchemaText): Validators | undefined {
  let mod: Partial<Record<FileKind | "schemaHash", unknown>>;
  try {
    mod = require(fileURLToPath(PRECOMPILED_URL)) as typeof mod;
  } catch {
    return undefined;
  }
  if (mod.schemaHash !== schema.hash) return undefined;
  const { package: pkg, service, overlay } = mod;
  if (typeof pkg !== "function" || typeof service !== "function" || typeof overlay !== "function") return undefined;
  return { package: pkg as ValidateFunction, service: service as ValidateFunction, overlay: overlay as ValidateFunction };
}

/** ajv, set up with the schema (for the run-time compile and for the build script). */
export function schemaAjv(schema: AnySchemaObject, extra: Options = {}): { ajv: import("ajv").Ajv; refs: Record<FileKind, string> } {
  const { Ajv } = require("ajv") as typeof import("ajv");
  const ajv = new Ajv({ ...AJV_OPTIONS, ...extra });
  ajv.addSchema(schema);
  const id = schema["$id"] as string;
  const ref = (kind: FileKind): string => `${id}#/definitions/${KIND_DEFINITIONS[kind]}`;
  return { ajv, refs: { package: ref("package"), service: ref("service"), overlay: ref("overlay") } };
}

/** ajv compiling the schema now (about 0.1–0.3 s). */
export function compiledValidators(schema: AnySchemaObject): Validators {
  const { ajv, refs } = schemaAjv(schema);
  const get = (kind: FileKind): ValidateFunction => {
    const v = ajv.getSchema(refs[kind]);
    if (!v) throw new Error(`spec schema lacks definitions/${KIND_DEFINITIONS[kind]}`);
    return v;
  };
  return { package: get("package"), service: get("service"), overlay: get("overlay") };
}
