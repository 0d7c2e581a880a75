/**
 * The README's "Quick start: your own JSON API", followed as written in an empty folder: every shell
 * command of the section runs as it is written, in order, and every file block (first line: a comment
 * naming its path) is written where it says, when it comes. One step is stood in for: `npm install
 * --save-dev typescript ../tcgen` needs the network, so the test links this checkout (its built CLI)
 * and its TypeScript into the folder's node_modules, with their `.bin` entries, as npm would.
 * Run `npm run build` first.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { expect, it } from "vitest";
import { repoRoot } from "../helpers/paths.js";

const INSTALL = "npm install --save-dev typescript ../tcgen";

interface Step {
  readonly kind: "sh" | "file";
  readonly text: string;
}

/** The section's fenced blocks, in order. */
function quickStart(): Step[] {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const start = readme.indexOf("## Quick start: your own JSON API");
  const end = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, end);
  const steps: Step[] = [];
  for (const m of section.matchAll(/```(\w+)\n([\s\S]*?)```/g)) steps.push({ kind: m[1] === "sh" ? "sh" : "file", text: m[2]! });
  return steps;
}

function install(dir: string): void {
  const modules = join(dir, "node_modules");
  mkdirSync(join(modules, ".bin"), { recursive: true });
  symlinkSync(repoRoot, join(modules, "tcgen"), "dir");
  symlinkSync(join(repoRoot, "node_modules/typescript"), join(modules, "typescript"), "dir");
  symlinkSync(join(repoRoot, "bin/tcgen.js"), join(modules, ".bin/tcgen"));
  symlinkSync(join(repoRoot, "node_modules/typescript/bin/tsc"), join(modules, ".bin/tsc"));
}

it("the README quick start works as written, from an empty folder", () => {
  const steps = quickStart();
  expect(steps.filter((s) => s.kind === "sh").length).toBeGreaterThanOrEqual(3);
  const root = mkdtempSync(join(tmpdir(), "tcgen-quick-start-"));
  let cwd = root;
  const ran: string[] = [];
  try {
    for (const step of steps) {
      if (step.kind === "file") {
        const path = /^(?:#|\/\/) (\S+)\n/.exec(step.text)?.[1];
        if (path === undefined) throw new Error(`a file block without its path:\n${step.text}`);
        mkdirSync(dirname(join(cwd, path)), { recursive: true });
        writeFileSync(join(cwd, path), step.text);
        continue;
      }
      for (const line of step.text.split("\n").filter((l) => l.trim() !== "")) {
        if (line === INSTALL) {
          install(cwd);
          continue;
        }
        for (const part of line.split(" && ")) {
          const cd = /^cd (\S+)$/.exec(part);
          if (cd) {
            cwd = resolve(cwd, cd[1]!);
            continue;
          }
          const r = spawnSync("bash", ["-c", part], { cwd, encoding: "utf8", env: { ...process.env, npm_config_offline: "true", npm_config_update_notifier: "false" } });
          ran.push(part);
          expect(`${part}\n${r.stdout}${r.stderr}`.trim(), part).toMatch(r.status === 0 ? /[\s\S]*/ : /^$/);
        }
      }
    }
    expect(ran).toContain("npx tcgen generate --specs specs --out generated");
    expect(ran).toContain("npx tsc -p .");
    expect(ran).toContain("npx tcgen check --specs specs --out generated");
    // the package is there and typed: the compiled call's response type is exactly the data
    expect(readFileSync(join(cwd, "generated/orders/types.d.ts"), "utf8")).not.toContain("trace_id");
    // a stale generated/ makes the CI command fail
    writeFileSync(join(cwd, "generated/orders/types.d.ts"), "// edited\n");
    const stale = spawnSync("bash", ["-c", "npx tcgen check --specs specs --out generated"], { cwd, encoding: "utf8" });
    expect(stale.status).toBe(1);
    execFileSync("bash", ["-c", "npx tcgen generate --specs specs --out generated --force"], { cwd });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}, 120_000);
