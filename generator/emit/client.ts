/**
 * The typed client of one service: `<svc>/client.js` + `<svc>/client.d.ts`. The work is done by the
 * runtime (`createServiceClient`, generator/runtime/client.ts); this module only describes the service.
 *
 * client.js:
 *
 *   import { createServiceClient } from "../runtime/index.js";
 *   import { commonCodes } from "../common.js";
 *   import { serviceCodes } from "./errors.js";
 *   import { parseDescribeInstances, parseRunInstances } from "./parsers.js";
 *   const service = Object.freeze({
 *     service: "cvm", version: "2017-03-12", host: "cvm.tencentcloudapi.com",
 *     wrapper: "Response", requestId: "RequestId",
 *     codes: Object.freeze([serviceCodes, commonCodes]),
 *     actions: Object.freeze([["DescribeInstances", parseDescribeInstances], ["RunInstances", parseRunInstances]]),
 *   });
 *   export function createClient(options) { return createServiceClient(service, options); }
 *
 * client.d.ts:
 *
 *   import type { CallOptions, CallResult, ClientOptions } from "../runtime/index.js";
 *   import type { DescribeInstancesRequest, DescribeInstancesResponse, RunInstancesRequest, RunInstancesResponse } from "./types.js";
 *   import type { DescribeInstancesCode, RunInstancesCode } from "./errors.js";
 *   /** Typed client of cvm (API version 2017-03-12): one method per action. *\/
 *   export interface Client {
 *     /** <action description> *\/
 *     DescribeInstances(request?: DescribeInstancesRequest, options?: CallOptions): Promise<CallResult<DescribeInstancesResponse, DescribeInstancesCode>>;
 *     RunInstances(request: RunInstancesRequest, options?: CallOptions): Promise<CallResult<RunInstancesResponse, RunInstancesCode>>;
 *   }
 *   /** A client of cvm, sending to `https://cvm.tencentcloudapi.com/` unless `options.endpoint` says otherwise. … *\/
 *   export declare function createClient(options: ClientOptions): Client;
 *
 * The request parameter is optional when the action has no required request field. Method keys go
 * through `propertyKey`; the runtime defines them on a prototype-less object, so actions named
 * `constructor` or `__proto__` work.
 */
import { StructureKind, type MethodSignatureStructure, type OptionalKind } from "ts-morph";
import type { Model, Service } from "../model/types.js";
import { jsDocText, propertyKey, stringLiteral, toRoot, type ServiceNames } from "./names.js";
import type { ModulePair } from "./output.js";
import { printFile } from "./printer.js";

function importLine(names: readonly string[], from: string, typeOnly: boolean): string[] {
  if (names.length === 0) return [];
  return [`import ${typeOnly ? "type " : ""}{ ${names.join(", ")} } from ${stringLiteral(from)};`];
}

function emitJs(service: Service, model: Model, names: ServiceNames, root: string): string {
  const parsers = service.actions.map((a) => names.parserName(a.name));
  const actions = service.actions.map((a) => {
    const method = names.methodName(a.name);
    const tail = method === a.name ? "" : `, ${stringLiteral(method)}`;
    return `[${stringLiteral(a.name)}, ${names.parserName(a.name)}${tail}]`;
  });
  const descriptor = [
    `service: ${stringLiteral(service.host.split(".")[0] ?? service.host)}`,
    `version: ${stringLiteral(service.version)}`,
    `host: ${stringLiteral(`${service.host}.${model.envelope.hostSuffix}`)}`,
    `wrapper: ${model.envelope.wrapper === null ? "null" : stringLiteral(model.envelope.wrapper)}`,
    `requestId: ${stringLiteral(model.envelope.requestId)}`,
    `codes: Object.freeze([serviceCodes, commonCodes])`,
    `actions: Object.freeze([${actions.join(", ")}])`,
  ];
  return printFile("client.js", [
    ...importLine(["createServiceClient"], `${root}runtime/index.js`, false),
    ...importLine(["commonCodes"], `${root}common.js`, false),
    ...importLine(["serviceCodes"], "./errors.js", false),
    ...importLine(parsers, "./parsers.js", false),
    `const service = Object.freeze({ ${descriptor.join(", ")} });`,
    `export function createClient(options) { return createServiceClient(service, options); }`,
  ]);
}

function emitDts(service: Service, model: Model, names: ServiceNames, root: string): string {
  const methods: OptionalKind<MethodSignatureStructure>[] = service.actions.map((a) => {
    const docs: string[] = [];
    const text = [a.description === undefined ? "" : jsDocText(a.description), a.deprecated ? "@deprecated" : ""]
      .filter((t) => t !== "")
      .join("\n");
    if (text !== "") docs.push(text);
    const requestOptional = a.request.every((f) => f.optional);
    return {
      name: propertyKey(names.methodName(a.name)),
      docs,
      parameters: [
        { name: "request", type: names.requestName(a.name), hasQuestionToken: requestOptional },
        { name: "options", type: "CallOptions", hasQuestionToken: true },
      ],
      returnType: `Promise<CallResult<${names.responseName(a.name)}, ${names.codeName(a.name)}>>`,
    };
  });
  const ioTypes = service.actions.flatMap((a) => [names.requestName(a.name), names.responseName(a.name)]);
  const codeTypes = service.actions.map((a) => names.codeName(a.name));
  return printFile("client.d.ts", [
    ...importLine(["CallOptions", "CallResult", "ClientOptions"], `${root}runtime/index.js`, true),
    ...importLine(ioTypes, "./types.js", true),
    ...importLine(codeTypes, "./errors.js", true),
    {
      kind: StructureKind.Interface,
      name: "Client",
      isExported: true,
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
        `A client of ${jsDocText(service.name)}, sending to \`https://${jsDocText(`${service.host}.${model.envelope.hostSuffix}`)}/\` unless \`options.endpoint\` says otherwise.\n` +
          "Throws a TypeError for invalid options (the message never contains credentials).",
      ],
      parameters: [{ name: "options", type: "ClientOptions" }],
      returnType: "Client",
    },
  ]);
}

export function emitClient(service: Service, model: Model, names: ServiceNames, moduleDir: string): ModulePair {
  const root = toRoot(moduleDir);
  return { js: emitJs(service, model, names, root), dts: emitDts(service, model, names, root) };
}
