// STUB — replaced by the parsers emitter. Contract: returns `<svc>/parsers.js` and `<svc>/parsers.d.ts`.
import type { Model, Service } from "../model/types.js";
import type { ServiceNames } from "./names.js";
import { GENERATED_HEADER, type ModulePair } from "./output.js";
export function emitParsers(_service: Service, _model: Model, _names: ServiceNames, _moduleDir: string): ModulePair {
  return { js: `${GENERATED_HEADER}export {};\n`, dts: `${GENERATED_HEADER}export {};\n` };
}
