/**
 * `tcgen verify --write-overlay <file>`: the overlay that makes the checked replies conform
 * (from-replies.ts), written to `<file>`. An existing `<file>` must be an overlay of the same service
 * version: its patches are kept and the new fixes merged in (the file is rewritten, comments
 * dropped). Nothing is written when the replies need no fix.
 */
import { readFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { parse } from "yaml";
import { formatDiagnostic, sortDiagnostics } from "../diagnostics.js";
import { errorText, writeFilesAtomically } from "../import/write-files.js";
import { loadModel } from "../model/index.js";
import { readReplyFiles } from "../verify/inputs.js";
import { selectService } from "../verify/verify.js";
import { fixCount, overlayFromReplies } from "./from-replies.js";
import { overlayMap, overlayText, toYamlMap } from "./write.js";

export const WRITTEN_HEADER: readonly string[] = [
  "Written by `tcgen verify --write-overlay` from recorded replies: fields they show absent (optional: true),",
  "null (nullable: true) or outside an enum (enum.add). Review it. Import never touches it; running verify",
  "--write-overlay again merges new findings into this file.",
];

export interface WriteOverlayOptions {
  readonly specsDir: string;
  readonly service: string;
  readonly serviceVersion?: string | undefined;
  readonly files: readonly string[];
  /** The overlay file to write (or merge into). */
  readonly out: string;
}

export type WriteOverlayResult =
  | {
      readonly ok: true;
      readonly written: boolean;
      readonly fixes: number;
      readonly drifting: number;
      readonly successes: number;
      /** `out` is not inside the specs dir (so no command applies it there). */
      readonly outsideSpecs: boolean;
    }
  | { readonly ok: false; readonly problems: readonly string[] };

export async function writeReplyOverlay(options: WriteOverlayOptions): Promise<WriteOverlayResult> {
  const { replies, problems } = await readReplyFiles(options.files);
  const loaded = await loadModel(options.specsDir);
  if (!loaded.ok) return { ok: false, problems: [...problems, ...sortDiagnostics(loaded.diagnostics).map(formatDiagnostic)] };
  const selected = selectService(loaded.model, options.service, options.serviceVersion);
  if (!selected.ok) problems.push(selected.message);
  if (problems.length > 0 || !selected.ok) return { ok: false, problems };
  const service = selected.service;

  const overlay = overlayFromReplies(loaded.model, service, replies);
  const fixes = fixCount(overlay);
  const inside = relative(resolve(options.specsDir), resolve(options.out));
  const outsideSpecs = inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside);
  const summary = { fixes, drifting: overlay.drifting, successes: overlay.successes, outsideSpecs };

  if (fixes === 0) return { ok: true, written: false, ...summary };
  let existing: string | undefined;
  try {
    existing = await readFile(options.out, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException | null)?.code !== "ENOENT") return { ok: false, problems: [`${options.out}: cannot read the file (${errorText(e)})`] };
  }
  let base;
  if (existing !== undefined) {
    const label = `an overlay of ${service.name} ${service.version}`;
    let value: unknown;
    try {
      value = parse(existing);
    } catch (e) {
      return { ok: false, problems: [`${options.out}: exists and is not YAML (${errorText(e)}); not overwritten`] };
    }
    const head = typeof value === "object" && value !== null ? (value as { overlay?: { service?: unknown; version?: unknown } }).overlay : undefined;
    if (head?.service !== service.name || head.version !== service.version) {
      return { ok: false, problems: [`${options.out}: exists and is not ${label}; not overwritten`] };
    }
    const converted = toYamlMap(value);
    if (!converted.ok) return { ok: false, problems: [`${options.out}: ${converted.reason}; not overwritten`] };
    base = converted.map;
  }
  const text = overlayText(WRITTEN_HEADER, overlayMap(service, overlay, base));
  try {
    const changed = await writeFilesAtomically(dirname(options.out), [{ path: basename(options.out), text }]);
    return { ok: true, written: changed.length > 0, ...summary };
  } catch (e) {
    return { ok: false, problems: [`${options.out}: cannot write the overlay (${errorText(e)})`] };
  }
}
