/**
 * Keeping imported spec files within the loader's size limit (MAX_FILE_BYTES, 5 MB): a file over it is
 * split into parts of the same service — `actions.yaml`, `actions-2.yaml`, `actions-3.yaml`, … — which
 * the loader merges back (it groups service files by name and version). The split works on the text
 * `yamlText` writes: header comments, `specVersion`, the `service` block, then one section (`actions:`,
 * `types:` or `errors:`) whose entries start at two spaces of indent; parts after the first keep only
 * the service's `name` and `version` (a host or description set twice is an error). Entries are
 * never cut: one entry larger than the limit by itself cannot be imported.
 */
import { posix } from "node:path";

export type SplitResult =
  | { readonly ok: true; readonly files: readonly { readonly path: string; readonly text: string }[] }
  | { readonly ok: false; readonly message: string };

const SECTION = /^(?:actions|types|errors):$/;
const ENTRY = /^ {2}\S/;
const SERVICE_KEEP = /^ {2}(?:name|version):/;

/** A part file name: `actions.yaml` → `actions-2.yaml`. */
export function partPath(path: string, part: number): string {
  if (part === 1) return path;
  const ext = posix.extname(path);
  return `${path.slice(0, path.length - ext.length)}-${part}${ext}`;
}

/** Names of part files (`actions-2.yaml`, …) the importer may have written earlier in a service folder. */
export const PART_FILE = /^(?:service|types|actions)-\d+\.yaml$/;

export function splitSpecFile(file: { readonly path: string; readonly text: string }, limit: number): SplitResult {
  if (Buffer.byteLength(file.text) <= limit) return { ok: true, files: [file] };
  const lines = file.text.split("\n");
  const last = lines.pop(); // "" after the final newline
  let section = -1;
  for (let i = 0; i < lines.length; i++) if (SECTION.test(lines[i]!)) section = i;
  if (section < 0 || last !== "" || lines.slice(section + 1).some((l) => l !== "" && !l.startsWith("  "))) {
    return { ok: false, message: `${file.path} would be over the ${mb(limit)} MB limit and cannot be split` };
  }
  const head = lines.slice(0, section + 1);
  let inService = false;
  const laterHead = head.filter((line) => {
    if (!line.startsWith(" ")) inService = line === "service:";
    return !inService || !line.startsWith(" ") || SERVICE_KEEP.test(line);
  });
  const entries: string[][] = [];
  for (const line of lines.slice(section + 1)) {
    if (ENTRY.test(line) || entries.length === 0) entries.push([line]);
    else entries[entries.length - 1]!.push(line);
  }
  const bytes = (part: readonly string[]): number => part.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
  const parts: string[][] = [];
  let current: string[] = [...head];
  let size = bytes(current);
  let count = 0;
  for (const entry of entries) {
    const n = bytes(entry);
    if (count > 0 && size + n > limit) {
      parts.push(current);
      current = [...laterHead];
      size = bytes(current);
      count = 0;
    }
    if (size + n > limit) {
      const key = entry[0]!.trim().replace(/:$/, "");
      return { ok: false, message: `${file.path}: the entry ${key} alone is over the ${mb(limit)} MB limit of a spec file` };
    }
    for (const line of entry) current.push(line);
    size += n;
    count++;
  }
  parts.push(current);
  return { ok: true, files: parts.map((p, i) => ({ path: partPath(file.path, i + 1), text: `${p.join("\n")}\n` })) };
}

function mb(n: number): string {
  return (n / (1024 * 1024)).toFixed(1);
}
