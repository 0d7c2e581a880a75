/**
 * Entry points. A service's `index` re-exports its four modules:
 *
 *   export * from "./types.js";
 *   export * from "./errors.js";
 *   export * from "./parsers.js";
 *   export * from "./client.js";
 *
 * The root `index` re-exports the runtime helpers (`match`, `assertNever`, outcome types) and the
 * common codes.
 */
import type { Model, Service } from "../model/types.js";
import { GENERATED_HEADER, type ModulePair } from "./output.js";

const SERVICE_MODULES = ["types", "errors", "parsers", "client"] as const;

export function emitServiceIndex(_service: Service, _moduleDir: string): ModulePair {
  const body = SERVICE_MODULES.map((m) => `export * from "./${m}.js";\n`).join("");
  return { js: GENERATED_HEADER + body, dts: GENERATED_HEADER + body };
}

export function emitRootIndex(_model: Model): ModulePair {
  const body = `export * from "./runtime/index.js";\nexport * from "./common.js";\n`;
  return { js: GENERATED_HEADER + body, dts: GENERATED_HEADER + body };
}
