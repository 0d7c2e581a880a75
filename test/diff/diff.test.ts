/**
 * `diffModels` beyond one kind per row: no noise from reordering, formatting, comments and written-out
 * defaults; locations (new spec, or old spec + anchor for removals); open enums; the verdict; the four
 * report formats on hostile names.
 */
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { diffModels } from "../../generator/diff/index.js";
import { githubReport } from "../../generator/diff/format-github.js";
import { humanReport } from "../../generator/diff/format-human.js";
import { jsonReport } from "../../generator/diff/format-json.js";
import { MAX_MARKDOWN_CHARS, markdownReport } from "../../generator/diff/format-markdown.js";
import type { ReportContext } from "../../generator/diff/report.js";
import type { Model } from "../../generator/model/types.js";
import { baseSpecs, modelOf, specTexts, type Doc } from "./specs.js";

const base = () => modelOf(specTexts(baseSpecs()));

function baseWithout(action: string) {
  const s = baseSpecs();
  delete s.service["actions"][action];
  return s;
}

/** 1-based line of the first line containing `needle`. */
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

/** Keys of a mapping in reverse order (deep). */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value as Doc).reverse().map(([k, v]) => [k, reversed(v)]));
}

describe("no noise", () => {
  it("the same specs give no change and verdict none", () => {
    const r = diffModels(base(), base());
    expect(r.changes).toEqual([]);
    expect(r.verdict).toEqual({ semver: "none", reason: "no change to the API" });
  });

  it("reordered keys, fields and actions, flow style and comments give no change", () => {
    const s = baseSpecs();
    const texts = {
      "a/package.yaml": `# the package\n${stringify(reversed(s.package), { collectionStyle: "flow" })}`,
      "z/cvm.yaml": `# moved and reordered\n${stringify(reversed(s.service), { indent: 4 })}\n# trailing comment\n`,
    };
    expect(diffModels(base(), modelOf(texts)).changes).toEqual([]);
  });

  it("defaults written out give no change", () => {
    const s = baseSpecs();
    s.package["envelope"].successCodes = [];
    s.package["envelope"].data = null;
    s.package["commonErrors"].InvalidParameter.retry = "never";
    s.package["commonErrors"].InvalidParameter.deprecated = false;
    const limit = s.service["actions"].DescribeInstances.request.Limit;
    Object.assign(limit, { nullable: false, deprecated: false });
    s.service["actions"].DescribeInstances.response.TotalCount = { type: "int64", optional: false, nullable: false };
    s.service["actions"].DescribeInstances.deprecated = false;
    s.service["actions"].RunInstances.errors = [];
    s.service["types"].Tag.deprecated = false;
    s.service["service"].host = "cvm";
    s.service["actions"].RunInstances.request.Mode.enum = ["SAFE", "FAST", "SAFE"];
    expect(diffModels(base(), modelOf(specTexts(s))).changes).toEqual([]);
  });

  it("a code an action lists that is also common is no change", () => {
    const s = baseSpecs();
    s.service["actions"].RunInstances.errors = ["InternalError"];
    expect(diffModels(base(), modelOf(specTexts(s))).changes).toEqual([]);
  });
});

describe("locations", () => {
  it("an addition is located in the new spec, a removal in the old one with its new parent as anchor", () => {
    const before = baseSpecs();
    const after = baseSpecs();
    after.service["actions"].DescribeInstances.request.Offset = { type: "int32", optional: true };
    delete after.service["actions"].DescribeInstances.response.TotalCount;
    const oldTexts = specTexts(before);
    const newTexts = specTexts(after);
    const r = diffModels(modelOf(oldTexts), modelOf(newTexts));
    const added = r.changes.find((c) => c.kind === "request-field-added")!;
    expect(added.location).toEqual({ file: "cvm/cvm.yaml", line: lineOf(newTexts["cvm/cvm.yaml"]!, "Offset:"), col: 7, spec: "new" });
    const removed = r.changes.find((c) => c.kind === "response-field-removed")!;
    expect(removed.location).toEqual({ file: "cvm/cvm.yaml", line: lineOf(oldTexts["cvm/cvm.yaml"]!, "TotalCount:"), col: 7, spec: "old" });
    expect(removed.anchor).toEqual({ file: "cvm/cvm.yaml", line: lineOf(newTexts["cvm/cvm.yaml"]!, "DescribeInstances:"), col: 3 });
    const action = diffModels(modelOf(oldTexts), modelOf(specTexts(baseWithout("RunInstances")))).changes[0]!;
    expect([action.kind, action.location, action.anchor]).toEqual([
      "action-removed",
      { file: "cvm/cvm.yaml", line: lineOf(oldTexts["cvm/cvm.yaml"]!, "RunInstances:"), col: 3, spec: "old" },
      { file: "cvm/cvm.yaml", line: lineOf(newTexts["cvm/cvm.yaml"]!, "service:"), col: 1 },
    ]);
  });
});

