/**
 * tcgen's on-disk cache: content-addressed entries under `node_modules/.cache/tcgen/` of the project
 * that holds the current directory (or a private folder in the OS temp dir). Every entry carries a
 * SHA-256 of its body, so a truncated or edited entry reads as a miss. Nothing here ever throws: a
 * missing, corrupt or unwritable cache only costs time.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const MAGIC = "tcgen-cache-v1 ";

export function sha256(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(part);
    hash.update("\0");
  }
  return hash.digest("hex");
}

/**
 * The cache folder, or undefined when caching is off (`TCGEN_NO_CACHE` set and not "0").
 * `TCGEN_CACHE_DIR` overrides the location.
 */
export function defaultCacheDir(
  cwd: string = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const off = env["TCGEN_NO_CACHE"];
  if (off !== undefined && off !== "" && off !== "0") return undefined;
  const explicit = env["TCGEN_CACHE_DIR"];
  if (explicit) return explicit;
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) {
      if (existsSync(join(dir, "node_modules"))) return join(dir, "node_modules", ".cache", "tcgen");
      break;
    }
    if (dirname(dir) === dir) break;
  }
  return privateTempDir();
}

/** `<tmp>/tcgen-cache-<uid>`, only if it is ours and nobody else can write to it (shared /tmp). */
function privateTempDir(): string | undefined {
  const uid = typeof process.getuid === "function" ? process.getuid() : undefined;
  const dir = join(tmpdir(), `tcgen-cache-${uid ?? "user"}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    if (!st.isDirectory()) return undefined;
    if (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/** The body stored under `name`, or undefined if absent or damaged. */
export function readEntry(dir: string | undefined, name: string): string | undefined {
  if (dir === undefined) return undefined;
  let raw: string;
  try {
    raw = readFileSync(join(dir, name), "utf8");
  } catch {
    return undefined;
  }
  const newline = raw.indexOf("\n");
  if (!raw.startsWith(MAGIC) || newline < 0) return undefined;
  const body = raw.slice(newline + 1);
  return raw.slice(MAGIC.length, newline) === sha256(body) ? body : undefined;
}

/** Store `body` under `name` (write to a temp file, then rename: readers never see half an entry). */
export function writeEntry(dir: string | undefined, name: string, body: string): void {
  if (dir === undefined) return;
  const tmp = join(dir, `.${name}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, `${MAGIC}${sha256(body)}\n${body}`);
    renameSync(tmp, join(dir, name));
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}

/** Delete all but the `keep` most recently written entries whose names start with `prefix`. */
export function pruneEntries(dir: string | undefined, prefix: string, keep: number): void {
  if (dir === undefined) return;
  try {
    const entries = readdirSync(dir)
      .filter((name) => name.startsWith(prefix))
      .map((name) => ({ name, mtime: statSync(join(dir, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime || (a.name < b.name ? -1 : 1));
    for (const entry of entries.slice(keep)) rmSync(join(dir, entry.name), { force: true });
  } catch {
    // Best effort.
  }
}
