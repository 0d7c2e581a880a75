/** `tcgen validate`: load and check the specs; write nothing. */
import type { Command } from "commander";
import { defineCommand, type CliState } from "../command.js";
import { EXIT } from "../errors.js";
import { printSpecDiagnostics, validateSpecs } from "../produce.js";

export function validateCommand(state: CliState): Command {
  return defineCommand(state, {
    name: "validate",
    summary: "check the specs for errors; write nothing",
    description: "Load and check the specs; print every problem as file:line:col: message. Writes nothing.",
    run: async (settings, reporter) => {
      const produced = await validateSpecs(settings, reporter);
      if (!produced.ok) {
        printSpecDiagnostics(produced.diagnostics, settings, reporter);
        return EXIT.invalid;
      }
      reporter.info(
        `${reporter.green("ok")}: ${settings.show(settings.specsDir)} is valid (${produced.services} services, ${produced.actions} actions)`,
      );
      return EXIT.ok;
    },
  });
}
