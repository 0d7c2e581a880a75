/**
 * Code evaluators: common codes (every action returns them) and a service's codes, added or removed,
 * and the retry class and documentation of codes both sides define. Which actions return a code is
 * compared in actions.ts.
 */
import type { ErrorCode, SourceLocation } from "../model/types.js";
import type { ChangeTarget } from "./change.js";
import { type Collector, inNew, inOld } from "./collect.js";

export interface CodeScope {
  readonly scope: "common" | "service";
  readonly target: ChangeTarget;
  /** Where removed codes are anchored in the new spec: the service, or the package file for common codes. */
  readonly anchor: SourceLocation | undefined;
}

export function compareCodes(prev: ReadonlyMap<string, ErrorCode>, next: ReadonlyMap<string, ErrorCode>, where: CodeScope, out: Collector): void {
  for (const [code, c] of next) {
    const old = prev.get(code);
    const target = { ...where.target, code };
    if (old === undefined) {
      if (where.scope === "common") {
        out.add("common-code-added", target, inNew(c.loc), `every action can now return ${code} (a common code): exhaustive matches no longer compile until they handle it`);
      } else {
        out.add("service-code-added", target, inNew(c.loc), `new service code ${code}`);
      }
      continue;
    }
    if (old.retry !== c.retry) out.add("code-retry-changed", target, inNew(c.loc), `code ${code} is now retried as ${c.retry} (was ${old.retry})`);
    out.docs(`code ${code}`, target, c.loc, old, c);
  }
  for (const [code, c] of prev) {
    if (next.has(code)) continue;
    const target = { ...where.target, code };
    if (where.scope === "common") {
      out.add("common-code-removed", target, inOld(c.loc, where.anchor), `common code ${code} was removed: match handlers for it no longer compile`);
    } else {
      out.add("service-code-removed", target, inOld(c.loc, where.anchor), `service code ${code} was removed: code that names it no longer compiles`);
    }
  }
}
