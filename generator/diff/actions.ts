/**
 * Action evaluators: actions added and removed, and for the actions both sides have, their request and
 * response fields, the codes they can return, and their documentation.
 */
import type { Service } from "../model/types.js";
import { actionCodes, actionFields, actionsByName } from "./access.js";
import type { ChangeTarget, Side } from "./change.js";
import { type Collector, inNew, inOld } from "./collect.js";
import type { TypeMatch } from "./counterparts.js";
import { compareFields } from "./fields.js";

/** Codes reported once for the whole package (common codes added or removed): not repeated per action. */
export interface PackageCodes {
  readonly commonAdded: ReadonlySet<string>;
  readonly commonRemoved: ReadonlySet<string>;
}

const SIDES: readonly Side[] = ["request", "response"];

export function compareActions(
  prev: Service,
  next: Service,
  base: ChangeTarget,
  match: TypeMatch,
  codes: PackageCodes,
  out: Collector,
): void {
  const before = actionsByName(prev);
  const after = actionsByName(next);
  for (const a of next.actions) {
    const old = before.get(a.name);
    const target = { ...base, action: a.name };
    if (old === undefined) {
      out.add("action-added", target, inNew(a.loc), `new action ${a.name}`);
      continue;
    }
    const owner = { label: a.name, target, loc: a.loc };
    for (const side of SIDES) compareFields(actionFields(old, side), actionFields(a, side), side, owner, { out, match }, true);

    const oldRoute = old.http === undefined ? "none" : `${old.http.method} ${old.http.path}`;
    const newRoute = a.http === undefined ? "none" : `${a.http.method} ${a.http.path}`;
    if (oldRoute !== newRoute) {
      out.add("action-route-changed", target, inNew(a.http?.loc ?? a.loc), `${a.name} is now sent as ${newRoute} (was ${oldRoute}): a server that serves the old route no longer answers it`);
    }

    const oldCodes = actionCodes(old);
    const newCodes = actionCodes(a);
    for (const code of newCodes.keys()) {
      if (oldCodes.has(code) || codes.commonAdded.has(code)) continue;
      // A family handler (`"InvalidParameter.*"`) covers a new code of its family.
      const handler = code.includes(".") ? `it or ${code.slice(0, code.indexOf("."))}.*` : "it";
      out.add("action-code-added", { ...target, code }, inNew(a.loc), `${a.name} can now return ${code}: an exhaustive match on its errors no longer compiles until it handles ${handler}`);
    }
    for (const code of oldCodes.keys()) {
      if (newCodes.has(code) || codes.commonRemoved.has(code)) continue;
      out.add("action-code-removed", { ...target, code }, inNew(a.loc), `${a.name} no longer returns ${code}: a match handler for it no longer compiles`);
    }
    out.docs(`action ${a.name}`, target, a.loc, old, a);
  }
  for (const a of prev.actions) {
    if (after.has(a.name)) continue;
    out.add("action-removed", { ...base, action: a.name }, inOld(a.loc, next.loc), `action ${a.name} was removed: calls to it no longer compile and the API rejects them`);
  }
}
