// STUB — replaced by the types emitter. Contract: returns the text of `<svc>/types.d.ts`.
import type { Service } from "../model/types.js";
import type { ServiceNames } from "./names.js";
import { GENERATED_HEADER } from "./output.js";
export function emitTypes(_service: Service, _names: ServiceNames): string {
  return `${GENERATED_HEADER}export {};\n`;
}
