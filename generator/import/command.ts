/**
 * `tcgen import tencentcloud --api <api.json>... [--errors <errors.json>...] [--examples <examples.json>...] --out <specs-dir>`
 *
 * Diagnostics go to stderr as `formatDiagnostic` lines (capped: `diagnosticLines`) and the exit code is 2; on success one
 * summary line goes to stdout and the exit code is 0.
 */
import { Command } from "commander";
import { diagnosticLines } from "../diagnostics.js";
import { printable } from "../printable.js";

export interface ImportIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const processIo: ImportIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export interface TencentCloudImportOptions {
  readonly api: readonly string[];
  readonly errors?: readonly string[] | undefined;
  readonly out: string;
  readonly examples?: readonly string[] | undefined;
}

/** Run the import and report; returns the exit code (0 ok, 2 bad input). */
export async function runTencentCloudImport(opts: TencentCloudImportOptions, io: ImportIo = processIo): Promise<number> {
  // Loaded on use: `tcgen check` builds this command too, and must not pay for the importer.
  const { runImport } = await import("./run.js");
  const result = await runImport({ apiPath: opts.api, errorsPath: opts.errors, outDir: opts.out, examplesPath: opts.examples });
  if (!result.ok) {
    for (const line of diagnosticLines(result.diagnostics)) io.err(line);
    io.err(`tcgen import: ${result.diagnostics.length} problem(s); nothing written`);
    return 2;
  }
  for (const line of diagnosticLines(result.warnings)) io.err(`warning: ${line}`);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  io.out(
    printable(`imported ${plural(result.services, "service")}${result.versions === result.services ? "" : `, ${plural(result.versions, "version")}`}: ${plural(result.actions, "action")}, ${plural(result.types, "type")}, ` +
      `${plural(result.codes, "service code")} → ${opts.out} (${result.written.length} of ${plural(result.files.length, "file")} changed` +
      `${result.packageFileAdded ? ", package file tencentcloud.yaml added" : ""})`),
  );
  for (const e of result.examples) {
    io.out(printable(
      e.fixes === 0
        ? `examples: ${e.successes === 1 ? "the recorded success reply" : `all ${e.successes} recorded success replies`} of ${e.service} ${e.successes === 1 ? "conforms" : "conform"} to api.json; ${e.path} holds no patches`
        : `examples: ${e.drifting} of ${e.successes} recorded success replies of ${e.service} disagree with api.json; ` +
            `wrote ${e.path} (${e.fixes} field fix${e.fixes === 1 ? "" : "es"}: what they show absent, null or outside an enum) so that they conform: review it`,
    ));
  }
  // What was inferred, never silently: correct it with an overlay where it is wrong.
  if (result.paging.length > 0) io.out(`inferred paging for ${plural(result.paging.length, "action")}:\n${result.paging.map((l) => `  ${printable(l)}`).join("\n")}`);
  return 0;
}

export interface ImportCommandOptions {
  readonly io?: ImportIo;
  /** Where the exit code goes (default `process.exitCode`; the CLI passes its own state). */
  readonly setExitCode?: (code: number) => void;
}

export function importCommand(options: ImportCommandOptions = {}): Command {
  const setExitCode =
    options.setExitCode ??
    ((code: number) => {
      process.exitCode = code;
    });
  const command = new Command("import").description("turn published API definitions into tcgen specs");
  command
    .command("tencentcloud")
    .description("import Tencent Cloud api.json (tccli) and errors.json files, one service version each")
    .requiredOption("--api <api.json...>", "api.json of each service version")
    .option("--errors <errors.json...>", "errors.json files, paired with api.json by their service and version fields")
    .requiredOption("--out <specs-dir>", "specs dir to write (<svc>/v<version>/{service,types,actions}.yaml)")
    .option("--examples <examples.json...>", "recorded replies, one per --api in order: write <svc>/v<version>/examples.overlay.yaml, the overlay that makes them conform")
    .action(async (opts: TencentCloudImportOptions) => {
      setExitCode(await runTencentCloudImport(opts, options.io ?? processIo));
    });
  return command;
}
