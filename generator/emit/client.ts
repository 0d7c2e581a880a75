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
 *   import { createBareClient as createBareClient$, createServiceClient } from "../runtime/internal.js";
 *   import { commonCodes } from "../common.js";
 *   import { retryCodes } from "./codes.js";
 *   import { tencentProtocol } from "../runtime/tencent.js";          (protocol.ts: or httpProtocol)
 *   import { a$DescribeInstances, a$RunInstances } from "./actions.js";
 *   const SERVICE = { service: "cvm", version: "2017-03-12", host: "cvm.tencentcloudapi.com", wrapper: "Response", requestId: "RequestId", common: commonCodes, retry: retryCodes,
 *     protocol: tencentProtocol };
 *   export function createClient(options) { return createServiceClient(SERVICE, [[a$DescribeInstances], [a$RunInstances]], options); }
 *   export function createBareClient(options) { return createBareClient$(SERVICE, options); }
 *
 *   /** A client of cvm 2017-03-12 without methods: pass it to the per-action functions. *\/
 *   export type BareClient = ServiceClient<"cvm/2017-03-12">;
 *   /** Typed client of cvm (API version 2017-03-12): one method per action. *\/
 *   export interface Client extends BareClient {
 *     DescribeInstances(request?: DescribeInstancesRequest, options?: CallOptions): Promise<CallResult<DescribeInstancesResponse, DescribeInstancesCode>>;
 *     …   (a package whose envelope is not the default shape: `CallResult<…, Shape>`, envelope-shape.ts)
 *   }
 *   export declare function createClient(options: ClientOptions): Client;   (HTTP APIs: HttpClientOptions<"bearer">…)
 *   export declare function createBareClient(options: ClientOptions): BareClient;
 *
 * The request parameter is optional when the action has no required request field. Method keys go
 * through `propertyKey`; the runtime defines them on a prototype-less object, so actions named
 * `constructor` or `__proto__` work. Every top-level value is an object literal or a function, so
 * bundlers drop what is not used.
 */
import type { Action, Model, Service } from "../model/types.js";
import { codeTableName } from "./codes.js";
import { actionDoc } from "./docs.js";
import { shapeArgs } from "./envelope-shape.js";
import { defaultHost, optionsType, protocolProperty, routeProperty } from "./protocol.js";
import { HELPER_PREFIX, jsDocText, propertyKey, signingServiceName, stringLiteral, toRoot, type ServiceNames } from "./names.js";
import type { ModulePair } from "./output.js";
import { array, assign, block, call, functionHead, GeneratedFile, prop, jsDoc, object, signature, typeAlias, typeArgs, type Doc } from "./printer.js";

/** Name of an action's descriptor in actions.js: `a$<Action>` (or `a$$<index>`), as its code table. */
export function actionInfoName(service: Service, action: Action): string {
  return HELPER_PREFIX.actionInfo + codeTableName(service, action).slice(HELPER_PREFIX.codeTable.length);
}

/** The brand of a service's clients: `"cvm/2017-03-12"`. */
function brand(service: Service): string {
  return stringLiteral(`${service.name}/${service.version}`);
}

/** `request?: XRequest`, `options?: CallOptions` and the return type of a call of `a`. */
function callSignature(f: GeneratedFile, a: Action, model: Model, names: ServiceNames, root: string, first: readonly Doc[]): Doc {
  const request = f.importType(names.requestName(a.name), "./types.js");
  const response = f.importType(names.responseName(a.name), "./types.js");
  const code = f.importType(names.codeName(a.name), "./errors.js");
  const callOptions = f.importType("CallOptions", `${root}runtime/index.js`);
  const callResult = f.importType("CallResult", `${root}runtime/index.js`);
  const optional = a.request.every((x) => x.optional) ? "?" : "";
  return signature(
    [...first, `request${optional}: ${request}`, `options?: ${callOptions}`],
    typeArgs("Promise", [typeArgs(callResult, [response, code, ...shapeArgs(f, model.envelope, root)])]),
  );
}

/** A function body that returns one call: `{ return f(a, b); }`. */
function returns(callee: string, list: readonly Doc[]): Doc[] {
  return [["return ", call(callee, list), ";"]];
}

function emitActions(service: Service, names: ServiceNames, root: string): ModulePair {
  const js = new GeneratedFile();
  const dts = new GeneratedFile();
  for (const a of service.actions) {
    const parse = js.import(names.parserName(a.name), "./parsers.js");
    const codes = js.import(codeTableName(service, a), "./codes.js");
    const entries = [prop("name", stringLiteral(a.name)), prop("parse", parse), prop("codes", codes), ...routeProperty(a)];
    js.print(assign(`export const ${actionInfoName(service, a)}`, object(entries)));
    dts.print(`export declare const ${actionInfoName(service, a)}: ${dts.importType("ActionInfo", `${root}runtime/internal.js`)};`);
  }
  return { js: js.toString(), dts: dts.toString() };
}

