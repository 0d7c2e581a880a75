/**
 * Reading a file whose size is known first: opened without blocking (a FIFO cannot stall the read),
 * sized with fstat on the open descriptor, read only when it is a regular file within `limit` bytes,
 * and never past the size fstat gave plus one byte (a file that grew meanwhile is `changed`).
 * The one way tcgen reads an input file whole (specs, config, api.json, reply files, output files).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { open } from "node:fs/promises";

export type BoundedRead =
  | { readonly ok: true; readonly bytes: Buffer }
  | { readonly ok: false; readonly reason: "not-regular" | "too-large" | "changed"; readonly size: number };

const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Why the file cannot be read given its fstat, or undefined when it can. */
function refusal(isFile: boolean, size: number, limit: number): BoundedRead | undefined {
  if (!isFile) return { ok: false, reason: "not-regular", size };
  if (size > limit) return { ok: false, reason: "too-large", size };
  return undefined;
}

/** The bytes read into a buffer of size + 1: `changed` when they filled it (the file grew). */
function result(buffer: Buffer, length: number, size: number): BoundedRead {
  return length === buffer.length ? { ok: false, reason: "changed", size } : { ok: true, bytes: buffer.subarray(0, length) };
}

/** Throws only what opening or reading throws (ENOENT, EACCES, ELOOP…). */
export function readBoundedSync(path: string, limit: number): BoundedRead {
  const fd = openSync(path, FLAGS);
  try {
    const info = fstatSync(fd);
    const refused = refusal(info.isFile(), info.size, limit);
    if (refused) return refused;
    const buffer = Buffer.alloc(info.size + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, length);
    return result(buffer, length, info.size);
  } finally {
    closeSync(fd);
  }
}

/** `readBoundedSync` without blocking the event loop. Throws only what opening or reading throws. */
export async function readBounded(path: string, limit: number): Promise<BoundedRead> {
  const handle = await open(path, FLAGS);
  try {
    const info = await handle.stat();
    const refused = refusal(info.isFile(), info.size, limit);
    if (refused) return refused;
    const buffer = Buffer.alloc(info.size + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = (await handle.read(buffer, length, buffer.length - length, length)).bytesRead;
    return result(buffer, length, info.size);
  } finally {
    await handle.close();
  }
}
