/**
 * `importTencentCloud`: one service version's published `api.json` (+ optional `errors.json`) →
 * spec files in tcgen's YAML format. Pure: no file system access; one JSON.parse per input.
 *
 * Output (paths relative to the specs dir, `<version>` = `v` + the API version without dashes):
 *   <svc>/<version>/service.yaml   service header (name, version, host, description) + service codes
 *   <svc>/<version>/types.yaml     the data structures (every object that is no action's input/output)
 *   <svc>/<version>/actions.yaml   every action: request fields, response fields, own codes
 * Keys of actions, types and codes are sorted; fields keep declaration order. Mapping rules: see
 * mapping.ts; description clean-up: text.ts.
 */
import { posix } from "node:path";
import { compareText, type Diagnostic } from "../../diagnostics.js";
import { type InputFile, jsonKey, parseJsonFile } from "../json-source.js";
import { type YamlMap, type YamlValue, yamlText, ymap } from "../yaml-out.js";
import { type ApiDefinition, type ApiMember, type ApiObject, readApiJson } from "./api-json.js";
import { TENCENT_COMMON_CODES, TENCENT_DOCS_BASE_URL } from "./defaults.js";
import { readErrorsJson, type ErrorsDefinition } from "./errors-json.js";
import { serviceHost } from "./host.js";
import { fieldFlags, reachableSides, type Side, splitStructs, typeExpression } from "./mapping.js";
import { cleanDescription, cleanExample } from "./text.js";
import { inferPaging } from "./paging.js";

export { TENCENT_COMMON_CODES, tencentDefaultsFile } from "./defaults.js";

/** A description as written into the specs: cleaned, links absolute on Tencent's docs site. */
const docText = (text: string): string | undefined => cleanDescription(text, TENCENT_DOCS_BASE_URL);

export interface TencentImportInput {
  readonly api: InputFile;
  readonly errors?: InputFile | undefined;
}

export interface TencentImportOptions {
  /** Codes the package file defines (never written per service). Default: TENCENT_COMMON_CODES. */
  readonly commonCodes?: Iterable<string>;
  /**
   * Where the JSON schema is, relative to the specs dir (posix). Each file's `$schema` comment is
   * this path seen from the file's folder. Default: DEFAULT_SCHEMA_PATH.
   */
  readonly schemaPath?: string;
}

/** A specs dir beside the project's node_modules: `<project>/specs` → `<project>/node_modules/tcgen/…`. */
export const DEFAULT_SCHEMA_PATH = "../node_modules/tcgen/schema/spec.schema.json";

export interface ImportedFile {
  readonly path: string;
  readonly text: string;
}

export interface ImportCounts {
  readonly actions: number;
  readonly types: number;
  /** Service-level codes written (common codes excluded). */
  readonly codes: number;
  /** Fields written over types, requests and responses. */
  readonly fields: number;
}

