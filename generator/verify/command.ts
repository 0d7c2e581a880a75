/**
 * `tcgen verify --specs <dir> --service <name> [--service-version <yyyy-mm-dd>] [--format human|json] [--write-overlay <file>] <file>...`
 *
 * Checks recorded replies (Tencent examples.json files or JSON Lines of {"action", "reply"}) against
 * the specs with the generated parsers, one verdict per reply (classify.ts), then a summary
 * (report.ts). Exit codes: 0 no drift (unknown fields are reported but are not drift), 1 drift (any
 * reply of an unknown action, with an unknown error code, or not matching the spec), 2 usage error
 * (invalid specs, unknown service, unreadable file, a file in neither format): problems go to stderr,
 * spec problems as `formatDiagnostic` lines, and nothing is checked.
 *
 * (`--service-version` rather than `--version`: the program's `-v, --version` would take it.)
 */
import { Command, Option } from "commander";

export interface VerifyIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const processIo: VerifyIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export interface VerifyFlags {
  readonly specs: string;
  readonly service: string;
  readonly serviceVersion?: string | undefined;
  readonly format?: "human" | "json" | undefined;
  /** `--write-overlay <file>`: write the overlay that makes the replies conform (generator/overlay/write-overlay.ts). */
  readonly writeOverlay?: string | undefined;
}

/** Run verify and print; returns the exit code (0 no drift, 1 drift, 2 usage error). */
export async function runVerify(files: readonly string[], flags: VerifyFlags, io: VerifyIo = processIo): Promise<number> {
  // Loaded on use: `tcgen check` builds this command too, and must not pay for the generator.
  const { runVerification } = await import("./verify.js");
  const { humanReport, jsonReport } = await import("./report.js");
  const run = await runVerification({
    specsDir: flags.specs,
    service: flags.service,
    serviceVersion: flags.serviceVersion,
    files,
  });
  if (!run.ok) {
    for (const line of run.problems) io.err(line);
    io.err(`tcgen verify: nothing checked (${run.problems.length} problem(s))`);
    return 2;
  }
  if (flags.format === "json") io.out(jsonReport(run));
  else for (const line of humanReport(run)) io.out(line);
  if (flags.writeOverlay !== undefined) {
    const { writeReplyOverlay } = await import("../overlay/write-overlay.js");
    const out = flags.writeOverlay;
    const w = await writeReplyOverlay({ specsDir: flags.specs, service: flags.service, serviceVersion: flags.serviceVersion, files, out });
    if (!w.ok) {
      for (const line of w.problems) io.err(line);
      io.err(`tcgen verify: overlay not written (${w.problems.length} problem(s))`);
      return 2;
    }
    const what = `${w.fixes} field fix${w.fixes === 1 ? "" : "es"} for ${w.drifting} of ${w.successes} success replies`;
    io.err(w.fixes === 0 ? `${out}: no drift an overlay can fix; nothing written` : w.written ? `wrote ${out}: ${what}; generate again, then verify` : `${out}: already holds these fixes (${what})`);
    if (w.fixes > 0 && w.outsideSpecs) io.err(`note: ${out} is outside ${flags.specs}: move it into the specs dir so that generate and verify apply it`);
  }
  return run.summary.drift > 0 ? 1 : 0;
}

export interface VerifyCommandOptions {
  readonly io?: VerifyIo;
  /** Where the exit code goes (default `process.exitCode`; the CLI passes its own state). */
  readonly setExitCode?: (code: number) => void;
}

export function verifyCommand(options: VerifyCommandOptions = {}): Command {
  const io = options.io ?? processIo;
  const setExitCode =
    options.setExitCode ??
    ((code: number) => {
      process.exitCode = code;
    });
  return new Command("verify")
    .summary("check recorded API replies against the specs")
    .description(
      "Check recorded replies (Tencent examples.json files, or JSON Lines of {\"action\", \"reply\"}) with the generated parsers: " +
        "one verdict per reply, then a summary. Exit 0: no drift; 1: some reply disagrees with the specs; 2: usage error.",
    )
    .requiredOption("--specs <dir>", "specs dir")
    .requiredOption("--service <name>", "service to check against (`cvm`, or `tke/v20180525` when the specs hold several versions)")
    .option("--service-version <yyyy-mm-dd>", "API version of the service, when the specs hold several")
    .addOption(new Option("--format <format>", "output format").choices(["human", "json"]).default("human"))
    .option("--write-overlay <file>", "also write the overlay that makes the replies conform (absent → optional, null → nullable, new enum values), merged into <file> if it exists")
    .argument("<files...>", "examples.json or JSON Lines files of recorded replies")
    .action(async (files: string[], flags: VerifyFlags) => {
      setExitCode(await runVerify(files, flags, io));
    });
}
