/**
 * tcgen's configuration: `tcgen.config.yaml` in the current directory, or a `"tcgen"` object in its
 * package.json, or the file given with `--config` (YAML or JSON; a file named package.json is read
 * for its `"tcgen"` key). Keys: `specs`, `out` — paths relative to the config file. Command-line
 * options override the config; the config overrides the defaults (`specs`, `generated`).
 *
 *   # tcgen.config.yaml
 *   specs: api/specs
 *   out: packages/client
 */
import { existsSync } from "node:fs";
import { basename, dirname, relative, resolve, sep } from "node:path";
import type { Diagnostic } from "./diagnostics.js";
import { didYouMean } from "./load/suggest.js";
import { readBoundedSync } from "./read-bounded.js";

/** Config files (and the package.json read for its "tcgen" key) larger than this are not read. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** The text of a config file, if it is a regular file within the limit (undefined otherwise). */
function readConfigText(file: string): string | undefined {
  try {
    const read = readBoundedSync(file, MAX_CONFIG_BYTES);
    return read.ok ? read.bytes.toString("utf8") : undefined;
  } catch {
    return undefined;
  }
}

export const CONFIG_FILE = "tcgen.config.yaml";
export const CONFIG_KEYS = ["specs", "out"] as const;

export interface TcgenConfig {
  /** Absolute path of the file the settings came from; undefined when there is none. */
  readonly file: string | undefined;
  /** Absolute paths. */
  readonly specs?: string;
  readonly out?: string;
}

export type ConfigResult =
  | { readonly ok: true; readonly config: TcgenConfig }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** A path as shown to the user: relative to the cwd, `/`-separated. */
export function shown(cwd: string, abs: string): string {
  return (relative(cwd, abs) || ".").split(sep).join("/");
}

/** Find and read the configuration for a run in `cwd`. */
export async function loadConfig(cwd: string, explicit?: string): Promise<ConfigResult> {
  const fail = (file: string, message: string): ConfigResult => ({
    ok: false,
    diagnostics: [{ file: shown(cwd, file), line: 0, col: 0, message, path: "" }],
  });
  if (explicit !== undefined) {
    const file = resolve(cwd, explicit);
    let text: string;
    try {
      const read = readBoundedSync(file, MAX_CONFIG_BYTES);
      if (!read.ok) return fail(file, read.reason === "too-large" ? `the config file is too large (at most ${MAX_CONFIG_BYTES / 1024} KB)` : "the config file is not a regular file");
      text = read.bytes.toString("utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return fail(file, code === "ENOENT" ? "config file not found" : `cannot read config file (${code ?? error})`);
    }
    return parseConfig(cwd, file, text, basename(file) === "package.json");
  }

  const yamlFile = resolve(cwd, CONFIG_FILE);
  const pkgFile = resolve(cwd, "package.json");
  const pkgText = existsSync(pkgFile) ? readConfigText(pkgFile) : undefined;
  let pkgHasKey = false;
  if (pkgText !== undefined) {
    try {
      const pkg = JSON.parse(pkgText) as unknown;
      pkgHasKey = typeof pkg === "object" && pkg !== null && Object.hasOwn(pkg, "tcgen");
    } catch {
      pkgHasKey = false; // not ours to complain about
    }
  }
  if (existsSync(yamlFile)) {
    if (pkgHasKey) {
      return fail(pkgFile, `both ${CONFIG_FILE} and the "tcgen" key of package.json configure tcgen; keep one`);
    }
    const yamlText = readConfigText(yamlFile);
    if (yamlText === undefined) return fail(yamlFile, `cannot read the config file: not a regular file, or over ${MAX_CONFIG_BYTES / 1024} KB`);
    return parseConfig(cwd, yamlFile, yamlText, false);
  }
  if (pkgHasKey && pkgText !== undefined) return parseConfig(cwd, pkgFile, pkgText, true);
  return { ok: true, config: { file: undefined } };
}

async function parseConfig(cwd: string, file: string, text: string, packageJson: boolean): Promise<ConfigResult> {
  const { LineCounter, parseDocument, isMap, isScalar } = await import("yaml");
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const shownFile = shown(cwd, file);
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number | undefined, message: string, path: string) => {
    const pos = offset === undefined ? undefined : lines.linePos(offset);
    diagnostics.push({ file: shownFile, line: pos?.line ?? 0, col: pos?.col ?? 0, message, path });
  };
  for (const error of doc.errors) at(error.pos[0], error.message.split("\n")[0] ?? "invalid YAML", "");
  if (diagnostics.length > 0) return { ok: false, diagnostics };

  let root: unknown = doc.contents;
  let prefix = "";
  if (packageJson) {
    root = isMap(root) ? root.get("tcgen", true) : null;
    prefix = "tcgen.";
  }
  if (root === null || (isScalar(root) && root.value === null)) return { ok: true, config: { file } };
  if (!isMap(root)) {
    at((root as { range?: [number, number, number] } | undefined)?.range?.[0], "the configuration must be a mapping of keys (specs, out) to values", prefix.replace(/\.$/, ""));
    return { ok: false, diagnostics };
  }

  const values: Record<string, string> = {};
  for (const pair of root.items) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : "";
    const keyOffset = isScalar(keyNode) ? keyNode.range?.[0] : undefined;
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      at(keyOffset, `unknown key "${key}"${didYouMean(key, CONFIG_KEYS)}; known keys: ${CONFIG_KEYS.join(", ")}`, `${prefix}${key}`);
      continue;
    }
    const value = pair.value;
    if (!isScalar(value) || typeof value.value !== "string" || value.value.trim() === "") {
      const offset = (value as { range?: [number, number, number] } | null)?.range?.[0] ?? keyOffset;
      at(offset, `"${key}" must be a non-empty path (a string)`, `${prefix}${key}`);
      continue;
    }
    values[key] = resolve(dirname(file), value.value);
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return {
    ok: true,
    config: {
      file,
      ...(values["specs"] !== undefined ? { specs: values["specs"] } : {}),
      ...(values["out"] !== undefined ? { out: values["out"] } : {}),
    },
  };
}