export type TencentImportResult =
  | {
      readonly ok: true;
      readonly service: { readonly name: string; readonly version: string };
      readonly files: readonly ImportedFile[];
      readonly counts: ImportCounts;
      /** Things worth a look that did not stop the import (unusual codes, codes differing only by case). */
      readonly warnings: readonly Diagnostic[];
      /** Paging inferred per action (`<Action>: <style and fields>`), for the import's output. */
      readonly paging: readonly string[];
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Spec primitive names: a type named like one could never be referenced. */
const PRIMITIVES = new Set(["string", "int32", "int64", "uint64", "float", "boolean", "date", "datetime", "datetime-iso", "binary", "json"]);

export function importTencentCloud(input: TencentImportInput, options: TencentImportOptions = {}): TencentImportResult {
  const apiJson = parseJsonFile(input.api);
  const errorsJson = input.errors ? parseJsonFile(input.errors) : undefined;
  const diagnostics = [...(apiJson.ok ? [] : apiJson.diagnostics), ...(errorsJson && !errorsJson.ok ? errorsJson.diagnostics : [])];
  if (!apiJson.ok || (errorsJson && !errorsJson.ok)) return { ok: false, diagnostics };
  return importParsed(
    { file: input.api, value: apiJson.value },
    input.errors && errorsJson?.ok ? { file: input.errors, value: errorsJson.value } : undefined,
    options,
  );
}

/** An input file already parsed as JSON (runImport parses once to pair errors.json with api.json). */
export interface ParsedInput {
  readonly file: InputFile;
  readonly value: unknown;
}

/** importTencentCloud for inputs already parsed. */
export function importParsed(api: ParsedInput, errors: ParsedInput | undefined, options: TencentImportOptions = {}): TencentImportResult {
  const diagnostics: Diagnostic[] = [];
  let definition: ApiDefinition | undefined;
  const readApi = readApiJson(api.file, api.value);
  if (readApi.ok) definition = readApi.api;
  else for (const d of readApi.diagnostics) diagnostics.push(d);
  let errorsDefinition: ErrorsDefinition | undefined;
  if (errors) {
    const read = readErrorsJson(errors.file, errors.value);
    if (read.ok) errorsDefinition = read.errors;
    else for (const d of read.diagnostics) diagnostics.push(d);
  }
  if (!definition || diagnostics.length > 0) return { ok: false, diagnostics };
  return new Importer({ api: api.file, errors: errors?.file }, definition, errorsDefinition, options).run();
}

class Importer {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly common: ReadonlySet<string>;
  private readonly schemaPath: string;
  /** Type expression of every member, by member path; objects each object refers to, by name. */
  private readonly exprs = new Map<string, string>();
  private readonly refs = new Map<string, string[]>();
  /** The object each member refers to (by member path), and the request-side name of each split struct. */
  private readonly memberRefs = new Map<string, string>();
  private inputNames: ReadonlyMap<string, string> = new Map();
  private fields = 0;

  constructor(
    private readonly input: TencentImportInput,
    private readonly api: ApiDefinition,
    private readonly errors: ErrorsDefinition | undefined,
    options: TencentImportOptions,
  ) {
    this.common = new Set(options.commonCodes ?? TENCENT_COMMON_CODES);
    this.schemaPath = options.schemaPath ?? DEFAULT_SCHEMA_PATH;
  }

  run(): TencentImportResult {
    const { api } = this;
    const name = serviceName(api.serviceShortName);
    if (name === undefined) {
      this.report(this.input.api.path, "$.metadata.serviceShortName", `service short name "${api.serviceShortName}" cannot become a service name (lowercase letters and digits, starting with a letter)`);
    }
    this.resolveMembers();
    const ioObjects = this.checkActions();
    const typeNames = this.typeNames(ioObjects);
    const ownCodes = this.checkErrors();
    if (this.diagnostics.length > 0 || name === undefined) return { ok: false, diagnostics: this.diagnostics };

    const version = api.apiVersion;
    const dir = `${name}/v${version.replace(/-/g, "")}`;
    const sides = reachableSides(api, (o) => this.refs.get(o) ?? []);
    const serviceHeader = ymap([["name", name], ["version", version]]);

    const service = this.document(dir, "service.yaml", [
      ["specVersion", 1],
      ["service", ymap([...serviceHeader, ["host", serviceHost(api.serviceShortName, name)], ["description", docText(api.brief) ?? docText(api.nameCN)]])],
      ["errors", ownCodes.size > 0 ? this.codesMap(ownCodes) : undefined],
    ]);
    this.inputNames = splitStructs(api, sides, (o) => this.refs.get(o) ?? []);
    const typeEntries = typeNames.flatMap((t): [string, YamlValue][] => {
      const object = api.objects.get(t) as ApiObject;
      const side: Side = sides.get(t) ?? object.usage ?? "both";
      const entry = (s: Side): YamlValue => ymap([["description", docText(object.document)], ["fields", this.fieldsMap(object.members, s, false)]]);
      const input = this.inputNames.get(t);
      return input === undefined ? [[t, entry(side)]] : [[t, entry("out")], [input, entry("in")]];
    });
    typeEntries.sort((a, b) => compareText(a[0], b[0]));
    const types = this.document(dir, "types.yaml", [
      ["specVersion", 1],
      ["service", serviceHeader],
      ["types", typeEntries.length > 0 ? new Map(typeEntries) : undefined],
    ]);
    const inferred: string[] = [];
    const actionEntries = [...api.actions]
      .sort((a, b) => compareText(a.name, b.name))
      .map((a): [string, YamlValue] => {
        const request = (api.objects.get(a.input) as ApiObject).members;
        const response = (api.objects.get(a.output) as ApiObject).members;
        const codes = [...new Set(this.errors?.actions.get(a.name) ?? [])].sort(compareText);
        const requestMap = this.fieldsMap(request, "in", false);
        const responseMap = this.fieldsMap(response, "out", true);
        const paging = inferPaging(requestMap, responseMap);
        if (paging !== undefined) inferred.push(`${a.name}: ${paging.summary}`);
        return [
          a.name,
          ymap([
            ["description", docText(a.document) ?? docText(a.title)],
            ["deprecated", a.deprecated ? true : undefined],
            ["request", requestMap.size > 0 ? requestMap : undefined],
            ["response", responseMap.size > 0 ? responseMap : undefined],
            ["errors", codes.length > 0 ? codes : undefined],
            ["paging", paging?.yaml],
          ]),
        ];
      });
    const actions = this.document(dir, "actions.yaml", [
      ["specVersion", 1],
      ["service", serviceHeader],
      ["actions", actionEntries.length > 0 ? new Map(actionEntries) : undefined],
    ]);
    return {
      ok: true,
      service: { name, version },
      files: [service, types, actions],
      counts: { actions: actionEntries.length, types: typeEntries.length, codes: ownCodes.size, fields: this.fields },
      warnings: [...(this.errors?.warnings ?? []), ...caseOnlyWarnings(this.input.errors?.path ?? "", ownCodes.keys(), this.common)],
      paging: inferred,
    };
  }

  private report(file: string, path: string, message: string): void {
    this.diagnostics.push({ file, line: 0, col: 0, message, path });
  }

  /** Type expression of every member of every object; references recorded for reachability. */
  private resolveMembers(): void {
    for (const object of this.api.objects.values()) {
      const refs: string[] = [];
      for (const m of object.members) {
        const t = typeExpression(m, this.api.objects);
        if (!t.ok) {
          this.report(this.input.api.path, t.path, t.message);
          continue;
        }
        this.exprs.set(m.path, t.expr);
        if (t.ref !== undefined) {
          refs.push(t.ref);
          this.memberRefs.set(m.path, t.ref);
        }
      }
      this.refs.set(object.name, refs);
    }
  }

  /** Check action names and their input/output objects; returns the names of all I/O objects. */
  private checkActions(): Set<string> {
    const io = new Set<string>();
    for (const a of this.api.actions) {
      if (!NAME.test(a.name)) this.report(this.input.api.path, a.path, `action name "${a.name}" is not an identifier (letters, digits and _, not starting with a digit)`);
      for (const key of ["input", "output"] as const) {
        if (!this.api.objects.has(a[key])) this.report(this.input.api.path, `${a.path}.${key}`, `names object "${a[key]}", which is not in $.objects`);
        io.add(a[key]);
      }
    }
    return io;
  }

  /** Named types: every object that is no action's input/output, plus any I/O object a member refers to. */
  private typeNames(io: ReadonlySet<string>): string[] {
    const referenced = new Set<string>();
    for (const list of this.refs.values()) for (const r of list) referenced.add(r);
    const names: string[] = [];
    for (const object of this.api.objects.values()) {
      if (io.has(object.name) && !referenced.has(object.name)) continue;
      if (!NAME.test(object.name) || PRIMITIVES.has(object.name)) {
        this.report(this.input.api.path, object.path, `object name "${object.name}" cannot be a type name (letters, digits and _, not starting with a digit, and not a primitive type name)`);
        continue;
      }
      names.push(object.name);
    }
    return names.sort(compareText);
  }

  /** Cross-check errors.json against api.json; returns the service-level codes to write. */
  private checkErrors(): Map<string, string> {
    const own = new Map<string, string>();
    const { errors } = this;
    const file = this.input.errors?.path;
    if (!errors || file === undefined) return own;
    if (errors.service !== undefined && errors.service !== this.api.serviceShortName) {
      this.report(file, "$.service", `is "${errors.service}", but ${this.input.api.path} defines service "${this.api.serviceShortName}"`);
    }
    if (errors.version !== undefined && errors.version !== this.api.apiVersion) {
      this.report(file, "$.version", `is "${errors.version}", but ${this.input.api.path} defines version "${this.api.apiVersion}"`);
    }
    const actions = new Set(this.api.actions.map((a) => a.name));
    for (const [action, codes] of errors.actions) {
      const path = `$.actions${jsonKey(action)}`;
      if (!actions.has(action)) {
        this.report(file, path, `names action "${action}", which ${this.input.api.path} does not define`);
        continue;
      }
      codes.forEach((code, i) => {
        if (!errors.codes.has(code) && !this.common.has(code)) this.report(file, `${path}[${i}]`, `code "${code}" is not declared in $.codes`);
      });
    }
    for (const code of [...errors.codes.keys()].sort(compareText)) {
      if (!this.common.has(code)) own.set(code, errors.codes.get(code) as string);
    }
    return own;
  }

  private codesMap(codes: ReadonlyMap<string, string>): YamlMap {
    const map: YamlMap = new Map();
    for (const [code, description] of codes) {
      const family = code.split(".")[0];
      map.set(
        code,
        ymap([
          ["description", docText(description) ?? code],
          ["retry", family === "RequestLimitExceeded" ? "throttling" : undefined],
        ]),
      );
    }
    return map;
  }

  /** Fields of an object in declaration order; `envelope` drops the response's RequestId. */
  private fieldsMap(members: readonly ApiMember[], side: Side, envelope: boolean): YamlMap {
    const map: YamlMap = new Map();
    for (const m of members) {
      if (envelope && m.name === "RequestId") continue;
      const type = this.typeOn(m, side);
      const flags = fieldFlags(m, side);
      const description = docText(m.document);
      const example = cleanExample(m.example);
      this.fields += 1;
      if (!flags.optional && !flags.nullable && !flags.deprecated && description === undefined && example === undefined) {
        map.set(m.name, type);
        continue;
      }
      map.set(
        m.name,
        ymap([
          ["type", type],
          ["optional", flags.optional ? true : undefined],
          ["nullable", flags.nullable ? true : undefined],
          ["deprecated", flags.deprecated ? true : undefined],
          ["description", description],
          ["example", example],
        ]),
      );
    }
    return map;
  }

  /** The member's type expression; on the request side, a split struct is named by its request-side name. */
  private typeOn(m: ApiMember, side: Side): string {
    const expr = this.exprs.get(m.path) as string;
    const ref = this.memberRefs.get(m.path);
    const input = side === "in" && ref !== undefined ? this.inputNames.get(ref) : undefined;
    return input === undefined ? expr : `${input}${expr.slice((ref as string).length)}`;
  }

  private document(dir: string, file: string, entries: ReadonlyArray<readonly [string, YamlValue | undefined]>): ImportedFile {
    const schema = posix.normalize(`../../${this.schemaPath}`);
    const header = [
      `yaml-language-server: $schema=${schema}`,
      `Imported by \`tcgen import tencentcloud\` from Tencent Cloud's api.json (${this.api.serviceShortName} ${this.api.apiVersion}). Re-import rather than edit.`,
    ];
    return { path: `${dir}/${file}`, text: yamlText(header, ymap(entries)) };
  }
}

/**
 * Codes that differ from another only by case are distinct codes (a server can send either); each
 * such pair is worth a look, so it is reported once, at the later code in code-unit order.
 */
function caseOnlyWarnings(file: string, own: Iterable<string>, common: ReadonlySet<string>): Diagnostic[] {
  const seen = new Map<string, string>();
  for (const c of [...common].sort(compareText)) if (!seen.has(c.toLowerCase())) seen.set(c.toLowerCase(), c);
  const out: Diagnostic[] = [];
  for (const code of own) {
    const other = seen.get(code.toLowerCase());
    if (other !== undefined) {
      const which = common.has(other) ? "the common code" : "the code";
      out.push({ file, line: 0, col: 0, path: `$.codes${jsonKey(code)}`, message: `code ${JSON.stringify(code)} differs only by case from ${which} ${JSON.stringify(other)}: both kept, as distinct codes` });
    } else seen.set(code.toLowerCase(), code);
  }
  return out;
}

/** `cvm` → `cvm`; other short names lowercased with characters outside [a-z0-9] dropped. */
export function serviceName(shortName: string): string | undefined {
  const name = shortName.toLowerCase().replace(/[^a-z0-9]/g, "");
  return /^[a-z][a-z0-9]*$/.test(name) ? name : undefined;
}

