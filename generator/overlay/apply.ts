/**
 * Applying overlay files to a service of the model (called by the model builder, before the model is
 * frozen, so every emitter and `tcgen diff` sees the patched model). Overlays apply one file after the
 * other in the code-unit order of their paths; inside a file: `errors`, then `types`, then `actions`,
 * each in source order. What an overlay can do (docs/spec-format.md §11):
 *
 * - `errors`: define new service codes (a code already defined is an error);
 * - `types.<T>` / `actions.<A>`: replace `description`, set `deprecated`;
 * - `types.<T>.fields.<F>`, `actions.<A>.request.<F>`, `actions.<A>.response.<F>`: set `optional`,
 *   `nullable`, `deprecated`, `description`, `example`; extend an enum (`enum: { add: [...] }`); add a new
 *   field (`add: <field>`, alone; it goes last) or remove one (`remove: true`, alone);
 * - `actions.<A>.errors`: `add` codes (already listed is fine) or `remove` listed service codes.
 *
 * Every target must exist: a stale overlay (say, after a re-import renamed a field) is a located error
 * naming the target. Two overlays that set one attribute to different values are an error naming both.
 */
import type { Diagnostic, RelatedLocation } from "../diagnostics.js";
import type { DocPath, SpecDocument } from "../load/document.js";
import { LazyLocation } from "../load/location.js";
import { SuggestionBudget } from "../load/suggest.js";
import { codeFamily } from "../model/codes.js";
import { byCode, byName, sortedUnique } from "../model/order.js";
import { own, ownKeys, type RawField, type RawMap } from "../model/raw.js";
import type { Action, ErrorCode, Field, NamedType, Service, SourceLocation, TypeRef } from "../model/types.js";
import { FIELD_SETTINGS, type RawFieldPatch, type RawOverlayFile } from "./raw.js";

export interface OverlayContext {
  readonly diags: Diagnostic[];
  /** The common codes, by code. */
  readonly common: ReadonlyMap<string, ErrorCode>;
  /** Build one field from its raw spec at `path` of `doc`, resolving types among `typeNames` (undefined after a diagnostic). */
  readonly field: (doc: SpecDocument, path: DocPath, name: string, raw: RawField, typeNames: ReadonlyMap<string, unknown>) => Field | undefined;
}

/** A related location: printed by the reporter relative to the same folder as the main one. */
const at = (l: SourceLocation, label: string): RelatedLocation => ({ label, file: l.file, line: l.line, col: l.col });

interface WorkAction {
  action: Action;
  /** Fields by wire name, in order (a Map keeps insertion order: an added field goes last). */
  readonly request: Map<string, Field>;
  readonly response: Map<string, Field>;
  readonly own: Set<string>;
}

/** The service with every overlay of `overlays` (documents of kind "overlay" for this service) applied. */
export function applyOverlays(service: Service, overlays: readonly SpecDocument[], ctx: OverlayContext): Service {
  if (overlays.length === 0) return service;
  return new Application(service, ctx).run(overlays);
}

class Application {
  private readonly label: string;
  /** did-you-mean for the first few unknown names per file only (bounded cost on hostile overlays). */
  private readonly suggest = new SuggestionBudget();
  private readonly codes: Map<string, ErrorCode>;
  private readonly types: Map<string, { type: NamedType; readonly fields: Map<string, Field> }>;
  private readonly actions: Map<string, WorkAction>;
  /** Attribute settings so far (target + attribute → value and where it was set), to find conflicts. */
  private readonly settings = new Map<string, { readonly value: unknown; readonly loc: SourceLocation }>();

  constructor(
    private readonly service: Service,
    private readonly ctx: OverlayContext,
  ) {
    this.label = `${service.name} ${service.version}`;
    this.codes = new Map(service.errors.map((e) => [e.code, e]));
    this.types = new Map(service.types.map((t) => [t.name, { type: t, fields: byWireName(t.fields) }]));
    this.actions = new Map(
      service.actions.map((a) => [a.name, { action: a, request: byWireName(a.request), response: byWireName(a.response), own: new Set(a.ownErrors) }]),
    );
  }

  run(overlays: readonly SpecDocument[]): Service {
    for (const doc of overlays) this.overlay(doc);
    const actions = [...this.actions.values()].map((w): Action => {
      const all = new Map<string, ErrorCode>(this.ctx.common);
      for (const c of w.own) {
        const found = this.codes.get(c) ?? this.ctx.common.get(c);
        if (found) all.set(c, found);
      }
      return { ...w.action, request: [...w.request.values()], response: [...w.response.values()], ownErrors: sortedUnique(w.own), errors: [...all.values()].sort(byCode) };
    });
    return {
      ...this.service,
      errors: [...this.codes.values()].sort(byCode),
      types: [...this.types.values()].map((w) => ({ ...w.type, fields: [...w.fields.values()] })).sort(byName),
      actions: actions.sort(byName),
    };
  }

