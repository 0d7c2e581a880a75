/**
 * What the package's envelope changes in the emitted modules (issue 15), as printer documents and
 * imports the emitters place. For the default envelope shape (a request id in every reply, string
 * codes, no further error fields: Tencent's and the flat one) every function here adds nothing, so
 * those packages' output is unchanged.
 *
 * - `shapeDeclaration(env)` — appended to `common.d.ts` when the shape is not the default:
 *     /**
 *      * What this package's envelope decides about every outcome: … *\/
 *     export interface Shape {
 *       readonly requestId: string | undefined;
 *       readonly rawCode: number;
 *       readonly error: { readonly details?: unknown };
 *     }
 * - `shapeArgs(file, env, root)` — `[]` or `[Shape]` (imported type-only from `<root>common.js`): the
 *   last type argument of `ParseResult`, `CallResult`, `ApiError` and `Paginator` in the `.d.ts` files.
 * - `requestIdProperty(env, response)` — the request id member of a `<Action>Response`: none under
 *   a data key (the response type is exactly the data), none when replies carry none, optional when
 *   replies may lack it.
 * - `codeLiteral(codeType, code)` — a code as a literal: `"InternalError"` or `1001`.
 * - `envelopeSettings(env)` — the entries of parsers.js's `ENVELOPE` beyond the default ones
 *   (`ridOptional: true`, `numeric: true`, `successKey: "ok"`,
 *   `errorFields: /* @__PURE__ *\/ Object.freeze([["details", "j", true, false]])`), each only when the
 *   envelope differs from the default.
 */
import type { Envelope, Field, TypeRef } from "../model/types.js";
import { propertyKey, stringLiteral } from "./names.js";
import {
  annotation,
  array,
  arrayOfPairs,
  block,
  hardline,
  hugCall,
  jsDoc,
  prop,
  typeLiteral,
  type Doc,
  type GeneratedFile,
} from "./printer.js";

/** Whether the envelope gives outcomes the default shape (`DefaultShape` of the runtime). */
export function isDefaultShape(env: Envelope): boolean {
  return !env.requestIdOptional && env.codeType === "string" && env.errorFields.length === 0;
}

/** `[]`, or the package's own `Shape` (from `common.d.ts`, imported into `file`) as a last type argument. */
export function shapeArgs(file: GeneratedFile, env: Envelope, root: string): string[] {
  return isDefaultShape(env) ? [] : [file.importType("Shape", `${root}common.js`)];
}

/** A code as a literal (type or value): `"InternalError"` for string codes, `1001` for numeric ones. */
export function codeLiteral(codeType: Envelope["codeType"], code: string): string {
  return codeType === "number" ? code : stringLiteral(code);
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
  const kinds = new Map([
    ["string", "s"],
    ["int32", "i"],
    ["float", "f"],
    ["boolean", "b"],
    ["json", "j"],
  ]);
  return kinds.get(t.name) ?? "j";
}

/**
 * `readonly key?: T` of the error type. A nullable one's union (`string[] | null`) breaks as prettier
 * breaks a member's union: after the colon when it then fits, else `| T` per line.
 */
function errorFieldMember(f: Field): Doc {
  const type = errorFieldType(f.type);
  const head = `readonly ${propertyKey(f.name)}${f.optional ? "?" : ""}:`;
  return annotation(head, f.nullable ? [type, "null"] : [type]);
}

/** The `Shape` declaration of `common.d.ts` (its doc comment and the interface), or none for the default shape. */
export function shapeDeclaration(env: Envelope): Doc[] {
  if (isDefaultShape(env)) return [];
  const rid = env.requestIdOptional ? "string | undefined" : "string";
  const rawCode = env.codeType === "number" ? "number" : "string";
  return [
    jsDoc([
      "What this package's envelope decides about every outcome: the request id's type, an unknown",
      "code's `rawCode` type and the further fields of every API error (the last type argument of",
      "`ParseResult`, `CallResult` and `ApiError` in this package).",
    ]),
    block("export interface Shape", [
      `readonly requestId: ${rid};`,
      `readonly rawCode: ${rawCode};`,
      ["readonly error: ", typeLiteral(env.errorFields.map(errorFieldMember)), ";"],
    ]),
  ];
}

/** The entries of the `ENVELOPE` constant beyond the default envelope's (see the module comment). */
export function envelopeSettings(env: Envelope): Doc[] {
  const extra: Doc[] = [];
  if (env.requestIdOptional && env.requestId !== null) extra.push(prop("ridOptional", "true"));
  if (env.codeType === "number") extra.push(prop("numeric", "true"));
  if (env.successFlag !== null) extra.push(prop("successKey", stringLiteral(env.successFlag)));
  if (env.errorFields.length > 0) {
    const specs = env.errorFields.map((f) =>
      array([stringLiteral(f.name), stringLiteral(errorFieldKind(f.type)), String(f.optional), String(f.nullable)]),
    );
    extra.push(prop("errorFields", ["/* @__PURE__ */ ", hugCall("Object.freeze", arrayOfPairs(specs))]));
  }
  return extra;
}

/** The request id member of a response type (see the module comment). */
export function requestIdProperty(env: Envelope, response: readonly Field[]): Doc[] {
  const key = env.requestId;
  if (env.dataKey !== null || key === null || response.some((f) => f.name === key)) return [];
  return [
    [
      "/** Unique ID of the request: quote it when reporting a problem. */",
      hardline,
      `${propertyKey(key)}${env.requestIdOptional ? "?" : ""}: string;`,
    ],
  ];
}
