/** `tcgen generate`: specs → output folder, replaced atomically (and not at all if already up to date). */
import type { Command } from "commander";
import { writeOutputAtomically } from "../../write/atomic.js";
import { compareWithDisk, hasDrift } from "../../write/check.js";
import { defineCommand, type CliState } from "../command.js";
import { CliError, EXIT, isFileSystemError } from "../errors.js";
import { foreignOutputReason, guardOutputPaths, outputState } from "../output-guard.js";
import { printSpecDiagnostics, produceOutput, upToDateByCache } from "../produce.js";
import type { Reporter } from "../reporter.js";
import type { CommonFlags, Settings } from "../settings.js";

interface GenerateFlags extends CommonFlags {
  readonly force?: boolean;
  readonly watch?: boolean;
}

export function generateCommand(state: CliState): Command {
  return defineCommand<GenerateFlags>(state, {
    name: "generate",
    summary: "write the output package from the specs",
    description:
      "Generate the output package from the specs. The output folder is replaced all at once: if anything " +
      "fails, the previous output stays as it was. Nothing is written when it is already up to date.",
    configure: (command) =>
      command
        .option("--force", "replace the output folder even if tcgen did not write it")
        .option("--watch", "generate again whenever a spec file changes, until Ctrl-C"),
    run: async function generate(settings: Settings, reporter: Reporter, flags: GenerateFlags): Promise<number> {
      if (flags.watch === true) {
        const { watchAndGenerate } = await import("../watch.js");
        return watchAndGenerate(settings, reporter, () => generate(settings, reporter, { ...flags, watch: false }));
      }
      const out = settings.show(settings.outDir);
      const summary = (n: { files: number; services: number; actions: number }) =>
        `${n.files} files, ${n.services} services, ${n.actions} actions`;
      // Decided before anything in the output folder is read: where it is, and whether tcgen wrote it.
      await guardOutputPaths(settings, reporter.io.cwd);
      const existing = outputState(settings);
      if (existing === "foreign" && flags.force !== true) {
        throw new CliError(`refusing to replace ${out}: ${foreignOutputReason()}; choose another --out, or pass --force to replace it`);
      }
      const ours = existing === "tcgen";
      const cached = ours ? await upToDateByCache(settings, reporter) : undefined;
      if (cached) {
        reporter.info(`${reporter.green("ok")}: ${out} is up to date (${summary(cached)})`);
        return EXIT.ok;
      }
      const produced = await produceOutput(settings, reporter);
      if (!produced.ok) {
        printSpecDiagnostics(produced.diagnostics, settings, reporter);
        reporter.error(`nothing was written; ${out} is unchanged`);
        return EXIT.invalid;
      }
      const sizes = summary({ ...produced, files: produced.files.length });
      if (ours && !hasDrift(compareWithDisk(settings.outDir, produced.files))) {
        reporter.info(`${reporter.green("ok")}: ${out} is up to date (${sizes})`);
        return EXIT.ok;
      }
      reporter.progress(`writing ${out}`);
      try {
        await writeOutputAtomically(settings.outDir, produced.files);
      } catch (error) {
        if (isFileSystemError(error)) {
          throw new CliError(`cannot write ${out}: ${error.message}; ${out} is unchanged`);
        }
        throw error;
      }
      reporter.info(`${reporter.green("wrote")} ${out} (${sizes})`);
      return EXIT.ok;
    },
  });
}
