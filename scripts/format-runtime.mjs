// Part of `npm run build`: format the compiled runtime (dist/runtime) once with tcgen's pinned
// prettier options, so `tcgen generate` copies it as it is instead of formatting it on every run.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatOne } from "../dist/write/format.js";
import { parserFor } from "../dist/write/prettier-setup.js";

const dir = fileURLToPath(new URL("../dist/runtime/", import.meta.url));
for (const name of readdirSync(dir).sort()) {
  const parser = parserFor(name);
  if (parser === undefined) continue;
  const path = join(dir, name);
  const text = readFileSync(path, "utf8");
  const formatted = await formatOne({ path: `runtime/${name}`, text, parser });
  if (formatted !== text) writeFileSync(path, formatted);
}
