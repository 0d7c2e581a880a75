/**
 * Runtime parse throughput on the real example replies of one corpus service, in one process:
 * the generated parser vs ajv (JSON Schema derived from the same model, compiled before timing) vs
 * zod 4 (schema derived the same way). Every contender gets the same reply text and does JSON.parse +
 * validation. node bench/runners/parse.mjs <specsDir> <pkgDir> <examples.json> <service> <seconds>
 * Prints {inputs, actions, opsPerSec: {tcgen, ajv, zod}, valid: {…}, disagreements}.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { throughput } from "../lib/loop.mjs";
import { modelOf } from "../lib/tcgen.mjs";
import { distDir } from "../lib/util.mjs";
import { jsonSchemas, zodSchemas } from "../lib/validators.mjs";

const [specsDir, pkgDir, examplesPath, serviceName, secondsText] = process.argv.slice(2);

try {
  const model = await modelOf(specsDir);
  const names = await import(pathToFileURL(join(distDir, "emit/names.js")).href);
  const service = model.services.find((s) => s.name === serviceName);
  if (!service) throw new Error(`service ${serviceName} not in the model`);
  const n = names.serviceNames(service);
  const mod = await import(pathToFileURL(join(pkgDir, names.serviceModuleDir(service, model), "index.js")).href);
  const { default: Ajv } = await import("ajv");
  const z = await import("zod");
  const ajv = new Ajv({ strict: false, allErrors: false });
  const schemas = jsonSchemas(model, service);
  const zods = zodSchemas(z, model, service);
  const examples = JSON.parse(readFileSync(examplesPath, "utf8")).actions;
  const inputs = [];
  const actions = new Set();
  for (const a of service.actions) {
    const parser = mod[n.parserName(a.name)];
    if (typeof parser !== "function") throw new Error(`the package has no ${n.parserName(a.name)}`);
    const validate = ajv.compile(schemas.get(a.name));
    const zod = zods.get(a.name);
    for (const ex of examples[a.name] ?? []) {
      try {
        JSON.parse(ex.output);
      } catch {
        continue; // not JSON: every contender would only measure JSON.parse failing
      }
      actions.add(a.name);
      inputs.push({ text: ex.output, parser, validate, zod });
    }
  }
  const contenders = {
    tcgen: (i) => i.parser(i.text).ok,
    ajv: (i) => i.validate(JSON.parse(i.text)),
    zod: (i) => i.zod.safeParse(JSON.parse(i.text)).success,
  };
  const valid = { tcgen: 0, ajv: 0, zod: 0 };
  const disagreements = [];
  for (const i of inputs) {
    const r = Object.fromEntries(Object.entries(contenders).map(([k, f]) => [k, Boolean(f(i))]));
    for (const k of Object.keys(valid)) valid[k] += r[k] ? 1 : 0;
    if (r.tcgen !== r.ajv || r.tcgen !== r.zod) disagreements.push(r);
  }
  const ops = throughput(contenders, inputs, { seconds: Number(secondsText ?? 3) });
  delete ops.sink;
  console.log(JSON.stringify({ inputs: inputs.length, actions: actions.size, opsPerSec: ops, valid, disagreements: disagreements.length }));
} catch (e) {
  console.log(JSON.stringify({ error: String(e?.message ?? e).split("\n")[0] }));
  process.exitCode = 1;
}
