/**
 * The output as a user meets it: generate the package from specs/, `npm pack` it, install the tarball
 * into a fresh project outside the repo, and compile a consumer (parser, match, types, client) under
 * the strictest settings with moduleResolution nodenext and bundler, with the DOM lib, with only
 * `lib: ["es2022"]` and no types, and with Node's types, on TypeScript 5.9, 6 and 7.
 * Then run the consumer's code under Node, and check the package with @arethetypeswrong/cli.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFromDir } from "../../generator/pipeline.js";
import { repoRoot } from "../helpers/paths.js";
import { writeOutput } from "../helpers/write-output.js";

const compilers = [
  ["TypeScript 5.9", join(repoRoot, "node_modules/typescript/bin/tsc")],
  ["TypeScript 6", join(repoRoot, "node_modules/typescript6/bin/tsc")],
  ["TypeScript 7", join(repoRoot, "node_modules/typescript7/bin/tsc")],
] as const;

let work = "";
let pkgDir = "";
let project = "";

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "tcgen-consumer-"));
  pkgDir = join(work, "package");
  const result = await generateFromDir(join(repoRoot, "specs"));
  if (!result.ok) throw new Error(`specs do not load: ${JSON.stringify(result.diagnostics.slice(0, 3))}`);
  writeOutput(pkgDir, result.files);
  execFileSync("npm", ["pack", "--silent", "--pack-destination", work], { cwd: pkgDir, stdio: "pipe" });
  const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"));
  if (!tarball) throw new Error("npm pack produced no tarball");
  project = join(work, "consumer");
  cpSync(join(repoRoot, "test/consumer/fixture"), project, { recursive: true });
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", join(work, tarball)], {
    cwd: project,
    stdio: "pipe",
  });
  // Node's types for tsconfig.node.json (the fixture project has no @types/node of its own).
  mkdirSync(join(project, "node_modules/@types"), { recursive: true });
  symlinkSync(join(repoRoot, "node_modules/@types/node"), join(project, "node_modules/@types/node"), "dir");
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("a fresh project installs and compiles against the package", () => {
  for (const [label, tsc] of compilers) {
    // DOM lib; bundler resolution; `lib: ["es2022"]` without any types; Node's types without DOM.
    for (const config of ["tsconfig.nodenext.json", "tsconfig.bundler.json", "tsconfig.es2022.json", "tsconfig.node.json"]) {
      it(`${label}, ${config}`, () => {
        const r = spawnSync(process.execPath, [tsc, "-p", config], { cwd: project, encoding: "utf8" });
        expect(r.stdout + r.stderr).toBe("");
        expect(r.status).toBe(0);
      });
    }
  }

  it("runs under Node: the parser and match work from the installed package", () => {
    writeFileSync(
      join(project, "run.mjs"),
      `import { match } from "@tcgen/tencentcloud";
import { parseDescribeInstancesStatus } from "@tcgen/tencentcloud/cvm";
const ok = parseDescribeInstancesStatus('{"Response":{"TotalCount":0,"InstanceStatusSet":[],"RequestId":"r1"}}');
const bad = parseDescribeInstancesStatus('{"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":"m"},"RequestId":"r2"}}');
const text = bad.ok ? "?" : match(bad.error, { "AuthFailure.*": (e) => "auth:" + e.code, $default: () => "other" });
console.log(JSON.stringify({ ok: ok.ok, requestId: ok.requestId, text }));
`,
    );
    const out = execFileSync(process.execPath, ["run.mjs"], { cwd: project, encoding: "utf8" });
    expect(JSON.parse(out)).toEqual({ ok: true, requestId: "r1", text: "auth:AuthFailure.SignatureFailure" });
  });

  it("passes @arethetypeswrong/cli (ESM-only profile: the package is ES modules only, by design)", () => {
    const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"));
    const r = spawnSync(
      process.execPath,
      [join(repoRoot, "node_modules/@arethetypeswrong/cli/dist/index.js"), join(work, tarball ?? ""), "--profile", "esm-only", "--format", "ascii"],
      { cwd: work, encoding: "utf8" },
    );
    const out = r.stdout + r.stderr;
    expect(out, out).not.toMatch(/❌|💀/);
    for (const entry of ['"@tcgen/tencentcloud"', '"@tcgen/tencentcloud/cvm"']) {
      const section = out.slice(out.indexOf(entry));
      expect(section).toMatch(/node16 \(from ESM\): 🟢 \(ESM\)/);
      expect(section).toMatch(/bundler: 🟢/);
    }
    expect(r.status, out).toBe(0);
  });
});
