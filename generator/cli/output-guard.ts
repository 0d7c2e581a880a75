/**
 * What `generate` and `check` decide about the output folder before reading or writing anything in
 * it. Paths are compared resolved to their real paths (symlinks followed, for the part of a path that
 * exists), so a symlink cannot hide that the output holds the specs, the current folder, the file
 * system root or the home folder. Whether a folder is tcgen output is told by its marker alone: the
 * first bytes of `index.js` (a regular file, not followed if it is a symlink); nothing else in the
 * folder is read.
 */
import { closeSync, constants, lstatSync, opendirSync, openSync, readlinkSync, readSync } from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, join, parse, resolve } from "node:path";
import { GENERATED_HEADER } from "../emit/output.js";
import { realPath, within } from "../real-path.js";
import { listSpecPaths } from "../load/files.js";
import { CliError } from "./errors.js";
import { outputExists, type Settings } from "./settings.js";

/**
 * Refuse an output folder that holds (after resolving symlinks) the specs folder or any spec file, the
 * current folder, the home folder or a file system root. Checked for every run, `--force` or not.
 */
export async function guardOutputPaths(settings: Settings, cwd: string): Promise<void> {
  const out = realPath(settings.outDir);
  const shown = settings.show(settings.outDir);
  const refuse = (why: string): never => {
    throw new CliError(`refusing to replace ${shown}: ${why}`);
  };
  if (parse(out).root === out) refuse("it is the root of the file system");
  const home = homedir();
  if (home !== "" && within(realPath(home), out)) refuse("it contains the home folder");
  const specs = realPath(settings.specsDir);
  if (within(realPath(cwd), out) || within(specs, out)) refuse("it contains the current folder or the specs");
  if (within(out, specs)) return; // spec files under the output are only possible through symlinks, checked next
  let specPaths: string[];
  try {
    specPaths = await listSpecPaths(settings.specsDir);
  } catch {
    return; // reported by the load stage, located
  }
  for (const rel of specPaths) {
    if (linkChain(join(settings.specsDir, rel)).some((hop) => within(hop, out))) {
      refuse(`it contains the spec file ${rel} (through a symlink)`);
    }
  }
}

/** Every place a symlink chain passes through, resolved (a link into the output breaks when it is replaced). */
function linkChain(path: string): string[] {
  const hops = [realPath(path)];
  let current = resolve(path);
  for (let i = 0; i < 40; i++) {
    let target: string;
    try {
      if (!lstatSync(current).isSymbolicLink()) break;
      target = resolve(dirname(current), readlinkSync(current));
    } catch {
      break;
    }
    current = join(realPath(dirname(target)), basename(target));
    hops.push(current);
  }
  return hops;
}

export type OutputState = "absent" | "empty" | "tcgen" | "foreign";

const MARKER = Buffer.from(GENERATED_HEADER, "utf8");

/** Whether `dir/index.js` is a regular file starting with tcgen's header (reads that many bytes only). */
function hasMarker(dir: string): boolean {
  const index = join(dir, "index.js");
  try {
    if (!lstatSync(index).isFile()) return false;
    const fd = openSync(index, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    try {
      const buffer = Buffer.alloc(MARKER.length);
      const n = readSync(fd, buffer, 0, buffer.length, 0);
      return n === MARKER.length && buffer.equals(MARKER);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** What is at the output path (a file there, or an unusable path, is a CliError). */
export function outputState(settings: Settings): OutputState {
  if (!outputExists(settings)) return "absent";
  let empty: boolean;
  try {
    const dir = opendirSync(settings.outDir);
    try {
      empty = dir.readSync() === null;
    } finally {
      dir.closeSync();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot use ${settings.show(settings.outDir)} as the output folder (${code ?? String(error)})`);
  }
  if (empty) return "empty";
  return hasMarker(settings.outDir) ? "tcgen" : "foreign";
}

export function foreignOutputReason(): string {
  return `it does not look like tcgen output (no index.js starting with "${GENERATED_HEADER.trim()}")`;
}
