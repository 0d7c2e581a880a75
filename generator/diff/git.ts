/**
 * The specs folder as of a git revision, read into memory: `git ls-tree` lists the spec files under
 * the folder at that commit, `git cat-file --batch` reads them. git runs with argument arrays (never a
 * shell); a ref that starts with `-` is refused before git sees it, and every path is passed after `--`
 * as a literal pathspec.
 */
import { execFile, spawn } from "node:child_process";
import { realpathSync } from "node:fs";
import { relative, sep } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { isSpecPath } from "../load/files.js";
import { MAX_FILE_BYTES } from "../load/parse.js";
import type { SpecFile } from "../model/index.js";

export type GitSpecs =
  | { readonly ok: true; readonly files: readonly SpecFile[]; readonly commit: string }
  | { readonly ok: false; readonly message: string; readonly diagnostics?: readonly Diagnostic[] };

const MAX_OUTPUT = 256 * 1024 * 1024;

function git(cwd: string, args: readonly string[]): Promise<{ ok: true; stdout: string } | { ok: false; stderr: string }> {
  return new Promise((resolve) => {
    execFile("git", [...args], { cwd, maxBuffer: MAX_OUTPUT, encoding: "utf8", env: { ...process.env, GIT_TERMINAL_PROMPT: "0" } }, (error, stdout, stderr) => {
      if (error) resolve({ ok: false, stderr: (stderr || error.message).trim().split("\n")[0] ?? "" });
      else resolve({ ok: true, stdout });
    });
  });
}

/** A ref we pass to git: no leading `-` (an option), no control characters, not empty. */
export function checkRef(ref: string): string | undefined {
  if (ref === "") return "the git ref is empty";
  if (ref.startsWith("-")) return `refusing the git ref ${JSON.stringify(ref)}: it starts with "-"`;
  if (/[\u0000-\u001f\u007f]/.test(ref)) return `refusing the git ref ${JSON.stringify(ref)}: it contains control characters`;
  return undefined;
}

/** Read blobs by id with one `git cat-file --batch` process. */
function readBlobs(cwd: string, ids: readonly string[]): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`git cat-file exited with ${code}`));
      const all = Buffer.concat(chunks);
      const blobs = new Map<string, Buffer>();
      let at = 0;
      for (const id of ids) {
        const eol = all.indexOf(0x0a, at);
        const header = all.subarray(at, eol).toString("utf8").split(" ");
        const size = Number(header[2]);
        if (header[1] !== "blob" || !Number.isSafeInteger(size)) return reject(new Error(`git cat-file: unexpected header for ${id}`));
        blobs.set(id, all.subarray(eol + 1, eol + 1 + size));
        at = eol + 1 + size + 1;
      }
      resolve(blobs);
    });
    child.stdin.end(ids.map((id) => `${id}\n`).join(""));
  });
}

/**
 * The spec files (`*.yaml`, `*.yml`) under `specsDir` as of `ref`, paths relative to `specsDir`.
 * `specsDir` must be inside a git work tree; the folder is located in the commit by its path from
 * the work tree's top.
 */
export async function readSpecsAtRef(specsDir: string, ref: string): Promise<GitSpecs> {
  const bad = checkRef(ref);
  if (bad) return { ok: false, message: bad };
  const top = await git(specsDir, ["rev-parse", "--show-toplevel"]);
  if (!top.ok) return { ok: false, message: `cannot read git history: ${top.stderr}` };
  const root = top.stdout.trim();
  const commit = await git(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
  if (!commit.ok) return { ok: false, message: `unknown git revision ${JSON.stringify(ref)}` };
  const id = commit.stdout.trim();
  const rel = relative(realpathSync(root), realpathSync(specsDir)).split(sep).join("/");
  if (rel.startsWith("..")) return { ok: false, message: "the specs folder is outside the git work tree" };
  const prefix = rel === "" ? "" : `${rel}/`;
  const listed = await git(root, ["ls-tree", "-r", "-z", "-l", "--full-tree", id, "--", rel === "" ? "." : `:(literal)${rel}`]);
  if (!listed.ok) return { ok: false, message: `cannot list ${rel || "."} at ${ref}: ${listed.stderr}` };
  const entries: { path: string; id: string }[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const row of listed.stdout.split("\0")) {
    // <mode> SP <type> SP <object> SP+ <size> TAB <path>
    const m = /^(\d+) (\w+) ([0-9a-f]+) +(\S+)\t(.*)$/s.exec(row);
    if (!m) continue;
    const [, mode, type, object, size, path] = m as unknown as [string, string, string, string, string, string];
    if (type !== "blob" || mode === "120000" || !path.startsWith(prefix) || !isSpecPath(path)) continue;
    const inSpecs = path.slice(prefix.length);
    if (Number(size) > MAX_FILE_BYTES) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      diagnostics.push({ file: inSpecs, line: 0, col: 0, path: "", message: `the file is too large (${mb(Number(size))} MB; at most ${mb(MAX_FILE_BYTES)} MB per file): split it into several files` });
      continue;
    }
    entries.push({ path: inSpecs, id: object });
  }
  if (diagnostics.length > 0) return { ok: false, message: `invalid specs at ${ref}`, diagnostics };
  let blobs: Map<string, Buffer>;
  try {
    blobs = entries.length === 0 ? new Map() : await readBlobs(root, entries.map((e) => e.id));
  } catch (error) {
    return { ok: false, message: `cannot read ${rel || "."} at ${ref}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const files = entries.map((e) => ({ path: e.path, content: new Uint8Array(blobs.get(e.id) ?? Buffer.alloc(0)) }));
  return { ok: true, files, commit: id };
}
