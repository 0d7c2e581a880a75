/** The `tcgen` command line: every command is registered here, in help order. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { tcgenRoot } from "../emit/tcgen-root.js";
import type { CliState } from "./command.js";
import { checkCommand } from "./commands/check.js";
import { diffCommand } from "./commands/diff.js";
import { generateCommand } from "./commands/generate.js";
import { validateCommand } from "./commands/validate.js";
import { EXIT_CODES_HELP } from "./errors.js";
import { printableLines } from "../printable.js";
import { importCommand } from "../import/command.js";
import { verifyCommand } from "../verify/command.js";

export function tcgenVersion(): string {
  return (JSON.parse(readFileSync(join(tcgenRoot(), "package.json"), "utf8")) as { version: string }).version;
}

export function buildProgram(state: CliState): Command {
  const program = new Command("tcgen")
    .description("Generate a typed TypeScript package, with error codes as types, from YAML specs of a JSON API.")
    .version(tcgenVersion(), "-v, --version", "print tcgen's version")
    .helpCommand("help [command]", "show help for a command")
    .addHelpText("after", EXIT_CODES_HELP);

  program.addCommand(generateCommand(state));
  program.addCommand(checkCommand(state));
  program.addCommand(validateCommand(state));
  program.addCommand(diffCommand(state));
  const setExitCode = (code: number) => {
    state.exitCode = code;
  };
  // Escaped here too (printable.ts is idempotent): whatever these commands print comes from input.
  const io = {
    out: (line: string) => state.io.stdout(`${printableLines(line)}\n`),
    err: (line: string) => state.io.stderr(`${printableLines(line)}\n`),
  };
  program.addCommand(importCommand({ io, setExitCode }));
  program.addCommand(verifyCommand({ io, setExitCode }));

  // Same error handling for the program and every command: throw instead of exiting, print nothing
  // (main.ts prints one line), help and version on stdout.
  const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
  for (const command of all(program)) {
    command
      .exitOverride()
      .showSuggestionAfterError(true)
      .configureOutput({
        writeOut: (text) => state.io.stdout(text),
        writeErr: (text) => state.io.stderr(text),
        outputError: () => {},
      });
  }
  return program;
}
