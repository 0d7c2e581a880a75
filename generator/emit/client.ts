/**
 * The typed client of one service: `<svc>/client.*`, `<svc>/calls.*` and the internal `<svc>/actions.*`.
 * The work is done by the runtime (generator/runtime/client.ts); these modules only describe the service.
 *
 * actions.js (internal, not re-exported): one descriptor per action, with its own parser and codes only:
 *
 *   import { parseDescribeInstances } from "./parsers.js";
 *   import { c$DescribeInstances } from "./codes.js";
 *   export const a$DescribeInstances = { name: "DescribeInstances", parse: parseDescribeInstances, codes: c$DescribeInstances };
 *   (an HTTP API's routed action also has `http: ["GET", "/orders/{id}", ["id"]]`: protocol.ts)
 *
 * calls.js / calls.d.ts: one function per action (tree-shakeable: a bundle holds the actions it calls):
 *
 *   import { callAction } from "../runtime/internal.js";
 *   import { a$DescribeInstances } from "./actions.js";
 *   export function describeInstances(client, request, options) { return callAction(client, a$DescribeInstances, request, options); }
 *
 *   /** <action description> *\/
 *   export declare function describeInstances(client: ServiceClient<"cvm/2017-03-12">, request?: DescribeInstancesRequest,
 *     options?: CallOptions): Promise<CallResult<DescribeInstancesResponse, DescribeInstancesCode>>;
 *
 * client.js / client.d.ts:
 *
 *   import { createBareClient as bare, createServiceClient } from "../runtime/internal.js";
 *   import { tencentProtocol } from "../runtime/tencent.js";          (protocol.ts: or httpProtocol)
 *   import { commonCodes } from "../common.js";
 *   import { retryCodes } from "./codes.js";
 *   import { a$DescribeInstances, a$RunInstances } from "./actions.js";
 *   const SERVICE = { service: "cvm", version: "2017-03-12", host: "cvm.tencentcloudapi.com", wrapper: "Response", requestId: "RequestId", common: commonCodes, retry: retryCodes,
 *     protocol: tencentProtocol };
 *   export function createClient(options) { return createServiceClient(SERVICE, [[a$DescribeInstances], [a$RunInstances]], options); }
 *   export function createBareClient(options) { return bare(SERVICE, options); }
 *
 *   /** A client of cvm 2017-03-12 without methods: pass it to the per-action functions. *\/
 *   export type BareClient = ServiceClient<"cvm/2017-03-12">;
 *   /** Typed client of cvm (API version 2017-03-12): one method per action. *\/
 *   export interface Client extends BareClient {
 *     DescribeInstances(request?: DescribeInstancesRequest, options?: CallOptions): Promise<CallResult<DescribeInstancesResponse, DescribeInstancesCode>>;
 *     …
 *   }
 *   export declare function createClient(options: ClientOptions): Client;   (HTTP APIs: HttpClientOptions<"bearer">…)
 *   export declare function createBareClient(options: ClientOptions): BareClient;
 *
 * The request parameter is optional when the action has no required request field. Method keys go
 * through `propertyKey`; the runtime defines them on a prototype-less object, so actions named
 * `constructor` or `__proto__` work. Every top-level value is an object literal or a function, so
 * bundlers drop what is not used.
 */
import { StructureKind, type FunctionDeclarationStructure, type MethodSignatureStructure, type OptionalKind } from "ts-morph";
import type { Action, Model, Service } from "../model/types.js";
import { codeTableName } from "./codes.js";
import { shapeArg, shapeImport } from "./envelope-shape.js";
import { defaultHost, optionsType, protocolImport, protocolValue, routeProperty } from "./protocol.js";
import { jsDocText, propertyKey, stringLiteral, toRoot, type ServiceNames } from "./names.js";
import type { ModulePair } from "./output.js";
import { printFile } from "./printer.js";

function importLine(names: readonly string[], from: string, typeOnly: boolean): string[] {
  if (names.length === 0) return [];
  return [`import ${typeOnly ? "type " : ""}{ ${names.join(", ")} } from ${stringLiteral(from)};`];
}

