/**
 * Every recorded reply of the corpus (cvm, cbs, sts: examples.json), replayed through the generated
 * client (`createClient`, real TC3 signing, a local node:http server answering with the recorded text)
 * against the specs as `import` writes them: no reply's data is unreachable. A success hands over its
 * data, an API error its code and message, a malformed reply the whole body it came with.
 * Skips when ../shared/corpus is absent.
 */
import { readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importTencentCloud } from "../../generator/import/tencentcloud/index.js";
import { loadModel } from "../../generator/model/index.js";
import { KEYS, SECRET_ID, SECRET_KEY } from "../client/helpers/fixture-model.js";
import { writeClientPackage } from "../client/helpers/package.js";
import { startMockServer, type MockServer } from "../client/helpers/server.js";
import { corpusRoot, hasCorpus } from "../helpers/paths.js";
import { scratchDir, specsDir } from "../verify/fixtures.js";

const SERVICES = [
  { svc: "cvm", folder: "v20170312" },
  { svc: "cbs", folder: "v20170312" },
  { svc: "sts", folder: "v20180813" },
] as const;

const scratch = scratchDir("tcgen-replay-");
let server: MockServer;
beforeAll(async () => {
  server = await startMockServer(KEYS);
});
afterAll(async () => {
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(!hasCorpus)("every recorded reply, through the generated client", () => {
  for (const { svc, folder } of SERVICES) {
    it(`${svc}: no reply's data is unreachable`, async () => {
      const dir = resolve(corpusRoot, "tencentcloud", svc, folder);
      const read = (name: string) => ({ path: `${svc}/${folder}/${name}`, text: readFileSync(join(dir, name), "utf8") });
      const imported = importTencentCloud({ api: read("api.json"), errors: read("errors.json") });
      if (!imported.ok) throw new Error(imported.diagnostics.map((d) => d.message).join("\n"));
      const loaded = await loadModel(specsDir(join(scratch, svc), Object.fromEntries(imported.files.map((f) => [f.path, f.text]))));
      if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join("\n"));
      const pkg = writeClientPackage(loaded.model);
      try {
        const client = await pkg.client(svc, {
          credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY },
          region: "ap-guangzhou",
          endpoint: server.url,
          timeoutMs: 5000,
          retry: { maxAttempts: 1 },
        });
        const examples = (JSON.parse(read("examples.json").text) as { actions: Record<string, Array<{ output: string }>> }).actions;
        const counts = { success: 0, "api-error": 0, malformed: 0 };
        for (const [action, list] of Object.entries(examples)) {
          for (const [i, { output }] of list.entries()) {
            const at = `${action} #${i + 1}`;
            server.scenario(() => ({ body: output }));
            const method = client[action];
            expect(method, at).toBeTypeOf("function");
            const r = await method!({});
            let sent: unknown;
            try {
              sent = JSON.parse(output);
            } catch {
              sent = output;
            }
            const response = (sent as { Response?: Record<string, unknown> } | null)?.Response;
            if (r.ok) {
              counts.success++;
              // the data is the server's object, every key of it included
              expect(r.data, at).toEqual(response);
            } else if (r.error.kind === "api-error") {
              counts["api-error"]++;
              const error = response?.["Error"] as { Code: string; Message: string };
              expect({ rawCode: r.error.rawCode, message: r.error.message, requestId: r.error.requestId }, at).toEqual({
                rawCode: error.Code,
                message: error.Message,
                requestId: response?.["RequestId"],
              });
            } else if (r.error.kind === "malformed") {
              counts.malformed++;
              expect(r.error.body, at).toEqual(sent);
              expect(r.error.issues.length, at).toBeGreaterThan(0);
            } else {
              throw new Error(`${at}: transport error ${r.error.message}`);
            }
          }
        }
        const total = Object.values(examples).reduce((n, l) => n + l.length, 0);
        expect(counts.success + counts["api-error"] + counts.malformed).toBe(total);
        console.log(`${svc}: ${total} recorded replies through the client: ${JSON.stringify(counts)}`);
      } finally {
        pkg.remove();
      }
    }, 120_000);
  }
});
