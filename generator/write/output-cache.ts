/**
 * The whole-output cache: when neither the specs nor tcgen changed, `generate` and `check` reuse the
 * files of an earlier successful run and skip load/emit (and importing the generator) altogether.
 * Measured on cvm imported (106 actions, 2 cores, load average ~4–6): `check` on a hit 0.13–0.22 s,
 * cold 0.8–1.6 s.
 *
 * Key = sha256 of: tcgen's version; every file of tcgen's dist/, schema/ and templates/ (path + bytes); the
 * versions of the libraries that shape the output; every spec file (path + bytes), listed by the
 * loader's own `listSpecPaths`, so the key covers exactly what the loader reads.
 *
 * Each entry is stored twice: the files (`output-<key>.json`, megabytes for a large API) and a small
 * manifest of their SHA-256 (`manifest-<key>.json`). When the output folder is unchanged, the manifest
 * alone proves it, and the big entry is never read.
 */
import { createHash } from "node:crypto";
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { OutputFile } from "../emit/output.js";
import { tcgenRoot } from "../emit/tcgen-root.js";
import { listSpecPaths, MAX_FILE_BYTES } from "../load/files.js";
import { pruneEntries, readEntry, writeEntry } from "./cache-store.js";
import { listTree, readTree } from "./check.js";

export interface CachedOutput {
  readonly files: readonly OutputFile[];
  readonly services: number;
  readonly actions: number;
}

/** Every file under `dir` (path + bytes, sorted by path) into the hash. */
function hashTree(hash: ReturnType<typeof createHash>, label: string, dir: string): void {
  hash.update(`${label}\0`);
  for (const [rel, bytes] of readTree(dir)) {
    hash.update(`${rel}\0${bytes.length}\0`);
    hash.update(bytes);
  }
}

function dependencyVersion(name: string): string {
  try {
    const require = createRequire(join(tcgenRoot(), "package.json"));
    let dir = dirname(require.resolve(name));
    for (;;) {
      const pkgPath = join(dir, "package.json");
      if (existsSync(pkgPath)) {
        const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { name?: string; version?: string };
        if (pkg.name === name) return pkg.version ?? "?";
      }
      if (dirname(dir) === dir) return "?";
      dir = dirname(dir);
    }
  } catch {
    return "?";
  }
}

let toolHash: string | undefined;

/** tcgen's own contribution to the key (computed once per process). */
function tcgenFingerprint(): string {
  if (toolHash === undefined) {
    const root = tcgenRoot();
    const hash = createHash("sha256");
    hash.update(readFileSync(join(root, "package.json")));
    for (const dep of ["handlebars", "yaml"]) hash.update(`${dep}@${dependencyVersion(dep)}\0`);
    hashTree(hash, "dist", join(root, "dist"));
    hashTree(hash, "schema", join(root, "schema"));
    hashTree(hash, "templates", join(root, "templates"));
    toolHash = hash.digest("hex");
  }
  return toolHash;
}

/** The cache key for generating from `specsDir` with this tcgen. */
export async function outputCacheKey(specsDir: string): Promise<string> {
  const hash = createHash("sha256");
  hash.update(`tcgen-output-v1\0${tcgenFingerprint()}\0`);
  for (const rel of await listSpecPaths(specsDir)) {
    hash.update(`${rel}\0`);
    hashFile(hash, join(specsDir, rel), MAX_FILE_BYTES);
  }
  return hash.digest("hex");
}

/** One read buffer for every streamed hash (reads are synchronous, so never shared at once). */
let readBuffer: Buffer | undefined;
const chunkBuffer = (): Buffer => (readBuffer ??= Buffer.allocUnsafe(1024 * 1024));

/** The rest of an open file into `hash`, a chunk at a time. */
function streamInto(hash: ReturnType<typeof createHash>, fd: number): void {
  const buffer = chunkBuffer();
  for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
}