/** The model with every enum open (the model has no `open` flag yet; contract M adds it). */
function withOpenEnums(model: Model): Model {
  return JSON.parse(JSON.stringify(model), (_k, v: unknown) =>
    v !== null && typeof v === "object" && (v as Doc)["kind"] === "enum" ? { ...(v as Doc), open: true } : v,
  ) as Model;
}

describe("open enums", () => {
  it("a value added to an open response enum breaks nothing", () => {
    const after = baseSpecs();
    after.service["types"].Instance.fields.State.enum.push("PENDING");
    const r = diffModels(withOpenEnums(base()), withOpenEnums(modelOf(specTexts(after))));
    expect(r.changes.map((c) => [c.kind, c.level, c.message])).toEqual([
      ["response-enum-values-added", "compatible", 'response field Instance.State has new values "PENDING" (an open enum: nothing breaks)'],
    ]);
  });

  it("a closed response enum that became open breaks compilation only", () => {
    const r = diffModels(base(), withOpenEnums(base()));
    expect(r.changes.map((c) => [c.kind, c.level, c.field])).toEqual([
      ["response-type-widened", "compile", "State"],
      ["request-type-widened", "compatible", "Mode"],
    ]);
  });
});

describe("verdict", () => {
  const verdict = (edit: (s: ReturnType<typeof baseSpecs>) => void) => {
    const after = baseSpecs();
    edit(after);
    return diffModels(base(), modelOf(specTexts(after))).verdict;
  };
  it.each([
    ["patch", (s: Doc): void => void (s["service"].actions.DescribeInstances.description = "Other."), "only documentation changed (1 change)"],
    ["minor", (s: Doc): void => void (s["service"].actions.DescribeInstances.response.Extra = "string"), "1 compatible addition or tightening, nothing breaks; first: new response field DescribeInstances.Extra"],
    [
      "major",
      (s: Doc): void => {
        s["service"].actions.DescribeInstances.errors.push("ResourceNotFound.Instance");
        delete s["service"].actions.RunInstances;
      },
      "2 changes break code that uses the package (1 at run time, 1 at compile time only); first: action RunInstances was removed: calls to it no longer compile and the API rejects them",
    ],
  ] as const)("%s", (semver, edit, reason) => {
    expect(verdict(edit)).toEqual({ semver, reason });
  });
});

