/**
 * emit: model → the output package's files (unformatted). Pure: no disk access except reading the
 * compiled runtime and the templates that ship with tcgen.
 *
 * Layout of the output package:
 *   package.json, README.md           templates/ (Handlebars)
 *   index.js / index.d.ts             root entry: runtime helpers + common codes
 *   common.js / common.d.ts           codes every action can return (emit/common.ts)
 *   runtime/*.js, *.d.ts              service-independent runtime (generator/runtime, compiled)
 *   <svc>/index.js / index.d.ts       per-service entry point `<pkg>/<svc>` (emit/service-index.ts)
 *   <svc>/types.d.ts                  response, request and object interfaces (emit/types.ts)
 *   <svc>/errors.js / errors.d.ts     code unions, error unions, code tables (emit/errors.ts)
 *   <svc>/parsers.js / parsers.d.ts   per-action reply parsers (emit/parsers.ts)
 *   <svc>/client.js / client.d.ts     typed client (emit/client.ts)
 */
import type { Model } from "../model/types.js";
import { emitClient } from "./client.js";
import { emitCommon } from "./common.js";
import { emitErrors } from "./errors.js";
import { serviceModuleDir, serviceNames } from "./names.js";
import { GENERATED_HEADER, type ModulePair, type OutputFile } from "./output.js";
import { emitPackageFiles } from "./package-files.js";
import { emitParsers } from "./parsers.js";
import { emitRootIndex, emitServiceIndex } from "./service-index.js";
import { emitRuntimeFiles } from "./runtime-files.js";
import { emitTypes } from "./types.js";
import { compareText } from "../diagnostics.js";

export function emitPackage(model: Model): OutputFile[] {
  const files: OutputFile[] = [];
  const pair = (base: string, m: ModulePair) => {
    files.push({ path: `${base}.js`, text: m.js }, { path: `${base}.d.ts`, text: m.dts });
  };
  const entries: string[] = [];
  for (const service of model.services) {
    const dir = serviceModuleDir(service, model);
    const names = serviceNames(service);
    entries.push(dir);
    pair(`${dir}/types`, { js: `${GENERATED_HEADER}export {};\n`, dts: emitTypes(service, names, model.envelope) });
    pair(`${dir}/errors`, emitErrors(service, model, names, dir));
    pair(`${dir}/parsers`, emitParsers(service, model, names, dir));
    pair(`${dir}/client`, emitClient(service, model, names, dir));
    pair(`${dir}/index`, emitServiceIndex(service, dir));
  }
  pair("common", emitCommon(model));
  pair("index", emitRootIndex(model));
  files.push(...emitRuntimeFiles());
  files.push(...emitPackageFiles(model, entries));
  return files.sort((a, b) => compareText(a.path, b.path));
}
