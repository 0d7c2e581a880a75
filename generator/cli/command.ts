/** The skeleton every tcgen command shares: common options, exit-code help, one async action. */
import { Command } from "commander";
import { EXIT_CODES_HELP } from "./errors.js";
import { Reporter, type CliIo } from "./reporter.js";
import { addCommonOptions, resolveSettings, type CommonFlags, type Settings } from "./settings.js";

export interface CliState {
  readonly io: CliIo;
  /** Set by the command's action. */
  exitCode: number;
  /** --debug of the running command (for the top-level error handler). */
  debug: boolean;
}

/**
 * A command whose action gets the resolved settings and returns the exit code.
 * `configure` adds the command's own options; the action receives all flags.
 */
export function defineCommand<F extends CommonFlags>(
  state: CliState,
  spec: {
    readonly name: string;
    readonly summary: string;
    readonly description: string;
    readonly configure?: (command: Command) => void;
    readonly run: (settings: Settings, reporter: Reporter, flags: F) => Promise<number>;
  },
): Command {
  const command = new Command(spec.name).summary(spec.summary).description(spec.description);
  addCommonOptions(command);
  spec.configure?.(command);
  command.addHelpText("after", EXIT_CODES_HELP);
  command.action(async (flags: F) => {
    state.debug = flags.debug === true;
    const reporter = new Reporter(state.io, flags);
    try {
      const settings = await resolveSettings(flags, reporter);
      state.exitCode = await spec.run(settings, reporter, flags);
    } finally {
      reporter.clearProgress();
    }
  });
  return command;
}
