/**
 * Type-level cost of `match` at 3,000 codes (one action, 60 families): compiles the emitted package
 * plus one consumer at a time with `--extendedDiagnostics` and prints check time and instantiations.
 * The 1,000-code version runs in the tests (test/types/types.test.ts); this one is for reporting.
 *
 *   npm run build
 *   npx esbuild bench/types-scale.ts --bundle --packages=external --platform=node --format=esm \
 *     --outfile=bench/.work/build/types-scale.mjs && node bench/.work/build/types-scale.mjs [codes] [families]
 *
 * Run from the repository root. Scratch files go to bench/.work/types-scale (git-ignored).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildTestModel, code } from "../test/helpers/model.js";
import { runTsc, STRICT_TSCONFIG, writeTypesPackage } from "../test/types/package.js";
import { scaleCodes, scaleFixtures, scaleService } from "../test/types/scale.js";

const root = resolve(process.cwd());
const count = Number(process.argv[2] ?? 3000);
const families = Number(process.argv[3] ?? 60);
const common = ["AuthFailure.SignatureFailure", "InternalError"];
const dir = join(root, "bench", ".work", "types-scale");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const codes = scaleCodes(count, families);
const model = buildTestModel({ common: common.map((c) => code(c)), services: [scaleService(codes)] });
const fixtures = scaleFixtures(codes, families, common);
writeTypesPackage(dir, model, { ...fixtures, "base.ts": 'export type { HugeError } from "./big/errors.js";\n' }, root);

const consumers: [string, string][] = [
  ["emitted modules only", "base.ts"],
  [`match with ${count} code handlers`, "scale-each.ts"],
  [`match with ${families} family handlers`, "scale-family.ts"],
];
const compilers = (process.env["TSC"] ?? "typescript,typescript6,typescript7").split(",");
console.log(`| consumer (${count} codes, ${families} families) | compiler | errors | TS2589 | instantiations | types | check time |`);
console.log("|---|---|---|---|---|---|---|");
for (const [label, file] of consumers) {
  const project = join(dir, `tsconfig.${file}.json`);
  writeFileSync(project, JSON.stringify({ ...STRICT_TSCONFIG, files: [file] }, null, 2));
  for (const compiler of compilers) {
    const r = await runTsc(project, root, compiler);
    const ts2589 = r.diagnostics.filter((d) => d.code === 2589).length;
    console.log(
      `| ${label} | ${compiler} | ${r.diagnostics.length} | ${ts2589} | ${r.stats["Instantiations"] ?? "?"} | ${r.stats["Types"] ?? "?"} | ${r.stats["Check time"] ?? "?"} |`,
    );
    for (const d of r.diagnostics.slice(0, 3)) console.log(`    ${d.file}(${d.line},${d.col}): TS${d.code} ${d.message.split("\n")[0]}`);
  }
}
