/** `tcgen generate`: specs → output folder, replaced atomically (and not at all if already up to date). */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Command } from "commander";
import { GENERATED_HEADER } from "../../emit/output.js";
import { writeOutputAtomically } from "../../write/atomic.js";
import { compareWithDisk, hasDrift } from "../../write/check.js";
import { defineCommand, type CliState } from "../command.js";
import { CliError, EXIT, isFileSystemError } from "../errors.js";
import { printSpecDiagnostics, produceOutput, upToDateByCache } from "../produce.js";
import type { Reporter } from "../reporter.js";
import { outputExists, type CommonFlags, type Settings } from "../settings.js";

interface GenerateFlags extends CommonFlags {
  readonly force?: boolean;
  readonly watch?: boolean;
}

/** `inner` is `outer` or inside it. */
function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

/** Refuse to replace a folder that holds the specs or the cwd, or that tcgen did not write. */
function guardOutput(settings: Settings, cwd: string, force: boolean): void {
  const out = settings.show(settings.outDir);
  if (within(cwd, settings.outDir) || within(settings.specsDir, settings.outDir)) {
    throw new CliError(`refusing to replace ${out}: it contains the current folder or the specs`);
  }
  if (force || !existsSync(settings.outDir) || readdirSync(settings.outDir).length === 0) return;
  const index = join(settings.outDir, "index.js");
  const ours = existsSync(index) && readFileSync(index, "utf8").startsWith(GENERATED_HEADER);
  if (!ours) {
    throw new CliError(
      `refusing to replace ${out}: it does not look like tcgen output (no index.js starting with "${GENERATED_HEADER.trim()}"); ` +
        "choose another --out, or pass --force to replace it",
    );
  }
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
      const cached = await upToDateByCache(settings, reporter);
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
      if (outputExists(settings) && !hasDrift(compareWithDisk(settings.outDir, produced.files))) {
        reporter.info(`${reporter.green("ok")}: ${out} is up to date (${sizes})`);
        return EXIT.ok;
      }
      guardOutput(settings, reporter.io.cwd, flags.force === true);
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
