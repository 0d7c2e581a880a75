/**
 * What the package's protocol changes in the emitted client modules (issue 15), as small texts the
 * client emitter places (generator/emit/client.ts calls each from one line):
 *
 * - `defaultHost(service, model)` — the host a client sends to when `options.endpoint` does not say:
 *   `<service.host>.<envelope.hostSuffix>`, or `""` when the spec has no host suffix (the client then
 *   requires `endpoint`).
 * - `protocolImport(model, root)` / `protocolValue(model)` — the import of `<svc>/client.js` and the
 *   `protocol` property of its `SERVICE`:
 *     import { tencentProtocol } from "../runtime/tencent.js";            protocol: tencentProtocol
 *     import { httpProtocol } from "../runtime/http.js";
 *       protocol: /* @__PURE__ *\/ httpProtocol({ auth: "bearer", endpoint: "/rpc", actionHeader: "X-Action" })
 *   Only the protocol a package uses is imported: a non-Tencent bundle never holds the TC3 signer.
 * - `routeProperty(action)` — `""` or `, http: ["GET", "/orders/{id}", ["id"]]` in the action's
 *   descriptor of `<svc>/actions.js`.
 * - `optionsType(model)` — the options type of `createClient`/`createBareClient` in `<svc>/client.d.ts`:
 *   `ClientOptions` (Tencent) or `HttpClientOptions<"none" | "bearer" | "api-key" | "function">`.
 */
import type { Action, Model, Service } from "../model/types.js";
import { stringLiteral } from "./names.js";

export function defaultHost(service: Service, model: Model): string {
  const suffix = model.envelope.hostSuffix;
  return suffix === undefined ? "" : `${service.host}.${suffix}`;
}

export function protocolImport(model: Model, root: string): string {
  return model.protocol.style === "tencent"
    ? `import { tencentProtocol } from "${root}runtime/tencent.js";`
    : `import { httpProtocol } from "${root}runtime/http.js";`;
}

export function protocolValue(model: Model): string {
  const p = model.protocol;
  if (p.style === "tencent") return "protocol: tencentProtocol";
  const settings = [`auth: ${stringLiteral(p.auth)}`];
  const add = (key: string, v: string | undefined) => {
    if (v !== undefined) settings.push(`${key}: ${stringLiteral(v)}`);
  };
  add("authHeader", p.authHeader);
  add("endpoint", p.endpoint);
  add("actionHeader", p.actionHeader);
  add("actionKey", p.actionKey);
  return `protocol: /* @__PURE__ */ httpProtocol({ ${settings.join(", ")} })`;
}

export function routeProperty(action: Action): string {
  const r = action.http;
  if (r === undefined) return "";
  return `, http: [${stringLiteral(r.method)}, ${stringLiteral(r.path)}, [${r.params.map(stringLiteral).join(", ")}]]`;
}

export function optionsType(model: Model): { readonly name: string; readonly text: string } {
  const p = model.protocol;
  return p.style === "tencent" ? { name: "ClientOptions", text: "ClientOptions" } : { name: "HttpClientOptions", text: `HttpClientOptions<${stringLiteral(p.auth)}>` };
}
