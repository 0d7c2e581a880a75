/**
 * The shipped specs (specs/**) against the facts they were taken from.
 *
 * The spec YAML is parsed directly with `yaml` (no dependency on the loader), then checked against the
 * Tencent Cloud corpus (../shared/corpus/tencentcloud/cvm/v20170312) at test time: every spec'd action exists,
 * its fields and every struct it reaches match the corpus members in order, type and flags, its error list is
 * the SDK's list, and every enum admits every value the recorded examples show. Corpus checks skip with a
 * message when the corpus folder is absent; the package-file checks always run.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const specsDir = path.join(repoRoot, "specs");
const corpusRoot = path.resolve(repoRoot, "../shared/corpus");
const cvmDir = path.join(corpusRoot, "tencentcloud/cvm/v20170312");
const corpusPresent = existsSync(path.join(cvmDir, "api.json"));
const SKIP_REASON = `corpus not found at ${corpusRoot} (clone shared/ beside the repo to run the corpus checks)`;

// ---------------------------------------------------------------------------------------------------------
// Spec side

type Doc = Record<string, unknown>;

interface SpecFile {
  readonly rel: string;
  readonly text: string;
  readonly doc: Doc;
}

function listYaml(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listYaml(full));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}

const specFiles: SpecFile[] = listYaml(specsDir).map((full) => {
  const text = readFileSync(full, "utf8");
  return { rel: path.relative(specsDir, full).split(path.sep).join("/"), text, doc: parse(text) as Doc };
});

function obj(v: unknown): Doc {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Doc) : {};
}

interface SpecField {
  readonly type: string;
  readonly optional: boolean;
  readonly nullable: boolean;
  readonly deprecated: boolean;
  readonly enum: readonly string[] | undefined;
}

/** A field entry: the shorthand `Name: type` or the object form. */
function specField(v: unknown): SpecField {
  if (typeof v === "string") return { type: v, optional: false, nullable: false, deprecated: false, enum: undefined };
  const o = obj(v);
  return {
    type: String(o["type"]),
    optional: o["optional"] === true,
    nullable: o["nullable"] === true,
    deprecated: o["deprecated"] === true,
    enum: Array.isArray(o["enum"]) ? (o["enum"] as unknown[]).map(String) : undefined,
  };
}

function fieldsOf(v: unknown): [string, SpecField][] {
  return Object.entries(obj(v)).map(([k, f]) => [k, specField(f)]);
}

const packageFiles = specFiles.filter((f) => "package" in f.doc);
const cvmFiles = specFiles.filter((f) => obj(f.doc["service"])["name"] === "cvm");
const commonErrors = obj(packageFiles[0]?.doc["commonErrors"]);

/** Names defined in more than one cvm file (the loader would reject them; a test asserts there are none). */
const duplicates: string[] = [];

/** Merge the cvm service files (the loader does the same). */
function mergeSection(section: "errors" | "types" | "actions"): Map<string, Doc> {
  const out = new Map<string, Doc>();
  for (const f of cvmFiles) {
    for (const [name, v] of Object.entries(obj(f.doc[section]))) {
      if (out.has(name)) duplicates.push(`${section}.${name} (again in ${f.rel})`);
      out.set(name, obj(v));
    }
  }
  return out;
}

const cvmErrors = mergeSection("errors");
const cvmTypes = mergeSection("types");
const cvmActions = mergeSection("actions");

// ---------------------------------------------------------------------------------------------------------
// Corpus side

interface Member {
  readonly name: string;
  readonly type: string;
  readonly member: string;
  readonly required?: boolean;
  readonly output_required?: boolean;
  readonly value_allowed_null?: boolean;
  readonly disabled?: boolean;
}
interface ApiJson {
  readonly actions: Record<string, { readonly input: string; readonly output: string; readonly status: string }>;
  readonly objects: Record<string, { readonly members: readonly Member[] }>;
}
interface ErrorsJson {
  readonly codes: Record<string, string>;
  readonly actions: Record<string, readonly string[]>;
}
interface ExamplesJson {
  readonly actions: Record<string, readonly { readonly input: string; readonly output: string }[]>;
}

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(cvmDir, name), "utf8")) as T;
}

const PRIMITIVES: Readonly<Record<string, string>> = {
  string: "string",
  int64: "int64",
  uint64: "uint64",
  float: "float",
  bool: "boolean",
  datetime: "datetime",
  datetime_iso: "datetime-iso",
  date: "date",
};

