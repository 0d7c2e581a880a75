/**
 * What the package's envelope changes in the emitted modules, as small texts the emitters place
 * (issue 15). For the default envelope shape (a request id in every reply, string codes, no further
 * error fields: Tencent's and the flat one) every function here returns what the emitters printed
 * before, so those packages' output is unchanged.
 *
 * - `envelopeConstant(env)` — the `ENVELOPE` line of each `parsers.js`:
 *     const ENVELOPE = Object.freeze({ wrapper: null, requestId: "trace_id", errorKey: "error", codeKey: "code",
 *       messageKey: "msg", successCodes: /* @__PURE__ *\/ Object.freeze([]), dataKey: "data", ridOptional: true,
 *       numeric: true, errorFields: /* @__PURE__ *\/ Object.freeze([["details", "j", true, false]]) });
 *   (`ridOptional`, `numeric`, `successKey` and `errorFields` only when they differ from the default.)
 * - `shapeDeclaration(env)` — appended to `common.d.ts` when the shape is not the default:
 *     /** What this package's envelope decides about every outcome: … *\/
 *     export interface Shape { readonly requestId: string | undefined; readonly rawCode: number;
 *       readonly error: { readonly details?: unknown; }; }
 * - `shapeArg(env)` — `""` or `, Shape`: the last type argument of `ParseResult`, `CallResult`,
 *   `ApiError` and `Paginator` in the `.d.ts` files; `shapeImport(env, root)` imports it.
 * - `requestIdProperty(env, response)` — the request id property of a `<Action>Response`: none under
 *   a data key (the response type is exactly the data), none when replies carry none, optional when
 *   replies may lack it.
 * - `codeLiteral(env, code)` — a code as a type literal: `"InternalError"` or `1001`.
 */
import type { OptionalKind, PropertySignatureStructure } from "ts-morph";
import type { Envelope, Field, TypeRef } from "../model/types.js";
import { propertyKey, stringLiteral } from "./names.js";

/** Whether the envelope gives outcomes the default shape (`DefaultShape` of the runtime). */
export function isDefaultShape(env: Envelope): boolean {
  return !env.requestIdOptional && env.codeType === "string" && env.errorFields.length === 0;
}

/** `""`, or `, Shape` (the package's own shape, from `common.d.ts`). */
export function shapeArg(env: Envelope): string {
  return isDefaultShape(env) ? "" : ", Shape";
}

/** The import of `Shape` into a `.d.ts` module whose root prefix is `root`, when it is needed. */
export function shapeImport(env: Envelope, root: string): string[] {
  return isDefaultShape(env) ? [] : [`import type { Shape } from "${root}common.js";`];
}

/** A code as a type literal. */
export function codeLiteral(env: Envelope, code: string): string {
  return env.codeType === "number" ? code : stringLiteral(code);
}

/** TypeScript type of an error field's value (the model allows primitives and lists of them). */
function errorFieldType(t: TypeRef): string {
  if (t.kind === "list") return `${errorFieldType(t.items)}[]`;
  if (t.kind !== "primitive") return "unknown";
  switch (t.name) {
    case "string":
      return "string";
    case "boolean":
      return "boolean";
    case "json":
      return "unknown";
    default:
      return "number";
  }
}

/** The runtime's JSON-kind letter of an error field (`ErrorFieldSpec` in runtime/envelope.ts). */
function errorFieldKind(t: TypeRef): string {
  if (t.kind === "list") return `${errorFieldKind(t.items)}[]`;
  if (t.kind !== "primitive") return "j";
  const kinds: Record<string, string> = { string: "s", int32: "i", float: "f", boolean: "b", json: "j" };
  return kinds[t.name] ?? "j";
}

function errorFieldProperty(f: Field): string {
  const type = errorFieldType(f.type);
  return `        readonly ${propertyKey(f.name)}${f.optional ? "?" : ""}: ${f.nullable ? `${type} | null` : type};\n`;
}

/** The `Shape` declaration of `common.d.ts`, or none for the default shape. */
export function shapeDeclaration(env: Envelope): string[] {
  if (isDefaultShape(env)) return [];
  const rid = env.requestIdOptional ? "string | undefined" : "string";
  const rawCode = env.codeType === "number" ? "number" : "string";
  const error = env.errorFields.length === 0 ? "{}" : `{\n${env.errorFields.map(errorFieldProperty).join("")}    }`;
  return [
    "/**\n" +
      " * What this package's envelope decides about every outcome: the request id's type, an unknown\n" +
      " * code's `rawCode` type and the further fields of every API error (the last type argument of\n" +
      " * `ParseResult`, `CallResult` and `ApiError` in this package).\n" +
      " */\n" +
      `export interface Shape {\n    readonly requestId: ${rid};\n    readonly rawCode: ${rawCode};\n    readonly error: ${error};\n}`,
  ];
}

/** The `ENVELOPE` constant of `parsers.js` (the runtime's `EnvelopeConfig`). */
export function envelopeConstant(env: Envelope): string {
  const lit = (v: string | null) => (v === null ? "null" : stringLiteral(v));
  const frozen = (items: readonly string[]) => `/* @__PURE__ */ Object.freeze([${items.join(", ")}])`;
  const extra: string[] = [];
  if (env.requestIdOptional && env.requestId !== null) extra.push("ridOptional: true");
  if (env.codeType === "number") extra.push("numeric: true");
  if (env.successFlag !== null) extra.push(`successKey: ${lit(env.successFlag)}`);
  if (env.errorFields.length > 0) {
    const specs = env.errorFields.map((f) => `[${stringLiteral(f.name)}, "${errorFieldKind(f.type)}", ${f.optional}, ${f.nullable}]`);
    extra.push(`errorFields: ${frozen(specs)}`);
  }
  return (
    `const ENVELOPE = Object.freeze({ wrapper: ${lit(env.wrapper)}, requestId: ${lit(env.requestId)}, ` +
    `errorKey: ${lit(env.errorKey)}, codeKey: ${lit(env.codeKey)}, messageKey: ${lit(env.messageKey)}, ` +
    `successCodes: ${frozen(env.successCodes.map((c) => codeLiteral(env, c)))}, dataKey: ${lit(env.dataKey)}` +
    `${extra.map((e) => `, ${e}`).join("")} });`
  );
}

/** The request id property of a response type (see the module comment). */
export function requestIdProperty(env: Envelope, response: readonly Field[]): OptionalKind<PropertySignatureStructure>[] {
  const key = env.requestId;
  if (env.dataKey !== null || key === null || response.some((f) => f.name === key)) return [];
  return [
    {
      name: propertyKey(key),
      type: "string",
      hasQuestionToken: env.requestIdOptional,
      docs: [{ description: "Unique ID of the request: quote it when reporting a problem." }],
    },
  ];
}
