/**
 * `<svc>/errors.d.ts` / `<svc>/errors.js`: each action's code union and error union, and the code tables
 * the parser and client consult. One line per action type, so a 400-action, 570-code service stays cheap.
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
 * /** Retry class of each service code (`throttling`, `transient` or `never`). *\/
 * export declare const serviceCodes: {
 *     readonly [key: string]: "throttling" | "transient" | "never";
 *     readonly InvalidFilter: "never";
 *     readonly "InvalidInstanceId.Malformed": "never";
 * };
 * /** Each action's own codes (common codes are in `commonCodes`), as sets: `Object.hasOwn(actionCodes[action], code)`. *\/
 * export declare const actionCodes: {
 *     readonly [key: string]: { readonly [code: string]: true };
 * };
 * // errors.js
 * export const serviceCodes = /* @__PURE__ *\/ table([
 *     ["InvalidFilter", "never"],
 *     ["InvalidInstanceId.Malformed", "never"],
 * ]);
 * export const actionCodes = /* @__PURE__ *\/ table([
 *     ["DescribeInstancesStatus", codes("InvalidFilter", "InvalidInstanceId.Malformed")],
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
import { codeTableType, codeUnion, RETRY_CLASS_TYPE, TABLE_HELPERS } from "./common.js";
import { shapeArg, shapeImport } from "./envelope-shape.js";
import { toRoot, type ServiceNames } from "./names.js";
import type { ModulePair } from "./output.js";
import { printFile } from "./printer.js";

/** The action's own codes that are not common codes (those live in `commonCodes`), sorted. */
function ownServiceCodes(action: Action): string[] {
  return action.errors.filter((e) => e.scope === "service").map((e) => e.code);
}

export function emitErrors(service: Service, model: Model, names: ServiceNames, moduleDir: string): ModulePair {
  const root = toRoot(moduleDir);
  // An action named `Common` or `Api` would declare `CommonCode` / `ApiError` itself: then the imports
  // take a `$` name, which no action-derived name can have.
  const derived = new Set(service.actions.flatMap((a) => [names.codeName(a.name), names.errorName(a.name)]));
  const commonCode = derived.has("CommonCode") ? "CommonCode$" : "CommonCode";
  const apiError = derived.has("ApiError") ? "ApiError$" : "ApiError";
  const as = (name: string, local: string) => (name === local ? name : `${name} as ${local}`);
  const dts: string[] = [
    `import type { ${as("CommonCode", commonCode)} } from "${root}common.js";\nimport type { ${as("ApiError", apiError)} } from "${root}runtime/index.js";`,
    ...shapeImport(model.envelope, root),
    `/** Codes this service defines beyond the common ones. */\nexport type ServiceCode = ${codeUnion(service.errors.map((e) => e.code), model.envelope.codeType)};`,
  ];
  for (const a of service.actions) {
    const own = ownServiceCodes(a);
    const union = [commonCode, ...(own.length === 0 ? [] : [codeUnion(own, model.envelope.codeType)])].join(" | ");
    dts.push(
      `/** Codes \`${a.name}\` can return: the common codes and its own. */\n` +
        `export type ${names.codeName(a.name)} = ${union};\n` +
        `export type ${names.errorName(a.name)} = ${apiError}<${names.codeName(a.name)}${shapeArg(model.envelope)}>;`,
    );
  }
  dts.push(
    `/** Retry class of each service code (\`throttling\`, \`transient\` or \`never\`). */\nexport declare const serviceCodes: ${codeTableType(
      RETRY_CLASS_TYPE,
      service.errors.map((e) => [e.code, JSON.stringify(e.retry)]),
    )};`,
    // Typed by an index signature only: the exact sets are already the `<Action>Code` unions, and
    // repeating them here would double the declarations of a large service.
    `/** Each action's own codes (common codes are in \`commonCodes\`), as sets: \`Object.hasOwn(actionCodes[action], code)\`. */\nexport declare const actionCodes: ${codeTableType(
      "{ readonly [code: string]: true }",
      [],
    )};`,
  );

  const js: string[] = [
    TABLE_HELPERS,
    `/** A frozen set of codes (code → true) without a prototype. */\nfunction codes(...list) {\n    return table(list.map((code) => [code, true]));\n}`,
    `export const serviceCodes = /* @__PURE__ */ table([${service.errors
      .map((e) => `\n    [${JSON.stringify(e.code)}, ${JSON.stringify(e.retry)}],`)
      .join("")}\n]);`,
    `export const actionCodes = /* @__PURE__ */ table([${service.actions
      .map((a) => `\n    [${JSON.stringify(a.name)}, codes(${ownServiceCodes(a).map((c) => JSON.stringify(c)).join(", ")})],`)
      .join("")}\n]);`,
  ];
  return { js: printFile("errors.js", js), dts: printFile("errors.d.ts", dts) };
}
