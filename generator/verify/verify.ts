/**
 * `verify` without the command line: specs + service + recorded-reply files → one verdict per reply
 * (see classify.ts), or the problems that make the run a usage error (exit 2).
 */
import { compareText, diagnosticLines } from "../diagnostics.js";
import { serviceModuleDir } from "../emit/names.js";
import { loadModel } from "../model/index.js";
import type { Model, Service } from "../model/types.js";
import { classify, unknownAction, VERDICTS, type Finding, type VerdictKind } from "./classify.js";
import { readReplyFiles, type RecordedReply } from "./inputs.js";
import { loadServiceParsers, type ServiceParsers } from "./parsers-module.js";

export interface Verdict extends Finding {
  readonly file: string;
  readonly action: string;
  /** 1-based position among the replies of this action in this file. */
  readonly index: number;
  readonly title?: string;
  /** JSON Lines: the line of the reply. */
  readonly line?: number;
}

export interface VerifySummary {
  readonly replies: number;
  /** Replies whose verdict is drift. */
  readonly drift: number;
  /** Count per verdict kind, in the order of VERDICTS, kinds with no reply left out. */
  readonly verdicts: { readonly [K in VerdictKind]?: number };
}

/** Check each reply with the generated parser of its action. Pure apart from running the parsers. */
export function verifyReplies(parsers: ServiceParsers, replies: readonly RecordedReply[]): Verdict[] {
  return replies.map((r) => {
    const parse = parsers.parser(r.action);
    const finding = parse === undefined ? unknownAction(r.action, parsers.moduleDir) : classify(parse(r.reply), parsers.envelope);
    return {
      file: r.file,
      action: r.action,
      index: r.index,
      ...(r.title !== undefined ? { title: r.title } : {}),
      ...(r.line !== undefined ? { line: r.line } : {}),
      ...finding,
    };
  });
}

export function summarize(verdicts: readonly Verdict[]): VerifySummary {
  const counts = new Map<VerdictKind, number>();
  for (const v of verdicts) counts.set(v.verdict, (counts.get(v.verdict) ?? 0) + 1);
  const out: { [K in VerdictKind]?: number } = {};
  for (const kind of VERDICTS) {
    const n = counts.get(kind);
    if (n !== undefined) out[kind] = n;
  }
  return { replies: verdicts.length, drift: verdicts.filter((v) => v.drift).length, verdicts: out };
}

export interface VerifyOptions {
  readonly specsDir: string;
  /** Service name (`cvm`), or module folder (`tke/v20180525`). */
  readonly service: string;
  /** API version (`2018-05-25`), needed when the specs hold several versions of the service. */
  readonly serviceVersion?: string | undefined;
  /** Files of recorded replies (examples.json or JSON Lines), as the user named them. */
  readonly files: readonly string[];
}

export type VerifyRun =
  | {
      readonly ok: true;
      readonly service: { readonly name: string; readonly version: string; readonly moduleDir: string };
      readonly verdicts: readonly Verdict[];
      readonly summary: VerifySummary;
    }
  /** Usage errors (exit 2): one line each, every bad file and spec problem together. */
  | { readonly ok: false; readonly problems: readonly string[] };

export async function runVerification(options: VerifyOptions): Promise<VerifyRun> {
  const { replies, problems } = await readReplyFiles(options.files);
  if (options.files.length === 0) problems.push("no files of recorded replies given");

  const loaded = await loadModel(options.specsDir);
  if (!loaded.ok) {
    for (const line of diagnosticLines(loaded.diagnostics)) problems.push(line);
    problems.push(`${options.specsDir}: ${loaded.diagnostics.length} problem(s) in the specs`);
    return { ok: false, problems };
  }
  const selected = selectService(loaded.model, options.service, options.serviceVersion);
  if (!selected.ok) problems.push(selected.message);
  if (problems.length > 0 || !selected.ok) return { ok: false, problems };

  const parsers = await loadServiceParsers(loaded.model, selected.service);
  const verdicts = verifyReplies(parsers, replies);
  return {
    ok: true,
    service: { name: selected.service.name, version: selected.service.version, moduleDir: parsers.moduleDir },
    verdicts,
    summary: summarize(verdicts),
  };
}

/** The service named `name` (or `name/vYYYYMMDD`), of `version` when given. */
export function selectService(
  model: Model,
  name: string,
  version: string | undefined,
): { readonly ok: true; readonly service: Service } | { readonly ok: false; readonly message: string } {
  const byDir = model.services.find((s) => serviceModuleDir(s, model) === name);
  if (byDir !== undefined && (version === undefined || version === byDir.version)) return { ok: true, service: byDir };
  const named = model.services.filter((s) => s.name === name);
  if (named.length === 0) {
    const all = [...new Set(model.services.map((s) => s.name))].sort(compareText);
    return { ok: false, message: `unknown service "${name}" (the specs define: ${all.join(", ") || "none"})` };
  }
  const versions = named.map((s) => s.version).sort(compareText);
  if (version !== undefined) {
    const hit = named.find((s) => s.version === version);
    return hit !== undefined
      ? { ok: true, service: hit }
      : { ok: false, message: `service "${name}" has no version ${version} (the specs define: ${versions.join(", ")})` };
  }
  if (named.length > 1) {
    return { ok: false, message: `service "${name}" has several versions (${versions.join(", ")}): choose one with --service-version` };
  }
  return { ok: true, service: named[0] as Service };
}