type Side = "request" | "response";

/** The spec type expression the rules give for a corpus member. */
function mappedType(m: Member): string {
  const base = PRIMITIVES[m.member] ?? m.member;
  return m.type === "list" ? `${base}[]` : base;
}

/**
 * Flags the rules give. Request side: optional unless `required`. Response side: optional unless
 * `output_required` and not `disabled`. A struct reached from both sides is optional if either side says so.
 */
function expectedFlags(m: Member, sides: ReadonlySet<Side>): Omit<SpecField, "enum"> {
  const reqOptional = m.required !== true;
  const resOptional = !(m.output_required === true && m.disabled !== true);
  return {
    type: mappedType(m),
    optional: (sides.has("request") && reqOptional) || (sides.has("response") && resOptional),
    nullable: m.value_allowed_null === true,
    deprecated: m.disabled === true,
  };
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

// ---------------------------------------------------------------------------------------------------------

describe("package file", () => {
  const EXPECTED_RETRY: Readonly<Record<string, string>> = {
    ActionOffline: "never",
    "AuthFailure.InvalidAuthorization": "never",
    "AuthFailure.InvalidSecretId": "never",
    "AuthFailure.MFAFailure": "never",
    "AuthFailure.SecretIdNotFound": "never",
    "AuthFailure.SignatureExpire": "never",
    "AuthFailure.SignatureFailure": "never",
    "AuthFailure.TokenFailure": "never",
    "AuthFailure.UnauthorizedOperation": "never",
    DryRunOperation: "never",
    FailedOperation: "never",
    InternalError: "transient",
    InvalidAction: "never",
    InvalidParameter: "never",
    InvalidParameterValue: "never",
    InvalidRequest: "never",
    IpInBlacklist: "never",
    IpNotInWhitelist: "never",
    LimitExceeded: "never",
    MissingParameter: "never",
    NoSuchProduct: "never",
    NoSuchVersion: "never",
    RequestLimitExceeded: "throttling",
    "RequestLimitExceeded.GlobalRegionUinLimitExceeded": "throttling",
    "RequestLimitExceeded.IPLimitExceeded": "throttling",
    "RequestLimitExceeded.UinLimitExceeded": "throttling",
    RequestSizeLimitExceeded: "never",
    ResourceInUse: "never",
    ResourceInsufficient: "never",
    ResourceNotFound: "never",
    ResourceUnavailable: "never",
    ResponseSizeLimitExceeded: "never",
    ServiceUnavailable: "transient",
    UnauthorizedOperation: "never",
    UnknownParameter: "never",
    UnsupportedOperation: "never",
    UnsupportedProtocol: "never",
    UnsupportedRegion: "never",
  };

  it("is the only package file and describes the Tencent envelope", () => {
    expect(packageFiles.map((f) => f.rel)).toEqual(["tencentcloud.yaml"]);
    const doc = packageFiles[0]!.doc;
    expect(doc["specVersion"]).toBe(1);
    expect(obj(doc["package"])).toMatchObject({ name: "@tcgen/tencentcloud", version: "0.1.0" });
    expect(obj(doc["envelope"])).toEqual({
      wrapper: "Response",
      requestId: "RequestId",
      error: { key: "Error", code: "Code", message: "Message" },
      successCodes: [],
      data: null,
      hostSuffix: "tencentcloudapi.com",
    });
  });

  it("lists the 38 common codes with their retry classes and a description each", () => {
    expect(Object.keys(commonErrors).sort()).toEqual(Object.keys(EXPECTED_RETRY).sort());
    for (const [code, v] of Object.entries(commonErrors)) {
      const e = obj(v);
      expect(e["retry"], code).toBe(EXPECTED_RETRY[code]);
      expect(typeof e["description"] === "string" && e["description"].length > 10, `${code} description`).toBe(true);
    }
  });
});

describe("spec files", () => {
  it("each start with a $schema line that points at schema/spec.schema.json", () => {
    for (const f of specFiles) {
      const first = f.text.split("\n", 1)[0] ?? "";
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, f.rel).not.toBeNull();
      const target = path.resolve(path.dirname(path.join(specsDir, f.rel)), m![1]!);
      expect(target, f.rel).toBe(path.join(repoRoot, "schema/spec.schema.json"));
    }
  });

  it("are in English (no copied Chinese corpus text)", () => {
    for (const f of specFiles) expect(CJK.test(f.text), f.rel).toBe(false);
  });

  it("split cvm over several files that all name the same service version", () => {
    expect(cvmFiles.length).toBeGreaterThan(2);
    for (const f of cvmFiles) expect(obj(f.doc["service"])["version"], f.rel).toBe("2017-03-12");
    expect(duplicates).toEqual([]);
    const headers = cvmFiles.filter((f) => "host" in obj(f.doc["service"]) || "description" in obj(f.doc["service"]));
    expect(headers.map((f) => f.rel)).toEqual(["cvm/service.yaml"]);
  });

  it("never redefine a common code as a cvm service code, and give every service code a description", () => {
    for (const [code, e] of cvmErrors) {
      expect(code in commonErrors, code).toBe(false);
      expect(typeof e["description"] === "string" && CJK.test(String(e["description"])) === false, code).toBe(true);
      expect(["never", "transient", "throttling"], code).toContain(e["retry"] ?? "never");
    }
  });
});

