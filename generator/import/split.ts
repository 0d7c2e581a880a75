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
  const { text } = file;
  if (Buffer.byteLength(text) <= limit) return { ok: true, files: [file] };
  // Offsets, not arrays of lines: the text may be tens of megabytes.
  let section = -1;
  for (const m of text.matchAll(/^(?:actions|types|errors):\n/gm)) section = m.index + m[0].length;
  if (section < 0 || !text.endsWith("\n") || /^[^ \n]/m.test(text.slice(section))) {
    return { ok: false, message: `${file.path} would be over the ${mb(limit)} MB limit and cannot be split` };
  }
  const head = text.slice(0, section);
  let inService = false;
  const laterHead = head
    .split("\n")
    .filter((line) => {
      if (!line.startsWith(" ")) inService = line === "service:";
      return !inService || !line.startsWith(" ") || SERVICE_KEEP.test(line);
    })
    .join("\n");
  // Entry starts: the section's first line, then every line with exactly two spaces of indent.
  const starts = [section];
  for (let at = text.indexOf("\n", section); at >= 0 && at + 1 < text.length; at = text.indexOf("\n", at + 1)) {
    if (ENTRY.test(text.slice(at + 1, at + 4))) starts.push(at + 1);
  }
  starts.push(text.length);
  const bytes = (from: number, to: number): number => Buffer.byteLength(text.slice(from, to));
  const parts: string[] = [];
  let prefix = head;
  let size = Buffer.byteLength(head);
  let from = starts[0]!;
  for (let i = 0; i + 1 < starts.length; i++) {
    const n = bytes(starts[i]!, starts[i + 1]!);
    if (starts[i]! > from && size + n > limit) {
      parts.push(prefix + text.slice(from, starts[i]));
      prefix = laterHead;
      size = Buffer.byteLength(laterHead);
      from = starts[i]!;
    }
    if (size + n > limit) {
      const key = text.slice(starts[i]!, text.indexOf("\n", starts[i]!)).trim().replace(/:$/, "");
      return { ok: false, message: `${file.path}: the entry ${key} alone is over the ${mb(limit)} MB limit of a spec file` };
    }
    size += n;
  }
  parts.push(prefix + text.slice(from));
  return { ok: true, files: parts.map((p, i) => ({ path: partPath(file.path, i + 1), text: p })) };
}

function mb(n: number): string {
  return (n / (1024 * 1024)).toFixed(1);
}