/** Name of an action's descriptor in actions.js: `a$<Action>` (or `a$$<index>`), as its code table. */
export function actionInfoName(service: Service, action: Action): string {
  return `a${codeTableName(service, action).slice(1)}`;
}

/** The brand of a service's clients: `"cvm/2017-03-12"`. */
function brand(service: Service): string {
  return stringLiteral(`${service.name}/${service.version}`);
}

function actionDocs(a: Action): string[] {
  const text = [a.description === undefined ? "" : jsDocText(a.description), a.deprecated ? "@deprecated" : ""]
    .filter((t) => t !== "")
    .join("\n");
  return text === "" ? [] : [text];
}

function callTypes(a: Action, names: ServiceNames, shape = "") {
  return {
    request: { name: "request", type: names.requestName(a.name), hasQuestionToken: a.request.every((f) => f.optional) },
    options: { name: "options", type: "CallOptions", hasQuestionToken: true },
    returnType: `Promise<CallResult<${names.responseName(a.name)}, ${names.codeName(a.name)}${shape}>>`,
  };
}

function ioImports(service: Service, names: ServiceNames, model?: Model, root = ""): string[] {
  return [
    ...(model === undefined ? [] : shapeImport(model.envelope, root)),
    ...importLine(service.actions.flatMap((a) => [names.requestName(a.name), names.responseName(a.name)]), "./types.js", true),
    ...importLine(service.actions.map((a) => names.codeName(a.name)), "./errors.js", true),
  ];
}

function emitActions(service: Service, names: ServiceNames, root: string): ModulePair {
  if (service.actions.length === 0) return { js: printFile("actions.js", ["export {};"]), dts: printFile("actions.d.ts", ["export {};"]) };
  const js = [
    ...importLine(service.actions.map((a) => names.parserName(a.name)), "./parsers.js", false),
    ...importLine(service.actions.map((a) => codeTableName(service, a)), "./codes.js", false),
    ...service.actions.map(
      (a) =>
        `export const ${actionInfoName(service, a)} = { name: ${stringLiteral(a.name)}, parse: ${names.parserName(a.name)}, codes: ${codeTableName(service, a)}${routeProperty(a)} };`,
    ),
  ];
  const dts = [
    ...importLine(["ActionInfo"], `${root}runtime/internal.js`, true),
    ...service.actions.map((a) => `export declare const ${actionInfoName(service, a)}: ActionInfo;`),
  ];
  return { js: printFile("actions.js", js), dts: printFile("actions.d.ts", dts) };
}

function emitCalls(service: Service, model: Model, names: ServiceNames, root: string): ModulePair {
  if (service.actions.length === 0) return { js: printFile("calls.js", ["export {};"]), dts: printFile("calls.d.ts", ["export {};"]) };
  const js = [
    ...importLine(["callAction"], `${root}runtime/internal.js`, false),
    ...importLine(service.actions.map((a) => actionInfoName(service, a)), "./actions.js", false),
    ...service.actions.map(
      (a) =>
        `export function ${names.callName(a.name)}(client, request, options) { return callAction(client, ${actionInfoName(service, a)}, request, options); }`,
    ),
  ];
  const fns: FunctionDeclarationStructure[] = service.actions.map((a) => {
    const t = callTypes(a, names, shapeArg(model.envelope));
    return {
      kind: StructureKind.Function,
      name: names.callName(a.name),
      isExported: true,
      hasDeclareKeyword: true,
      docs: actionDocs(a),
      parameters: [{ name: "client", type: `ServiceClient<${brand(service)}>` }, t.request, t.options],
      returnType: t.returnType,
    };
  });
  const dts = [
    ...importLine(["CallOptions", "CallResult", "ServiceClient"], `${root}runtime/index.js`, true),
    ...ioImports(service, names, model, root),
    ...fns,
  ];
  return { js: printFile("calls.js", js), dts: printFile("calls.d.ts", dts) };
}

