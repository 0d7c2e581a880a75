/**
 * Error narrowing: `match` (inline handler object, as users write it) against a hand-written `switch`
 * with the same outcome for every error, in one process.
 *   node bench/runners/narrow.mjs <specsDir> <pkgDir> <service> <seconds> <moduleOut.mjs>
 * Inputs: one error reply per code the service's action with the most codes can return, plus one
 * code the spec does not know, each parsed by the generated parser into its error value.
 * Handlers: two exact codes, two family patterns, $unknown, $default. Also measured (not the goal
 * figure): `match` with the handler object hoisted out of the call, to tell allocation from dispatch.
 * Prints {action, inputs, opsPerSec: {match, matchHoisted, switch}}.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { throughput } from "../lib/loop.mjs";
import { modelOf } from "../lib/tcgen.mjs";
import { distDir } from "../lib/util.mjs";

const [specsDir, pkgDir, serviceName, secondsText, moduleOut] = process.argv.slice(2);
const lit = JSON.stringify;

try {
  const model = await modelOf(specsDir);
  const names = await import(pathToFileURL(join(distDir, "emit/names.js")).href);
  const service = model.services.find((s) => s.name === serviceName);
  if (!service) throw new Error(`service ${serviceName} not in the model`);
  const action = [...service.actions].sort((a, b) => b.errors.length - a.errors.length)[0];
  const n = names.serviceNames(service);
  const dir = names.serviceModuleDir(service, model);
  const own = action.errors.filter((c) => action.ownErrors.includes(c.code));
  const exact = own.slice(0, 2).map((c) => c.code);
  const families = [...new Set(action.errors.filter((c) => c.code.includes(".") && !exact.includes(c.code)).map((c) => c.family))].slice(0, 2);
  const handlers = [
    ...exact.map((c, i) => [lit(c), i + 1]),
    ...families.map((f, i) => [lit(`${f}.*`), i + 3]),
    ["$unknown", 5],
    ["$default", 6],
  ];
  const source = `import { match } from ${lit(pathToFileURL(join(pkgDir, "index.js")).href)};
import { ${n.parserName(action.name)} as parse } from ${lit(pathToFileURL(join(pkgDir, dir, "index.js")).href)};
export { parse };
export const viaMatch = (e) =>
  match(e, {
${handlers.map(([k, v]) => `    ${k}: (e) => ${v},`).join("\n")}
  });
const handlers = {
${handlers.map(([k, v]) => `  ${k}: (e) => ${v},`).join("\n")}
};
export const viaMatchHoisted = (e) => match(e, handlers);
export const viaSwitch = (e) => {
  if (e.kind === "api-error") {
    switch (e.code) {
${exact.map((c, i) => `      case ${lit(c)}:\n        return ${i + 1};`).join("\n")}
      case "$unknown":
        return 5;
    }
    switch (e.family) {
${families.map((f, i) => `      case ${lit(f)}:\n        return ${i + 3};`).join("\n")}
    }
  }
  return 6;
};
`;
  writeFileSync(moduleOut, source);
  const m = await import(pathToFileURL(moduleOut).href);
  const env = model.envelope;
  const reply = (code) => {
    const err = { [env.codeKey]: code, [env.messageKey]: `message of ${code}` };
    let inner = env.errorKey === null ? { ...err } : { [env.errorKey]: err };
    inner[env.requestId] = "2d2c4a7e-0000-4000-8000-000000000000";
    return JSON.stringify(env.wrapper === null ? inner : { [env.wrapper]: inner });
  };
  const codes = [...action.errors.map((c) => c.code), "Bench.CodeTheSpecDoesNotKnow"];
  const inputs = codes.map((c) => {
    const r = m.parse(reply(c));
    if (r.ok) throw new Error(`the parser took an error reply (${c}) for a success`);
    return r.error;
  });
  const mismatch = inputs.find((e) => m.viaMatch(e) !== m.viaSwitch(e));
  if (mismatch) throw new Error(`match and switch disagree on ${mismatch.code}`);
  const ops = throughput({ match: m.viaMatch, matchHoisted: m.viaMatchHoisted, switch: m.viaSwitch }, inputs, { seconds: Number(secondsText ?? 2) });
  delete ops.sink;
  console.log(JSON.stringify({ action: action.name, inputs: inputs.length, opsPerSec: ops }));
} catch (e) {
  console.log(JSON.stringify({ error: String(e?.message ?? e).split("\n")[0] }));
  process.exitCode = 1;
}
