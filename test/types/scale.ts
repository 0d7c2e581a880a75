/**
 * A generated action with many codes, and consumers that `match` on it: the type-level cost check
 * (test/types/types.test.ts at 1,000 codes; bench/types-scale.ts at 3,000).
 */
import { code, type ModelInput } from "../helpers/model.js";

/** `count` codes over `families` families; every fifth has two dots (`FamilyN.Sub.CodeI`). */
export function scaleCodes(count: number, families: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    i % 5 === 0 ? `Family${i % families}.Sub.Code${i}` : `Family${i % families}.Code${i}`,
  );
}

/** Service `big`, action `Huge` returning every one of `codes` (plus the common ones). */
export function scaleService(codes: readonly string[]): ModelInput["services"][number] {
  return { name: "big", errors: codes.map((c) => code(c)), actions: [{ name: "Huge", errors: [...codes] }] };
}

/** Consumers: one handler per code, and one per family. */
export function scaleFixtures(codes: readonly string[], families: number, common: readonly string[]): Record<string, string> {
  const head = [
    'import { match, type MalformedReply } from "./runtime/index.js";',
    'import type { HugeError } from "./big/errors.js";',
    "declare const e: HugeError | MalformedReply;",
  ].join("\n");
  const each = [...common, ...codes].map((c) => `  ${JSON.stringify(c)}: (x) => x.code,`).join("\n");
  const fams = new Set([...common.map((c) => c.split(".")[0]!), ...Array.from({ length: families }, (_, f) => `Family${f}`)]);
  const byFamily = [...fams].map((f) => `  ${JSON.stringify(`${f}.*`)}: (x) => x.family,`).join("\n");
  return {
    "scale-each.ts": `${head}\nexport const each = match(e, {\n${each}\n  $unknown: (x) => x.rawCode,\n  $malformed: (x) => x.path,\n});\n`,
    "scale-family.ts": `${head}\nexport const byFamily = match(e, {\n${byFamily}\n  $unknown: (x) => x.rawCode,\n  $malformed: (x) => x.path,\n});\n`,
  };
}
