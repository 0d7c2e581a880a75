// STUB — replaced by the errors emitter. Contract: returns root `common.js` and `common.d.ts`.
import type { Model } from "../model/types.js";
import { GENERATED_HEADER, type ModulePair } from "./output.js";
export function emitCommon(_model: Model): ModulePair {
  return { js: `${GENERATED_HEADER}export {};\n`, dts: `${GENERATED_HEADER}export {};\n` };
}
