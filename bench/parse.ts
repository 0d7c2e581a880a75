/**
 * Throughput of the generated reply parsers: every cvm example reply of the corpus, text → result,
 * against ajv compiled from an equivalent JSON Schema (JSON.parse + validate) on the same texts.
 *
 * Run (needs `npm run build` and ../shared/corpus):
 *   npx esbuild bench/parse.ts --bundle --platform=node --format=esm --packages=external --outfile=/tmp/tcgen-bench/parse.mjs
 *   ln -s "$PWD/node_modules" /tmp/tcgen-bench/node_modules; node /tmp/tcgen-bench/parse.mjs   (from the repo root)
 */
import { Ajv } from "ajv";
import { loadCorpusService } from "../test/runtime/corpus-model.js";
import { writePackage, type Parser } from "../test/runtime/package.js";
import { successReplySchema } from "./ajv-schema.js";

const svc = process.argv[2] ?? "cvm";
const service = loadCorpusService(svc);
if (!service) {
  console.error(`corpus for ${svc} not found`);
  process.exit(2);
}
const pkg = writePackage(service.model);
const parsers = await pkg.parsers(svc);
const s = service.model.services[0];
if (!s) throw new Error("no service");

const ajv = new Ajv({ allErrors: false, strict: false });
const ajvValidators = new Map<string, (v: unknown) => boolean>();
const cases = service.examples.map(({ action, output }) => {
  const parse = parsers[`parse${action}`] as Parser;
  let validate = ajvValidators.get(action);
  if (!validate) {
    const compiled = ajv.compile(successReplySchema(s, service.model.envelope, action));
    validate = (v: unknown) => compiled(v);
    ajvValidators.set(action, validate);
  }
  return { parse, validate, text: output };
});

/** One pass over all replies; returns how many were ok. */
type Pass = () => number;

/** CPU time of this process in ms (other processes' load does not count, unlike wall time). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Best-of-rounds throughput (replies per CPU second) of each pass, rounds interleaved so that
 * whatever disturbs the machine hits every variant alike.
 */
function measure(passes: Record<string, Pass>, rounds = 7, ms = 300): Record<string, number> {
  const best: Record<string, number> = {};
  for (const pass of Object.values(passes)) for (let i = 0; i < 300; i++) pass(); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (const [label, pass] of Object.entries(passes)) {
      let n = 0;
      const start = cpuMs();
      let now = start;
      while (now - start < ms) {
        pass();
        n++;
        now = cpuMs();
      }
      const perSec = (n * cases.length) / ((now - start) / 1000);
      best[label] = Math.max(best[label] ?? 0, perSec);
    }
  }
  for (const [label, pass] of Object.entries(passes)) {
    console.log(`${label.padEnd(30)} ${Math.round(best[label] ?? 0).toLocaleString("en-US").padStart(12)} replies/s  (${pass()}/${cases.length} ok)`);
  }
  return best;
}

const values = cases.map((c) => ({ ...c, value: JSON.parse(c.text) as unknown }));
const count = (f: (c: (typeof values)[number]) => boolean): Pass => () => {
  let ok = 0;
  for (const c of values) if (f(c)) ok++;
  return ok;
};
const b = measure({
  "JSON.parse only": count((c) => JSON.parse(c.text) !== null),
  "tcgen parse (text)": count((c) => c.parse(c.text).ok),
  "ajv JSON.parse + validate": count((c) => c.validate(JSON.parse(c.text))),
  "tcgen parse (value)": count((c) => c.parse(c.value).ok),
  "ajv validate (value)": count((c) => c.validate(c.value)),
});
const ours = b["tcgen parse (text)"] ?? 0;
const theirs = b["ajv JSON.parse + validate"] ?? 1;
const jsonOnly = b["JSON.parse only"] ?? 0;
const oursValue = b["tcgen parse (value)"] ?? 0;
const ajvValue = b["ajv validate (value)"] ?? 1;
console.log(
  `${svc}: ${cases.length} replies, ${Math.round(service.examples.reduce((a, e) => a + e.output.length, 0) / 1024)} KiB; ` +
    `text: tcgen/ajv = ${(ours / theirs).toFixed(2)}x (JSON.parse alone ${Math.round(jsonOnly).toLocaleString("en-US")}/s); ` +
    `value: tcgen/ajv = ${(oursValue / ajvValue).toFixed(2)}x`,
);
pkg.cleanup();
