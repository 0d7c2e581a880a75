/**
 * emitTypes: exact `types.d.ts` text for every construct of a field or type. Each case is a hand-built
 * model (test/helpers/model.ts) and the text after the generated-file header. Whether the emitted text
 * compiles, and how it behaves under the strict options, is proved in test/types/.
 */
import { describe, expect, it } from "vitest";
import { emitTypes } from "../../generator/emit/types.js";
import { serviceNames } from "../../generator/emit/names.js";
import { GENERATED_HEADER } from "../../generator/emit/output.js";
import { buildTestModel, enumOf, field, FLAT_ENVELOPE, list, namedType, openEnumOf, prim, ref, type ModelInput } from "../helpers/model.js";

const lines = (...l: string[]): string => `${l.join("\n")}\n`;

function emit(given: ModelInput): string {
  const model = buildTestModel(given);
  const service = model.services[0];
  if (!service) throw new Error("test model without a service");
  return emitTypes(service, serviceNames(service), model.envelope);
}

const cases: [string, { given: ModelInput; want: string }][] = [
  [
    "optional, nullable, both, neither",
    {
      given: { services: [{ name: "svc", types: [namedType("Item", [
    field("Plain", prim("string")),
    field("Opt", prim("string"), { optional: true }),
    field("Null", prim("string"), { nullable: true }),
    field("Both", prim("string"), { optional: true, nullable: true }),
  ])], actions: [] }] },
      want: lines(
      "export interface Item {",
      "  Plain: string;",
      "  Opt?: string;",
      "  Null: string | null;",
      "  Both?: string | null;",
      "}",
    ),
    },
  ],
  [
    "primitives and their notes",
    {
      given: { services: [{ name: "svc", types: [namedType("Prims", [
    field("S", prim("string")), field("I32", prim("int32")), field("I64", prim("int64")), field("U64", prim("uint64")),
    field("F", prim("float")), field("B", prim("boolean")), field("D", prim("date")), field("Dt", prim("datetime")),
    field("Iso", prim("datetime-iso")), field("Bin", prim("binary")), field("J", prim("json")),
    field("JNull", prim("json"), { nullable: true, optional: true }),
  ])], actions: [] }] },
      want: lines(
      "export interface Prims {",
      "  S: string;",
      "  I32: number;",
      "  /** 64-bit integer: a JavaScript number holds it exactly only up to 2^53. */",
      "  I64: number;",
      "  /** Unsigned 64-bit integer: a JavaScript number holds it exactly only up to 2^53. */",
      "  U64: number;",
      "  F: number;",
      "  B: boolean;",
      "  /** Format: `YYYY-MM-DD`. */",
      "  D: string;",
      "  /** Format: `YYYY-MM-DD hh:mm:ss`. */",
      "  Dt: string;",
      "  /** Format: ISO 8601 date-time. */",
      "  Iso: string;",
      "  /** Base64-encoded bytes. */",
      "  Bin: string;",
      "  /** Any JSON value. */",
      "  J: unknown;",
      "  /** Any JSON value. */",
      "  JNull?: unknown;",
      "}",
    ),
    },
  ],
  [
    "enums, lists, nested lists",
    {
      given: { services: [{ name: "svc", types: [namedType("Shapes", [
    field("One", enumOf("ONLY")),
    field("State", enumOf("RUNNING", "PENDING")),
    field("States", list(enumOf("B", "A"))),
    field("NullableStates", list(enumOf("B", "A")), { nullable: true }),
    field("Matrix", list(list(prim("int64")))),
    field("Grid", list(list(enumOf("X", "Y")))),
    field("Quoted", enumOf('say "hi"', "back\\slash")),
  ])], actions: [] }] },
      want: lines(
      "export interface Shapes {",
      "  One: \"ONLY\";",
      "  State: \"PENDING\" | \"RUNNING\";",
      "  States: (\"A\" | \"B\")[];",
      "  NullableStates: (\"A\" | \"B\")[] | null;",
      "  /** 64-bit integer: a JavaScript number holds it exactly only up to 2^53. */",
      "  Matrix: number[][];",
      "  Grid: (\"X\" | \"Y\")[][];",
      "  Quoted: \"back\\\\slash\" | 'say \"hi\"';",
      "}",
    ),
    },
  ],
  [
    "refs and recursive types",
    {
      given: { services: [{ name: "svc", types: [
    namedType("Node", [field("Children", list(ref("Node"))), field("Parent", ref("Node"), { optional: true, nullable: true })]),
    namedType("Tree", [field("Root", ref("Node"))]),
  ], actions: [] }] },
      want: lines(
      "export interface Node$ {",
      "  Children: Node$[];",
      "  Parent?: Node$ | null;",
      "}",
      "",
      "export interface Tree {",
      "  Root: Node$;",
      "}",
    ),
    },
  ],
  [
    "docs: description with */, deprecated, example",
    {
      given: { services: [{ name: "svc", types: [
    namedType("Doc", [
      field("Id", prim("string"), { description: "Ends early */ not really\r\nsecond line", example: "ins-1 */", deprecated: true }),
      field("Created", prim("datetime"), { description: "When it began." }),
    ], { description: "A type /* with */ comment marks.", deprecated: true }),
  ], actions: [] }] },
      want: lines(
      "/**",
      " * A type /\\* with *\\/ comment marks.",
      " * @deprecated",
      " */",
      "export interface Doc {",
      "  /**",
      "   * Ends early *\\/ not really",
      "   * second line",
      "   * @example ins-1 *\\/",
      "   * @deprecated",
      "   */",
      "  Id: string;",
      "  /**",
      "   * When it began.",
      "   * Format: `YYYY-MM-DD hh:mm:ss`.",
      "   */",
      "  Created: string;",
      "}",
    ),
    },
  ],
  [
    "reserved type names are suffixed everywhere",
    {
      given: { services: [{ name: "svc", types: [
    namedType("Error", [field("Cause", ref("Error"), { optional: true })]),
    namedType("Image", [field("Errors", list(ref("Error")))]),
    namedType("Function", []), namedType("Event", []), namedType("Promise", []), namedType("Record", []),
    namedType("constructor", []), namedType("__proto__", [field("Img", ref("Image"))]),
    namedType("GetRequest", [field("Ok", prim("boolean"))]),
  ], actions: [{ name: "Get", request: [field("Use", ref("GetRequest"))], response: [field("Img", ref("Image")), field("Proto", ref("__proto__"))] }] }] },
      want: lines(
      "export interface Error$ {",
      "  Cause?: Error$;",
      "}",
      "",
      "export interface Event$ {}",
      "",
      "export interface Function$ {}",
      "",
      "export interface GetRequest$ {",
      "  Ok: boolean;",
      "}",
      "",
      "export interface Image$ {",
      "  Errors: Error$[];",
      "}",
      "",
      "export interface Promise$ {}",
      "",
      "export interface Record$ {}",
      "",
      "export interface __proto__$ {",
      "  Img: Image$;",
      "}",
      "",
      "export interface constructor$ {}",
      "",
      "/** Request of `Get`. */",
      "export interface GetRequest {",
      "  Use: GetRequest$;",
      "}",
      "",
      "/** Response of `Get`. */",
      "export interface GetResponse {",
      "  Img: Image$;",
      "  Proto: __proto__$;",
      "  /** Unique ID of the request: quote it when reporting a problem. */",
      "  RequestId: string;",
      "}",
    ),
    },
  ],
  [
    "quoted property keys",
    {
      given: { services: [{ name: "svc", types: [namedType("Keys", [
    field("__proto__", prim("string")), field("a-b", prim("string")), field("2x", prim("string")), field("has space", prim("string")),
    field("constructor", prim("string")), field("_ok$", prim("string")), field("é", prim("string")), field("Dup", prim("string")), field("dup", prim("string")),
  ])], actions: [] }] },
      want: lines(
      "export interface Keys {",
      "  __proto__: string;",
      "  \"a-b\": string;",
      "  \"2x\": string;",
      "  \"has space\": string;",
      "  constructor: string;",
      "  _ok$: string;",
      "  é: string;",
      "  Dup: string;",
      "  dup: string;",
      "}",
    ),
    },
  ],
  [
    "actions: request, response and the request id",
    {
      given: { services: [{ name: "svc", actions: [
    { name: "Describe", description: "Lists things.", request: [field("Limit", prim("int64"), { optional: true })], response: [field("Total", prim("int64"))] },
    { name: "Old", deprecated: true, request: [], response: [] },
  ] }] },
      want: lines(
      "/** Request of `Describe`. Lists things. */",
      "export interface DescribeRequest {",
      "  /** 64-bit integer: a JavaScript number holds it exactly only up to 2^53. */",
      "  Limit?: number | undefined;",
      "}",
      "",
      "/** Response of `Describe`. Lists things. */",
      "export interface DescribeResponse {",
      "  /** 64-bit integer: a JavaScript number holds it exactly only up to 2^53. */",
      "  Total: number;",
      "  /** Unique ID of the request: quote it when reporting a problem. */",
      "  RequestId: string;",
      "}",
      "",
      "/**",
      " * Request of `Old`.",
      " * @deprecated",
      " */",
      "export interface OldRequest {}",
      "",
      "/**",
      " * Response of `Old`.",
      " * @deprecated",
      " */",
      "export interface OldResponse {",
      "  /** Unique ID of the request: quote it when reporting a problem. */",
      "  RequestId: string;",
      "}",
    ),
    },
  ],
  [
    "flat envelope request id key (no data key); a declared one is not repeated",
    {
      given: { envelope: { ...FLAT_ENVELOPE, requestId: "request-id", dataKey: null }, services: [{ name: "svc", actions: [
    { name: "A", response: [field("X", prim("string"))] },
    { name: "B", response: [field("request-id", prim("string"), { description: "Declared." })] },
  ] }] },
      want: lines(
      "/** Request of `A`. */",
      "export interface ARequest {}",
      "",
      "/** Response of `A`. */",
      "export interface AResponse {",
      "  X: string;",
      "  /** Unique ID of the request: quote it when reporting a problem. */",
      "  \"request-id\": string;",
      "}",
      "",
      "/** Request of `B`. */",
      "export interface BRequest {}",
      "",
      "/** Response of `B`. */",
      "export interface BResponse {",
      "  /** Declared. */",
      "  \"request-id\": string;",
      "}",
    ),
    },
  ],
  [
    "open enums: the known literals plus any other string",
    {
      given: { services: [{ name: "svc", types: [namedType("Open", [
    field("State", openEnumOf("RUNNING", "PENDING")),
    field("One", openEnumOf("ONLY"), { nullable: true }),
    field("States", list(openEnumOf("B", "A"))),
  ])], actions: [] }] },
      want: lines(
      "export interface Open {",
      "  State: \"PENDING\" | \"RUNNING\" | (string & {});",
      "  One: \"ONLY\" | (string & {}) | null;",
      "  States: (\"A\" | \"B\" | (string & {}))[];",
      "}",
    ),
    },
  ],
  [
    "64-bit integers per mode, in requests and responses",
    {
      given: { services: [{ name: "svc", types: [namedType("Sizes", [
    field("N", prim("int64")),
    field("B", prim("int64"), { int64: "bigint" }),
    field("S", prim("uint64"), { int64: "string" }),
    field("Bs", list(prim("uint64")), { int64: "bigint", optional: true }),
    field("I32", prim("int32"), { int64: "bigint" }),
  ])], actions: [{ name: "Get", request: [field("Id", prim("uint64"), { int64: "bigint" }), field("Ref", prim("int64"), { int64: "string" })] }] }] },
      want: lines(
      "export interface Sizes {",
      "  /** 64-bit integer: a JavaScript number holds it exactly only up to 2^53. */",
      "  N: number;",
      "  /** 64-bit integer, exact. */",
      "  B: bigint;",
      "  /** Unsigned 64-bit integer, exact, as decimal digits. */",
      "  S: string;",
      "  /** Unsigned 64-bit integer, exact. */",
      "  Bs?: bigint[];",
      "  I32: number;",
      "}",
      "",
      "/** Request of `Get`. */",
      "export interface GetRequest {",
      "  /** Unsigned 64-bit integer, exact. */",
      "  Id: bigint;",
      "  /** 64-bit integer, exact, as decimal digits. */",
      "  Ref: string;",
      "}",
      "",
      "/** Response of `Get`. */",
      "export interface GetResponse {",
      "  /** Unique ID of the request: quote it when reporting a problem. */",
      "  RequestId: string;",
      "}",
    ),
    },
  ],
  [
    "empty service",
    {
      given: { services: [{ name: "svc", actions: [] }] },
      want: lines(
      "export {};",
    ),
    },
  ],
];

describe("emitTypes", () => {
  it.each(cases)("%s", (_name, { given, want }) => {
    const text = emit(given);
    expect(text.startsWith(GENERATED_HEADER)).toBe(true);
    expect(text.slice(GENERATED_HEADER.length)).toBe(want);
  });

  it("is deterministic: the same model gives the same text", () => {
    const given = cases[3]![1].given;
    expect(emit(given)).toBe(emit(given));
  });
});
