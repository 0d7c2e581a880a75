/**
 * Root `common.js` / `common.d.ts`: the codes every action of every service can return.
 *
 * ```ts
 * // common.d.ts
 * /** Codes every action of every service can return. *\/
 * export type CommonCode = "AuthFailure.SignatureFailure" | "InternalError" | "RequestLimitExceeded";
 * /** Retry class of each common code (`throttling`, `transient` or `never`). *\/
 * export declare const commonCodes: {
 *     readonly [key: string]: "throttling" | "transient" | "never";
 *     readonly "AuthFailure.SignatureFailure": "never";
 *     readonly InternalError: "transient";
 *     readonly RequestLimitExceeded: "throttling";
 * };
 * // common.js
 * export const commonCodes = table([
 *     ["AuthFailure.SignatureFailure", "never"],
 *     ["InternalError", "transient"],
 *     ["RequestLimitExceeded", "throttling"],
 * ]);
 * ```
 *
 * Tables are frozen objects without a prototype, filled by assignment (never object literals, whose
 * `__proto__` key would set the prototype), so `Object.hasOwn(commonCodes, code)` is the membership test.
 */
import type { Model } from "../model/types.js";
import { shapeDeclaration } from "./envelope-shape.js";
import { propertyKey, stringLiteral } from "./names.js";
import type { ModulePair } from "./output.js";
import { printFile } from "./printer.js";

export function emitCommon(model: Model): ModulePair {
  const codes = model.commonErrors;
  const dts = printFile("common.d.ts", [
    `/** Codes every action of every service can return. */\nexport type CommonCode = ${codeUnion(codes.map((c) => c.code), model.envelope.codeType)};`,
    `/** Retry class of each common code (\`throttling\`, \`transient\` or \`never\`). */\nexport declare const commonCodes: ${codeTableType(RETRY_CLASS_TYPE, codes.map((c) => [c.code, JSON.stringify(c.retry)]))};`,
    ...shapeDeclaration(model.envelope),
  ]);
  const js = printFile("common.js", [
    TABLE_HELPERS,
    `export const commonCodes = table([${codes.map((c) => `\n    [${JSON.stringify(c.code)}, ${JSON.stringify(c.retry)}],`).join("")}\n]);`,
  ]);
  return { js, dts };
}

/** `"A" | "B"` (sorted as given), or `never` for no codes. */
export function codeUnion(codes: readonly string[], codeType: "string" | "number" = "string"): string {
  return codes.length === 0 ? "never" : codeType === "number" ? codes.join(" | ") : codes.map(stringLiteral).join(" | ");
}

/**
 * `{ readonly [key: string]: I; readonly "A": V; … }`, one line per entry; values are type texts. The
 * index signature is true to the object (with noUncheckedIndexedAccess, other keys read `I | undefined`:
 * without a prototype, they are undefined) and lets the runtime's `CodeTable` / `RetryClassTable` accept it.
 */
export function codeTableType(index: string, entries: readonly (readonly [string, string])[]): string {
  const lines = [`    readonly [key: string]: ${index};\n`, ...entries.map(([k, v]) => `    readonly ${propertyKey(k)}: ${v};\n`)];
  return `{\n${lines.join("")}}`;
}

export const RETRY_CLASS_TYPE = `"throttling" | "transient" | "never"`;

/** The JS table builders every code module defines (a few lines; modules stay import-free at runtime). */
export const TABLE_HELPERS = `/** A frozen lookup table without a prototype: no key, \`__proto__\` included, reaches an inherited property. */
function table(entries) {
    const t = Object.create(null);
    for (const [key, value] of entries) t[key] = value; // an own property even for "__proto__": t has no prototype
    return Object.freeze(t);
}`;
