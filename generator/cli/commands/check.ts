/** `tcgen check`: regenerate in memory and compare with the output folder; exit 1 on any difference. */
import { Option, type Command } from "commander";
import { compareWithDisk, hasDrift, renderDrift, renderGithubAnnotations } from "../../write/check.js";
import { defineCommand, type CliState } from "../command.js";
import { CliError, EXIT } from "../errors.js";
import { foreignOutputReason, outputState } from "../output-guard.js";
import { printSpecDiagnostics, produceOutput, upToDateByCache } from "../produce.js";
import type { CommonFlags } from "../settings.js";

interface CheckFlags extends CommonFlags {
  readonly format: "human" | "github";
}

export function checkCommand(state: CliState): Command {
  return defineCommand<CheckFlags>(state, {
    name: "check",
    summary: "fail if the output folder is not what the specs generate",
    description:
      "Generate in memory and compare with the output folder. Exit 0 if identical; exit 1 listing stale, " +
      "missing and unexpected files with a (bounded) diff. For CI and pre-commit hooks.",
    configure: (command) =>
      command.addOption(
        new Option("--format <format>", "report format; github prints ::error annotations on stdout")
          .choices(["human", "github"])
          .default("human"),
      ),
    run: async (settings, reporter, flags) => {
      const out = settings.show(settings.outDir);
      // A file where the folder should be is an error, a missing folder is drift, a folder tcgen did not
      // write is refused before any of it is read.
      const existing = outputState(settings);
      if (existing === "foreign") {
        throw new CliError(`cannot check ${out}: ${foreignOutputReason()}; check the --out folder, or run \`tcgen generate --force\``);
      }
      const cached = existing === "tcgen" ? await upToDateByCache(settings, reporter) : undefined;
      if (cached) {
        reporter.info(`${reporter.green("ok")}: ${out} matches the specs (${cached.files} files)`);
        return EXIT.ok;
      }
      const produced = await produceOutput(settings, reporter);
      if (!produced.ok) {
        printSpecDiagnostics(produced.diagnostics, settings, reporter);
        return EXIT.invalid;
      }
      const drift = compareWithDisk(settings.outDir, produced.files);
      if (!hasDrift(drift)) {
        reporter.info(`${reporter.green("ok")}: ${out} matches the specs (${produced.files.length} files)`);
        return EXIT.ok;
      }
      if (flags.format === "github") reporter.io.stdout(renderGithubAnnotations(drift, out));
      reporter.write(await renderDrift(drift, { outLabel: out, color: reporter.color }));
      const n = drift.stale.length + drift.missing.length + drift.unexpected.length;
      reporter.error(`${out} is out of date (${n} file${n === 1 ? "" : "s"}): run \`tcgen generate\``);
      return EXIT.drift;
    },
  });
}
