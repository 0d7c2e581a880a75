// Part of `npm run build`: ajv's standalone code for the structural pass (generator/load/schema-compile.ts),
// so no process compiles the spec schema at start. The module records the sha256 of the schema text
// it was built from; the loader compiles at run time instead when the schema changed since.
import { writeFileSync } from "node:fs";
import standalone from "ajv/dist/standalone/index.js";
import { PRECOMPILED_URL, readSchemaText, schemaAjv } from "../dist/load/schema-compile.js";

const schema = readSchemaText();
const { ajv, refs } = schemaAjv(JSON.parse(schema.text), { code: { source: true } });
const code = standalone.default(ajv, refs);
writeFileSync(PRECOMPILED_URL, `${code}\nexports.schemaHash = ${JSON.stringify(schema.hash)};\n`);
