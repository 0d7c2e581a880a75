// STUB — replaced by the errors emitter. Contract: returns `<svc>/errors.js` and `<svc>/errors.d.ts`.
import type { Model, Service } from "../model/types.js";
import type { ServiceNames } from "./names.js";
import { GENERATED_HEADER, type ModulePair } from "./output.js";
export function emitErrors(_service: Service, _model: Model, _names: ServiceNames, _moduleDir: string): ModulePair {
  return { js: `${GENERATED_HEADER}export {};\n`, dts: `${GENERATED_HEADER}export {};\n` };
}
