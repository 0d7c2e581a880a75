/**
 * Bundle size of a consumer that calls one action (its per-action function and a bare client) and handles its error, with
 * esbuild (bundle, minify, ESM, platform node), then gzip -9: the generated package against the
 * official SDK client (tencentcloud-sdk-nodejs-<service>, installed in bench/peers).
 *   node bench/runners/bundle.mjs <specsDir> <pkgDir> <workDir> <service> <action>
 * Prints {action, code, tcgen: {min, gzip}, sdk: {min, gzip} | {error}}.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { modelOf } from "../lib/tcgen.mjs";
import { peersDir } from "../lib/util.mjs";
import { pathToFileURL } from "node:url";
import { distDir } from "../lib/util.mjs";

const [specsDir, pkgDir, work, serviceName, actionName] = process.argv.slice(2).map((a, i) => (i < 3 ? resolve(a) : a));
const lit = JSON.stringify;

const esbuildMessage = (e) =>
  e?.errors?.length ? e.errors.slice(0, 2).map((m) => `${m.text}${m.location ? ` (${m.location.file}:${m.location.line})` : ""}`).join("; ") : String(e?.message ?? e).split("\n")[0];

async function size(esbuild, entry) {
  const r = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    logLevel: "silent",
    nodePaths: [join(peersDir, "node_modules")],
    legalComments: "none",
    metafile: true,
  });
  const bytes = r.outputFiles[0].contents;
  // Where the bytes come from: the largest inputs (minified bytes in the output), by file.
  const inputs = Object.values(r.metafile.outputs)[0].inputs;
  const largest = Object.entries(inputs)
    .map(([file, v]) => [file.replace(/^.*node_modules\//, ""), v.bytesInOutput])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6);
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, largest };
}

try {
  const esbuild = await import("esbuild");
  const model = await modelOf(specsDir);
  const names = await import(pathToFileURL(join(distDir, "emit/names.js")).href);
  const service = model.services.find((s) => s.name === serviceName);
  if (!service) throw new Error(`service ${serviceName} not in the model`);
  const action = service.actions.find((a) => a.name === actionName) ?? service.actions[0];
  const code = action.ownErrors[0] ?? action.errors[0].code;
  const version = `v${service.version.replace(/-/g, "")}`;
  const pkgName = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")).name;
  const dir = names.serviceModuleDir(service, model);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, "node_modules", dirname(pkgName)), { recursive: true });
  symlinkSync(pkgDir, join(work, "node_modules", pkgName), "dir");
  // The tree-shakeable way in: a bare client and the action's own function (imports its parser and codes only).
  const call = names.serviceNames(service).callName(action.name);
  writeFileSync(
    join(work, "tcgen.mjs"),
    `import { match } from ${lit(pkgName)};
import { createBareClient, ${call} } from ${lit(`${pkgName}/${dir}`)};
const client = createBareClient({
  credentials: { secretId: process.env.TC_SECRET_ID ?? "", secretKey: process.env.TC_SECRET_KEY ?? "" },
  region: "ap-guangzhou",
});
const r = await ${call}(client, {});
console.log(r.ok ? r.data : match(r.error, { ${lit(code)}: (e) => "handled: " + e.message, $default: (e) => e.kind }));
`,
  );
  writeFileSync(
    join(work, "sdk.mjs"),
    `import { ${service.name} } from ${lit(`tencentcloud-sdk-nodejs-${service.name}`)};
const client = new ${service.name}.${version}.Client({
  credential: { secretId: process.env.TC_SECRET_ID ?? "", secretKey: process.env.TC_SECRET_KEY ?? "" },
  region: "ap-guangzhou",
});
try {
  console.log(await client.${action.name}({}));
} catch (e) {
  console.log(e.code === ${lit(code)} ? "handled: " + e.message : e.code);
}
`,
  );
  const tcgen = await size(esbuild, join(work, "tcgen.mjs"));
  let sdk;
  try {
    sdk = await size(esbuild, join(work, "sdk.mjs"));
  } catch (e) {
    sdk = { error: esbuildMessage(e) };
  }
  console.log(JSON.stringify({ action: action.name, code, tcgen, sdk }));
} catch (e) {
  console.log(JSON.stringify({ error: esbuildMessage(e) }));
  process.exitCode = 1;
}
