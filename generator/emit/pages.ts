/**
 * `<svc>/pages.js` + `.d.ts`: a paginator per action whose spec has a `paging` key (runtime/paginate.ts
 * does the work). For `DescribeInstances` with
 * `paging: { style: offset, offset: Offset, limit: Limit, items: InstanceSet, total: TotalCount }`:
 *
 * ```js
 * import { paginate } from "../runtime/internal.js";
 * import { a$DescribeInstances } from "./actions.js";
 * export function paginateDescribeInstances(client, request, options) {
 *   return paginate(client, a$DescribeInstances, request, { style: "offset", offset: "Offset", limit: "Limit", items: "InstanceSet", total: "TotalCount" }, options);
 * }
 * ```
 * ```ts
 * export declare function paginateDescribeInstances(client: ServiceClient<"cvm/2017-03-12">, request?: DescribeInstancesRequest,
 *   options?: PageOptions): Paginator<DescribeInstancesResponse, NonNullable<DescribeInstancesResponse["InstanceSet"]>[number], DescribeInstancesCode>;
 * ```
 * A service without paged actions gets `export {};`.
 */
import { StructureKind, type FunctionDeclarationStructure } from "ts-morph";
import type { Action, Envelope, Paging, Service } from "../model/types.js";
import { shapeArg, shapeImport } from "./envelope-shape.js";
import { actionInfoName } from "./client.js";
import { jsDocText, stringLiteral, type ServiceNames } from "./names.js";
import type { ModulePair } from "./output.js";
import { printFile } from "./printer.js";

/** The runtime's `PagingInfo` literal: the style and its field names (undefined ones left out). */
function pagingLiteral(p: Paging): string {
  const entries = Object.entries(p).filter((e): e is [string, string] => e[1] !== undefined);
  return `{ ${entries.map(([k, v]) => `${k}: ${stringLiteral(v)}`).join(", ")} }`;
}

export function emitPages(service: Service, names: ServiceNames, root: string, envelope?: Envelope): ModulePair {
  const paged = service.actions.filter((a): a is Action & { paging: Paging } => a.paging !== undefined);
  if (paged.length === 0) return { js: printFile("pages.js", ["export {};"]), dts: printFile("pages.d.ts", ["export {};"]) };
  const js = [
    `import { paginate } from "${root}runtime/internal.js";`,
    `import { ${paged.map((a) => actionInfoName(service, a)).join(", ")} } from "./actions.js";`,
    ...paged.map(
      (a) =>
        `export function ${names.pagerName(a.name)}(client, request, options) { return paginate(client, ${actionInfoName(service, a)}, request, ${pagingLiteral(a.paging)}, options); }`,
    ),
  ];
  const fns: FunctionDeclarationStructure[] = paged.map((a) => {
    const response = names.responseName(a.name);
    return {
      kind: StructureKind.Function,
      name: names.pagerName(a.name),
      isExported: true,
      hasDeclareKeyword: true,
      docs: [`Every page of \`${jsDocText(a.name)}\` (paging: ${a.paging.style}), and with \`.items()\` every item of \`${jsDocText(a.paging.items)}\`.`],
      parameters: [
        { name: "client", type: `ServiceClient<${stringLiteral(`${service.name}/${service.version}`)}>` },
        { name: "request", type: names.requestName(a.name), hasQuestionToken: a.request.every((f) => f.optional) },
        { name: "options", type: "PageOptions", hasQuestionToken: true },
      ],
      returnType: `Paginator<${response}, NonNullable<${response}[${stringLiteral(a.paging.items)}]>[number], ${names.codeName(a.name)}${envelope === undefined ? "" : shapeArg(envelope)}>`,
    };
  });
  const dts = [
    `import type { PageOptions, Paginator, ServiceClient } from "${root}runtime/index.js";`,
    ...(envelope === undefined ? [] : shapeImport(envelope, root)),
    `import type { ${paged.flatMap((a) => [names.requestName(a.name), names.responseName(a.name)]).join(", ")} } from "./types.js";`,
    `import type { ${paged.map((a) => names.codeName(a.name)).join(", ")} } from "./errors.js";`,
    ...fns,
  ];
  return { js: printFile("pages.js", js), dts: printFile("pages.d.ts", dts) };
}
