/**
 * `<svc>/errors.d.ts` / `<svc>/errors.js`: each action's code union and error union, and the code tables
 * the parser and client consult. One line per action type (a union too long for a line breaks to one
 * `| "Code"` per line), so a 400-action, 570-code service stays cheap.
 *
 * ```ts
 * // errors.d.ts
 * import type { CommonCode } from "../common.js";
 * import type { ApiError } from "../runtime/index.js";
 * /** Codes this service defines beyond the common ones. *\/
 * export type ServiceCode = "InvalidFilter" | "InvalidInstanceId.Malformed";
 * /** Codes `DescribeInstancesStatus` can return: the common codes and its own. *\/
 * export type DescribeInstancesStatusCode = CommonCode | "InvalidFilter" | "InvalidInstanceId.Malformed";
 * export type DescribeInstancesStatusError = ApiError<DescribeInstancesStatusCode>;
 * (`ApiError<DescribeInstancesStatusCode, Shape>` when the envelope's shape is not the default: envelope-shape.ts;
 * codes are number literals `40401 | 40402` for numeric codes)
 * /** Retry class of each service code (`throttling`, `transient` or `never`). *\/
 * export declare const serviceCodes: {
 *   readonly [key: string]: "throttling" | "transient" | "never";
 *   /** <the code's description; `@deprecated` when the spec says so> *\/
 *   readonly InvalidFilter: "never";
 *   readonly "InvalidInstanceId.Malformed": "never";
 * };
 * /** Each action's own codes (common codes are in `commonCodes`), as sets: `Object.hasOwn(actionCodes[action], code)`. *\/
 * export declare const actionCodes: {
 *   readonly [key: string]: { readonly [code: string]: true };
 * };
 * // errors.js
 * export const serviceCodes = /* @__PURE__ *\/ table([
 *   ["InvalidFilter", "never"],
 *   ["InvalidInstanceId.Malformed", "never"],
 * ]);
 * export const actionCodes = /* @__PURE__ *\/ table([
 *   ["DescribeInstancesStatus", codes("InvalidFilter", "InvalidInstanceId.Malformed")],
 * ]);
 * ```
 *
 * The tables are marked pure, so a bundle that does not use them drops them; the parsers and the
 * per-action calls read each action's own table from `./codes.js` (emit/codes.ts) instead.
 * Every table is a frozen object without a prototype, built by assignment: action names such as
 * `__proto__` or `constructor` become ordinary own keys. A client picks a retry class with
 * `commonCodes[c] ?? serviceCodes[c]`; a parser knows a code for an action when
 * `Object.hasOwn(commonCodes, c) || Object.hasOwn(actionCodes[action], c)`.
 */
import type { Action, Model, Service } from "../model/types.js";
import { codeMembers, codeTableType, RETRY_CLASS_TYPE, TABLE_HELPERS, tableCall } from "./common.js";
import { codeLiteral, shapeArgs } from "./envelope-shape.js";
import { stringLiteral, toRoot, type ServiceNames } from "./names.js";
import type { ModulePair } from "./output.js";
import { array, arrayOfPairs, assign, call, GeneratedFile, hugCall, typeAlias, typeArgs } from "./printer.js";

/** The action's own codes that are not common codes (those live in `commonCodes`), sorted. */
function ownServiceCodes(action: Action): string[] {
  return action.errors.filter((e) => e.scope === "service").map((e) => e.code);
}

export function emitErrors(service: Service, model: Model, names: ServiceNames, moduleDir: string): ModulePair {
  const root = toRoot(moduleDir);
  const dts = new GeneratedFile();
  // An action named `Common` or `Api` declares `CommonCode` / `ApiError` itself: the imports then take
  // an alias (printer.ts), which no action-derived name can have.
  dts.reserve("ServiceCode", "serviceCodes", "actionCodes");
  dts.reserve(...service.actions.flatMap((a) => [names.codeName(a.name), names.errorName(a.name)]));
  dts.print("/** Codes this service defines beyond the common ones. */");
  dts.print(typeAlias("export type ServiceCode", codeMembers(service.errors.map((e) => e.code), model.envelope.codeType)));
  for (const a of service.actions) {
    const own = ownServiceCodes(a).map((c) => codeLiteral(model.envelope.codeType, c));
    const commonCode = dts.importType("CommonCode", `${root}common.js`);
    const apiError = dts.importType("ApiError", `${root}runtime/index.js`);
    dts.print(`/** Codes \`${a.name}\` can return: the common codes and its own. */`);
    dts.print(typeAlias(`export type ${names.codeName(a.name)}`, [commonCode, ...own]));
    const shape = shapeArgs(dts, model.envelope, root);
    const errorType = `export type ${names.errorName(a.name)}`;
    // one simple type argument never breaks: the line breaks after `=`; with the shape, prettier's
    // fluid assignment (the type arguments break first, unless even `… = ApiError<` does not fit)
    if (shape.length === 0) dts.print(typeAlias(errorType, [`${apiError}<${names.codeName(a.name)}>`]));
    else dts.print(assign(errorType, typeArgs(apiError, [names.codeName(a.name), ...shape])));
  }
  dts.print("/** Retry class of each service code (`throttling`, `transient` or `never`). */");
  dts.print(
    "export declare const serviceCodes: ",
    codeTableType(RETRY_CLASS_TYPE, service.errors.map((e) => [e, stringLiteral(e.retry)])),
    ";",
  );
  // Typed by an index signature only: the exact sets are already the `<Action>Code` unions, and
  // repeating them here would double the declarations of a large service.
  dts.print(
    "/** Each action's own codes (common codes are in `commonCodes`), as sets: `Object.hasOwn(actionCodes[action], code)`. */",
  );
  dts.print("export declare const actionCodes: ", codeTableType("{ readonly [code: string]: true }", []), ";");

  const js = new GeneratedFile();
  js.print(TABLE_HELPERS);
  js.blank();
  js.print(`/** A frozen set of codes (code → true) without a prototype. */
function codes(...list) {
  return table(list.map((code) => [code, true]));
}`);
  js.blank();
  js.print(assign("export const serviceCodes", ["/* @__PURE__ */ ", tableCall(service.errors.map((e) => [e.code, e.retry]))]));
  const entries = service.actions.map((a) => array([stringLiteral(a.name), call("codes", ownServiceCodes(a).map(stringLiteral))]));
  js.print(assign("export const actionCodes", ["/* @__PURE__ */ ", hugCall("table", arrayOfPairs(entries))]));
  return { js: js.toString(), dts: dts.toString() };
}
