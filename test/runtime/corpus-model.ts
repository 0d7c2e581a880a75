/**
 * Test-local converter: a Tencent Cloud `api.json` (corpus, read at test time) → an in-memory model of
 * one service, enough to generate its parsers. Not the product's importer: response-side rules only.
 *
 * Mapping: string→string, int+int64→int64, int+uint64→uint64, float→float, bool→boolean,
 * string+datetime→datetime, datetime_iso→datetime-iso, date→date, list→[], object→ref. A response
 * field is optional unless `output_required` is true and it is not `disabled`; nullable iff
 * `value_allowed_null`. No error codes.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { compareText } from "../../generator/diagnostics.js";
import type { Field, Model, NamedType, TypeRef } from "../../generator/model/types.js";
import { buildTestModel, field, namedType } from "../helpers/model.js";
import { repoRoot } from "./package.js";

export const corpusRoot = resolve(repoRoot, "../shared/corpus/tencentcloud");

interface Member {
  name: string;
  type: string;
  member: string;
  disabled?: boolean;
  output_required?: boolean;
  value_allowed_null?: boolean;
}
interface ApiJson {
  metadata: { apiVersion: string };
  actions: Record<string, { input: string; output: string }>;
  objects: Record<string, { members: Member[] }>;
}
interface ExamplesJson {
  actions: Record<string, Array<{ output: string }>>;
}

export interface CorpusService {
  readonly name: string;
  readonly model: Model;
  /** Every example output text, keyed by action. */
  readonly examples: ReadonlyArray<{ readonly action: string; readonly output: string }>;
}

const PRIMS: Record<string, TypeRef> = {
  string: { kind: "primitive", name: "string" },
  int64: { kind: "primitive", name: "int64" },
  uint64: { kind: "primitive", name: "uint64" },
  float: { kind: "primitive", name: "float" },
  bool: { kind: "primitive", name: "boolean" },
  datetime: { kind: "primitive", name: "datetime" },
  datetime_iso: { kind: "primitive", name: "datetime-iso" },
  date: { kind: "primitive", name: "date" },
};

function typeOf(m: Member): TypeRef {
  const base = PRIMS[m.member] ?? ({ kind: "ref", name: m.member } as const);
  return m.type === "list" ? { kind: "list", items: base } : base;
}

function fieldOf(m: Member): Field {
  return field(m.name, typeOf(m), {
    optional: m.output_required !== true || m.disabled === true,
    nullable: m.value_allowed_null === true,
  });
}

/** The corpus folder of a service (`cvm/v20170312`), or undefined when the corpus is absent. */
export function corpusFolder(svc: string): string | undefined {
  const dir = join(corpusRoot, svc);
  if (!existsSync(dir)) return undefined;
  const versions = readdirSync(dir).sort(compareText);
  return versions.length > 0 ? join(dir, versions[versions.length - 1] as string) : undefined;
}

export function loadCorpusService(svc: string): CorpusService | undefined {
  const folder = corpusFolder(svc);
  if (!folder) return undefined;
  const api = JSON.parse(readFileSync(join(folder, "api.json"), "utf8")) as ApiJson;
  const ex = JSON.parse(readFileSync(join(folder, "examples.json"), "utf8")) as ExamplesJson;
  const io = new Set<string>();
  for (const a of Object.values(api.actions)) io.add(a.input).add(a.output);
  const types: NamedType[] = Object.entries(api.objects)
    .filter(([name]) => !io.has(name))
    .map(([name, o]) => namedType(name, o.members.map(fieldOf)));
  const actions = Object.entries(api.actions).map(([name, a]) => ({
    name,
    response: (api.objects[a.output]?.members ?? []).filter((m) => m.name !== "RequestId").map(fieldOf),
  }));
  const model = buildTestModel({
    common: [],
    services: [{ name: svc, version: api.metadata.apiVersion, types, actions }],
  });
  const examples = Object.entries(ex.actions)
    .sort(([a], [b]) => compareText(a, b))
    .flatMap(([action, list]) => list.map((e) => ({ action, output: e.output })));
  return { name: svc, model, examples };
}
