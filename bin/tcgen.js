#!/usr/bin/env node
// The `tcgen` command. The CLI itself is generator/cli, compiled by `npm run build` into dist/cli.
import { existsSync } from "node:fs";

const main = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(main)) {
  process.stderr.write("tcgen: not built (dist/cli/main.js is missing): run `npm run build` first\n");
  process.exit(3);
}
const { run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));
