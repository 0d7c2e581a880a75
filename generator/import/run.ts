/**
 * `runImport`: read api.json / errors.json files, import each service version, and write the spec
 * files into a specs dir. All or nothing: on any diagnostic nothing is written, and a write that fails
 * part-way is undone (write-files.ts). Files over the loader's 5 MB limit are split (split.ts), and
 * parts left by an earlier import that this one does not write are removed.
 *
 * - errors.json files are paired with api.json files by their `service` and `version` fields
 *   (matching `metadata.serviceShortName` / `metadata.apiVersion`); files without those fields are
 *   paired by position, which needs exactly one --errors per --api.
 * - If the specs dir has no package file yet (no YAML file with a top-level `package:` key), tcgen's
 *   Tencent Cloud package file is written as `tencentcloud.yaml`. The common codes of the package
 *   file in use are never written per service.
 * - The `$schema` comment points at the nearest `node_modules/tcgen/schema/spec.schema.json` above
 *   the specs dir, at tcgen's own schema when the specs dir is inside tcgen, else assumes a specs dir
 *   beside node_modules.
 */
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from "node:path";
import { isMap, isScalar, parseDocument } from "yaml";
import { compareText, type Diagnostic, sortDiagnostics } from "../diagnostics.js";
import { tcgenRoot } from "../emit/tcgen-root.js";
import { MAX_FILE_BYTES } from "../load/files.js";
import { locate } from "./json-scan.js";
import { type InputFile, isObject, parseJsonFile } from "./json-source.js";
import { PART_FILE, splitSpecFile } from "./split.js";
import { DEFAULTS_FILE_NAME, TENCENT_COMMON_CODES, tencentDefaultsFile, withSchemaLine } from "./tencentcloud/defaults.js";
import { DEFAULT_SCHEMA_PATH, type ImportedFile, importParsed, type ParsedInput } from "./tencentcloud/index.js";
import { errorText, findPackageFile, readInput, writeFilesAtomically } from "./write-files.js";

export interface RunImportOptions {
  /** One or more api.json paths. */
  readonly apiPath: string | readonly string[];
  /** errors.json paths (optional). */
  readonly errorsPath?: string | readonly string[] | undefined;
  /** The specs dir to write into (created if missing). */
  readonly outDir: string;
  /** Recorded replies (examples.json), one per api.json in the same order: writes each service's examples.overlay.yaml. */
  readonly examplesPath?: string | readonly string[] | undefined;
}

/** What `--examples` found for one service version (the overlay file is in `files`). */
export interface ExamplesSummary {
  /** `cvm 2017-03-12`. */
  readonly service: string;
  /** The overlay file, relative to outDir. */
  readonly path: string;
  readonly successes: number;
  readonly drifting: number;
  readonly fixes: number;
}

export interface ImportSummary {
  /** Distinct service names. */
  readonly services: number;
  /** Service versions (one per api.json): more than `services` when a service came in several versions. */
  readonly versions: number;
  readonly actions: number;
  readonly types: number;
  readonly codes: number;
  /** Every file of the import (relative to outDir), sorted. */
  readonly files: readonly string[];
  /** The files whose content changed on disk. */
  readonly written: readonly string[];
  /** Whether the Tencent Cloud package file was added. */
  readonly packageFileAdded: boolean;
  /** Problems that did not stop the import (unusual codes, a service without errors.json), sorted. */
  readonly warnings: readonly Diagnostic[];
  /** One per service version imported with `--examples`, in import order. */
  readonly examples: readonly ExamplesSummary[];
  /** Paging inferred, one line per action: `<service> <version> <Action>: <style and fields>`. */
  readonly paging: readonly string[];
}

