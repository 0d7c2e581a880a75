/** Options every command takes, and how they combine with the config file into absolute paths. */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { loadConfig, shown } from "../config.js";
import { CliError, EXIT } from "./errors.js";
import type { Reporter } from "./reporter.js";

export interface CommonFlags {
  readonly specs?: string;
  readonly out?: string;
  readonly config?: string;
  readonly quiet?: boolean;
  readonly debug?: boolean;
  /** commander's name for `--no-cache`. */
  readonly cache?: boolean;
  /** Format the output with the user's prettier config. */
  readonly prettier?: boolean;
}

export function addCommonOptions(command: Command): Command {
  return command
    .option("--specs <dir>", 'folder of YAML specs (default: "specs", or "specs" in the config)')
    .option("--out <dir>", 'output folder (default: "generated", or "out" in the config)')
    .option("--config <file>", "config file (default: tcgen.config.yaml, or the \"tcgen\" key of package.json)")
    .option("--no-cache", "do not read or write tcgen's cache (node_modules/.cache/tcgen)")
    .option("--prettier", "format the output with your own prettier config (default: tcgen's fixed layout)")
    .option("-q, --quiet", "print only problems")
    .option("--debug", "print stack traces of internal errors");
}

export interface Settings {
  readonly specsDir: string;
  readonly outDir: string;
  readonly cache: boolean;
  /** `--prettier`: format the output with the user's prettier config. */
  readonly prettier: boolean;
  /** A path as shown to the user: relative to the cwd, `/`-separated. */
  readonly show: (absolute: string) => string;
}

export async function resolveSettings(flags: CommonFlags, reporter: Reporter): Promise<Settings> {
  const cwd = reporter.io.cwd;
  const show = (abs: string) => shown(cwd, abs);
  const loaded = await loadConfig(cwd, flags.config);
  if (!loaded.ok) {
    reporter.diagnostics(loaded.diagnostics, (f) => f);
    throw new CliError("invalid configuration", EXIT.invalid);
  }
  const { config } = loaded;
  const specsDir = flags.specs !== undefined ? resolve(cwd, flags.specs) : (config.specs ?? resolve(cwd, "specs"));
  const outDir = flags.out !== undefined ? resolve(cwd, flags.out) : (config.out ?? resolve(cwd, "generated"));
  return { specsDir, outDir, cache: flags.cache !== false, prettier: flags.prettier === true, show };
}

/** The specs folder must exist and be a readable directory. */
export function requireSpecsDir(settings: Settings): void {
  const shown = settings.show(settings.specsDir);
  let isDir: boolean;
  try {
    isDir = statSync(settings.specsDir).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === "ENOENT"
        ? `specs folder not found: ${shown} (give one with --specs <dir> or "specs" in tcgen.config.yaml)`
        : `cannot read the specs folder ${shown} (${code ?? String(error)})`,
    );
  }
  if (!isDir) throw new CliError(`the specs path is not a folder: ${shown}`);
}

/** What `check` and `generate` may do with the output path: it must be a folder or absent. */
export function outputExists(settings: Settings): boolean {
  try {
    if (statSync(settings.outDir).isDirectory()) return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return false;
    throw new CliError(`cannot use ${settings.show(settings.outDir)} as the output folder (${code ?? String(error)})`);
  }
  throw new CliError(`the output path is not a folder: ${settings.show(settings.outDir)}`);
}
