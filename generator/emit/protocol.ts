/**
 * What the package's protocol changes in the emitted client modules (issue 15), as printer documents
 * the client emitter places (generator/emit/client.ts calls each from one line):
 *
 * - `defaultHost(service, model)` — the host a client sends to when `options.endpoint` does not say:
 *   `<service.host>.<envelope.hostSuffix>`, or `""` when the spec has no host suffix (the client then
 *   requires `endpoint`).
 * - `protocolProperty(file, model, root)` — the `protocol` property of `SERVICE` in `<svc>/client.js`,
 *   importing only the protocol the package uses (a non-Tencent bundle never holds the TC3 signer):
 *     protocol: tencentProtocol                              (from "../runtime/tencent.js")
 *     protocol: /* @__PURE__ *\/ httpProtocol({ auth: "bearer", endpoint: "/rpc", actionHeader: "X-Action" })
 *                                                            (from "../runtime/http.js")
 * - `routeProperty(action)` — none, or `http: ["GET", "/orders/{id}", ["id"]]` in the action's
 *   descriptor of `<svc>/actions.js`.
 * - `optionsType(file, model, root)` — the options type of `createClient`/`createBareClient` in
 *   `<svc>/client.d.ts`: `ClientOptions` (Tencent) or `HttpClientOptions<"none" | "bearer" | "api-key" | "function">`.
 */
import type { Action, Model, Service } from "../model/types.js";
import { stringLiteral } from "./names.js";
import { array, hugCall, object, prop, typeArgs, type Doc, type GeneratedFile } from "./printer.js";

export function defaultHost(service: Service, model: Model): string {
  const suffix = model.envelope.hostSuffix;
  return suffix === undefined ? "" : `${service.host}.${suffix}`;
}

export function protocolProperty(file: GeneratedFile, model: Model, root: string): Doc {
  const p = model.protocol;
  if (p.style === "tencent") return prop("protocol", file.import("tencentProtocol", `${root}runtime/tencent.js`));
  const httpProtocol = file.import("httpProtocol", `${root}runtime/http.js`);
  const settings: Doc[] = [prop("auth", stringLiteral(p.auth))];
  const add = (key: string, v: string | undefined) => {
    if (v !== undefined) settings.push(prop(key, stringLiteral(v)));
  };
  add("authHeader", p.authHeader);
  add("endpoint", p.endpoint);
  add("actionHeader", p.actionHeader);
  add("actionKey", p.actionKey);
  return prop("protocol", ["/* @__PURE__ */ ", hugCall(httpProtocol, object(settings))]);
}

export function routeProperty(action: Action): Doc[] {
  const r = action.http;
  if (r === undefined) return [];
  return [prop("http", array([stringLiteral(r.method), stringLiteral(r.path), array(r.params.map(stringLiteral))]))];
}

export function optionsType(file: GeneratedFile, model: Model, root: string): Doc {
  const p = model.protocol;
  if (p.style === "tencent") return file.importType("ClientOptions", `${root}runtime/index.js`);
  return typeArgs(file.importType("HttpClientOptions", `${root}runtime/index.js`), [stringLiteral(p.auth)]);
}
