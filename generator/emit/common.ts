/**
 * Root `common.js` / `common.d.ts`: the codes every action of every service can return.
 *
 * ```ts
 * // common.d.ts
 * /** Codes every action of every service can return. *\/
 * export type CommonCode = "AuthFailure.SignatureFailure" | "InternalError" | "RequestLimitExceeded";
 * /** Retry class of each common code (`throttling`, `transient` or `never`). *\/
 * export declare const commonCodes: {
 *   readonly [key: string]: "throttling" | "transient" | "never";
 *   readonly "AuthFailure.SignatureFailure": "never";
 *   readonly InternalError: "transient";
 *   readonly RequestLimitExceeded: "throttling";
 * };
 * // and, when the envelope's shape is not the default one, its `Shape` (envelope-shape.ts):
 * export interface Shape {
 *   readonly requestId: string | undefined;
 *   readonly rawCode: number;
 *   readonly error: { readonly details?: unknown };
 * }
 * // common.js
 * export const commonCodes = table([
 *   ["AuthFailure.SignatureFailure", "never"],
 *   ["InternalError", "transient"],
 *   ["RequestLimitExceeded", "throttling"],
 * ]);
 * ```
 *
 * Tables are frozen objects without a prototype, filled by assignment (never object literals, whose
 * `__proto__` key would set the prototype), so `Object.hasOwn(commonCodes, code)` is the membership test.
 */
import type { Envelope, Model } from "../model/types.js";
import { descriptionLines } from "./docs.js";
import { codeLiteral, shapeDeclaration } from "./envelope-shape.js";
import { propertyKey, stringLiteral } from "./names.js";
import type { ModulePair } from "./output.js";
import { array, arrayOfPairs, assign, GeneratedFile, hardline, hugCall, indent, join, jsDoc, typeAlias, type Doc } from "./printer.js";

/** A code and what the spec says of it, for the doc comments of tables and unions. */
export interface DocumentedCode {
  readonly code: string;
  readonly description?: string | undefined;
  readonly deprecated?: boolean | undefined;
}

export function emitCommon(model: Model): ModulePair {
  const codes = model.commonErrors;
  const dts = new GeneratedFile();
  dts.print("/** Codes every action of every service can return. */");
  dts.print(typeAlias("export type CommonCode", codeMembers(codes.map((c) => c.code), model.envelope.codeType)));
  dts.print("/** Retry class of each common code (`throttling`, `transient` or `never`). */");
  dts.print(
    "export declare const commonCodes: ",
    codeTableType(RETRY_CLASS_TYPE, codes.map((c) => [c, stringLiteral(c.retry)])),
    ";",
  );
  for (const d of shapeDeclaration(model.envelope)) dts.print(d);
  const js = new GeneratedFile();
  js.print(TABLE_HELPERS);
  js.blank();
  js.print(assign("export const commonCodes", tableCall(codes.map((c) => [c.code, c.retry]))));
  return { js: js.toString(), dts: dts.toString() };
}

/**
 * The members of the union `"A" | "B"` (in the order given; number literals `1001 | 1002` for numeric
 * codes), or `never` for no codes.
 */
export function codeMembers(codes: readonly string[], codeType: Envelope["codeType"]): string[] {
  return codes.length === 0 ? ["never"] : codes.map((c) => codeLiteral(codeType, c));
}

/**
 * `table([["A", "never"], …])`: a frozen prototype-less table of code → value (both strings).
 */
export function tableCall(entries: readonly (readonly [string, string])[]): Doc {
  return hugCall("table", arrayOfPairs(entries.map(([k, v]) => array([stringLiteral(k), stringLiteral(v)]))));
}

/**
 * `{ readonly [key: string]: I; readonly "A": V; … }`, one line per entry, each documented with the
 * code's description (and `@deprecated`); values are type texts. The index signature is true to the
 * object (with noUncheckedIndexedAccess, other keys read `I | undefined`: without a prototype, they are
 * undefined) and lets the runtime's `CodeTable` / `RetryClassTable` accept it.
 */
export function codeTableType(index: string, entries: readonly (readonly [DocumentedCode, string])[]): Doc {
  const members: Doc[] = [`readonly [key: string]: ${index};`];
  for (const [c, v] of entries) {
    const lines = descriptionLines(c.description);
    if (c.deprecated === true) lines.push("@deprecated");
    if (lines.length > 0) members.push(jsDoc(lines));
    members.push(`readonly ${propertyKey(c.code)}: ${v};`);
  }
  return ["{", indent([hardline, join(hardline, members)]), hardline, "}"];
}

export const RETRY_CLASS_TYPE = `"throttling" | "transient" | "never"`;

/** The JS table builders every code module defines (a few lines; modules stay import-free at runtime). */
export const TABLE_HELPERS = `/** A frozen lookup table without a prototype: no key, \`__proto__\` included, reaches an inherited property. */
function table(entries) {
  const t = Object.create(null);
  for (const [key, value] of entries) t[key] = value; // an own property even for "__proto__": t has no prototype
  return Object.freeze(t);
}`;
