/**
 * Output size (issue 16): every file of a generated package, grouped into each service's folder and
 * what all services share (package root files, runtime/), as unpacked bytes and gzip; and the same
 * for the official SDK's folder of one service (tencentcloud-sdk-nodejs-<svc>, installed in
 * bench/peers), when asked.
 *   node bench/runners/size.mjs <specsDir> <pkgDir> [<sdkService>]
 * "gzip" is gzip -9 of all the files concatenated in path order (close to a packed tarball).
 * Prints {total, shared, services: [{service, dir, files, bytes, gzip}], largest, sdk?: {folder, files, bytes, gzip} | {error}}.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { modelOf } from "../lib/tcgen.mjs";
import { distDir, peersDir } from "../lib/util.mjs";

const [specsDir, pkgDir, sdkService] = process.argv.slice(2).map((a, i) => (i < 2 ? resolve(a) : a));

/** Files below `dir`, as [relative path, bytes] in path order. */
function filesOf(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push([relative(dir, p).split("\\").join("/"), readFileSync(p)]);
    }
  };
  walk(dir);
  return out;
}

function measure(files) {
  const bytes = files.reduce((n, [, b]) => n + b.length, 0);
  return { files: files.length, bytes, gzip: files.length ? gzipSync(Buffer.concat(files.map(([, b]) => b)), { level: 9 }).length : 0 };
}

try {
  const model = await modelOf(specsDir);
  const names = await import(pathToFileURL(join(distDir, "emit/names.js")).href);
  const all = filesOf(pkgDir);
  const dirs = model.services.map((s) => ({ service: `${s.name} ${s.version}`, dir: names.serviceModuleDir(s, model) }));
  const inside = (path, dir) => path.startsWith(`${dir}/`);
  const services = dirs.map(({ service, dir }) => ({ service, dir, ...measure(all.filter(([p]) => inside(p, dir))) }));
  const shared = measure(all.filter(([p]) => !dirs.some(({ dir }) => inside(p, dir))));
  const largest = all
    .map(([p, b]) => [p, b.length])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8);
  const result = { total: measure(all), shared, services, largest };
  if (sdkService) {
    const folder = join(peersDir, "node_modules", `tencentcloud-sdk-nodejs-${sdkService}`, "tencentcloud", "services", sdkService);
    try {
      result.sdk = { folder: relative(peersDir, folder), ...measure(filesOf(folder)) };
    } catch (e) {
      result.sdk = { error: `${relative(peersDir, folder)}: ${String(e?.code ?? e?.message ?? e)}` };
    }
  }
  console.log(JSON.stringify(result));
} catch (e) {
  console.log(JSON.stringify({ error: String(e?.message ?? e).split("\n")[0] }));
  process.exitCode = 1;
}
