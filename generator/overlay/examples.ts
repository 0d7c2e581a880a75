/**
 * `tcgen import tencentcloud --examples <examples.json>`: the overlay that makes a service version's
 * recorded replies conform to the specs just imported (from-replies.ts), as the file
 * `<svc>/v<version>/examples.overlay.yaml` beside them. The file is the importer's own: it is written on
 * every import with `--examples` (with no patches when every reply conforms), never otherwise.
 * The overlay is computed against the imported files and the package file alone (other overlays in
 * the specs dir are the user's, and apply on top).
 */
import { posix } from "node:path";
import { type Diagnostic } from "../diagnostics.js";
import type { InputFile } from "../import/json-source.js";
import { loadModelFromFiles } from "../model/index.js";
import { readRecordedReplies } from "../verify/inputs.js";
import { fixCount, overlayFromReplies } from "./from-replies.js";
import { overlayMap, overlayText } from "./write.js";

export const EXAMPLES_OVERLAY = "examples.overlay.yaml";

export interface ExamplesOverlay {
  readonly file: { readonly path: string; readonly text: string };
  readonly service: string;
  readonly successes: number;
  readonly drifting: number;
  readonly fixes: number;
}

export type ExamplesResult = { readonly ok: true; readonly overlay: ExamplesOverlay } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * `packageFile` and `imported` are spec files (paths relative to the specs dir) holding exactly one
 * service; `examples` the recorded replies (examples.json or JSON Lines).
 */
export function examplesOverlay(
  packageFile: { readonly path: string; readonly text: string },
  imported: readonly { readonly path: string; readonly text: string }[],
  examples: InputFile,
  schemaLine: string,
): ExamplesResult {
  const read = readRecordedReplies(examples.path, examples.text);
  if (!read.ok) return { ok: false, diagnostics: [{ file: examples.path, line: 0, col: 0, path: "", message: read.message.replace(`${examples.path}: `, "") }] };
  const loaded = loadModelFromFiles([packageFile, ...imported].map((f) => ({ path: f.path, content: f.text })));
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
  const service = loaded.model.services[0];
  const first = imported[0];
  if (!service || !first) return { ok: false, diagnostics: [{ file: examples.path, line: 0, col: 0, path: "", message: "no imported service to check the examples against" }] };
  const overlay = overlayFromReplies(loaded.model, service, read.replies);
  const header = [
    schemaLine,
    `Written by \`tcgen import tencentcloud --examples\` from ${posix.basename(examples.path)}: what the recorded replies of ${service.name} ${service.version} show`,
    "absent (optional: true), null (nullable: true) or outside an enum (enum.add), where api.json says otherwise. Review it;",
    "re-import with --examples rewrites it. Put your own corrections in another overlay file.",
  ];
  const path = `${posix.dirname(first.path)}/${EXAMPLES_OVERLAY}`;
  return {
    ok: true,
    overlay: {
      file: { path, text: overlayText(header, overlayMap(service, overlay)) },
      service: `${service.name} ${service.version}`,
      successes: overlay.successes,
      drifting: overlay.drifting,
      fixes: fixCount(overlay),
    },
  };
}
