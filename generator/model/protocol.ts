/**
 * The package file's `protocol` and the actions' `http` routes → the model's `Protocol` and
 * `Action.http`, with every check of a protocol that cannot work (located diagnostics, exit 2):
 * - an auth preset missing its settings (`api-key` without `header`), or one the style does not take
 *   (`tc3` is the `tencent` style's own; the `tencent` style signs with TC3 only);
 * - a one-endpoint setting that does not name the action (neither `action.header` nor `action.key`),
 *   or a body key naming the action that is also a request field of an action sent there;
 * - a route whose path parameter is not a required scalar request field, or whose path is written twice
 *   with the same parameter;
 * - two actions of a service on the same method and path (parameter names aside);
 * - an `http` route under the `tencent` style; an `http`-style action with no route and no endpoint.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { DocPath, SpecDocument } from "../load/document.js";
import type { Action, Field, HttpRoute, Protocol, Service, SourceLocation } from "./types.js";

/** The package file's `protocol`, as the schema accepts it. */
export interface RawProtocol {
  readonly style: "tencent" | "http";
  readonly auth?: { readonly preset: "none" | "bearer" | "api-key" | "function" | "tc3"; readonly header?: string };
  readonly endpoint?: string;
  readonly action?: { readonly header?: string; readonly key?: string };
}

const ROUTE = /^(GET|POST|PUT|PATCH|DELETE|HEAD) (\/[^\s?#]*)$/;
const PARAM = /\{([^{}/]+)\}/g;

/** The model's protocol (undefined after a diagnostic); absent in the spec: Tencent's. */
export function buildProtocol(doc: SpecDocument, raw: RawProtocol | undefined, diags: Diagnostic[]): Protocol | undefined {
  if (raw === undefined) return { style: "tencent" };
  const before = diags.length;
  const report = (path: DocPath, message: string) => diags.push(doc.diagnostic(["protocol", ...path], message));
  const preset = raw.auth?.preset ?? (raw.style === "tencent" ? "tc3" : "none");
  if (raw.style === "tencent") {
    if (preset !== "tc3") report(["auth", "preset"], `the tencent style signs with tc3: auth preset ${preset} needs style: http`);
    if (raw.endpoint !== undefined || raw.action !== undefined) report([raw.endpoint !== undefined ? "endpoint" : "action"], "the tencent style has one endpoint already: endpoint and action need style: http");
    return diags.length > before ? undefined : { style: "tencent" };
  }
  if (preset === "tc3") report(["auth", "preset"], "auth preset tc3 is the tencent style's: use style: tencent, or sign with auth preset function");
  if (preset === "api-key" && raw.auth?.header === undefined) report(["auth"], "auth preset api-key needs its settings: header (the header carrying the key, e.g. X-Api-Key)");
  if (preset !== "api-key" && raw.auth?.header !== undefined) report(["auth", "header"], `auth preset ${preset} takes no header (only api-key does)`);
  if (raw.endpoint !== undefined && raw.action?.header === undefined && raw.action?.key === undefined) {
    report(["endpoint"], "one endpoint needs the action named: set action.header or action.key");
  }
  if (raw.action !== undefined && raw.endpoint === undefined) report(["action"], "action names the action at one endpoint: set endpoint (e.g. /rpc) too");
  if (diags.length > before || preset === "tc3") return undefined;
  return {
    style: "http",
    auth: preset,
    authHeader: raw.auth?.header,
    endpoint: raw.endpoint,
    actionHeader: raw.action?.header,
    actionKey: raw.action?.key,
  };
}

function scalar(f: Field): boolean {
  return f.type.kind === "enum" || (f.type.kind === "primitive" && f.type.name !== "json");
}

/** An action's `http` route, checked against its request fields (undefined after a diagnostic). */
export function buildRoute(doc: SpecDocument, path: DocPath, text: string, request: readonly Field[], diags: Diagnostic[]): HttpRoute | undefined {
  const m = ROUTE.exec(text);
  if (!m) {
    diags.push(doc.diagnostic(path, `invalid route ${JSON.stringify(text)}: write "<METHOD> /path/{field}" with GET, POST, PUT, PATCH, DELETE or HEAD`, "value"));
    return undefined;
  }
  const params: string[] = [];
  let ok = true;
  for (const p of m[2]!.matchAll(PARAM)) {
    const name = p[1]!;
    const f = request.find((x) => x.name === name);
    if (params.includes(name)) {
      diags.push(doc.diagnostic(path, `path parameter {${name}} is written twice`, "value"));
      ok = false;
    } else if (f === undefined || f.optional || f.nullable || !scalar(f)) {
      const why = f === undefined ? "is not a request field" : "must be a required, non-null request field of a scalar type";
      diags.push(doc.diagnostic(path, `path parameter {${name}} ${why}`, "value"));
      ok = false;
    }
    params.push(name);
  }
  return ok ? { method: m[1]!, path: m[2]!, params, loc: doc.location(path, "value") } : undefined;
}

/** Checks across the actions of each service (see the module comment). */
export function checkRoutes(protocol: Protocol, services: readonly Service[], diags: Diagnostic[], routeWritten: (s: Service, a: Action) => boolean): void {
  const at = (a: Action, message: string, l: SourceLocation = a.loc): Diagnostic => ({ file: l.file, line: l.line, col: l.col, message, path: `actions.${a.name}` });
  for (const s of services) {
    const seen = new Map<string, Action>();
    for (const a of s.actions) {
      if (protocol.style === "tencent") {
        if (a.http !== undefined) diags.push(at(a, `action ${a.name} has an http route: routes need protocol style http`));
        continue;
      }
      if (a.http === undefined) {
        if (routeWritten(s, a)) continue; // its route has a diagnostic already
        if (protocol.endpoint === undefined) diags.push(at(a, `action ${a.name} has no http route and the protocol has no endpoint: add http: "<METHOD> /path" or protocol.endpoint`));
        else if (protocol.actionKey !== undefined && a.request.some((f) => f.name === protocol.actionKey)) {
          diags.push(at(a, `request field ${JSON.stringify(protocol.actionKey)} of ${a.name} is the body key naming the action (protocol.action.key)`));
        }
        continue;
      }
      const key = `${a.http.method} ${a.http.path.replace(PARAM, "{}")}`;
      const first = seen.get(key);
      if (first !== undefined) {
        const l = first.http!.loc;
        diags.push({ ...at(a, `actions ${first.name} and ${a.name} are both on ${a.http.method} ${a.http.path}`, a.http.loc), related: { label: "first on it at", file: l.file, line: l.line, col: l.col } });
      } else seen.set(key, a);
    }
  }
}
