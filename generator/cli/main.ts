/**
 * Entry point of the `tcgen` binary (bin/tcgen.js). Returns the exit code instead of exiting, so
 * tests can run it in-process. Exit codes: see errors.ts.
 */
import { CommanderError } from "commander";
import type { CliState } from "./command.js";
import { CliError, EXIT, isFileSystemError } from "./errors.js";
import { buildProgram } from "./program.js";
import { processIo, Reporter, type CliIo } from "./reporter.js";

/** commander's error text as one line: `unknown command "genrate" (did you mean "generate"?)`. */
export function usageLine(message: string): string {
  return message
    .replace(/^error: /, "")
    .replace(/\s*\(Did you mean (.+?)\?\)\s*$/s, (_m, names: string) => {
      return ` (did you mean ${names.split(/, | or /).map((n) => `"${n}"`).join(" or ")}?)`;
    })
    .replace(/'([^']*)'/g, '"$1"')
    .replace(/\s*\n\s*/g, " ")
    .trim();
}

export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const state: CliState = { io, exitCode: EXIT.ok, debug: argv.includes("--debug") };
  const program = buildProgram(state);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return state.exitCode;
  } catch (error) {
    const reporter = new Reporter(io, { debug: state.debug });
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return EXIT.ok;
      if (error.code === "commander.help") return error.exitCode === 0 ? EXIT.ok : EXIT.invalid;
      const line = usageLine(error.message);
      reporter.error(line.includes("did you mean") ? line : `${line.replace(/\.$/, "")} (see tcgen --help)`);
      return EXIT.invalid;
    }
    if (error instanceof CliError) {
      reporter.error(error.message);
      return error.exitCode;
    }
    if (isFileSystemError(error)) {
      reporter.error(error.message);
      if (state.debug && error.stack) io.stderr(`${error.stack}\n`);
      return EXIT.invalid;
    }
    const message = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    if (state.debug) {
      reporter.error(`internal error: ${message}`);
      io.stderr(`${error instanceof Error && error.stack ? error.stack : String(error)}\n`);
    } else {
      reporter.error(`internal error: ${message} (run again with --debug for the stack trace, and please report it)`);
    }
    return EXIT.internal;
  }
}