  private report(doc: SpecDocument, path: DocPath, message: string, related?: RelatedLocation, anchor: "key" | "value" = "key"): void {
    const d = doc.diagnostic(path, message, anchor);
    this.ctx.diags.push(related === undefined ? d : { ...d, related });
  }

  private overlay(doc: SpecDocument): void {
    const raw = doc.data as RawOverlayFile;
    for (const code of ownKeys(raw.errors)) {
      const entry = own(raw.errors, code)!;
      const path = ["errors", code];
      const common = this.ctx.common.get(code);
      const defined = this.codes.get(code);
      if (common) this.report(doc, path, `error code ${JSON.stringify(code)} is already a common code`, at(common.loc, "defined at"));
      else if (defined) this.report(doc, path, `error code ${JSON.stringify(code)} is already defined in ${this.label}: remove it from the overlay`, at(defined.loc, "defined at"));
      else {
        this.codes.set(code, {
          code,
          family: codeFamily(code),
          description: entry.description,
          retry: entry.retry ?? "never",
          deprecated: entry.deprecated ?? false,
          scope: "service",
          loc: new LazyLocation(doc, path),
        });
      }
    }
    this.each(doc, "types", raw.types, this.types, (name, patch, work, path) => {
      work.type = this.header(doc, path, `type ${JSON.stringify(name)}`, patch, work.type);
      if (patch.fields) this.fields(doc, [...path, "fields"], patch.fields, work.fields, `of type ${JSON.stringify(name)}`);
    });
    this.each(doc, "actions", raw.actions, this.actions, (name, patch, work, path) => {
      work.action = this.header(doc, path, `action ${JSON.stringify(name)}`, patch, work.action);
      if (patch.request) this.fields(doc, [...path, "request"], patch.request, work.request, `of the request of action ${JSON.stringify(name)}`);
      if (patch.response) this.fields(doc, [...path, "response"], patch.response, work.response, `of the response of action ${JSON.stringify(name)}`);
      if (patch.errors) this.errors(doc, [...path, "errors"], patch.errors, work, name);
    });
  }

  /** Each patch of `section` (in source order) with the thing it targets; a stale target is a diagnostic. */
  private each<P, W>(doc: SpecDocument, section: "types" | "actions", patches: RawMap<P> | undefined, targets: ReadonlyMap<string, W>, apply: (name: string, patch: P, work: W, path: DocPath) => void): void {
    for (const name of doc.keysInOrder([section])) {
      const patch = own(patches, name);
      if (patch === undefined) continue;
      const work = targets.get(name);
      const what = section === "types" ? "type" : "action";
      if (work === undefined) this.report(doc, [section, name], `stale overlay: ${what} ${JSON.stringify(name)} does not exist in ${this.label}${this.suggest.hint(doc.file, name, () => targets.keys())}`);
      else apply(name, patch, work, [section, name]);
    }
  }

  /** `value` with the patch's `description` and `deprecated` (a type's or an action's) applied. */
  private header<T extends NamedType | Action>(doc: SpecDocument, path: DocPath, target: string, patch: { readonly description?: string; readonly deprecated?: boolean }, value: T): T {
    let out = value;
    if (patch.description !== undefined && this.set(doc, [...path, "description"], target, "description", patch.description)) out = { ...out, description: patch.description };
    if (patch.deprecated !== undefined && this.set(doc, [...path, "deprecated"], target, "deprecated", patch.deprecated)) out = { ...out, deprecated: patch.deprecated };
    return out;
  }

  /**
   * Record that `target`'s `attribute` is set to `value` at `path`; false (and a diagnostic) when an
   * earlier overlay set it to another value.
   */
  private set(doc: SpecDocument, path: DocPath, target: string, attribute: string, value: unknown): boolean {
    const key = `${target}\u0000${attribute}`;
    const prev = this.settings.get(key);
    if (prev && prev.value !== value) {
      this.report(doc, path, `${attribute} of ${target} is set to ${JSON.stringify(value)} here, but to ${JSON.stringify(prev.value)} by another overlay`, at(prev.loc, "set at"));
      return false;
    }
    if (!prev) this.settings.set(key, { value, loc: new LazyLocation(doc, path) });
    return true;
  }