/**
 * Stream a file into `hash` (its size first): never read whole, and not read at all when it is not a
 * regular file, cannot be opened, or is larger than `limit` (then its size or the error stands for it:
 * the loader refuses such files, and failed runs are not cached).
 */
function hashFile(hash: ReturnType<typeof createHash>, path: string, limit = Infinity): void {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    hash.update(`error:${(error as NodeJS.ErrnoException).code ?? "?"}\0`);
    return;
  }
  try {
    const stat = fstatSync(fd);
    hash.update(`${stat.isFile() ? "file" : "special"}:${stat.size}\0`);
    if (!stat.isFile() || stat.size > limit) return;
    streamInto(hash, fd);
  } catch (error) {
    hash.update(`error:${(error as NodeJS.ErrnoException).code ?? "?"}\0`);
  } finally {
    closeSync(fd);
  }
}

/** SHA-256 (hex) of a regular file, streamed; undefined if it cannot be read. */
function fileDigest(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    const hash = createHash("sha256");
    streamInto(hash, fd);
    return hash.digest("hex");
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

const PREFIX = "output-";
const MANIFEST_PREFIX = "manifest-v2-";
const KEEP = 6;

export interface OutputManifest {
  readonly services: number;
  readonly actions: number;
  /** Every output file with its size and the SHA-256 (hex) of its UTF-8 bytes. */
  readonly files: readonly { readonly path: string; readonly size: number; readonly sha256: string }[];
}

function digest(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function readCachedManifest(cacheDir: string | undefined, key: string): OutputManifest | undefined {
  const body = readEntry(cacheDir, `${MANIFEST_PREFIX}${key}.json`);
  if (body === undefined) return undefined;
  try {
    const value = JSON.parse(body) as OutputManifest;
    const valid =
      Array.isArray(value.files) &&
      value.files.every((f) => typeof f?.path === "string" && typeof f.sha256 === "string" && typeof f.size === "number") &&
      typeof value.services === "number" &&
      typeof value.actions === "number";
    return valid ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether `outDir` holds exactly the manifest's files, byte for byte: listed first (a file of another
 * size or kind is a mismatch without being read), then compared by SHA-256, each file streamed.
 */
export function matchesManifest(outDir: string, manifest: OutputManifest): boolean {
  try {
    const disk = listTree(outDir);
    return (
      disk.size === manifest.files.length &&
      manifest.files.every((f) => {
        const entry = disk.get(f.path);
        return entry !== undefined && entry.regular && entry.size === f.size && fileDigest(join(outDir, ...f.path.split("/"))) === f.sha256;
      })
    );
  } catch {
    return false;
  }
}

export function readCachedOutput(cacheDir: string | undefined, key: string): CachedOutput | undefined {
  const body = readEntry(cacheDir, `${PREFIX}${key}.json`);
  if (body === undefined) return undefined;
  try {
    const value = JSON.parse(body) as CachedOutput;
    const valid =
      Array.isArray(value.files) &&
      value.files.every((f) => typeof f?.path === "string" && typeof f.text === "string") &&
      typeof value.services === "number" &&
      typeof value.actions === "number";
    return valid ? value : undefined;
  } catch {
    return undefined;
  }
}

export function writeCachedOutput(cacheDir: string | undefined, key: string, value: CachedOutput): void {
  writeEntry(cacheDir, `${PREFIX}${key}.json`, JSON.stringify(value));
  const manifest: OutputManifest = {
    services: value.services,
    actions: value.actions,
    files: value.files.map((f) => ({ path: f.path, size: Buffer.byteLength(f.text), sha256: digest(f.text) })),
  };
  writeEntry(cacheDir, `${MANIFEST_PREFIX}${key}.json`, JSON.stringify(manifest));
  pruneEntries(cacheDir, PREFIX, KEEP);
  pruneEntries(cacheDir, "manifest-", KEEP); // also the size-less manifests of earlier tcgen versions
}
