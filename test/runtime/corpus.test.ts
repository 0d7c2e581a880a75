/**
 * Parsers generated from the real Tencent Cloud corpus (cvm, cbs, sts: api.json converted in memory)
 * run over every example reply of every action: each gets a typed outcome, and almost all successes
 * conform (FORMAT.md §2.4 lists the known deviations). Skips when ../shared/corpus is absent.
 */
import { existsSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { corpusRoot, loadCorpusService } from "./corpus-model.js";
import { expectOutcomeShape } from "./outcome.js";
import { writePackage, type GeneratedPackage, type Parser } from "./package.js";

const present = existsSync(corpusRoot);
if (!present) console.warn(`corpus tests skipped: ${corpusRoot} is absent (clone shared/ beside the repo)`);

const cleanups: GeneratedPackage[] = [];
afterAll(() => {
  for (const p of cleanups) p.cleanup();
});

describe.skipIf(!present)("corpus example replies", () => {
  it.each(["cvm", "cbs", "sts"])("%s: every example gets a typed outcome; at least 95 percent of successes conform", async (svc) => {
    const service = loadCorpusService(svc);
    if (!service) throw new Error(`corpus service ${svc} missing`);
    const pkg = writePackage(service.model);
    cleanups.push(pkg);
    const parsers = await pkg.parsers(svc);
    let conforming = 0;
    let apiErrors = 0;
    const deviations: string[] = [];
    for (const { action, output } of service.examples) {
      const parse = parsers[`parse${action}`] as Parser | undefined;
      if (!parse) throw new Error(`no parser for ${action}`);
      const r = parse(output);
      const kind = expectOutcomeShape(r);
      if (kind === "success") {
        conforming++;
        // FORMAT.md §2.4: no example has an undeclared field, so none may be reported as unknown
        expect(r.ok && r.unknownFields).toEqual([]);
        expect(r.ok && r.data).toEqual((JSON.parse(output) as { Response: unknown }).Response);
      }
      else if (kind === "api-error") apiErrors++;
      else if (!r.ok && r.error.kind === "malformed") {
        // nothing is lost: the reply as parsed (or its text) stays reachable
        let sent: unknown = output;
        try {
          sent = JSON.parse(output);
        } catch {
          sent = output;
        }
        expect(r.error.body).toEqual(sent);
        deviations.push(`${action}: ${r.error.path} expected ${r.error.expected}, found ${r.error.found}`);
      }
    }
    const successes = conforming + deviations.length;
    console.log(
      `${svc}: ${service.examples.length} examples, ${conforming}/${successes} successes conform, ${apiErrors} API errors` +
        (deviations.length ? `\n  ${deviations.join("\n  ")}` : ""),
    );
    expect(service.examples.length).toBeGreaterThan(0);
    expect(conforming).toBeGreaterThanOrEqual(Math.ceil(successes * 0.95));
  });
});
