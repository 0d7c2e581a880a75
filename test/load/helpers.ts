/** Small spec builders for loader tests: a package file plus service files as inline YAML. */
import { formatDiagnostic } from "../../generator/diagnostics.js";
import { loadModelFromFiles, type SpecFile } from "../../generator/model/index.js";
import type { Model } from "../../generator/model/types.js";

/** A valid Tencent-style package file (`package.yaml`). */
export const PACKAGE = `specVersion: 1
package:
  name: "@tcgen/test"
  version: "0.1.0"
envelope:
  wrapper: Response
  requestId: RequestId
  error: { key: Error, code: Code, message: Message }
  hostSuffix: tencentcloudapi.com
commonErrors:
  InternalError:
    description: Internal error.
    retry: transient
  InvalidParameter:
    description: A parameter is wrong.
`;

/** The head of a cvm 2017-03-12 service file, followed by `body`. */
export function service(body: string, name = "cvm", version = "2017-03-12"): string {
  return `specVersion: 1\nservice:\n  name: ${name}\n  version: "${version}"\n${body}`;
}

export type Files = Readonly<Record<string, string | Uint8Array>>;

export function specFiles(files: Files): SpecFile[] {
  return Object.entries(files).map(([path, content]) => ({ path, content }));
}

/** Formatted diagnostics of loading `files` ([] when the model builds). */
export function diagnose(files: Files): string[] {
  const r = loadModelFromFiles(specFiles(files));
  return r.ok ? [] : r.diagnostics.map(formatDiagnostic);
}

/** The model of `files`; fails the test with the diagnostics when it does not build. */
export function model(files: Files): Model {
  const r = loadModelFromFiles(specFiles(files));
  if (!r.ok) throw new Error(`expected a model, got:\n${r.diagnostics.map(formatDiagnostic).join("\n")}`);
  return r.model;
}
