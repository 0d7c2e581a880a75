/** Paths compared as the file system sees them: symlinks resolved, for the part of a path that exists. */
import { realpathSync } from "node:fs";
import { basename, dirname, join, parse, relative, resolve, sep } from "node:path";

/** The real path of `path`: the longest existing prefix resolved with realpath, the rest appended. */
export function realPath(path: string): string {
  const abs = resolve(path);
  const tail: string[] = [];
  for (let dir = abs; ; dir = dirname(dir)) {
    try {
      return join(realpathSync.native(dir), ...tail.reverse());
    } catch {
      if (dirname(dir) === dir) return abs;
      tail.push(basename(dir));
    }
  }
}

/** `inner` is `outer` or inside it (both absolute, resolved). */
export function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !parse(rel).root);
}

