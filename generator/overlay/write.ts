/**
 * Overlay text from a ReplyOverlay (from-replies.ts), optionally merged into an existing overlay of
 * the same service version. Deterministic: types and actions in code-unit order, fields in the order
 * the model declares them, enum values sorted. Written with the importer's YAML writer:
 *
 * ```yaml
 * # <header lines>
 * specVersion: 1
 * overlay:
 *   service: cvm
 *   version: "2017-03-12"
 * types:
 *   Instance:
 *     fields:
 *       DisasterRecoverGroupIds:
 *         optional: true
 * actions:
 *   DescribeInstances:
 *     response:
 *       TotalCount:
 *         nullable: true
 * ```
 */
import { compareText } from "../diagnostics.js";
import { type YamlMap, type YamlScalar, type YamlValue, yamlText } from "../import/yaml-out.js";
import type { Field, Service } from "../model/types.js";
import type { FieldFix, ReplyOverlay } from "./from-replies.js";

/** Get (or create) the map at `key` of `map`. */
function child(map: YamlMap, key: string): YamlMap {
  const v = map.get(key);
  if (v instanceof Map) return v;
  const m: YamlMap = new Map();
  map.set(key, m);
  return m;
}

/** Merge `fix` into a field patch (a new field's definition when the patch adds one). */
function applyFix(patch: YamlMap, fix: FieldFix): void {
  let target = patch;
  const added = patch.get("add");
  if (added !== undefined) {
    target = added instanceof Map ? added : new Map<string, YamlValue>([["type", added as YamlScalar]]);
    patch.set("add", target);
  }
  if (fix.optional) target.set("optional", true);
  if (fix.nullable) target.set("nullable", true);
  if (fix.enumAdd.size === 0) return;
  if (added !== undefined) {
    const values = target.get("enum");
    target.set("enum", [...new Set([...(Array.isArray(values) ? (values as YamlScalar[]) : []), ...fix.enumAdd])].sort((a, b) => compareText(String(a), String(b))));
    return;
  }
  const enumPatch = child(target, "enum");
  const before = enumPatch.get("add");
  const values = new Set<string>([...(Array.isArray(before) ? (before as YamlScalar[]).map(String) : []), ...fix.enumAdd]);
  enumPatch.set("add", [...values].sort(compareText));
}

function applyFields(into: YamlMap, fields: readonly Field[], fixes: ReadonlyMap<string, FieldFix> | undefined): void {
  if (!fixes) return;
  // Model order first; a fix for a field the model does not know (none today) would come last, sorted.
  const order = [...fields.map((f) => f.name).filter((n) => fixes.has(n)), ...[...fixes.keys()].filter((n) => !fields.some((f) => f.name === n)).sort(compareText)];
  for (const name of order) applyFix(child(into, name), fixes.get(name)!);
}

/**
 * The overlay as a YAML map, merged into `base` (an existing overlay's content as a YamlMap, from
 * `toYamlMap`) when given.
 */
export function overlayMap(service: Service, overlay: ReplyOverlay, base?: YamlMap): YamlMap {
  const root: YamlMap = base ?? new Map<string, YamlValue>([["specVersion", 1], ["overlay", new Map<string, YamlValue>([["service", service.name], ["version", service.version]])]]);
  for (const t of service.types) {
    const fixes = overlay.types.get(t.name);
    if (fixes) applyFields(child(child(child(root, "types"), t.name), "fields"), t.fields, fixes);
  }
  for (const a of service.actions) {
    const fixes = overlay.responses.get(a.name);
    if (fixes) applyFields(child(child(child(root, "actions"), a.name), "response"), a.response, fixes);
  }
  for (const section of ["types", "actions"]) {
    const m = root.get(section);
    if (m instanceof Map) root.set(section, new Map([...m].sort((x, y) => compareText(x[0], y[0]))));
  }
  return root;
}

export function overlayText(header: readonly string[], map: YamlMap): string {
  return yamlText(header, map);
}

class Unwritable {
  constructor(readonly reason: string) {}
}

function convert(v: unknown, depth: number): YamlValue {
  if (depth > 64) throw new Unwritable("is nested too deeply");
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") {
    if (Number.isSafeInteger(v)) return v;
    throw new Unwritable(`holds the number ${v}`);
  }
  if (Array.isArray(v)) {
    return v.map((item: unknown) => {
      if (typeof item === "object" && item !== null) throw new Unwritable("holds a list of lists or mappings");
      return convert(item, depth + 1) as YamlScalar;
    });
  }
  if (typeof v === "object") {
    const m: YamlMap = new Map();
    for (const key of Object.keys(v)) m.set(key, convert((v as Record<string, unknown>)[key], depth + 1));
    return m;
  }
  throw new Unwritable(`holds a ${typeof v}`);
}

/**
 * A parsed YAML value as a YamlMap, or why it cannot be one (the writer holds maps, lists of
 * scalars, strings, booleans, safe integers and null).
 */
export function toYamlMap(value: unknown): { readonly ok: true; readonly map: YamlMap } | { readonly ok: false; readonly reason: string } {
  try {
    const map = convert(value, 0);
    return map instanceof Map ? { ok: true, map } : { ok: false, reason: "is not a mapping" };
  } catch (e) {
    if (e instanceof Unwritable) return { ok: false, reason: e.reason };
    throw e;
  }
}
