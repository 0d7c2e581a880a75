/**
 * The semantic pass: structurally valid documents → one resolved, sorted, deep-frozen Model, or
 * every semantic problem at once (located, sorted). Collections keyed by spec names are `Map`s, so
 * names such as `__proto__` or `constructor` are plain data here.
 */
import { sortDiagnostics, type Diagnostic, type RelatedLocation } from "../diagnostics.js";
import type { DocPath, SpecDocument } from "../load/document.js";
import { TYPE_EXPRESSION_RULE } from "../load/messages.js";
import { LazyLocation } from "../load/location.js";
import { SuggestionBudget } from "../load/suggest.js";
import { applyOverlays, type OverlayContext } from "../overlay/apply.js";
import type { RawOverlayFile } from "../overlay/raw.js";
import { codeFamily } from "./codes.js";
import { buildEnvelope, isNumericCode, successCodesOf } from "./envelope.js";
import { buildProtocol, buildRoute, checkRoutes } from "./protocol.js";
import { deepFreeze } from "./freeze.js";
import { byCode, byName, byNameVersion, sortedUnique } from "./order.js";
import { own, ownKeys, type RawAction, type RawCode, type RawField, type RawMap, type RawPackageFile, type RawServiceFile, type RawType } from "./raw.js";
import { checkPaging } from "./paging.js";
import { parseTypeExpr } from "./type-expr.js";
import {
  PRIMITIVE_NAMES,
  type Action,
  type Envelope,
  type ErrorCode,
  type Field,
  type Int64Mode,
  type Model,
  type NamedType,
  type Protocol,
  type Service,
  type SourceLocation,
  type TypeRef,
} from "./types.js";

export type BuildResult =
  | { readonly ok: true; readonly model: Model }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** "first defined at <loc>", kept apart from the message so it is shown relative to the same base as the main location. */
const at = (l: SourceLocation, label = "first defined at"): RelatedLocation => ({ label, file: l.file, line: l.line, col: l.col });

/** A named thing and where it was declared. */
interface Declared<T> {
  readonly name: string;
  readonly raw: T;
  readonly doc: SpecDocument;
  readonly path: DocPath;
  readonly loc: SourceLocation;
}

/**
 * One scope of names (types, actions or codes of a service): exact duplicates, and case-only clashes
 * where the names become identifiers or file names (types, actions). Codes are only ever string
 * literals in the output, so codes that differ only by case are distinct codes.
 */
class Scope<T> {
  readonly byName = new Map<string, Declared<T>>();
  private readonly byLower = new Map<string, Declared<unknown>>();
  constructor(
    private readonly what: string,
    private readonly diags: Diagnostic[],
    /** Names visible in this scope that are declared elsewhere (common codes for service codes). */
    private readonly outer?: Scope<unknown>,
    private readonly caseSensitive = false,
  ) {}

  /** Add a declaration; false (and a diagnostic) when it clashes. */
  add(d: Declared<T>): boolean {
    const outerSame = this.outer?.byName.get(d.name);
    if (outerSame) {
      this.report(d, `${this.what} ${JSON.stringify(d.name)} is already a common code`, at(outerSame.loc));
      return false;
    }
    const same = this.byName.get(d.name);
    if (same) {
      this.report(d, `duplicate ${this.what} ${JSON.stringify(d.name)}`, at(same.loc));
      return false;
    }
    const lower = d.name.toLowerCase();
    const other = this.caseSensitive ? undefined : (this.byLower.get(lower) ?? this.outer?.byLower.get(lower));
    if (other) {
      this.report(d, `${this.what} ${JSON.stringify(d.name)} differs only by case from ${JSON.stringify(other.name)}`, at(other.loc));
      return false;
    }
    this.byName.set(d.name, d);
    this.byLower.set(lower, d);
    return true;
  }

  private report(d: Declared<T>, message: string, related: RelatedLocation): void {
    this.diags.push({ ...d.doc.diagnostic(d.path, message), related });
  }
}

function declare<T>(doc: SpecDocument, path: DocPath, name: string, raw: T): Declared<T> {
  const full = [...path, name];
  return { name, raw, doc, path: full, loc: new LazyLocation(doc, full) };
}

function errorCode(d: Declared<RawCode>, scope: ErrorCode["scope"]): ErrorCode {
  return {
    code: d.name,
    family: codeFamily(d.name),
    description: d.raw.description,
    retry: d.raw.retry ?? "never",
    deprecated: d.raw.deprecated ?? false,
    scope,
    loc: d.loc,
  };
}