function emitClientModule(service: Service, model: Model, names: ServiceNames, root: string): ModulePair {
  const info = [
    `service: ${stringLiteral(service.host.split(".")[0] ?? service.host)}`,
    `version: ${stringLiteral(service.version)}`,
    `host: ${stringLiteral(defaultHost(service, model))}`,
    `wrapper: ${model.envelope.wrapper === null ? "null" : stringLiteral(model.envelope.wrapper)}`,
    `requestId: ${model.envelope.requestId === null ? "null" : stringLiteral(model.envelope.requestId)}`,
    `common: commonCodes`,
    `retry: retryCodes`,
    protocolValue(model),
  ];
  const actions = service.actions.map((a) => {
    const method = names.methodName(a.name);
    return `[${actionInfoName(service, a)}${method === a.name ? "" : `, ${stringLiteral(method)}`}]`;
  });
  const js = printFile("client.js", [
    `import { createBareClient as bare, createServiceClient } from "${root}runtime/internal.js";`,
    protocolImport(model, root),
    ...importLine(["commonCodes"], `${root}common.js`, false),
    ...importLine(["retryCodes"], "./codes.js", false),
    ...importLine(service.actions.map((a) => actionInfoName(service, a)), "./actions.js", false),
    `const SERVICE = { ${info.join(", ")} };`,
    `export function createClient(options) { return createServiceClient(SERVICE, [${actions.join(", ")}], options); }`,
    `export function createBareClient(options) { return bare(SERVICE, options); }`,
  ]);

  const methods: OptionalKind<MethodSignatureStructure>[] = service.actions.map((a) => {
    const t = callTypes(a, names, shapeArg(model.envelope));
    return { name: propertyKey(names.methodName(a.name)), docs: actionDocs(a), parameters: [t.request, t.options], returnType: t.returnType };
  });
  const host = defaultHost(service, model);
  const where = host === "" ? "`options.endpoint` (required: the spec names no host)" : `\`https://${jsDocText(host)}/\` unless \`options.endpoint\` says otherwise`;
  const dts = printFile("client.d.ts", [
    ...importLine(["CallOptions", "CallResult", optionsType(model).name, "ServiceClient"], `${root}runtime/index.js`, true),
    ...ioImports(service, names, model, root),
    `/** A client of ${jsDocText(service.name)} ${service.version} without methods: pass it to the per-action functions (\`./calls.js\`). */\nexport type BareClient = ServiceClient<${brand(service)}>;`,
    {
      kind: StructureKind.Interface,
      name: "Client",
      isExported: true,
      extends: ["BareClient"],
      docs: [
        `Typed client of ${jsDocText(service.name)} (API version ${service.version}): one method per action.\n` +
          "A call never throws: it resolves to a success, a typed API error, a malformed reply or a transport failure.",
      ],
      methods,
    },
    {
      kind: StructureKind.Function,
      name: "createClient",
      isExported: true,
      hasDeclareKeyword: true,
      docs: [
        `A client of ${jsDocText(service.name)} with one method per action, sending to ${where}.\n` +
          "Throws a TypeError for invalid options (the message never contains credentials).",
      ],
      parameters: [{ name: "options", type: optionsType(model).text }],
      returnType: "Client",
    },
    {
      kind: StructureKind.Function,
      name: "createBareClient",
      isExported: true,
      hasDeclareKeyword: true,
      docs: [
        `A client of ${jsDocText(service.name)} for the per-action functions (a bundle then holds only the actions it calls), sending to ${where}.\n` +
          "Throws a TypeError for invalid options (the message never contains credentials).",
      ],
      parameters: [{ name: "options", type: optionsType(model).text }],
      returnType: "BareClient",
    },
  ]);
  return { js, dts };
}

/** `client`, `calls` and `actions` of one service. */
export function emitClient(service: Service, model: Model, names: ServiceNames, moduleDir: string): {
  readonly client: ModulePair;
  readonly calls: ModulePair;
  readonly actions: ModulePair;
} {
  const root = toRoot(moduleDir);
  return {
    client: emitClientModule(service, model, names, root),
    calls: emitCalls(service, model, names, root),
    actions: emitActions(service, names, root),
  };
}