export type RunImportResult =
  | ({ readonly ok: true } & ImportSummary)
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export async function runImport(options: RunImportOptions): Promise<RunImportResult> {
  const apiPaths = toList(options.apiPath);
  const errorsPaths = toList(options.errorsPath);
  const outDir = resolve(options.outDir);
  const diagnostics: Diagnostic[] = [];
  const inputs: ParsedInput[] = [];
  // Shape errors carry a JSON path: they get the line:col of that path (or its deepest existing parent).
  const fail = (): RunImportResult => {
    let located: readonly Diagnostic[] = diagnostics;
    for (const input of inputs) located = locate(located, input.file.path, input.file.text);
    return { ok: false, diagnostics: sortDiagnostics(located) };
  };

  if (apiPaths.length === 0) {
    diagnostics.push({ file: "", line: 0, col: 0, path: "", message: "no api.json given" });
    return fail();
  }
  const apis = await parseAll(apiPaths, diagnostics);
  const errors = await parseAll(errorsPaths, diagnostics);
  for (const input of [...apis, ...errors]) inputs.push(input);
  if (diagnostics.length > 0) return fail();

  const pairs = pairErrors(apis, errors, diagnostics);
  const examplesPaths = toList(options.examplesPath);
  if (examplesPaths.length > 0 && examplesPaths.length !== apiPaths.length) {
    diagnostics.push({ file: "", line: 0, col: 0, path: "", message: `--examples pairs with --api by position: give one examples file per api.json (${examplesPaths.length} given for ${apiPaths.length})` });
  }
  const examples: InputFile[] = [];
  for (const path of examplesPaths) {
    const read = await readInput(path);
    if (read.ok) examples.push(read.file);
    else diagnostics.push(read.diagnostic);
  }
  if (diagnostics.length > 0) return fail();

  // The package file decides which codes are common (never written per service).
  const existing = await findPackageFile(outDir);
  const schemaPath = schemaPathFor(outDir);
  let packageFile: ImportedFile | undefined;
  let commonCodes: Iterable<string> = TENCENT_COMMON_CODES;
  if (existing) {
    commonCodes = commonCodesOf(existing.text, join(options.outDir, existing.path), diagnostics);
  } else {
    if (existsSync(join(outDir, DEFAULTS_FILE_NAME))) {
      diagnostics.push({ file: join(options.outDir, DEFAULTS_FILE_NAME), line: 0, col: 0, path: "", message: "exists but is not a package file (no top-level `package:`); move it away or add the package section" });
      return fail();
    }
    const defaults = tencentDefaultsFile();
    if (!defaults.ok) {
      for (const d of defaults.diagnostics) diagnostics.push(d);
      return fail();
    }
    packageFile = { path: DEFAULTS_FILE_NAME, text: withSchemaLine(defaults.file.text, schemaPath) };
    commonCodes = commonCodesOf(defaults.file.text, DEFAULTS_FILE_NAME, diagnostics);
  }
  if (diagnostics.length > 0) return fail();

  const files: ImportedFile[] = [];
  const warnings: Diagnostic[] = [];
  const dirs = new Map<string, string>();
  const paging: string[] = [];
  let actions = 0;
  let types = 0;
  let codes = 0;
  const examplesFound: ExamplesSummary[] = [];
  for (const [index, [api, paired]] of pairs.entries()) {
    const result = importParsed(api, paired, { commonCodes, schemaPath });
    if (!result.ok) {
      for (const d of result.diagnostics) diagnostics.push(d);
      continue;
    }
    const key = `${result.service.name} ${result.service.version}`;
    const first = dirs.get(key);
    if (first !== undefined) {
      diagnostics.push({ file: api.file.path, line: 0, col: 0, path: "$.metadata", message: `defines service ${result.service.name} version ${result.service.version} again (also defined by ${first})` });
      continue;
    }
    dirs.set(key, api.file.path);
    for (const f of result.files) files.push(f);
    for (const w of result.warnings) warnings.push(w);
    const example = examples[index];
    if (example !== undefined) {
      const { examplesOverlay } = await import("../overlay/examples.js");
      const schemaLine = (result.files[0]?.text.split("\n", 1)[0] ?? "").replace(/^# /, "");
      const made = examplesOverlay(packageFile ?? (existing as ImportedFile), result.files, example, schemaLine);
      if (!made.ok) for (const d of made.diagnostics) diagnostics.push(d);
      else {
        files.push(made.overlay.file);
        const { file, ...counts } = made.overlay;
        examplesFound.push({ path: file.path, ...counts });
      }
    }
    if (paired === undefined) {
      warnings.push({ file: api.file.path, line: 0, col: 0, path: "", message: `no errors.json given for ${key}: every action will have only the common codes (give --errors to import each action's own codes)` });
    }
    for (const line of result.paging) paging.push(`${key} ${line}`);
    actions += result.counts.actions;
    types += result.counts.types;
    codes += result.counts.codes;
  }
  if (diagnostics.length > 0) return fail();
  // Files over the loader's limit are split into parts it merges back (split.ts).
  const sized: ImportedFile[] = [];
  for (const file of files) {
    const split = splitSpecFile(file, MAX_FILE_BYTES);
    if (split.ok) for (const part of split.files) sized.push(part);
    else diagnostics.push({ file: options.outDir, line: 0, col: 0, path: "", message: split.message });
  }
  if (diagnostics.length > 0) return fail();
  files.length = 0;
  for (const file of sized) files.push(file);
  if (packageFile) files.push(packageFile);
  files.sort((a, b) => compareText(a.path, b.path));
  const remove = await staleParts(outDir, files);

  let written: string[];
  try {
    written = await writeFilesAtomically(outDir, files, remove);
  } catch (error) {
    diagnostics.push({ file: options.outDir, line: 0, col: 0, path: "", message: `cannot write the specs: ${errorText(error)}` });
    return fail();
  }
  return {
    ok: true,
    services: new Set([...dirs.keys()].map((k) => k.split(" ")[0])).size,
    versions: dirs.size,
    actions,
    types,
    codes,
    files: files.map((f) => f.path),
    written,
    packageFileAdded: packageFile !== undefined && written.includes(packageFile.path),
    warnings: sortDiagnostics(warnings),
    examples: examplesFound,
    paging,
  };
}

/** Part files (`actions-2.yaml`, …) of an earlier import in the service folders written now that this import does not write. */
async function staleParts(outDir: string, files: readonly ImportedFile[]): Promise<string[]> {
  const paths = new Set(files.map((f) => f.path));
  const dirs = new Set(files.map((f) => posix.dirname(f.path)).filter((d) => d !== "."));
  const stale: string[] = [];
  for (const dir of [...dirs].sort(compareText)) {
    const names = await readdir(join(outDir, ...dir.split("/"))).catch(() => [] as string[]);
    for (const name of names.sort(compareText)) {
      const path = `${dir}/${name}`;
      if (PART_FILE.test(name) && !paths.has(path)) stale.push(path);
    }
  }
  return stale;
}

function toList(value: string | readonly string[] | undefined): readonly string[] {
  return value === undefined ? [] : typeof value === "string" ? [value] : value;
}

async function parseAll(paths: readonly string[], diagnostics: Diagnostic[]): Promise<ParsedInput[]> {
  const out: ParsedInput[] = [];
  for (const path of paths) {
    const read = await readInput(path);
    if (!read.ok) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    const parsed = parseJsonFile(read.file);
    if (parsed.ok) out.push({ file: read.file, value: parsed.value });
    else for (const d of parsed.diagnostics) diagnostics.push(d);
  }
  return out;
}

/** Pair each api.json with its errors.json (by service/version fields, else by position). */
function pairErrors(apis: readonly ParsedInput[], errors: readonly ParsedInput[], diagnostics: Diagnostic[]): Array<[ParsedInput, ParsedInput | undefined]> {
  const pairs = new Map<ParsedInput, ParsedInput | undefined>(apis.map((a) => [a, undefined]));
  const idOf = (api: ParsedInput): string | undefined => {
    const meta = isObject(api.value) ? api.value["metadata"] : undefined;
    if (!isObject(meta) || typeof meta["serviceShortName"] !== "string" || typeof meta["apiVersion"] !== "string") return undefined;
    return `${meta["serviceShortName"]} ${meta["apiVersion"]}`;
  };
  const byId = new Map<string, ParsedInput>();
  for (const api of apis) {
    const id = idOf(api);
    if (id !== undefined && !byId.has(id)) byId.set(id, api);
  }
  errors.forEach((e, i) => {
    const service = isObject(e.value) ? e.value["service"] : undefined;
    const version = isObject(e.value) ? e.value["version"] : undefined;
    let api: ParsedInput | undefined;
    if (typeof service === "string" && typeof version === "string") {
      api = byId.get(`${service} ${version}`);
      if (!api) {
        diagnostics.push({ file: e.file.path, line: 0, col: 0, path: "$.service", message: `no api.json given for service "${service}" version "${version}"` });
        return;
      }
    } else if (errors.length === apis.length) {
      api = apis[i];
    } else {
      diagnostics.push({ file: e.file.path, line: 0, col: 0, path: "$", message: "has no service and version fields, so it can only be paired by position: give one errors.json per api.json, in the same order" });
      return;
    }
    if (!api) return;
    const taken = pairs.get(api);
    if (taken) {
      diagnostics.push({ file: e.file.path, line: 0, col: 0, path: "$.service", message: `${api.file.path} already has an errors.json (${taken.file.path})` });
      return;
    }
    pairs.set(api, e);
  });
  return [...pairs];
}

/** Keys of `commonErrors` in a package file's text. */
function commonCodesOf(text: string, file: string, diagnostics: Diagnostic[]): string[] {
  // Read from the syntax tree, never converted to JS (a collection key would make `yaml` warn on the process).
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const first = doc.errors[0];
  if (first !== undefined) {
    diagnostics.push({ file, line: 0, col: 0, path: "", message: `the package file is not valid YAML: ${first.message.split("\n")[0] ?? ""}` });
    return [];
  }
  const root = doc.contents;
  const common = isMap(root) ? root.get("commonErrors", true) : undefined;
  if (!isMap(common)) return [];
  const codes: string[] = [];
  for (const pair of common.items) if (isScalar(pair.key)) codes.push(String(pair.key.value));
  return codes;
}

/** `$schema` target relative to the specs dir (see the module comment). */
export function schemaPathFor(outDir: string): string {
  const tail = join("schema", "spec.schema.json");
  for (let dir = outDir; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", "tcgen", tail);
    if (existsSync(candidate)) return toPosix(relative(outDir, candidate));
    if (dirname(dir) === dir) break;
  }
  try {
    const root = tcgenRoot();
    const inside = relative(root, outDir);
    if (!inside.startsWith("..") && !isAbsolute(inside)) return toPosix(relative(outDir, join(root, tail)));
  } catch {
    // not running from a tcgen checkout: fall through
  }
  return DEFAULT_SCHEMA_PATH;
}

function toPosix(path: string): string {
  return path.split(sep).join("/");
}

