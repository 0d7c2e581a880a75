/**
 * `diffModels(old, new)`: every change between two models that a user of the generated package can
 * notice, graded (change.ts, grade.ts), sorted, with a semver verdict. Pure: models in, data out.
 *
 * Models are compared, not texts: reordering, formatting, comments and defaults written out change
 * nothing. Services are matched by name and version, actions, types, fields and codes by name.
 */
import { compareText } from "../diagnostics.js";
import type { Envelope, Model } from "../model/types.js";
import { commonCodes, packageLocation, serviceCodes, servicesByKey } from "./access.js";
import { compareActions } from "./actions.js";
import { type Change, type DiffResult, groupLabel, LEVEL_RANK } from "./change.js";
import { compareCodes } from "./codes.js";
import { Collector, inNew, inOld } from "./collect.js";
import { matchTypes } from "./counterparts.js";
import { compareNamedTypes, findRenames } from "./named-types.js";
import { verdictOf } from "./verdict.js";

export type { Change, ChangeKind, DiffResult, Level, Semver, Verdict } from "./change.js";
export { CHANGE_KINDS } from "./change.js";
export { mostSevere } from "./verdict.js";

const ENVELOPE_KEYS: readonly (keyof Envelope)[] = [
  "wrapper", "requestId", "requestIdOptional", "errorKey", "codeKey", "messageKey", "successCodes", "dataKey", "hostSuffix",
  "codeType", "successFlag", "errorFields",
];

/** An envelope setting as comparable text (error fields by name, type and flags: locations are not settings). */
function envelopeSetting(env: Envelope, key: keyof Envelope): string {
  if (key === "errorFields") return JSON.stringify(env.errorFields.map((f) => [f.name, f.type, f.optional, f.nullable]));
  return JSON.stringify(env[key]) ?? "undefined";
}

function comparePackage(prev: Model, next: Model, out: Collector): void {
  const loc = packageLocation(next);
  if (prev.package.name !== next.package.name) {
    out.add("package-renamed", {}, inNew(loc), `the package is now ${next.package.name} (was ${prev.package.name}): every import of it must change`);
  }
  for (const key of ENVELOPE_KEYS) {
    const a = envelopeSetting(prev.envelope, key);
    const b = envelopeSetting(next.envelope, key);
    if (a !== b) out.add("envelope-changed", {}, inNew(loc), `envelope ${key} is now ${b} (was ${a}): every reply is read differently`);
  }
  const protocolBefore = JSON.stringify(prev.protocol);
  const protocolAfter = JSON.stringify(next.protocol);
  if (protocolBefore !== protocolAfter) {
    out.add("protocol-changed", {}, inNew(loc), `the protocol is now ${protocolAfter} (was ${protocolBefore}): every request is sent differently`);
  }
  if (prev.package.description !== next.package.description) {
    out.add("description-changed", {}, inNew(loc), "the package has a new description");
  }
}

function compareServices(prev: Model, next: Model, out: Collector): void {
  const before = servicesByKey(prev);
  const after = servicesByKey(next);
  const oldCommon = commonCodes(prev);
  const newCommon = commonCodes(next);
  compareCodes(oldCommon, newCommon, { scope: "common", target: {}, anchor: packageLocation(next) }, out);
  const codes = {
    commonAdded: new Set([...newCommon.keys()].filter((c) => !oldCommon.has(c))),
    commonRemoved: new Set([...oldCommon.keys()].filter((c) => !newCommon.has(c))),
  };
  for (const [key, s] of after) {
    const old = before.get(key);
    const base = { service: s.name, version: s.version };
    if (old === undefined) {
      out.add("service-added", base, inNew(s.loc), `new service ${s.name} ${s.version}`);
      continue;
    }
    if (old.host !== s.host) out.add("service-host-changed", base, inNew(s.loc), `service ${s.name} ${s.version} is now called at host ${s.host} (was ${old.host})`);
    out.docs(`service ${s.name} ${s.version}`, base, s.loc, { description: old.description, deprecated: false }, { description: s.description, deprecated: false });
    compareCodes(serviceCodes(old), serviceCodes(s), { scope: "service", target: base, anchor: s.loc }, out);
    const renamed = findRenames(old, s);
    const match = matchTypes(old, s, renamed);
    compareNamedTypes(old, s, base, renamed, match, out);
    compareActions(old, s, base, match, codes, out);
  }
  for (const [key, s] of before) {
    if (after.has(key)) continue;
    out.add("service-removed", { service: s.name, version: s.version }, inOld(s.loc, packageLocation(next)), `service ${s.name} ${s.version} was removed: imports of it no longer compile`);
  }
}

/** Most severe first, then by where (service, the report group: action, type, codes; field, code), then kind and message. */
export function compareChanges(a: Change, b: Change): number {
  return (
    LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
    compareText(a.service ?? "", b.service ?? "") ||
    compareText(a.version ?? "", b.version ?? "") ||
    compareText(groupLabel(a), groupLabel(b)) ||
    compareText(a.field ?? "", b.field ?? "") ||
    compareText(a.side ?? "", b.side ?? "") ||
    compareText(a.code ?? "", b.code ?? "") ||
    compareText(a.kind, b.kind) ||
    compareText(a.message, b.message)
  );
}

export function diffModels(prev: Model, next: Model): DiffResult {
  const out = new Collector();
  comparePackage(prev, next, out);
  compareServices(prev, next, out);
  const changes = out.changes.sort(compareChanges);
  return { changes, verdict: verdictOf(changes) };
}