class Builder {
  readonly diags: Diagnostic[] = [];
  private readonly suggest = new SuggestionBudget();
  /** The package's `int64` mode (fields without their own `int64` key get it). */
  private int64Default: Int64Mode = "number";
  /** The envelope's code type (codes of a `number` envelope must be integers). */
  private codeType: "string" | "number" = "string";
  /** Actions whose spec writes an `http` route (valid or not), as `<service> <version>\0<action>`. */
  private readonly routeWritten = new Set<string>();

  build(docs: readonly SpecDocument[]): BuildResult {
    const packages = docs.filter((d) => d.kind === "package");
    const first = packages[0];
    for (const extra of packages.slice(1)) {
      this.diags.push(
        { ...extra.diagnostic(["package"], "a second package file: exactly one is allowed"), related: at(first!.location(["package"])) },
      );
    }
    if (!first) {
      this.diags.push({ file: ".", line: 0, col: 0, path: "", message: 'no package file: exactly one spec file needs a top-level "package" key' });
    }
    const raw = first?.data as RawPackageFile | undefined;
    const successCodes = raw ? successCodesOf(raw.envelope) : [];
    const common = new Scope<RawCode>("error code", this.diags, undefined, true);
    let envelope: Envelope | undefined;
    let protocol: Protocol | undefined;
    if (first && raw) {
      protocol = buildProtocol(first, raw.protocol, this.diags);
      this.codeType = raw.envelope.codes ?? "string";
      envelope = buildEnvelope(first, raw.envelope, (doc, path, name, spec) => this.field(doc, path, name, spec, new Map()), this.diags);
      for (const code of ownKeys(raw.commonErrors)) {
        const d = declare(first, ["commonErrors"], code, own(raw.commonErrors, code)!);
        if (common.add(d)) this.checkNotSuccess(d, successCodes);
      }
    }
    const commonErrors = [...common.byName.values()].map((d) => errorCode(d, "common")).sort(byCode);

    const groups = new Map<string, SpecDocument[]>();
    for (const doc of docs) {
      if (doc.kind !== "service") continue;
      const s = (doc.data as RawServiceFile).service;
      const key = `${s.name}\u0000${s.version}`;
      const list = groups.get(key);
      if (list) list.push(doc);
      else groups.set(key, [doc]);
    }
    this.int64Default = raw?.package.int64 ?? "number";
    const overlays = overlaysByService(docs, groups, this.diags);
    const context: OverlayContext = {
      diags: this.diags,
      common: new Map(commonErrors.map((c) => [c.code, c])),
      field: (doc, path, name, raw, types) => this.field(doc, path, name, raw, types),
    };
    const services = [...groups.entries()]
      .map(([key, g]) => applyOverlays(this.service(g, common, commonErrors, successCodes), overlays.get(key) ?? [], context))
      .sort(byNameVersion);

    if (protocol) checkRoutes(protocol, services, this.diags, (s, a) => this.routeWritten.has(`${s.name} ${s.version}\u0000${a.name}`));
    if (this.diags.length > 0 || !raw || !envelope || !protocol) return { ok: false, diagnostics: sortDiagnostics(this.diags) };
    const model: Model = {
      specVersion: 1,
      package: { name: raw.package.name, version: raw.package.version, description: raw.package.description, docsBaseUrl: raw.package.docsBaseUrl },
      envelope,
      protocol,
      commonErrors,
      services,
    };
    return { ok: true, model: deepFreeze(model) };
  }

  private checkNotSuccess(d: Declared<RawCode>, successCodes: readonly string[]): void {
    if (this.codeType === "number" && !isNumericCode(d.name)) {
      this.diags.push(d.doc.diagnostic(d.path, `error code ${JSON.stringify(d.name)} is not an integer: the envelope's codes are numbers`));
    } else if (successCodes.includes(d.name)) {
      this.diags.push(d.doc.diagnostic(d.path, `error code ${JSON.stringify(d.name)} is one of the envelope's successCodes`));
    }
  }

