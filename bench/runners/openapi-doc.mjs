/** Write the OpenAPI document of a specs dir (not timed): node bench/runners/openapi-doc.mjs <specsDir> <doc.json> */
import { writeFileSync } from "node:fs";
import { modelToOpenApi } from "../lib/openapi.mjs";
import { modelOf } from "../lib/tcgen.mjs";

const [specsDir, docPath] = process.argv.slice(2);
try {
  const doc = modelToOpenApi(await modelOf(specsDir));
  const text = JSON.stringify(doc);
  writeFileSync(docPath, text);
  console.log(JSON.stringify({ operations: Object.keys(doc.paths).length, schemas: Object.keys(doc.components.schemas).length, bytes: text.length }));
} catch (e) {
  console.log(JSON.stringify({ error: String(e?.message ?? e).split("\n")[0] }));
  process.exitCode = 1;
}
