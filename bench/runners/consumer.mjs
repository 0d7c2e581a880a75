/**
 * Write a consumer project for the type-check figure (not timed):
 *   node bench/runners/consumer.mjs <specsDir> <pkgDir> <projectDir> <service>
 * The consumer parses a reply of EVERY action of <service> and, on failure, narrows the error with
 * `match` (an exact code, a family pattern, $unknown, $default). The package is linked into
 * <projectDir>/node_modules under its own name; tsconfig matches test/consumer/fixture (strictest
 * settings, skipLibCheck false, so the package's declarations are checked too).
 * Prints {actions, codes, lines}.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { modelOf } from "../lib/tcgen.mjs";
import { distDir } from "../lib/util.mjs";

const [specsDir, pkgDir, projectDir, serviceName] = process.argv.slice(2).map((a, i) => (i < 3 ? resolve(a) : a));

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022", "DOM"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noImplicitReturns: true,
    noPropertyAccessFromIndexSignature: true,
    verbatimModuleSyntax: true,
    isolatedModules: true,
    skipLibCheck: false,
    noEmit: true,
    types: [],
  },
  files: ["consumer.ts"],
};

try {
  const model = await modelOf(specsDir);
  const names = await import(pathToFileURL(join(distDir, "emit/names.js")).href);
  const service = model.services.find((s) => s.name === serviceName) ?? model.services[0];
  const dir = names.serviceModuleDir(service, model);
  const n = names.serviceNames(service);
  const pkgName = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")).name;
  const lines = [
    `import { match } from ${JSON.stringify(pkgName)};`,
    `import * as svc from ${JSON.stringify(`${pkgName}/${dir}`)};`,
    "",
  ];
  let codes = 0;
  for (const a of service.actions) {
    const exact = (a.errors.find((c) => a.ownErrors.includes(c.code)) ?? a.errors[0])?.code;
    const dotted = a.errors.find((c) => c.code.includes("."));
    const handlers = [];
    if (exact) handlers.push(`    ${JSON.stringify(exact)}: (e) => e.code,`);
    if (dotted) handlers.push(`    ${JSON.stringify(`${dotted.family}.*`)}: (e) => e.family + e.message,`);
    handlers.push("    $unknown: (e) => e.rawCode,", "    $default: (e) => e.kind,");
    codes = Math.max(codes, a.errors.length);
    lines.push(
      `export function use${a.name}(text: string): string {`,
      `  const r = svc.${n.parserName(a.name)}(text);`,
      "  if (r.ok) return r.requestId + Object.keys(r.data).length;",
      "  return match(r.error, {",
      ...handlers,
      "  });",
      "}",
      "",
    );
  }
  rmSync(projectDir, { recursive: true, force: true });
  mkdirSync(projectDir, { recursive: true });
  writeFileSync(join(projectDir, "package.json"), JSON.stringify({ name: "bench-consumer", private: true, type: "module" }, null, 2));
  writeFileSync(join(projectDir, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
  writeFileSync(join(projectDir, "consumer.ts"), lines.join("\n"));
  const link = join(projectDir, "node_modules", pkgName);
  mkdirSync(dirname(link), { recursive: true });
  symlinkSync(pkgDir, link, "dir");
  console.log(JSON.stringify({ actions: service.actions.length, codes, lines: lines.length }));
} catch (e) {
  console.log(JSON.stringify({ error: String(e?.message ?? e).split("\n")[0] }));
  process.exitCode = 1;
}
