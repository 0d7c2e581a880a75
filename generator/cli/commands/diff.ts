/**
 * `tcgen diff <old-specs-dir> <new-specs-dir>` / `tcgen diff --base <git-ref> [--specs <dir>]`: what a
 * spec change does to code that uses the generated package. The work is in generator/diff, loaded
 * only when the command runs (`tcgen check` builds this command too).
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { Command, Option } from "commander";
import { shown } from "../../config.js";
import type { CliState } from "../command.js";
import { CliError, EXIT } from "../errors.js";
import { Reporter } from "../reporter.js";
import { resolveSettings, type CommonFlags } from "../settings.js";

interface DiffFlags extends CommonFlags {
  readonly base?: string;
  readonly failOn?: "runtime" | "compile" | "any";
  readonly format: "human" | "json" | "github" | "markdown";
}

const DIFF_EXIT_HELP = `
Exit codes:
  0  no change at or above --fail-on (always 0 without --fail-on)
  1  a change at or above --fail-on
  2  invalid specs on either side, unknown revision, usage error
  3  internal error in tcgen (run again with --debug and report it)`;

function requireDir(path: string, shown: string): void {
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === "ENOENT" ? `specs folder not found: ${shown}` : `cannot read the specs folder ${shown} (${code ?? String(error)})`);
  }
  if (!isDir) throw new CliError(`the specs path is not a folder: ${shown}`);
}

export function diffCommand(state: CliState): Command {
  const command = new Command("diff")
    .summary("what a spec change breaks for code that uses the package, with a semver verdict")
    .description(
      "Compare two versions of the specs (two folders, or --base <git-ref> against the specs folder) and list every API " +
        "change with its effect: breaks code at run time, breaks compilation only (a new code in an exhaustive match), " +
        "or compatible; then the semver release it needs. Exit 1 with --fail-on when a change at or above that level exists.",
    )
    .argument("[old-specs-dir]", "the specs before the change")
    .argument("[new-specs-dir]", "the specs after the change");
  command
    .option("--specs <dir>", 'with --base: the specs folder (default: "specs", or "specs" in the config)')
    .option("--config <file>", "config file (default: tcgen.config.yaml, or the \"tcgen\" key of package.json)")
    .option("-q, --quiet", "print only problems")
    .option("--debug", "print stack traces of internal errors")
    .option("--base <git-ref>", "compare the specs folder as of this git revision with the working tree")
    .addOption(new Option("--fail-on <level>", "exit 1 when a change at or above this level exists").choices(["runtime", "compile", "any"]))
    .addOption(new Option("--format <format>", "report format").choices(["human", "json", "github", "markdown"]).default("human"))
    .addHelpText("after", DIFF_EXIT_HELP)
    .action(async (oldDir: string | undefined, newDir: string | undefined, flags: DiffFlags) => {
      state.debug = flags.debug === true;
      const reporter = new Reporter(state.io, flags);
      const cwd = state.io.cwd;
      let input: import("../../diff/run.js").DiffInput;
      if (flags.base !== undefined) {
        if (oldDir !== undefined) throw new CliError("give either two specs folders or --base <git-ref>, not both (see tcgen diff --help)");
        const settings = await resolveSettings(flags, reporter);
        requireDir(settings.specsDir, settings.show(settings.specsDir));
        input = { kind: "git", ref: flags.base, specsDir: settings.specsDir };
      } else {
        if (flags.specs !== undefined) throw new CliError("--specs goes with --base; give the two folders as arguments (see tcgen diff --help)");
        if (oldDir === undefined || newDir === undefined) {
          throw new CliError("give two specs folders (tcgen diff <old> <new>) or --base <git-ref> (see tcgen diff --help)");
        }
        for (const dir of [oldDir, newDir]) requireDir(resolve(cwd, dir), dir);
        input = { kind: "dirs", oldDir: resolve(cwd, oldDir), newDir: resolve(cwd, newDir) };
      }
      const { runDiff } = await import("../../diff/run.js");
      state.exitCode = await runDiff({
        input,
        format: flags.format,
        failOn: flags.failOn,
        show: (abs) => shown(cwd, abs),
        stdout: (text) => state.io.stdout(text),
        diagnostics: (list, toShown) => reporter.diagnostics(list, toShown),
        error: (message) => reporter.error(message),
      });
      if (state.exitCode === EXIT.invalid) reporter.error("nothing compared");
    });
  return command;
}
