/**
 * Importing the real corpus services: counts match the inputs, the mapping rules hold on real
 * members, output is idempotent and independent of input key order.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { importTencentCloud, TENCENT_COMMON_CODES } from "../../generator/import/tencentcloud/index.js";
import { CORPUS_SERVICES, corpusFiles, hasCorpus } from "./corpus.js";

interface Member { name: string; type: string; member: string }
interface ApiJson {
  actions: Record<string, { input: string; output: string; status: string }>;
  objects: Record<string, { members: Member[]; usage?: string }>;
}
interface ErrorsJson { codes: Record<string, string>; actions: Record<string, string[]> }
type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const importedCache = new Map<string, { service: Spec; types: Spec; actions: Spec }>();
function imported(svc: string, folder: string): { service: Spec; types: Spec; actions: Spec } {
  const key = `${svc}/${folder}`;
  const hit = importedCache.get(key);
  if (hit) return hit;
  const f = corpusFiles(svc, folder);
  const r = importTencentCloud({ api: f.api, errors: f.errors });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  const byName = (n: string): string => r.files.find((x) => x.path === `${svc}/${folder}/${n}`)?.text ?? "";
  const result = {
    service: parse(byName("service.yaml")) as Spec,
    types: (parse(byName("types.yaml")) as Spec)["types"] as Spec,
    actions: (parse(byName("actions.yaml")) as Spec)["actions"] as Spec,
  };
  importedCache.set(key, result);
  return result;
}

describe.skipIf(!hasCorpus)("corpus import", () => {
  describe.each(CORPUS_SERVICES)("$svc $version", ({ svc, folder, version }) => {
    const f = hasCorpus ? corpusFiles(svc, folder) : undefined;
    const api = f ? (JSON.parse(f.api.text) as ApiJson) : undefined;
    const errors = f ? (JSON.parse(f.errors.text) as ErrorsJson) : undefined;

    it("writes the three files with the service header", () => {
      const r = importTencentCloud({ api: f!.api, errors: f!.errors });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.files.map((x) => x.path)).toEqual([`${svc}/${folder}/service.yaml`, `${svc}/${folder}/types.yaml`, `${svc}/${folder}/actions.yaml`]);
      for (const file of r.files) {
        expect(file.text.split("\n")[0]).toBe("# yaml-language-server: $schema=../../../node_modules/tcgen/schema/spec.schema.json");
        const doc = parse(file.text) as Spec;
        expect(doc["specVersion"]).toBe(1);
        expect(doc["service"]["name"]).toBe(svc);
        expect(doc["service"]["version"]).toBe(version);
        expect(file.text).toContain(`version: "${version}"`);
      }
      const { service } = imported(svc, folder);
      expect(service["service"]["host"]).toBe(svc);
    });

    it("has one action per api.json action, with request/response fields in declaration order", () => {
      const { actions } = imported(svc, folder);
      expect(Object.keys(actions)).toEqual(Object.keys(api!.actions).sort());
      for (const [name, a] of Object.entries(api!.actions)) {
        const request = api!.objects[a.input]!.members.map((m) => m.name);
        const response = api!.objects[a.output]!.members.map((m) => m.name);
        expect(response.at(-1)).toBe("RequestId");
        expect(Object.keys(actions[name]["request"] ?? {})).toEqual(request);
        expect(Object.keys(actions[name]["response"] ?? {})).toEqual(response.slice(0, -1));
        expect(actions[name]["deprecated"] ?? false).toBe(a.status === "deprecated");
      }
    });

    it("has one type per data structure (plus a request-side <Name>Input where the sides differ), fields in declaration order", () => {
      const { types } = imported(svc, folder);
      const io = new Set(Object.values(api!.actions).flatMap((a) => [a.input, a.output]));
      const structs = Object.keys(api!.objects).filter((n) => !io.has(n));
      const inputs = Object.keys(types).filter((n) => !structs.includes(n));
      expect(Object.keys(types).filter((n) => structs.includes(n))).toEqual(structs.sort());
      let members = 0;
      for (const s of structs) {
        expect(Object.keys(types[s]["fields"] ?? {})).toEqual(api!.objects[s]!.members.map((m) => m.name));
        members += api!.objects[s]!.members.length;
      }
      for (const n of inputs) {
        const base = n.replace(/Input$/, "");
        expect(structs, n).toContain(base);
        expect(Object.keys(types[n]["fields"] ?? {})).toEqual(api!.objects[base]!.members.map((m) => m.name));
      }
      expect(members).toBeGreaterThan(0);
    });

    it("writes the service codes (minus the common ones) and each action's codes", () => {
      const { service, actions } = imported(svc, folder);
      const own = Object.keys(errors!.codes).filter((c) => !TENCENT_COMMON_CODES.includes(c)).sort();
      expect(Object.keys(service["errors"])).toEqual(own);
      for (const code of own) expect(typeof service["errors"][code]["description"]).toBe("string");
      expect(Object.keys(actions).filter((a) => errors!.actions[a] === undefined)).toEqual([]);
      for (const [name, codes] of Object.entries(errors!.actions)) {
        expect(actions[name]["errors"] ?? []).toEqual([...new Set(codes)].sort());
      }
    });

    it("rejects its examples.json given as api.json, naming the missing keys", () => {
      const hint = "missing (an api.json has the keys actions, metadata, objects and version; is this the right file?)";
      expect(importTencentCloud({ api: f!.examples })).toEqual({
        ok: false,
        diagnostics: [
          { file: f!.examples.path, line: 0, col: 0, path: "$.metadata", message: hint },
          { file: f!.examples.path, line: 0, col: 0, path: "$.objects", message: hint },
        ],
      });
    });

    it("is idempotent and independent of input key order", () => {
      const once = importTencentCloud({ api: f!.api, errors: f!.errors });
      const twice = importTencentCloud({ api: f!.api, errors: f!.errors });
      const shuffledApi = { path: f!.api.path, text: JSON.stringify(reverseKeys(JSON.parse(f!.api.text))) };
      const shuffledErrors = { path: f!.errors.path, text: JSON.stringify(reverseKeys(JSON.parse(f!.errors.text)), null, 1) };
      const shuffled = importTencentCloud({ api: shuffledApi, errors: shuffledErrors });
      expect(shuffledApi.text).not.toBe(f!.api.text);
      expect(twice).toEqual(once);
      expect(shuffled).toEqual(once);
    });
  });

  describe("mapping rules on real members", () => {
    const cvm = hasCorpus ? imported("cvm", "v20170312") : undefined;
    const cbs = hasCorpus ? imported("cbs", "v20170312") : undefined;
    const sts = hasCorpus ? imported("sts", "v20180813") : undefined;

    it("maps scalar kinds: datetime_iso, datetime, list of uint64, uint64, bool", () => {
      expect(cvm!.types["Image"]["fields"]["CreatedTime"]["type"]).toBe("datetime-iso");
      expect(cvm!.actions["CreateDisasterRecoverGroup"]["response"]["CreateTime"]["type"]).toBe("datetime");
      expect(cvm!.actions["DescribeLaunchTemplateVersions"]["request"]["LaunchTemplateVersions"]["type"]).toBe("uint64[]");
      expect(cbs!.types["Policy"]["fields"]["Hour"]["type"]).toBe("uint64[]");
      expect(cbs!.types["AdvancedRetentionPolicy"]["fields"]["Days"]["type"]).toBe("uint64");
      expect(cvm!.actions["RebootInstances"]["request"]["ForceReboot"]["type"]).toBe("boolean");
      expect(cvm!.types["Image"]["fields"]["ImageSize"]["type"]).toBe("int64");
      expect(cvm!.types["AccountQuota"]["fields"]["PostPaidQuotaSet"]["type"]).toBe("PostPaidQuota[]");
    });

    it("keeps globals-named and Request-suffixed data structures as types", () => {
      expect(cvm!.types["Image"]).toBeDefined();
      expect(cbs!.types["Image"]).toBeDefined();
      expect(cvm!.types["InstanceMarketOptionsRequest"]["fields"]["MarketType"]["type"]).toBe("string");
      // used on both sides with different requiredness: the request refers to the request-side copy
      expect(cvm!.actions["RunInstances"]["request"]["InstanceMarketOptions"]["type"]).toBe("InstanceMarketOptionsRequestInput");
    });

    it("response fields: optional unless output_required true; nullable when value_allowed_null", () => {
      expect(cbs!.actions["DescribeSnapshotOverview"]["response"]["TotalNums"]["optional"]).toBe(true); // output_required false
      expect(sts!.actions["GetCallerIdentity"]["response"]["Arn"]["optional"]).toBe(true); // no output_required
      expect(sts!.actions["GetFederationToken"]["response"]["Expiration"]).toMatchObject({ nullable: true });
      expect(sts!.actions["GetFederationToken"]["response"]["Expiration"]["optional"]).toBeUndefined();
      expect(cvm!.types["Image"]["fields"]["CreatedTime"]["optional"]).toBeUndefined();
      expect(cvm!.types["CpuTopology"]["fields"]["CoreCount"]).toMatchObject({ optional: true, nullable: true });
    });

    it("disabled → deprecated (and optional on the response side); request optional unless required", () => {
      expect(cvm!.types["Instance"]["fields"]["DisasterRecoverGroupId"]).toMatchObject({ deprecated: true, optional: true });
      expect(cvm!.actions["RebootInstances"]["request"]["ForceReboot"]).toMatchObject({ deprecated: true, optional: true });
      expect(cvm!.actions["RebootInstances"]["request"]["InstanceIds"]["optional"]).toBeUndefined(); // required: true
      expect(cvm!.actions["RunInstances"]["request"]["Placement"]["optional"]).toBe(true); // required: false
    });

    it("both-side structs: a response type and a request type when the sides differ; one-side structs by reachability", () => {
      const imor = cvm!.types["InstanceMarketOptionsRequest"]["fields"];
      const imorIn = cvm!.types["InstanceMarketOptionsRequestInput"]["fields"];
      expect(imor["SpotOptions"]["optional"]).toBeUndefined(); // required and output_required
      expect(imorIn["SpotOptions"]["optional"]).toBeUndefined();
      expect(imor["MarketType"]["optional"]).toBeUndefined(); // output_required only: required in responses…
      expect(imorIn["MarketType"]["optional"]).toBe(true); // …optional in requests
      expect(imorIn["SpotOptions"]["type"]).toBe("SpotMarketOptionsInput");
      expect(cvm!.types["SpotMarketOptions"]["fields"]["MaxPrice"]["optional"]).toBe(true); // required only
      expect(cvm!.types["SpotMarketOptionsInput"]["fields"]["MaxPrice"]["optional"]).toBeUndefined();
      // sides that agree: one type
      expect(cvm!.types["FilterInput"]).toBeUndefined();
      // declared `both`, reached only from responses: the response rule (output_required true → required)
      expect(cvm!.types["InternetChargeTypeConfig"]["fields"]["InternetChargeType"]["optional"]).toBeUndefined();
    });

    it("carries descriptions as cleaned text and examples except the none placeholder", () => {
      const desc = cvm!.actions["DescribeInstances"]["description"] as string;
      expect(desc).not.toMatch(/<\/?(li|br|a|p)\b|\]\(\/(?!\/)/);
      expect(desc).not.toMatch(/\s\s|^\s|\s$|\n\n/m);
      expect(desc.split("\n").filter((l) => l.startsWith("* "))).toHaveLength(3); // its Markdown list, one item per line
      const filters = cvm!.actions["DescribeInstances"]["request"]["Filters"]["description"] as string;
      expect(filters.length).toBeGreaterThan(500); // kept whole
      expect(cvm!.types["Image"]["fields"]["ImageId"]["example"]).toBe("img-19mu3fy3");
      expect(cvm!.types["ChargePrepaid"]["fields"]["Period"]["example"]).toBe("1");
      for (const t of Object.values(cvm!.types)) for (const fd of Object.values(t["fields"] as Spec)) expect(fd["example"]).not.toBe("无");
    });
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys); // arrays keep their order (members are ordered)
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
}
