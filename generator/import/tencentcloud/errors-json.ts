/**
 * Checks the shape of an `errors.json` (the corpus' extraction of a Go SDK service's error codes):
 * `{service, version, codes: {Code: description}, actions: {Action: [Code, …]}}`.
 * Cross-checks against the api.json (unknown actions, undeclared codes) live in the importer.
 */
import type { Diagnostic } from "../../diagnostics.js";
import { type InputFile, isObject, jsonKey } from "../json-source.js";
import { CONVENTIONAL_CODE, codeFamily, isCode } from "../../model/codes.js";
import { kindOf } from "./api-json.js";

export interface ErrorsDefinition {
  readonly service: string | undefined;
  readonly version: string | undefined;
  /** Code → description, in file order. */
  readonly codes: ReadonlyMap<string, string>;
  /** Action → its codes, in file order. */
  readonly actions: ReadonlyMap<string, readonly string[]>;
  /** Codes kept although unusual, and codes left out because no spec can hold them (see model/codes.ts). */
  readonly warnings: readonly Diagnostic[];
}

export type ErrorsParse =
  | { readonly ok: true; readonly errors: ErrorsDefinition }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };


const ERRORS_HINT = "an errors.json has the keys service, version, codes and actions";

export function readErrorsJson(file: InputFile, root: unknown): ErrorsParse {
  const diagnostics: Diagnostic[] = [];
  const report = (path: string, message: string): void => {
    diagnostics.push({ file: file.path, line: 0, col: 0, message, path });
  };
  if (!isObject(root)) {
    report("$", `expected a JSON object (${ERRORS_HINT})`);
    return { ok: false, diagnostics };
  }
  const codesRaw = root["codes"];
  const actionsRaw = root["actions"];
  for (const [key, value] of [["actions", actionsRaw], ["codes", codesRaw]] as const) {
    if (value === undefined) report(`$.${key}`, `missing (${ERRORS_HINT}; is this the right file?)`);
    else if (!isObject(value)) report(`$.${key}`, `expected an object, found ${kindOf(value)}`);
  }
  for (const key of ["service", "version"] as const) {
    if (root[key] !== undefined && typeof root[key] !== "string") {
      report(`$.${key}`, `expected a string, found ${kindOf(root[key])}`);
    }
  }
  if (!isObject(codesRaw) || !isObject(actionsRaw)) return { ok: false, diagnostics };

  const warnings: Diagnostic[] = [];
  const warn = (path: string, message: string): void => {
    warnings.push({ file: file.path, line: 0, col: 0, message, path });
  };
  const codes = new Map<string, string>();
  const dropped = new Set<string>();
  for (const [code, description] of Object.entries(codesRaw)) {
    const path = `$.codes${jsonKey(code)}`;
    if (typeof description !== "string") report(path, `expected the code's description (a string), found ${kindOf(description)}`);
    else if (!isCode(code)) {
      dropped.add(code);
      warn(path, `code ${JSON.stringify(code)} left out: no spec can hold it (a code must not start with "$" or whitespace, end with ".*" or whitespace, or hold control characters); a reply with it reads as $unknown`);
    } else {
      if (!CONVENTIONAL_CODE.test(code)) {
        warn(path, `unusual code ${JSON.stringify(code)} kept as it is (family ${JSON.stringify(codeFamily(code))}): it is not dot-separated parts of letters, digits, _ and -`);
      }
      codes.set(code, description);
    }
  }
  const actions = new Map<string, readonly string[]>();
  for (const [action, list] of Object.entries(actionsRaw)) {
    const path = `$.actions${jsonKey(action)}`;
    if (!Array.isArray(list)) {
      report(path, `expected a list of error codes, found ${kindOf(list)}`);
      continue;
    }
    const items: string[] = [];
    list.forEach((code: unknown, i) => {
      if (typeof code !== "string") report(`${path}[${i}]`, `expected an error code (a string), found ${kindOf(code)}`);
      else if (!dropped.has(code)) items.push(code);
    });
    actions.set(action, items);
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return {
    ok: true,
    errors: {
      service: typeof root["service"] === "string" ? root["service"] : undefined,
      version: typeof root["version"] === "string" ? root["version"] : undefined,
      codes,
      actions,
      warnings,
    },
  };
}
