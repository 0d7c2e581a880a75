/**
 * Replace the output directory all at once. The new output is written into a fresh sibling
 * (`.tcgen-<tag>.tmp-<pid>-<random>`, same parent so the renames stay on one file system; `<tag>` is a
 * short hash of the folder's name, so a name near the file system's 255-byte limit still leaves room),
 * then swapped in: target → `.tcgen-<tag>.old-<pid>-<random>`, temp → target, old removed. Until the swap, the previous
 * output is untouched: an error or SIGINT/SIGTERM removes the temp dir and leaves it as it was.
 *
 * A `node_modules` folder at the top of the old output (someone ran npm there) is carried over.
 * Leftovers of killed runs (temp/old siblings whose process is gone) are removed on the next run.
 *
 * Fault injection for tests: `TCGEN_TEST_FAIL_AFTER_FILES=N` throws after N files are written;
 * `TCGEN_TEST_HANG_AFTER_FILES=N` prints a line to stderr and waits (to be killed by a signal).
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { OutputFile } from "../emit/output.js";

export interface AtomicWriteOptions {
  /** Test hook: throw after this many files (default: `TCGEN_TEST_FAIL_AFTER_FILES`). */
  readonly failAfterFiles?: number;
  /** Test hook: stop and wait for a signal after this many files (default: `TCGEN_TEST_HANG_AFTER_FILES`). */
  readonly hangAfterFiles?: number;
}

function envNumber(name: string): number | undefined {
  const raw = process.env[name];
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The short tag of the temp and old siblings of the output folder `name`. */
export function siblingTag(name: string): string {
  return `.tcgen-${createHash("sha256").update(name).digest("hex").slice(0, 12)}`;
}

/** Remove `.tcgen-<tag>.tmp-<pid>-*` / `.tcgen-<tag>.old-<pid>-*` siblings left by runs that no longer exist. */
function removeLeftovers(parent: string, name: string): void {
  // Also the `.<name>.tmp-…` siblings of earlier tcgen versions.
  const escaped = [siblingTag(name), `.${name}`].map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  const pattern = new RegExp(`^(?:${escaped})\\.(?:tmp|old)-(\\d+)-[0-9a-f]+$`);
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return;
  }
  for (const entry of entries) {
    const pid = pattern.exec(entry)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !processAlive(Number(pid))) {
      rmSync(join(parent, entry), { recursive: true, force: true });
    }
  }
}

export async function writeOutputAtomically(
  outDir: string,
  files: readonly OutputFile[],
  options: AtomicWriteOptions = {},
): Promise<void> {
  const target = resolve(outDir);
  const parent = dirname(target);
  const name = basename(target);
  const failAfter = options.failAfterFiles ?? envNumber("TCGEN_TEST_FAIL_AFTER_FILES");
  const hangAfter = options.hangAfterFiles ?? envNumber("TCGEN_TEST_HANG_AFTER_FILES");

  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw Object.assign(new Error(`${outDir} exists and is not a directory`), { code: "ENOTDIR" });
  }
  mkdirSync(parent, { recursive: true });
  removeLeftovers(parent, name);

  const suffix = `${process.pid}-${randomBytes(6).toString("hex")}`;
  const temp = join(parent, `${siblingTag(name)}.tmp-${suffix}`);
  mkdirSync(temp);

  const onSignal = (signal: NodeJS.Signals) => {
    rmSync(temp, { recursive: true, force: true });
    removeHandlers();
    process.kill(process.pid, signal); // default action now: exit as killed by the signal
  };
  const removeHandlers = () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  try {
    const made = new Set<string>();
    let written = 0;
    for (const file of files) {
      const path = join(temp, ...file.path.split("/"));
      const dir = dirname(path);
      if (!made.has(dir)) {
        await mkdir(dir, { recursive: true });
        made.add(dir);
      }
      await writeFile(path, file.text);
      written++;
      if (written === failAfter) {
        throw new Error(`injected failure after ${written} files (TCGEN_TEST_FAIL_AFTER_FILES)`);
      }
      if (written === hangAfter) {
        process.stderr.write(`tcgen: test hook: paused after ${written} files\n`);
        await new Promise<never>(() => setInterval(() => {}, 1 << 30));
      }
    }
    swap(target, temp, join(parent, `${siblingTag(name)}.old-${suffix}`));
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  } finally {
    removeHandlers();
  }
}

/** Synchronous, so no signal handler runs between the two renames. */
function swap(target: string, temp: string, old: string): void {
  if (!existsSync(target)) {
    renameSync(temp, target);
    return;
  }
  renameSync(target, old);
  try {
    renameSync(temp, target);
  } catch (error) {
    renameSync(old, target);
    throw error;
  }
  const modules = join(old, "node_modules");
  if (existsSync(modules)) {
    try {
      renameSync(modules, join(target, "node_modules"));
    } catch {
      // Losing an installed node_modules inside the output is harmless; it can be reinstalled.
    }
  }
  rmSync(old, { recursive: true, force: true });
}
