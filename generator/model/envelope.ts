/**
 * The package file's `envelope` → the model's `Envelope`, with every check of an envelope that cannot
 * work (located diagnostics, exit 2):
 * - success cannot be told from error: `error.key` null, no `successCodes` and no `success` flag;
 * - a `success` flag and `successCodes` both;
 * - a `data` key equal to the error key, the request id key, the success flag key, or (flat errors)
 *   the code or message key;
 * - with `codes: number`, a success code or error code that is not the decimal text of a safe integer;
 * - an error field named like a property of the error value (`kind`, `code`, `rawCode`, `family`,
 *   `message`, `requestId`) or like the code or message key, or of a type the runtime cannot check
 *   without the service's named types (named types, date-like, binary, 64-bit integers, enums).
 */
import type { Diagnostic } from "../diagnostics.js";
import type { DocPath, SpecDocument } from "../load/document.js";
import { sortedUnique } from "./order.js";
import { own, type RawEnvelope, type RawField } from "./raw.js";
import type { Envelope, Field, TypeRef } from "./types.js";

/** Properties every API error value has: an error field may not take one of these names. */
export const ERROR_VALUE_KEYS: readonly string[] = ["kind", "code", "rawCode", "family", "message", "requestId"];

/** Primitives an error field may have (alone, or as list items): checked by the runtime by JSON kind. */
const ERROR_FIELD_PRIMITIVES: readonly string[] = ["string", "int32", "float", "boolean", "json"];

const SAFE_INTEGER_TEXT = /^-?(0|[1-9][0-9]{0,15})$/;

/** Whether `code` is the decimal text of a safe integer (a numeric envelope's codes). */
export function isNumericCode(code: string): boolean {
  return SAFE_INTEGER_TEXT.test(code) && Number.isSafeInteger(Number(code)) && code !== "-0";
}

/** Builds one field of the spec (the model builder's `field`). */
export type FieldBuilder = (doc: SpecDocument, path: DocPath, name: string, raw: RawField) => Field | undefined;

/** The success codes as canonical text (numbers as their decimal text), sorted and unique. */
export function successCodesOf(e: RawEnvelope): string[] {
  return sortedUnique((e.successCodes ?? []).map((c) => (typeof c === "number" ? String(c) : c)));
}

function errorFieldTypeOk(t: TypeRef, depth: number): boolean {
  if (t.kind === "primitive") return ERROR_FIELD_PRIMITIVES.includes(t.name);
  if (t.kind === "list") return depth === 0 && t.items.kind === "primitive" && t.items.name !== "json" && errorFieldTypeOk(t.items, 1);
  return false;
}

/** Check the envelope of the package file `doc`; the model's envelope (undefined after a diagnostic). */
export function buildEnvelope(doc: SpecDocument, e: RawEnvelope, field: FieldBuilder, diags: Diagnostic[]): Envelope | undefined {
  const before = diags.length;
  const report = (path: DocPath, message: string, at: "key" | "value" = "key") => diags.push(doc.diagnostic(["envelope", ...path], message, at));
  const successCodes = successCodesOf(e);
  const codeType = e.codes ?? "string";
  const successFlag = e.success ?? null;

  if (successFlag !== null && e.successCodes !== undefined && e.successCodes.length > 0) {
    report(["success"], "the envelope has a success flag and successCodes: use one of them (the flag decides success alone)");
  }
  if (successFlag === null && e.error.key === null && successCodes.length === 0) {
    const where = e.successCodes ? ["successCodes"] : ["error", "key"];
    report(
      where,
      "the envelope cannot tell success from error: error.key is null and successCodes is empty (set error.key or list the success codes)",
    );
  }
  (e.successCodes ?? []).forEach((c, i) => {
    if (codeType === "number" && (typeof c !== "number" || !isNumericCode(String(c)))) {
      report(["successCodes", i], `success code ${JSON.stringify(c)} is not an integer: the envelope's codes are numbers`, "value");
    } else if (codeType === "string" && typeof c !== "string") {
      report(["successCodes", i], `success code ${JSON.stringify(c)} is a number: set codes: number, or quote it`, "value");
    }
  });

  const rid = e.requestId;
  const requestId = rid === null ? null : typeof rid === "string" ? rid : rid.key;
  const requestIdOptional = rid === null || (typeof rid === "object" && rid.optional === true);
  const dataKey = e.data ?? null;
  if (dataKey !== null) {
    const clashes: [string | null, string][] = [
      [e.error.key, "error key"],
      [requestId, "request id key"],
      [successFlag, "success flag key"],
    ];
    if (e.error.key === null) clashes.push([e.error.code, "code key"], [e.error.message, "message key"]);
    for (const [key, what] of clashes) {
      if (key === dataKey) report(["data"], `the data key ${JSON.stringify(dataKey)} is also the envelope's ${what}: replies could not be read`, "value");
    }
  }
  if (successFlag !== null && e.error.key === null && (successFlag === e.error.code || successFlag === e.error.message)) {
    report(["success"], `the success flag key ${JSON.stringify(successFlag)} is also the error's code or message key`, "value");
  }

  const errorFields: Field[] = [];
  const rawFields = e.error.fields;
  if (rawFields !== undefined) {
    for (const name of doc.keysInOrder(["envelope", "error", "fields"])) {
      const spec = own(rawFields, name);
      if (spec === undefined) continue;
      const path: DocPath = ["envelope", "error", "fields", name];
      if (ERROR_VALUE_KEYS.includes(name) || name === e.error.code || name === e.error.message) {
        diags.push(doc.diagnostic(path, `error field ${JSON.stringify(name)} clashes with a property every API error has (${ERROR_VALUE_KEYS.join(", ")}) or with the code/message key`));
        continue;
      }
      const f = field(doc, path, name, spec);
      if (f === undefined) continue;
      if (!errorFieldTypeOk(f.type, 0)) {
        diags.push(
          doc.diagnostic(path, `error field ${JSON.stringify(name)}: an error field is string, int32, float, boolean or json, or a list of string, int32, float or boolean`),
        );
        continue;
      }
      errorFields.push(f);
    }
  }
  if (diags.length > before) return undefined;
  return {
    wrapper: e.wrapper,
    requestId,
    requestIdOptional,
    errorKey: e.error.key,
    codeKey: e.error.code,
    messageKey: e.error.message,
    successCodes,
    dataKey,
    hostSuffix: e.hostSuffix,
    codeType,
    successFlag,
    errorFields,
  };
}