  private service(
    docs: readonly SpecDocument[],
    common: Scope<RawCode>,
    commonErrors: readonly ErrorCode[],
    successCodes: readonly string[],
  ): Service {
    const head = (docs[0]!.data as RawServiceFile).service;
    const label = `${head.name} ${head.version}`;
    const codes = new Scope<RawCode>("error code", this.diags, common, true);
    const types = new Scope<RawType>("type", this.diags);
    const actions = new Scope<RawAction>("action", this.diags);
    let host: { value: string; loc: SourceLocation } | undefined;
    let description: { value: string; loc: SourceLocation } | undefined;
    for (const doc of docs) {
      const raw = doc.data as RawServiceFile;
      for (const key of ["host", "description"] as const) {
        const value = raw.service[key];
        if (value === undefined) continue;
        const loc = new LazyLocation(doc, ["service", key]);
        const prev = key === "host" ? host : description;
        if (prev) {
          this.diags.push({ ...doc.diagnostic(["service", key], `${key} of service ${label} is already set`), related: at(prev.loc, "first set at") });
        } else if (key === "host") host = { value, loc };
        else description = { value, loc };
      }
      for (const code of ownKeys(raw.errors)) {
        const d = declare(doc, ["errors"], code, own(raw.errors, code)!);
        if (codes.add(d)) this.checkNotSuccess(d, successCodes);
      }
      for (const name of ownKeys(raw.types)) {
        const d = declare(doc, ["types"], name, own(raw.types, name)!);
        if ((PRIMITIVE_NAMES as readonly string[]).includes(name)) {
          this.diags.push(doc.diagnostic(d.path, `type name "${name}" is taken by a primitive type`));
          continue;
        }
        types.add(d);
      }
      for (const name of ownKeys(raw.actions)) actions.add(declare(doc, ["actions"], name, own(raw.actions, name)!));
    }

    const serviceErrors = new Map<string, ErrorCode>();
    for (const d of codes.byName.values()) serviceErrors.set(d.name, errorCode(d, "service"));
    const commonByCode = new Map(commonErrors.map((c) => [c.code, c]));

    const namedTypes: NamedType[] = [...types.byName.values()].map((d) => ({
      name: d.name,
      description: d.raw.description,
      deprecated: d.raw.deprecated ?? false,
      fields: this.fields(d.doc, [...d.path, "fields"], d.raw.fields, types.byName),
      loc: d.loc,
    }));

    const actionList: Action[] = [...actions.byName.values()].map((d) => {
      const own = this.actionCodes(d, serviceErrors, commonByCode);
      const all = new Map<string, ErrorCode>(commonByCode);
      for (const c of own) {
        const found = serviceErrors.get(c) ?? commonByCode.get(c);
        if (found) all.set(c, found);
      }
      const request = this.fields(d.doc, [...d.path, "request"], d.raw.request, types.byName);
      if (d.raw.http !== undefined) this.routeWritten.add(`${label}\u0000${d.name}`);
      const http = d.raw.http === undefined ? undefined : buildRoute(d.doc, [...d.path, "http"], d.raw.http, request, this.diags);
      return {
        name: d.name,
        description: d.raw.description,
        deprecated: d.raw.deprecated ?? false,
        request,
        response: this.fields(d.doc, [...d.path, "response"], d.raw.response, types.byName),
        ownErrors: sortedUnique(own),
        errors: [...all.values()].sort(byCode),
        ...(d.raw.paging === undefined ? {} : { paging: checkPaging(d.raw.paging, d.doc, [...d.path, "paging"], d.raw, this.diags) }),
        ...(http === undefined ? {} : { http }),
        loc: d.loc,
      };
    });

    return {
      name: head.name,
      version: head.version,
      host: host?.value ?? head.name,
      description: description?.value,
      errors: [...serviceErrors.values()].sort(byCode),
      types: namedTypes.sort(byName),
      actions: actionList.sort(byName),
      loc: new LazyLocation(docs[0]!, ["service"]),
    };
  }

  /** The action's listed codes (checked: known, not listed twice). */
  private actionCodes(d: Declared<RawAction>, service: ReadonlyMap<string, ErrorCode>, common: ReadonlyMap<string, ErrorCode>): string[] {
    // (an integer item is a numeric envelope's code: its decimal text, as the code's key)
    const listed = (d.raw.errors ?? []).map((c) => String(c));
    const firstAt = new Map<string, number>();
    listed.forEach((code, i) => {
      const path = [...d.path, "errors", i];
      const prev = firstAt.get(code);
      if (prev !== undefined) {
        const loc = d.doc.location([...d.path, "errors", prev], "value");
        this.diags.push({ ...d.doc.diagnostic(path, `error code ${JSON.stringify(code)} is listed twice`, "value"), related: at(loc, "first listed at") });
        return;
      }
      firstAt.set(code, i);
      if (!service.has(code) && !common.has(code)) {
        const hint = this.suggest.hint(d.doc.file, code, () => [...service.keys(), ...common.keys()]);
        this.diags.push(
          d.doc.diagnostic(path, `unknown error code ${JSON.stringify(code)}: define it in the service's errors or in commonErrors${hint}`, "value"),
        );
      }
    });
    return [...firstAt.keys()];
  }

