/**
 * Outcome types shared by every generated service module. This file is part of the output package's
 * runtime (copied, compiled, into `generated/runtime/`); it has no imports and no runtime dependencies.
 */
export {};
