/**
 * `<svc>/codes.js` + `.d.ts` (internal: not re-exported by the service entry point): one table per
 * action of its own codes (common codes are in `commonCodes`) with their retry classes, so a bundle that
 * calls or parses one action holds that action's codes only.
 *
 * ```js
 * // codes.js
 * function table(entries) { … }                      // frozen, prototype-less (emit/common.ts TABLE_HELPERS)
 * export const c$DescribeInstances = /* @__PURE__ *\/ table([
 *   ["InvalidFilter", "never"],
 *   ["InvalidInstanceId.Malformed", "never"],
 * ]);
 * // The service codes whose retry class is not `never`: a reply may carry a service code its action
 * // does not list (then `$unknown` to the types), and the client still retries it by its class.
 * export const retryCodes = /* @__PURE__ *\/ table([
 *   ["ResourceInsufficient.Busy", "transient"],
 * ]);
 * // codes.d.ts
 * export declare const c$DescribeInstances: { readonly [code: string]: "throttling" | "transient" | "never" };
 * export declare const retryCodes: { readonly [code: string]: "throttling" | "transient" | "never" };
 * ```
 *
 * Name of an action's table: `c$<Action>` when the action name is `[A-Za-z0-9_]+`, else `c$$<index>`
 * (the rule emit/parsers.ts uses for the constant it imports).
 */
import type { Action, Service } from "../model/types.js";
import { RETRY_CLASS_TYPE, TABLE_HELPERS, tableCall } from "./common.js";
import { HELPER_PREFIX, helperName } from "./names.js";
import type { ModulePair } from "./output.js";
import { assign, GeneratedFile, typeLiteral } from "./printer.js";

/** The JS name of an action's code table in codes.js (and in parsers.js, which imports it). */
export function codeTableName(service: Service, action: Action): string {
  return helperName(HELPER_PREFIX.codeTable, action.name, service.actions.indexOf(action));
}

/** The action's own codes that are not common codes, sorted, with their retry classes. */
export function ownCodeEntries(action: Action): (readonly [string, string])[] {
  return action.errors.filter((e) => e.scope === "service").map((e) => [e.code, e.retry] as const);
}

export function emitCodes(service: Service): ModulePair {
  const retry = service.errors.filter((e) => e.retry !== "never").map((e) => [e.code, e.retry] as const);
  const js = new GeneratedFile();
  js.print(TABLE_HELPERS);
  js.blank();
  js.print(assign("export const retryCodes", ["/* @__PURE__ */ ", tableCall(retry)]));
  for (const a of service.actions) {
    js.print(assign(`export const ${codeTableName(service, a)}`, ["/* @__PURE__ */ ", tableCall(ownCodeEntries(a))]));
  }
  const dts = new GeneratedFile();
  for (const name of ["retryCodes", ...service.actions.map((a) => codeTableName(service, a))]) {
    dts.print(`export declare const ${name}: `, typeLiteral([`readonly [code: string]: ${RETRY_CLASS_TYPE}`]), ";");
  }
  return { js: js.toString(), dts: dts.toString() };
}