  /** Fields of one object, in declaration (source) order. */
  private fields(doc: SpecDocument, path: DocPath, raw: RawMap<RawField> | undefined, types: ReadonlyMap<string, unknown>): Field[] {
    if (!raw) return [];
    const out: Field[] = [];
    for (const name of doc.keysInOrder(path)) {
      const spec = own(raw, name);
      if (spec === undefined) continue;
      const field = this.field(doc, [...path, name], name, spec, types);
      if (field) out.push(field);
    }
    return out;
  }

  /** One field written at `fieldPath` (undefined after a diagnostic). */
  field(doc: SpecDocument, fieldPath: DocPath, name: string, spec: RawField, types: ReadonlyMap<string, unknown>): Field | undefined {
    const obj = typeof spec === "string" ? undefined : spec;
    const expr = obj ? obj.type : (spec as string);
    const exprPath = obj ? [...fieldPath, "type"] : fieldPath;
    const type = this.typeRef(doc, exprPath, expr, obj?.enum, fieldPath, types, obj?.open);
    if (!type) return undefined;
    return {
      name,
      type,
      optional: obj?.optional ?? false,
      nullable: obj?.nullable ?? false,
      deprecated: obj?.deprecated ?? false,
      description: obj?.description,
      example: obj?.example,
      int64: obj?.int64 ?? this.int64Default,
      loc: new LazyLocation(doc, fieldPath),
    };
  }

  private typeRef(
    doc: SpecDocument,
    exprPath: DocPath,
    expr: string,
    enumValues: readonly string[] | undefined,
    fieldPath: DocPath,
    types: ReadonlyMap<string, unknown>,
    open?: boolean,
  ): TypeRef | undefined {
    const parsed = parseTypeExpr(expr);
    if (!parsed) {
      this.diags.push(doc.diagnostic(exprPath, `invalid type expression ${JSON.stringify(expr)}: ${TYPE_EXPRESSION_RULE}`, "value"));
      return undefined;
    }
    let inner: TypeRef;
    if (parsed.primitive) inner = { kind: "primitive", name: parsed.primitive };
    else if (types.has(parsed.base)) inner = { kind: "ref", name: parsed.base };
    else {
      const hint = this.suggest.hint(doc.file, parsed.base, () => [...types.keys(), ...PRIMITIVE_NAMES]);
      this.diags.push(doc.diagnostic(exprPath, `unknown type "${parsed.base}"${hint}`, "value"));
      return undefined;
    }
    if (open !== undefined && !enumValues) {
      this.diags.push(doc.diagnostic([...fieldPath, "open"], "open needs enum: it says whether values beyond the enum's are accepted"));
      return undefined;
    }
    if (enumValues) {
      if (parsed.primitive !== "string") {
        this.diags.push(doc.diagnostic([...fieldPath, "enum"], `enum needs type string or a list of strings, found ${JSON.stringify(expr)}`));
        return undefined;
      }
      inner = { kind: "enum", values: sortedUnique(enumValues), open: open ?? false };
    }
    let ref: TypeRef = inner;
    for (let i = 0; i < parsed.listDepth; i++) ref = { kind: "list", items: ref };
    return ref;
  }
}

/**
 * Overlay documents by service key (`name\0version`), in path order; an overlay of a service version
 * that no service file defines is a diagnostic.
 */
function overlaysByService(docs: readonly SpecDocument[], services: ReadonlyMap<string, unknown>, diags: Diagnostic[]): Map<string, SpecDocument[]> {
  const out = new Map<string, SpecDocument[]>();
  for (const doc of docs) {
    if (doc.kind !== "overlay") continue;
    const { service, version } = (doc.data as RawOverlayFile).overlay;
    const key = `${service}\u0000${version}`;
    if (!services.has(key)) {
      diags.push(doc.diagnostic(["overlay"], `stale overlay: no service file defines service ${service} version ${version}`));
      continue;
    }
    const list = out.get(key);
    if (list) list.push(doc);
    else out.set(key, [doc]);
  }
  return out;
}

/** Merge and resolve structurally valid documents (sorted by path) into the model. */
export function buildModel(docs: readonly SpecDocument[]): BuildResult {
  return new Builder().build(docs);
}
