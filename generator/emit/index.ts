/**
 * emit: model → the output package's files, in their final layout (printer.ts). Pure: no disk access except reading the
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
 *   <svc>/parsers.js / parsers.d.ts   per-action reply parsers (emit/parsers-js.ts, parsers-dts.ts)
 *   <svc>/codes.js / codes.d.ts       per-action code tables, internal (emit/codes.ts)
 *   <svc>/client.js / client.d.ts     typed client: createClient, createBareClient (emit/client.ts)
 *   <svc>/calls.js / calls.d.ts       per-action call functions (emit/client.ts)
 *   <svc>/actions.js / actions.d.ts   per-action descriptors, internal (emit/client.ts)
 *   <svc>/pages.js / pages.d.ts       paginators of paged actions (emit/pages.ts)
 *   <name>/index.js / index.d.ts      `<pkg>/<name>` when a service has several versions: the newest
 *                                     (emit/service-index.ts)
 */
import type { Model } from "../model/types.js";
import { emitClient } from "./client.js";
import { emitCodes } from "./codes.js";
import { emitPages } from "./pages.js";
import { emitCommon } from "./common.js";
import { emitErrors } from "./errors.js";
import { serviceModuleDir, serviceNames, toRoot } from "./names.js";
import { GENERATED_HEADER, type ModulePair, type OutputFile } from "./output.js";
import { emitPackageFiles } from "./package-files.js";
import { emitParsersDts } from "./parsers-dts.js";
import { emitParsersJs } from "./parsers-js.js";
import { emitRootIndex, emitServiceIndex, entryPoints } from "./service-index.js";
import { emitRuntimeFiles } from "./runtime-files.js";
import { emitTypes } from "./types.js";
import { compareText } from "../diagnostics.js";

export function emitPackage(model: Model): OutputFile[] {
  const files: OutputFile[] = [];
  const pair = (base: string, m: ModulePair) => {
    files.push({ path: `${base}.js`, text: m.js }, { path: `${base}.d.ts`, text: m.dts });
  };
  for (const service of model.services) {
    const dir = serviceModuleDir(service, model);
    const names = serviceNames(service);
    pair(`${dir}/types`, { js: `${GENERATED_HEADER}export {};\n`, dts: emitTypes(service, names, model.envelope) });
    pair(`${dir}/errors`, emitErrors(service, model, names, dir));
    pair(`${dir}/codes`, emitCodes(service));
    pair(`${dir}/parsers`, { js: emitParsersJs(service, model, names, dir), dts: emitParsersDts(service, names, dir, model.envelope) });
    const client = emitClient(service, model, names, dir);
    pair(`${dir}/client`, client.client);
    pair(`${dir}/calls`, client.calls);
    pair(`${dir}/actions`, client.actions);
    pair(`${dir}/pages`, emitPages(service, names, toRoot(dir), model.envelope));
    pair(`${dir}/index`, emitServiceIndex(service, dir));
  }
  const entries = entryPoints(model);
  for (const alias of entries.aliases) pair(`${alias.dir}/index`, alias.module);
  pair("common", emitCommon(model));
  pair("index", emitRootIndex(model));
  files.push(...emitRuntimeFiles());
  files.push(...emitPackageFiles(model, entries.dirs));
  return files.sort((a, b) => compareText(a.path, b.path));
}
