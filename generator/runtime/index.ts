/**
 * The output package's runtime: service-independent code that every generated service module imports.
 * Compiled by `npm run build` into dist/runtime and copied into generated/runtime by the emitter.
 */
export type * from "./result.js";
