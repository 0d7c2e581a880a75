/**
 * The structural pass: each document is checked against schema/spec.schema.json (the same file
 * editors use), with the validators the build precompiled from it (schema-compile.ts), or compiled
 * once per process when the build is missing or stale. The file kind is decided from the top-level
 * keys first, then the document is validated against that kind's sub-schema only, so errors stay specific.
 */
import type { AnySchemaObject, ErrorObject } from "ajv";
import type { Diagnostic } from "../diagnostics.js";
import type { FileKind, SpecDocument } from "./document.js";
import { isCalendarDate } from "./calendar-date.js";
import { ajvDiagnostics, describeValue } from "./messages.js";

import { compiledValidators, precompiledValidators, readSchemaText, type SchemaText, type Validators } from "./schema-compile.js";

export { SCHEMA_URL } from "./schema-compile.js";

let schemaText: SchemaText | undefined;
let validators: Validators | undefined;

const schemaSource = (): SchemaText => (schemaText ??= readSchemaText());

function getValidators(): Validators {
  return (validators ??= precompiledValidators(schemaSource()) ?? compiledValidators(specSchema()));
}

/** The parsed JSON schema (for tests and docs). */
export function specSchema(): AnySchemaObject {
  return JSON.parse(schemaSource().text) as AnySchemaObject;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}


const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Decide the file kind from the top-level keys; a diagnostic when it cannot be told. */
function fileKind(doc: SpecDocument): FileKind | Diagnostic {
  const data = doc.data;
  if (!isPlainObject(data)) {
    return doc.diagnostic([], `expected a mapping at the top level, found ${describeValue(data)}`, "value");
  }
  if (has(data, "overlay")) {
    const other = ["service", "package", "envelope", "commonErrors"].find((k) => has(data, k));
    if (other !== undefined) return doc.diagnostic([other], `an overlay file patches a service: "${other}" cannot sit beside "overlay"`);
    return "overlay";
  }
  const isService = has(data, "service");
  const isPackage = has(data, "package") || has(data, "envelope") || has(data, "commonErrors");
  if (isService && isPackage) {
    const key = has(data, "package") ? "package" : has(data, "envelope") ? "envelope" : "commonErrors";
    return doc.diagnostic([key], `a file is either a package file or a service file: "${key}" cannot sit beside "service"`);
  }
  if (isService) return "service";
  if (isPackage) return "package";
  return doc.diagnostic(
    [],
    'cannot tell the kind of this file: a service file needs a top-level "service" key, the package file a "package" key, an overlay an "overlay" key',
    "value",
  );
}

/** Validate one document; sets `doc.kind` when the kind can be told. */
export function validateStructure(doc: SpecDocument): Diagnostic[] {
  const kind = fileKind(doc);
  if (typeof kind !== "string") return [kind];
  doc.kind = kind;
  const validate = getValidators()[kind];
  if (validate(doc.data)) return kind === "service" ? checkServiceVersion(doc) : [];
  return ajvDiagnostics(doc, (validate.errors ?? []) as ErrorObject[]);
}

/** The schema checks the version's shape (`\d{4}-\d{2}-\d{2}`); this checks that the day exists. */
function checkServiceVersion(doc: SpecDocument): Diagnostic[] {
  const version = (doc.data as { service: { version: string } }).service.version;
  if (isCalendarDate(version)) return [];
  return [doc.diagnostic(["service", "version"], `invalid service version ${JSON.stringify(version)}: must be a date like "2017-03-12" (no such day)`, "value")];
}
