/**
 * Test-time access to the API history snapshots (../shared/corpus/history, never copied into the
 * repo): each snapshot imported with the product's importer and loaded with the package file, cached.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { compareText, formatDiagnostic } from "../../generator/diagnostics.js";
import { importTencentCloud, tencentDefaultsFile } from "../../generator/import/tencentcloud/index.js";
import { loadModelFromFiles, type SpecFile } from "../../generator/model/index.js";
import type { Model } from "../../generator/model/types.js";
import { repoRoot } from "../import/corpus.js";

export const historyRoot = resolve(repoRoot, "../shared/corpus/history");
export const hasHistory = existsSync(historyRoot);
if (!hasHistory) console.warn(`history corpus not found at ${historyRoot}: history tests skipped`);

export const HISTORY_SERVICES = [
  { svc: "cvm", folder: "v20170312" },
  { svc: "cbs", folder: "v20170312" },
  { svc: "sts", folder: "v20180813" },
] as const;

/** Snapshot folder names of a service version, oldest first. */
export function snapshots(svc: string, folder: string): string[] {
  if (!hasHistory) return [];
  return readdirSync(resolve(historyRoot, svc, folder)).filter((n) => /^\d{4}-\d\d-\d\d_/.test(n)).sort(compareText);
}

/** The snapshot's api.json and errors.json, imported into spec files (paths relative to a specs dir). */
export function importedSnapshot(svc: string, folder: string, snapshot: string): SpecFile[] {
  const dir = resolve(historyRoot, svc, folder, snapshot);
  const read = (name: string) => ({ path: `${svc}/${folder}/${snapshot}/${name}`, text: readFileSync(resolve(dir, name), "utf8") });
  const r = importTencentCloud({ api: read("api.json"), errors: read("errors.json") });
  if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join("\n"));
  const d = tencentDefaultsFile();
  if (!d.ok) throw new Error(d.diagnostics.map(formatDiagnostic).join("\n"));
  return [{ path: d.file.path, content: d.file.text }, ...r.files.map((f) => ({ path: f.path, content: f.text }))];
}

const models = new Map<string, Model>();

/** The model of one snapshot (imported once per test file). */
export function snapshotModel(svc: string, folder: string, snapshot: string): Model {
  const key = `${svc}/${folder}/${snapshot}`;
  const hit = models.get(key);
  if (hit) return hit;
  const r = loadModelFromFiles(importedSnapshot(svc, folder, snapshot));
  if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join("\n"));
  models.set(key, r.model);
  return r.model;
}
