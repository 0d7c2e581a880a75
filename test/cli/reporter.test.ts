import { afterEach, describe, expect, it, vi } from "vitest";
import { colorEnabled, Reporter, type CliIo } from "../../generator/cli/reporter.js";

function fakeIo(env: Record<string, string>, tty: boolean): CliIo & { err: string[] } {
  const err: string[] = [];
  return { err, stdout: () => {}, stderr: (t) => void err.push(t), stderrIsTTY: tty, cwd: "/", env };
}

describe("colour", () => {
  it("is on for a terminal or FORCE_COLOR, and never with NO_COLOR", () => {
    expect(colorEnabled(fakeIo({}, true))).toBe(true);
    expect(colorEnabled(fakeIo({}, false))).toBe(false);
    expect(colorEnabled(fakeIo({ FORCE_COLOR: "1" }, false))).toBe(true);
    expect(colorEnabled(fakeIo({ FORCE_COLOR: "0" }, true))).toBe(false);
    expect(colorEnabled(fakeIo({ NO_COLOR: "1" }, true))).toBe(false);
    expect(colorEnabled(fakeIo({ NO_COLOR: "1", FORCE_COLOR: "1" }, true))).toBe(false);
    expect(colorEnabled(fakeIo({ NO_COLOR: "" }, true))).toBe(true); // empty means unset (no-color.org)
  });
});

describe("progress line", () => {
  afterEach(() => void vi.useRealTimers());

  it("appears only after a second of work, on a terminal, and is cleared before messages", () => {
    vi.useFakeTimers();
    const io = fakeIo({}, true);
    const reporter = new Reporter(io, {});
    reporter.progress("reading specs");
    vi.advanceTimersByTime(900);
    expect(io.err).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(io.err).toEqual(["\r\u001b[2Kreading specs…"]);
    reporter.progress("formatting 1/2 files");
    reporter.info("done");
    expect(io.err.slice(1)).toEqual(["\r\u001b[2Kformatting 1/2 files…", "\r\u001b[2K", "done\n"]);
  });

  it("never appears when quiet or not on a terminal", () => {
    vi.useFakeTimers();
    for (const [io, flags] of [
      [fakeIo({}, false), {}],
      [fakeIo({}, true), { quiet: true }],
    ] as const) {
      const reporter = new Reporter(io, flags);
      reporter.progress("reading specs");
      vi.advanceTimersByTime(5000);
      reporter.progress("formatting");
      expect(io.err).toEqual([]);
    }
  });
});
