/** Hand-made specs and scratch folders for the verify tests. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { tencentDefaultsFile } from "../../generator/import/tencentcloud/index.js";

/** A demo service: one named type with an enum and a nullable field, two actions, one own code. */
export const DEMO_SERVICE = `specVersion: 1
service:
  name: demo
  version: "2020-01-01"
errors:
  InvalidZone.NotFound:
    description: No zone has this name.
types:
  Zone:
    fields:
      Name: string
      State: { type: string, enum: [AVAILABLE, UNAVAILABLE] }
      Note: { type: string, nullable: true }
      Tags: { type: "string[]", optional: true }
      Created: { type: datetime, optional: true }
      Kind: { type: string, enum: [SMALL, LARGE], open: true, optional: true }
actions:
  DescribeZones:
    response:
      TotalCount: int64
      ZoneSet: Zone[]
      Size: { type: uint64, optional: true }
    errors: [InvalidZone.NotFound]
  Ping:
    response: {}
`;

/** The same service name in a second version (for --service-version). */
export const DEMO_SERVICE_V2 = DEMO_SERVICE.replace('version: "2020-01-01"', 'version: "2021-02-03"');

export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Write `files` (path → text) under `dir`; returns `dir`. */
export function writeTree(dir: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return dir;
}

/** The shipped Tencent package file (common codes, envelope). */
export function packageFile(): { path: string; text: string } {
  const d = tencentDefaultsFile();
  if (!d.ok) throw new Error(d.diagnostics.map((x) => x.message).join("\n"));
  return d.file;
}

/** A specs dir with the package file and the given service files. */
export function specsDir(root: string, services: Record<string, string>): string {
  const pkg = packageFile();
  return writeTree(root, { [pkg.path]: pkg.text, ...services });
}

/** JSON Lines text of `{action, reply, title?}` records. */
export function jsonl(records: ReadonlyArray<{ action: string; reply: unknown; title?: string }>): string {
  return records.map((r) => JSON.stringify(r)).join("\n") + "\n";
}

export interface Captured {
  readonly out: string[];
  readonly err: string[];
  readonly io: { out: (line: string) => void; err: (line: string) => void };
}

export function capture(): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l) => out.push(l), err: (l) => err.push(l) } };
}
