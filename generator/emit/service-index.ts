/**
 * Entry points. A service's `index` re-exports its public modules:
 *
 *   export * from "./types.js";
 *   export * from "./errors.js";
 *   export * from "./parsers.js";
 *   export * from "./client.js";
 *   export * from "./calls.js";
 *   export * from "./pages.js";
 *
 * (`codes` and `actions` are internal.) When the specs hold several versions of a service, each
 * version is `<pkg>/<name>/v<yyyymmdd>` and `<name>/index` re-exports the newest version, so
 * `<pkg>/<name>` always exists:
 *
 *   export * from "./v20220501/index.js";
 *
 * The root `index` re-exports the runtime's public API (`match`, `orThrow`, outcome and option types)
 * and the common codes; when the package holds exactly one service (one version), also that service:
 *
 *   export * from "./runtime/index.js";
 *   export * from "./common.js";
 *   export * from "./cvm/index.js";
 */
import type { Model, Service } from "../model/types.js";
import { compareText } from "../diagnostics.js";
import { serviceModuleDir } from "./names.js";
import { GENERATED_HEADER, type ModulePair } from "./output.js";

const SERVICE_MODULES = ["types", "errors", "parsers", "client", "calls", "pages"] as const;

function reexports(paths: readonly string[]): ModulePair {
  const body = paths.map((p) => `export * from "${p}";\n`).join("");
  return { js: GENERATED_HEADER + body, dts: GENERATED_HEADER + body };
}

export function emitServiceIndex(_service: Service, _moduleDir: string): ModulePair {
  return reexports(SERVICE_MODULES.map((m) => `./${m}.js`));
}

/** The newest version of each service name that has several (versions compare as `YYYY-MM-DD` text). */
function newestVersions(model: Model): Map<string, Service> {
  const newest = new Map<string, Service>();
  const counts = new Map<string, number>();
  for (const s of model.services) {
    counts.set(s.name, (counts.get(s.name) ?? 0) + 1);
    const best = newest.get(s.name);
    if (best === undefined || compareText(best.version, s.version) < 0) newest.set(s.name, s);
  }
  for (const [name, n] of counts) if (n < 2) newest.delete(name);
  return newest;
}

/**
 * Every export subpath of the package (sorted: each service version's folder, and `<name>` for a
 * service with several versions) and the alias modules that the `<name>` folders hold.
 */
export function entryPoints(model: Model): {
  readonly dirs: readonly string[];
  readonly aliases: readonly { readonly dir: string; readonly module: ModulePair }[];
} {
  const dirs = model.services.map((s) => serviceModuleDir(s, model));
  const aliases = [...newestVersions(model)].map(([name, s]) => {
    const target = serviceModuleDir(s, model).slice(name.length + 1);
    return { dir: name, module: reexports([`./${target}/index.js`]) };
  });
  dirs.push(...aliases.map((a) => a.dir));
  return { dirs: dirs.sort(compareText), aliases };
}

export function emitRootIndex(model: Model): ModulePair {
  const paths = ["./runtime/index.js", "./common.js"];
  if (model.services.length === 1) paths.push(`./${serviceModuleDir(model.services[0] as Service, model)}/index.js`);
  return reexports(paths);
}