describe("reports", () => {
  const oldText = specTexts(baseSpecs())["cvm/cvm.yaml"]!;
  const newText = (): string => specTexts(hostileSpecs())["cvm/cvm.yaml"]!;
  const removedAt = (): number => lineOf(oldText, "RunInstances:");
  const describeAt = (): number => lineOf(newText(), "DescribeInstances:");
  const badAt = (): number => lineOf(newText(), "Name|");
  const hostileSpecs = () => {
    const after = baseSpecs();
    after.service["actions"].DescribeInstances.response["Bad\u001b[31m\nName|`*<b>@team\u202e"] = "string";
    after.service["actions"].DescribeInstances.errors.push("ResourceNotFound.Instance");
    delete after.service["actions"].RunInstances;
    return after;
  };
  const hostile = () => diffModels(base(), modelOf(specTexts(hostileSpecs())));
  const ctx: ReportContext = {
    showFile: (file, spec) => (spec === "old" ? `main:specs/${file}` : `specs/${file}`),
    oldLabel: "main:specs",
    newLabel: "specs",
    failOn: "runtime",
  };

  it("human: grouped by service and action, most severe first, control characters escaped", () => {
    const text = humanReport(hostile(), ctx);
    expect(text).not.toMatch(/[\u001b\u202e]/);
    expect(text).toBe(
      [
        "tcgen diff: main:specs → specs",
        "",
        "Breaking changes (2): 1 at run time, 1 at compile time only",
        "cvm 2017-03-12",
        "  action RunInstances",
        `    run time  action RunInstances was removed: calls to it no longer compile and the API rejects them (was at main:specs/cvm/cvm.yaml:${removedAt()}:3)`,
        "  action DescribeInstances",
        `    compile   DescribeInstances can now return ResourceNotFound.Instance: an exhaustive match on its errors no longer compiles until it handles it or ResourceNotFound.* (specs/cvm/cvm.yaml:${describeAt()}:3)`,
        "",
        "Compatible changes (1)",
        "cvm 2017-03-12",
        "  action DescribeInstances",
        `    minor     new response field DescribeInstances."Bad\\u001b[31m\\nName|\`*<b>@team\\u202e" (specs/cvm/cvm.yaml:${badAt()}:7)`,
        "",
        "verdict: major: 2 changes break code that uses the package (1 at run time, 1 at compile time only); first: action RunInstances was removed: calls to it no longer compile and the API rejects them",
        "",
      ].join("\n"),
    );
  });

  it("json: versioned, raw names kept, failing counted at --fail-on", () => {
    const doc = JSON.parse(jsonReport(hostile(), ctx)) as Doc;
    expect(doc["version"]).toBe(1);
    expect(doc["summary"]).toEqual({ runtime: 1, compile: 1, compatible: 1, failing: 1 });
    expect(doc["changes"][0]).toEqual({
      kind: "action-removed",
      level: "runtime",
      runtime: true,
      compile: true,
      semver: "major",
      service: "cvm",
      version: "2017-03-12",
      action: "RunInstances",
      location: { spec: "old", file: "cvm/cvm.yaml", line: removedAt(), col: 3 },
      anchor: { file: "cvm/cvm.yaml", line: 2, col: 1 },
      message: "action RunInstances was removed: calls to it no longer compile and the API rejects them",
    });
    expect(doc["changes"][2].field).toBe("Bad\u001b[31m\nName|`*<b>@team\u202e");
  });

  it("github: an error at or above --fail-on, a warning below, removals on their new parent, a verdict notice", () => {
    expect(githubReport(hostile(), ctx).split("\n")).toEqual([
      "::error file=specs/cvm/cvm.yaml,line=2,col=1,title=action-removed (breaks at run time)::action RunInstances was removed: calls to it no longer compile and the API rejects them",
      `::warning file=specs/cvm/cvm.yaml,line=${describeAt()},col=3,title=action-code-added (breaks compilation)::DescribeInstances can now return ResourceNotFound.Instance: an exhaustive match on its errors no longer compiles until it handles it or ResourceNotFound.*`,
      "::notice title=tcgen diff::verdict major: 2 changes break code that uses the package (1 at run time, 1 at compile time only); first: action RunInstances was removed: calls to it no longer compile and the API rejects them",
      "",
    ]);
  });

  it("github: names with bidi overrides or line breaks stay on one visible line", () => {
    const before = baseSpecs();
    before.service["actions"].DescribeInstances.response["Evil\u202e\n%0A"] = "string";
    const r = diffModels(modelOf(specTexts(before)), base());
    expect(githubReport(r, ctx).split("\n")[0]).toBe(
      `::error file=specs/cvm/cvm.yaml,line=${lineOf(specTexts(baseSpecs())["cvm/cvm.yaml"]!, "DescribeInstances:")},col=3,title=response-field-removed (breaks at run time)::` +
        'response field DescribeInstances."Evil\\u202e\\n%250A" was removed: code that reads it no longer compiles, and the value is gone',
    );
  });

  it("markdown: verdict heading, breaking list, compatible changes folded, names escaped", () => {
    const text = markdownReport(hostile(), ctx);
    expect(text.split("\n").slice(0, 9)).toEqual([
      "### API changes: major",
      "2 changes break code that uses the package (1 at run time, 1 at compile time only); first: action RunInstances was removed: calls to it no longer compile and the API rejects them",
      "",
      "Compared `main:specs` with `specs`.",
      "",
      "**Breaking (2)**: 1 at run time, 1 at compile time only",
      "",
      "- **cvm 2017-03-12**, action RunInstances",
      `  - 🔴 run time: action RunInstances was removed: calls to it no longer compile and the API rejects them (\`was at main:specs/cvm/cvm.yaml:${removedAt()}:3\`)`,
    ]);
    expect(text).toContain("<details><summary>Compatible changes (1)</summary>");
    expect(text).toContain('new response field DescribeInstances."Bad\\\\u001b\\[31m\\\\nName\\|\\`\\*\\<b\\>\\@team\\\\u202e"');
  });

  it("markdown: stays under GitHub's comment size, saying how many changes it left out", () => {
    const after = baseSpecs();
    for (let i = 0; i < 1500; i++) after.service["actions"].DescribeInstances.response[`AddedFieldWithAFairlyLongName${i}`] = "string";
    const text = markdownReport(diffModels(base(), modelOf(specTexts(after))), ctx);
    expect(text.length).toBeLessThanOrEqual(MAX_MARKDOWN_CHARS);
    const shown = text.split("\n").filter((l) => l.startsWith("  - minor: new response field")).length;
    expect(shown).toBeGreaterThan(100);
    expect(text.trimEnd().split("\n").at(-1)).toBe(`${1500 - shown} more changes not shown (a comment has a size limit): see \`tcgen diff --format json\`.`);
  });
});
