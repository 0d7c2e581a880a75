/**
 * The `yaml` library, loaded on first use (about 40 ms of process start): only the slow read path
 * and source positions need it, and ordinary files need neither.
 */
import { createRequire } from "node:module";

type Yaml = typeof import("yaml");
let lib: Yaml | undefined;

export function yamlLib(): Yaml {
  return (lib ??= createRequire(import.meta.url)("yaml") as Yaml);
}
