/**
 * Shared helpers of the benchmark harness: paths, child processes, statistics.
 * Every measurement runs in a fresh child process (`runChild`); the child prints one JSON line last.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const repoRoot = resolve(benchDir, "..");
export const workDir = join(benchDir, ".work");
export const distDir = join(repoRoot, "dist");
export const peersDir = join(benchDir, "peers");
export const corpusRoot = resolve(repoRoot, "../shared/corpus");
export const cvmCorpus = join(corpusRoot, "tencentcloud/cvm/v20170312");

export function freshDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function ensureDir(dir) {
  mkdirSync(dir, { recursive: true });
  return dir;
}

export const has = (p) => existsSync(p);

/**
 * Run `node <script> ...args` in a fresh process. Resolves with
 * { ok, code, timedOut, wallMs, peakRssMB, json, stdout, stderr }; `json` is the last stdout line parsed
 * as JSON (or undefined); `peakRssMB` is sampled from /proc every 250 ms (Linux only).
 */
export function runNode(script, args = [], { timeoutMs = 300_000, nodeArgs = [], cwd = repoRoot, env } = {}) {
  return runProcess(process.execPath, [...nodeArgs, script, ...args], { timeoutMs, cwd, env });
}

/**
 * Peak resident set size (MB) of a running process so far, from Linux's /proc (VmHWM); undefined
 * elsewhere. Used to know how much memory a run had taken when it was stopped at a time cap.
 */
function highWaterMB(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Children still running: killed if the harness itself is interrupted. */
const active = new Set();
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    for (const child of active) child.kill("SIGKILL");
    process.exit(130);
  });
}

export function runProcess(cmd, args, { timeoutMs = 300_000, cwd = repoRoot, env } = {}) {
  return new Promise((resolvePromise) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd, env: env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    active.add(child);
    let peakRssMB;
    const sampler = setInterval(() => {
      const mb = highWaterMB(child.pid);
      if (mb !== undefined) peakRssMB = Math.max(peakRssMB ?? 0, mb);
    }, 250);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (err) => {
      active.delete(child);
      clearTimeout(timer);
      clearInterval(sampler);
      resolvePromise({ ok: false, code: -1, wallMs: 0, json: undefined, stdout, stderr: String(err) });
    });
    child.on("close", (code, signal) => {
      active.delete(child);
      clearTimeout(timer);
      clearInterval(sampler);
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      const lines = stdout.trim().split("\n");
      let json;
      try {
        json = JSON.parse(lines[lines.length - 1] ?? "");
      } catch {
        json = undefined;
      }
      const why = timedOut ? `timed out after ${timeoutMs / 1000} s` : signal ? `killed by ${signal}` : undefined;
      resolvePromise({ ok: code === 0 && !timedOut, code, timedOut, wallMs, peakRssMB, json, stdout, stderr: why ? `${why}\n${stderr}` : stderr });
    });
  });
}

/** First meaningful line of a child's failure output, for notes in the table. */
export function failureReason(r) {
  if (r.json && typeof r.json.error === "string") return r.json.error;
  const text = `${r.stderr}\n${r.stdout}`;
  const line =
    text.split("\n").find((l) => /error|not implemented|cannot|missing|unavailable|timed out|killed/i.test(l)) ??
    text.split("\n").find((l) => l.trim() !== "");
  return (line ?? `exit code ${r.code}`).trim().slice(0, 200);
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** { median, min, max, runs, values } of a list of numbers. */
export function summarize(values) {
  const v = values.filter((x) => typeof x === "number" && Number.isFinite(x));
  return { median: median(v), min: Math.min(...v), max: Math.max(...v), runs: v.length, values: v };
}

export const log = (...a) => process.stderr.write(`${a.join(" ")}\n`);
