#!/usr/bin/env node
// The `tcgen` command. The CLI itself is generator/cli, compiled by `npm run build` into dist/cli.
import { existsSync } from "node:fs";

const main = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(main)) {
  process.stderr.write("tcgen: not built (dist/cli/main.js is missing): run `npm run build` first\n");
  process.exit(3);
}
// A reader that goes away (`tcgen --help | head -1`) is not an error of tcgen's: the rest of the output is
// dropped and the command finishes its work (an output folder is still replaced all at once).
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error?.code !== "EPIPE" && error?.code !== "ERR_STREAM_DESTROYED") throw error;
  });
}
const { run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));