  private fields(doc: SpecDocument, path: DocPath, patches: RawMap<RawFieldPatch>, fields: Map<string, Field>, owner: string): void {
    for (const name of doc.keysInOrder(path)) {
      const patch = own(patches, name);
      if (patch === undefined) continue;
      const fieldPath = [...path, name];
      const existing = fields.get(name);
      const alone = Object.keys(patch).length === 1;
      const target = `field ${JSON.stringify(name)} ${owner}`;
      if (patch.add !== undefined) {
        if (!alone) this.report(doc, [...fieldPath, "add"], `"add" stands alone: a new field is written whole, as in a service file`);
        else if (existing) this.report(doc, fieldPath, `${target} already exists: patch it instead of adding it`, at(existing.loc, "defined at"));
        else {
          const field = this.ctx.field(doc, [...fieldPath, "add"], name, patch.add, this.types);
          if (field) fields.set(name, { ...field, loc: new LazyLocation(doc, fieldPath) });
        }
        continue;
      }
      if (!existing) {
        const hint = this.suggest.hint(doc.file, name, () => fields.keys());
        this.report(doc, fieldPath, `stale overlay: ${target} does not exist in ${this.label}${hint} (to add a field, write { add: <field> })`);
        continue;
      }
      if (patch.remove !== undefined) {
        if (!alone) this.report(doc, [...fieldPath, "remove"], `"remove" stands alone: it removes the whole field`);
        else fields.delete(name);
        continue;
      }
      let field = existing;
      for (const attribute of FIELD_SETTINGS) {
        const value = patch[attribute];
        if (value !== undefined && this.set(doc, [...fieldPath, attribute], target, attribute, value)) field = { ...field, [attribute]: value };
      }
      if (patch.enum) {
        const extended = extendEnum(field.type, patch.enum.add);
        if (extended) field = { ...field, type: extended };
        else this.report(doc, [...fieldPath, "enum"], `${target} has no enum to extend`);
      }
      if (patch.open !== undefined && this.set(doc, [...fieldPath, "open"], target, "open", patch.open)) {
        const opened = withOpenness(field.type, patch.open);
        if (opened) field = { ...field, type: opened };
        else this.report(doc, [...fieldPath, "open"], `${target} has no enum to open or close`);
      }
      if (patch.int64 !== undefined && this.set(doc, [...fieldPath, "int64"], target, "int64", patch.int64)) {
        if (isInt64(field.type)) field = { ...field, int64: patch.int64 };
        else this.report(doc, [...fieldPath, "int64"], `${target} is not an int64 or uint64 field`);
      }
      fields.set(name, field);
    }
  }

  private errors(doc: SpecDocument, path: DocPath, patch: NonNullable<RawOverlayFileAction["errors"]>, work: WorkAction, action: string): void {
    (patch.add ?? []).forEach((code, i) => {
      if (this.codes.has(code) || this.ctx.common.has(code)) work.own.add(code);
      else {
        const hint = this.suggest.hint(doc.file, code, () => [...this.codes.keys(), ...this.ctx.common.keys()]);
        this.report(doc, [...path, "add", i], `unknown error code ${JSON.stringify(code)}: define it in the service's errors, an overlay's errors or commonErrors${hint}`, undefined, "value");
      }
    });
    (patch.remove ?? []).forEach((code, i) => {
      if (work.own.delete(code)) return;
      const message = this.ctx.common.has(code)
        ? `${JSON.stringify(code)} is a common code: every action can return it, so it cannot be removed`
        : `stale overlay: action ${JSON.stringify(action)} does not list error code ${JSON.stringify(code)}`;
      this.report(doc, [...path, "remove", i], message, undefined, "value");
    });
  }
}

function byWireName(fields: readonly Field[]): Map<string, Field> {
  return new Map(fields.map((f) => [f.name, f]));
}

type RawOverlayFileAction = NonNullable<RawOverlayFile["actions"]>[string];

/** `type` with `values` added to its enum (through lists), or undefined when it has no enum. */
/** The enum (or list of enums) `type`, opened or closed; undefined when it holds no enum. */
function withOpenness(type: TypeRef, open: boolean): TypeRef | undefined {
  if (type.kind === "enum") return { ...type, open };
  if (type.kind === "list") {
    const items = withOpenness(type.items, open);
    return items && { kind: "list", items };
  }
  return undefined;
}

/** Whether `type` is an int64/uint64 primitive (or a list of them). */
function isInt64(type: TypeRef): boolean {
  if (type.kind === "list") return isInt64(type.items);
  return type.kind === "primitive" && (type.name === "int64" || type.name === "uint64");
}

function extendEnum(type: TypeRef, values: readonly string[]): TypeRef | undefined {
  if (type.kind === "enum") return { ...type, values: sortedUnique([...type.values, ...values]) };
  if (type.kind === "list") {
    const items = extendEnum(type.items, values);
    return items && { kind: "list", items };
  }
  return undefined;
}
