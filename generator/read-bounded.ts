/**
 * Reading a file whose size is known first: opened without blocking (a FIFO cannot stall the read),
 * sized with fstat on the open descriptor, read only when it is a regular file within `limit` bytes.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";

export type BoundedRead =
  | { readonly ok: true; readonly bytes: Buffer }
  | { readonly ok: false; readonly reason: "not-regular" | "too-large"; readonly size: number };

/** Throws only what opening or reading throws (ENOENT, EACCES, ELOOP…). */
export function readBoundedSync(path: string, limit: number): BoundedRead {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { ok: false, reason: "not-regular", size: info.size };
    if (info.size > limit) return { ok: false, reason: "too-large", size: info.size };
    const bytes = Buffer.alloc(info.size);
    let length = 0;
    while (length < bytes.length) {
      const n = readSync(fd, bytes, length, bytes.length - length, length);
      if (n === 0) break;
      length += n;
    }
    return { ok: true, bytes: bytes.subarray(0, length) };
  } finally {
    closeSync(fd);
  }
}
