/**
 * Deterministic synthetic specs in the tcgen format, sized by action count, for benchmarks and tests.
 * Proportions follow the Tencent Cloud corpus: about 4 service codes and 3 named-type references per
 * action, lists, nested references, optional/nullable fields, string enums, a few deprecated items.
 */
import type { SpecFile } from "../generator/model/index.js";

export interface SyntheticOptions {
  /** Total number of actions over all services. */
  readonly actions: number;
  /** Service-level codes per service (default: 2 per action of the service, at least 8). */
  readonly codesPerService?: number;
  /** Named types per service (default: one per action of the service, at least 4). */
  readonly typesPerService?: number;
  /** Number of services (default: one per 100 actions, at least 1). */
  readonly services?: number;
}

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON_CODES: readonly [string, string, string][] = [
  ["AuthFailure.SignatureFailure", "The request signature does not match.", "never"],
  ["AuthFailure.SignatureExpire", "The request signature has expired.", "never"],
  ["AuthFailure.UnauthorizedOperation", "The caller is not allowed to do this.", "never"],
  ["InternalError", "The server failed to handle the request.", "transient"],
  ["InvalidAction", "The action does not exist.", "never"],
  ["InvalidParameter", "A parameter is wrong.", "never"],
  ["MissingParameter", "A required parameter is missing.", "never"],
  ["RequestLimitExceeded", "Too many requests in a short time.", "throttling"],
  ["ServiceUnavailable", "The service is temporarily unavailable.", "transient"],
];

const FAMILIES = ["FailedOperation", "InvalidParameterValue", "LimitExceeded", "ResourceNotFound", "ResourceInUse", "UnsupportedOperation"];
const PRIMS = ["string", "string", "string", "int64", "uint64", "boolean", "float", "datetime", "int32"];
const VERBS = ["Describe", "Create", "Modify", "Delete", "Start", "Stop", "Reset", "Attach"];

export function syntheticSpecFiles(opts: SyntheticOptions): SpecFile[] {
  const random = rng(0x5eed + opts.actions);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number): boolean => random() < p;
  const serviceCount = Math.max(1, opts.services ?? Math.ceil(opts.actions / 100));
  const files: SpecFile[] = [];

  const pkg = [
    "specVersion: 1",
    "package:",
    '  name: "@tcgen/synthetic"',
    '  version: "0.1.0"',
    "  description: Synthetic benchmark package",
    "envelope:",
    "  wrapper: Response",
    "  requestId: RequestId",
    "  error: { key: Error, code: Code, message: Message }",
    "  successCodes: []",
    "  data: null",
    "  hostSuffix: tencentcloudapi.com",
    "commonErrors:",
    ...COMMON_CODES.flatMap(([code, description, retry]) => [`  ${code}:`, `    description: ${description}`, `    retry: ${retry}`]),
  ];
  files.push({ path: "package.yaml", content: pkg.join("\n") + "\n" });

  for (let s = 0; s < serviceCount; s++) {
    const name = `svc${s}`;
    const actionCount = Math.floor(opts.actions / serviceCount) + (s < opts.actions % serviceCount ? 1 : 0);
    const codeCount = opts.codesPerService ?? Math.max(8, actionCount * 2);
    const typeCount = opts.typesPerService ?? Math.max(4, actionCount);
    const head = ["specVersion: 1", "service:", `  name: ${name}`, '  version: "2020-01-01"'];

    const codes: string[] = [];
    const errors = [...head, `  description: Synthetic service ${s}`, "errors:"];
    for (let c = 0; c < codeCount; c++) {
      const code = c % 7 === 0 ? `${pick(FAMILIES)}` + (c === 0 ? "" : `.Thing${c}`) : `${pick(FAMILIES)}.Thing${c}`;
      if (codes.includes(code)) continue;
      codes.push(code);
      errors.push(`  ${code}:`, `    description: Synthetic failure number ${c}.`);
      if (chance(0.1)) errors.push("    retry: transient");
      if (chance(0.03)) errors.push("    deprecated: true");
    }
    files.push({ path: `${name}/errors.yaml`, content: errors.join("\n") + "\n" });

    const typeName = (t: number): string => `Thing${t}Info`;
    const field = (indent: string, fname: string, self: number, refFrom: number): string[] => {
      const roll = random();
      if (roll < 0.15 && refFrom > 0) {
        const target = typeName(Math.floor(random() * refFrom));
        const t = chance(0.5) ? `${target}[]` : target;
        return [`${indent}${fname}: { type: "${t}", optional: ${chance(0.3)}, nullable: ${chance(0.2)} }`];
      }
      if (roll < 0.18 && self >= 0) return [`${indent}${fname}: { type: "${typeName(self)}[]", optional: true }`];
      if (roll < 0.28) {
        return [`${indent}${fname}:`, `${indent}  type: string`, `${indent}  enum: [ALPHA, BETA, GAMMA]`, `${indent}  description: A state of the thing.`, `${indent}  example: ALPHA`];
      }
      if (roll < 0.4) return [`${indent}${fname}: "${pick(PRIMS)}[]"`];
      if (roll < 0.7) {
        return [`${indent}${fname}:`, `${indent}  type: ${pick(PRIMS)}`, `${indent}  optional: ${chance(0.4)}`, `${indent}  nullable: ${chance(0.3)}`, `${indent}  description: Value of ${fname}.`];
      }
      return [`${indent}${fname}: ${pick(PRIMS)}`];
    };

    const types = [...head, "types:"];
    for (let t = 0; t < typeCount; t++) {
      types.push(`  ${typeName(t)}:`, `    description: Synthetic structure ${t}.`);
      if (chance(0.03)) types.push("    deprecated: true");
      types.push("    fields:");
      const n = 4 + Math.floor(random() * 7);
      for (let f = 0; f < n; f++) types.push(...field("      ", `Field${f}`, t, t));
    }
    files.push({ path: `${name}/types.yaml`, content: types.join("\n") + "\n" });

    const perFile = 50;
    for (let chunk = 0; chunk * perFile < actionCount; chunk++) {
      const lines = [...head, "actions:"];
      for (let a = chunk * perFile; a < Math.min(actionCount, (chunk + 1) * perFile); a++) {
        lines.push(`  ${VERBS[a % VERBS.length]}Thing${a}:`, `    description: Synthetic action ${a}.`);
        if (chance(0.01)) lines.push("    deprecated: true");
        lines.push("    request:");
        const nReq = 1 + Math.floor(random() * 5);
        for (let f = 0; f < nReq; f++) lines.push(...field("      ", `Param${f}`, -1, typeCount));
        lines.push("    response:");
        for (let r = 0; r < 3; r++) {
          const target = typeName(Math.floor(random() * typeCount));
          lines.push(`      Item${r}: { type: "${chance(0.5) ? target + "[]" : target}", nullable: ${chance(0.2)} }`);
        }
        lines.push("      TotalCount: int64");
        const own = new Set<string>();
        while (own.size < Math.min(4, codes.length)) own.add(pick(codes));
        if (chance(0.2)) own.add("InvalidParameter");
        lines.push(`    errors: [${[...own].join(", ")}]`);
      }
      files.push({ path: `${name}/actions-${String(chunk).padStart(3, "0")}.yaml`, content: lines.join("\n") + "\n" });
    }
  }
  return files;
}