describe.skipIf(!corpusPresent)(`cvm specs against the corpus${corpusPresent ? "" : ` — skipped: ${SKIP_REASON}`}`, () => {
  const api = corpusPresent ? readJson<ApiJson>("api.json") : ({ actions: {}, objects: {} } as ApiJson);
  const errors = corpusPresent ? readJson<ErrorsJson>("errors.json") : ({ codes: {}, actions: {} } as ErrorsJson);
  const examples = corpusPresent ? readJson<ExamplesJson>("examples.json") : ({ actions: {} } as ExamplesJson);
  const actionNames = [...cvmActions.keys()];

  const membersOf = (objectName: string): Member[] =>
    (api.objects[objectName]?.members ?? []).filter((m) => m.name !== "RequestId");

  /** Struct name → the sides it is reached from, over the spec'd actions. */
  const structSides = new Map<string, Set<Side>>();
  const reach = (objectName: string, side: Side): void => {
    for (const m of membersOf(objectName)) {
      if (m.member in PRIMITIVES) continue;
      const sides = structSides.get(m.member) ?? new Set<Side>();
      if (sides.has(side)) continue;
      sides.add(side);
      structSides.set(m.member, sides);
      reach(m.member, side);
    }
  };
  for (const a of actionNames) {
    const entry = api.actions[a];
    if (entry === undefined) continue;
    reach(entry.input, "request");
    reach(entry.output, "response");
  }

  function expectFieldsMatch(where: string, fields: [string, SpecField][], objectName: string, sides: Set<Side>): void {
    const members = membersOf(objectName);
    expect(
      fields.map(([n]) => n),
      `${where}: field names and order`,
    ).toEqual(members.map((m) => m.name));
    for (const m of members) {
      const f = fields.find(([n]) => n === m.name)?.[1];
      if (f === undefined) continue;
      const { enum: _enum, ...flags } = f;
      expect(flags, `${where}.${m.name}`).toEqual(expectedFlags(m, sides));
    }
  }

  it("covers at least 11 real actions, each online and with a recorded example", () => {
    expect(actionNames.length).toBeGreaterThanOrEqual(11);
    expect(actionNames).toContain("DescribeInstancesStatus");
    for (const a of actionNames) {
      expect(api.actions[a], `${a} is not in api.json`).toBeDefined();
      expect(api.actions[a]?.status, a).toBe("online");
      expect(examples.actions[a]?.length ?? 0, `${a} has no example`).toBeGreaterThan(0);
    }
  });

  it("gives every action exactly the corpus request and response members", () => {
    for (const [a, spec] of cvmActions) {
      const entry = api.actions[a];
      if (entry === undefined) continue;
      expectFieldsMatch(`${a}.request`, fieldsOf(spec["request"]), entry.input, new Set(["request"]));
      expectFieldsMatch(`${a}.response`, fieldsOf(spec["response"]), entry.output, new Set(["response"]));
    }
  });

  it("defines exactly the structs the actions reach, each with the corpus members", () => {
    expect([...cvmTypes.keys()].sort()).toEqual([...structSides.keys()].sort());
    for (const [t, spec] of cvmTypes) {
      const sides = structSides.get(t);
      if (sides === undefined) continue;
      expectFieldsMatch(t, fieldsOf(spec["fields"]), t, sides);
    }
  });

  it("covers lists, nesting, nullable, optional, nullable+optional and deprecated fields", () => {
    const all = [
      ...[...cvmTypes.values()].flatMap((t) => fieldsOf(t["fields"])),
      ...[...cvmActions.values()].flatMap((a) => [...fieldsOf(a["request"]), ...fieldsOf(a["response"])]),
    ].map(([, f]) => f);
    expect(all.some((f) => f.type.endsWith("[]") && cvmTypes.has(f.type.slice(0, -2)))).toBe(true);
    expect(all.some((f) => f.nullable && !f.optional)).toBe(true);
    expect(all.some((f) => f.optional && !f.nullable)).toBe(true);
    expect(all.some((f) => f.optional && f.nullable)).toBe(true);
    expect(all.some((f) => f.deprecated)).toBe(true);
    expect(all.filter((f) => f.enum !== undefined).length).toBeGreaterThanOrEqual(2);
    // nesting: a chain of at least three named types (Instance → ... → ...)
    const depth = (t: string, seen: Set<string>): number => {
      const refs = fieldsOf(cvmTypes.get(t)?.["fields"])
        .map(([, f]) => f.type.replace(/(\[\])+$/, ""))
        .filter((n) => cvmTypes.has(n) && !seen.has(n));
      return 1 + Math.max(0, ...refs.map((n) => depth(n, new Set([...seen, n]))));
    };
    expect(Math.max(...[...cvmTypes.keys()].map((t) => depth(t, new Set([t]))))).toBeGreaterThanOrEqual(3);
    expect(cvmTypes.has("Image")).toBe(true);
  });

  it("lists for every action exactly the codes of errors.json", () => {
    for (const [a, spec] of cvmActions) {
      expect(spec["errors"] ?? [], a).toEqual(errors.actions[a]);
    }
  });

  it("defines every non-common code the actions list, and no other", () => {
    const used = new Set([...cvmActions.values()].flatMap((a) => (a["errors"] ?? []) as string[]));
    const expected = [...used].filter((c) => !(c in commonErrors)).sort();
    expect([...cvmErrors.keys()].sort()).toEqual(expected);
    for (const c of cvmErrors.keys()) expect(errors.codes[c], `${c} is not a cvm code`).toBeDefined();
  });

  it("declares enums only on strings, and every enum admits every value in the recorded examples", () => {
    /** (corpus object name, field) → enum values declared in the spec. */
    const enums = new Map<string, readonly string[]>();
    const add = (objectName: string, fields: [string, SpecField][]): void => {
      for (const [n, f] of fields) {
        if (f.enum === undefined) continue;
        expect(["string", "string[]"], `${objectName}.${n}`).toContain(f.type);
        enums.set(`${objectName}.${n}`, f.enum);
      }
    };
    for (const [t, spec] of cvmTypes) add(t, fieldsOf(spec["fields"]));
    for (const [a, spec] of cvmActions) {
      const entry = api.actions[a];
      if (entry === undefined) continue;
      add(entry.input, fieldsOf(spec["request"]));
      add(entry.output, fieldsOf(spec["response"]));
    }

    const seen = new Map<string, Set<string>>();
    const walk = (objectName: string, value: unknown): void => {
      const o = obj(value);
      for (const m of membersOf(objectName)) {
        const v = o[m.name];
        if (v === undefined || v === null) continue;
        const items = m.type === "list" && Array.isArray(v) ? v : [v];
        for (const item of items) {
          if (m.member in PRIMITIVES) {
            const key = `${objectName}.${m.name}`;
            if (enums.has(key) && item !== null) {
              const s = seen.get(key) ?? new Set<string>();
              s.add(String(item));
              seen.set(key, s);
            }
          } else if (item !== null) walk(m.member, item);
        }
      }
    };
    for (const a of actionNames) {
      const entry = api.actions[a];
      if (entry === undefined) continue;
      for (const ex of examples.actions[a] ?? []) {
        walk(entry.output, obj(obj(JSON.parse(ex.output) as unknown)["Response"]));
        // POST examples carry a JSON body after the blank line; GET examples are query strings (not walked).
        const body = ex.input.startsWith("POST") ? ex.input.slice(ex.input.indexOf("\n\n") + 2) : "";
        if (body.trim().startsWith("{")) walk(entry.input, JSON.parse(body) as unknown);
      }
    }
    expect(enums.size).toBeGreaterThanOrEqual(2);
    for (const [key, values] of seen) {
      for (const v of values) expect(enums.get(key), `${key}: example value ${v}`).toContain(v);
    }
    // the enums are exercised by the examples, not only declared
    expect(seen.get("InstanceStatus.InstanceState")).toBeDefined();
  });
});