function emitCalls(service: Service, model: Model, names: ServiceNames, root: string): ModulePair {
  const js = new GeneratedFile();
  const dts = new GeneratedFile();
  dts.reserve(...service.actions.map((a) => names.callName(a.name)));
  const callAction = service.actions.length > 0 ? js.import("callAction", `${root}runtime/internal.js`) : "";
  for (const a of service.actions) {
    const info = js.import(actionInfoName(service, a), "./actions.js");
    js.print(block(functionHead(`export function ${names.callName(a.name)}`, ["client", "request", "options"]), returns(callAction, ["client", info, "request", "options"])));
    const client = typeArgs(dts.importType("ServiceClient", `${root}runtime/index.js`), [brand(service)]);
    dts.print(actionDoc(a));
    dts.print(`export declare function ${names.callName(a.name)}`, callSignature(dts, a, model, names, root, [["client: ", client]]), ";");
  }
  return { js: js.toString(), dts: dts.toString() };
}

function emitClientModule(service: Service, model: Model, names: ServiceNames, root: string): ModulePair {
  const js = new GeneratedFile();
  js.reserve("SERVICE", "createClient", "createBareClient");
  const createServiceClient = js.import("createServiceClient", `${root}runtime/internal.js`);
  const bare = js.import("createBareClient", `${root}runtime/internal.js`);
  const commonCodes = js.import("commonCodes", `${root}common.js`);
  const retryCodes = js.import("retryCodes", "./codes.js");
  const info = [
    prop("service", stringLiteral(signingServiceName(service.host))),
    prop("version", stringLiteral(service.version)),
    prop("host", stringLiteral(defaultHost(service, model))),
    prop("wrapper", model.envelope.wrapper === null ? "null" : stringLiteral(model.envelope.wrapper)),
    prop("requestId", model.envelope.requestId === null ? "null" : stringLiteral(model.envelope.requestId)),
    prop("common", commonCodes),
    prop("retry", retryCodes),
    protocolProperty(js, model, root),
  ];
  const actions = service.actions.map((a) => {
    const method = names.methodName(a.name);
    const infoName = js.import(actionInfoName(service, a), "./actions.js");
    return array([infoName, ...(method === a.name ? [] : [stringLiteral(method)])]);
  });
  js.print(assign("const SERVICE", object(info)));
  js.print(block("export function createClient(options)", returns(createServiceClient, ["SERVICE", array(actions), "options"])));
  js.blank();
  js.print(block("export function createBareClient(options)", returns(bare, ["SERVICE", "options"])));

  const dts = new GeneratedFile();
  dts.reserve("BareClient", "Client", "createClient", "createBareClient");
  const serviceClient = dts.importType("ServiceClient", `${root}runtime/index.js`);
  dts.print(`/** A client of ${jsDocText(service.name)} ${service.version} without methods: pass it to the per-action functions (\`./calls.js\`). */`);
  dts.print(typeAlias("export type BareClient", [`${serviceClient}<${brand(service)}>`]));
  dts.blank();
  const methods: Doc[] = [];
  for (const a of service.actions) {
    const doc = actionDoc(a);
    if (doc !== "") methods.push(doc);
    methods.push([propertyKey(names.methodName(a.name)), callSignature(dts, a, model, names, root, []), ";"]);
  }
  dts.print(
    jsDoc([
      `Typed client of ${jsDocText(service.name)} (API version ${service.version}): one method per action.`,
      "A call never throws: it resolves to a success, a typed API error, a malformed reply or a transport failure.",
    ]),
  );
  dts.print(block("export interface Client extends BareClient", methods));
  const host = defaultHost(service, model);
  const where =
    host === "" ? "`options.endpoint` (required: the spec names no host)" : `\`https://${jsDocText(host)}/\` unless \`options.endpoint\` says otherwise`;
  const throwsNote = "Throws a TypeError for invalid options (the message never contains credentials).";
  dts.print(jsDoc([`A client of ${jsDocText(service.name)} with one method per action, sending to ${where}.`, throwsNote]));
  dts.print("export declare function createClient", signature([["options: ", optionsType(dts, model, root)]], "Client"), ";");
  dts.print(
    jsDoc([
      `A client of ${jsDocText(service.name)} for the per-action functions (a bundle then holds only the actions it calls), sending to ${where}.`,
      throwsNote,
    ]),
  );
  dts.print("export declare function createBareClient", signature([["options: ", optionsType(dts, model, root)]], "BareClient"), ";");
  return { js: js.toString(), dts: dts.toString() };
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
