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
 * (`Paginator<…, DescribeInstancesCode, Shape>` when the envelope's shape is not the default: envelope-shape.ts.)
 * A service without paged actions gets `export {};`.
 */
import type { Action, Envelope, Paging, Service } from "../model/types.js";
import { actionInfoName } from "./client.js";
import { shapeArgs } from "./envelope-shape.js";
import { jsDocText, stringLiteral, type ServiceNames } from "./names.js";
import type { ModulePair } from "./output.js";
import { block, call, functionHead, GeneratedFile, prop, jsDoc, object, signature, typeArgs, type Doc } from "./printer.js";

/** The runtime's `PagingInfo` literal: the style and its field names (undefined ones left out). */
function pagingLiteral(p: Paging): Doc {
  const entries = Object.entries(p).filter((e): e is [string, string] => e[1] !== undefined);
  return object(entries.map(([k, v]) => prop(k, stringLiteral(v))));
}

export function emitPages(service: Service, names: ServiceNames, root: string, envelope: Envelope): ModulePair {
  const paged = service.actions.filter((a): a is Action & { paging: Paging } => a.paging !== undefined);
  const js = new GeneratedFile();
  const dts = new GeneratedFile();
  dts.reserve(...paged.map((a) => names.pagerName(a.name)));
  for (const a of paged) {
    const paginate = js.import("paginate", `${root}runtime/internal.js`);
    const info = js.import(actionInfoName(service, a), "./actions.js");
    js.print(
      block(functionHead(`export function ${names.pagerName(a.name)}`, ["client", "request", "options"]), [
        ["return ", call(paginate, ["client", info, "request", pagingLiteral(a.paging), "options"]), ";"],
      ]),
    );
    const rt = `${root}runtime/index.js`;
    const response = dts.importType(names.responseName(a.name), "./types.js");
    const request = dts.importType(names.requestName(a.name), "./types.js");
    const code = dts.importType(names.codeName(a.name), "./errors.js");
    const optional = a.request.every((f) => f.optional) ? "?" : "";
    dts.print(
      jsDoc([
        `Every page of \`${jsDocText(a.name)}\` (paging: ${a.paging.style}), and with \`.items()\` every item of \`${jsDocText(a.paging.items)}\`.`,
      ]),
    );
    dts.print(
      `export declare function ${names.pagerName(a.name)}`,
      signature(
        [
          ["client: ", typeArgs(dts.importType("ServiceClient", rt), [stringLiteral(`${service.name}/${service.version}`)])],
          `request${optional}: ${request}`,
          `options?: ${dts.importType("PageOptions", rt)}`,
        ],
        typeArgs(dts.importType("Paginator", rt), [
          response,
          [typeArgs("NonNullable", [`${response}[${stringLiteral(a.paging.items)}]`]), "[number]"],
          code,
          ...shapeArgs(dts, envelope, root),
        ]),
      ),
      ";",
    );
  }
  return { js: js.toString(), dts: dts.toString() };
}
