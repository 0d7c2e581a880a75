/**
 * `<svc>/parsers.d.ts`: one declaration per action, documented with the action's own description and
 * codes (what a result holds is explained once, on `ParseResult` in the runtime):
 *
 * ```ts
 * import type { ParseResult } from "../runtime/index.js";
 * import type { DescribeInstancesStatusResponse } from "./types.js";
 * import type { DescribeInstancesStatusCode } from "./errors.js";
 * /**
 *  * Parse a reply of `DescribeInstancesStatus`.
 *  * Lists instance states.
 *  *
 *  * Codes: `InvalidFilter` (and the common codes).
 *  *\/
 * export declare function parseDescribeInstancesStatus(
 *   input: unknown,
 * ): ParseResult<DescribeInstancesStatusResponse, DescribeInstancesStatusCode>;
 * ```
 * (`ParseResult<…, Shape>`, `Shape` from `../common.js`, when the envelope's shape is not the default:
 * envelope-shape.ts.)
 */
import type { Envelope, Service } from "../model/types.js";
import { actionDoc } from "./docs.js";
import { shapeArgs } from "./envelope-shape.js";
import { jsDocText, toRoot, type ServiceNames } from "./names.js";
import { GeneratedFile, signature, typeArgs } from "./printer.js";

export function emitParsersDts(service: Service, names: ServiceNames, moduleDir: string, envelope: Envelope): string {
  const file = new GeneratedFile();
  const root = toRoot(moduleDir);
  file.reserve(...service.actions.map((a) => names.parserName(a.name)));
  for (const a of service.actions) {
    const result = file.importType("ParseResult", `${root}runtime/index.js`);
    const response = file.importType(names.responseName(a.name), "./types.js");
    const code = file.importType(names.codeName(a.name), "./errors.js");
    file.print(actionDoc(a, `Parse a reply of \`${jsDocText(a.name)}\`.`));
    file.print(
      `export declare function ${names.parserName(a.name)}`,
      signature(["input: unknown"], typeArgs(result, [response, code, ...shapeArgs(file, envelope, root)])),
      ";",
    );
  }
  return file.toString();
}
