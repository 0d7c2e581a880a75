/** The one whole-file reader: size from fstat first, regular files only, never past the limit (sync and async alike). */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readBounded, readBoundedSync, type BoundedRead } from "../../generator/read-bounded.js";

const dir = mkdtempSync(join(tmpdir(), "tcgen-read-bounded-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, "small"), "abc");
writeFileSync(join(dir, "empty"), "");
mkdirSync(join(dir, "folder"));
execFileSync("mkfifo", [join(dir, "fifo")]);

const summary = (r: BoundedRead) => (r.ok ? { ok: true, text: r.bytes.toString("utf8") } : { ok: false, reason: r.reason, size: r.size });

describe.each([
  ["sync", (p: string, limit: number) => new Promise<BoundedRead>((done) => done(readBoundedSync(p, limit)))],
  ["async", readBounded],
] as const)("%s", (_name, read) => {
  it.each([
    ["a file within the limit", "small", 3, { ok: true, text: "abc" }],
    ["an empty file", "empty", 0, { ok: true, text: "" }],
    ["a file over the limit", "small", 2, { ok: false, reason: "too-large", size: 3 }],
    ["a folder", "folder", 10, { ok: false, reason: "not-regular", size: expect.any(Number) }],
    ["a FIFO (no blocking)", "fifo", 10, { ok: false, reason: "not-regular", size: 0 }],
  ])("%s", async (_case, name, limit, want) => {
    expect(summary(await read(join(dir, name), limit))).toEqual(want);
  });

  it("throws what opening throws", async () => {
    await expect(read(join(dir, "missing"), 10)).rejects.toMatchObject({ code: "ENOENT" });
  });
});
