/**
 * Overlay files: what each patch does to the model, the order they apply in, and a located
 * diagnostic (exact message, file:line:col) for every malformed or stale overlay.
 */
import { describe, expect, it } from "vitest";
import type { Field, Service } from "../../generator/model/types.js";
import { diagnose, model, PACKAGE, service, type Files } from "../load/helpers.js";

const SERVICE = service(
  [
    "errors:",
    "  NotFound: { description: x }",
    "types:",
    "  Instance:",
    "    fields:",
    "      Id: string",
    "      State: { type: string, enum: [A, B] }",
    '      States: { type: "string[]", enum: [A] }',
    "      Ids: string[]",
    "      Old: { type: string, description: old }",
    "actions:",
    "  Describe:",
    "    request:",
    "      Limit: int64",
    "    response:",
    "      Set: Instance[]",
    "    errors: [NotFound]",
    "",
  ].join("\n"),
);

/** An overlay file for cvm 2017-03-12 with `body` after its header (header: lines 1–4). */
const overlay = (body: string[]): string => ['specVersion: 1', "overlay:", "  service: cvm", '  version: "2017-03-12"', ...body, ""].join("\n");

const files = (extra: Files): Files => ({ "p.yaml": PACKAGE, "cvm/service.yaml": SERVICE, ...extra });
const cvm = (extra: Files): Service => model(files(extra)).services[0]!;
const fieldOf = (s: Service, type: string, name: string): Field | undefined => s.types.find((t) => t.name === type)?.fields.find((f) => f.name === name);

describe("applying overlays", () => {
  it("makes fields optional or nullable, extends enums, adds and removes fields, changes descriptions", () => {
    const s = cvm({
      "cvm/fix.overlay.yaml": overlay([
        "types:",
        "  Instance:",
        "    description: An instance.",
        "    fields:",
        "      Ids: { optional: true, nullable: true }",
        "      State: { enum: { add: [C, A] } }",
        "      States: { enum: { add: [B] } }",
        '      Zone: { add: { type: string, optional: true, description: "Where it runs." } }',
        "      Old: { remove: true }",
        "      Id: { description: The ID., deprecated: true, example: ins-1 }",
        "actions:",
        "  Describe:",
        "    description: Lists instances.",
        "    deprecated: true",
        "    request:",
        "      Limit: { optional: true }",
        "    response:",
        "      Total: { add: int64 }",
      ]),
    });
    const instance = s.types.find((t) => t.name === "Instance")!;
    expect(instance.description).toBe("An instance.");
    expect(instance.fields.map((f) => f.name)).toEqual(["Id", "State", "States", "Ids", "Zone"]);
    expect(fieldOf(s, "Instance", "Ids")).toMatchObject({ optional: true, nullable: true });
    expect(fieldOf(s, "Instance", "State")?.type).toEqual({ kind: "enum", open: false, values: ["A", "B", "C"] });
    expect(fieldOf(s, "Instance", "States")?.type).toEqual({ kind: "list", items: { kind: "enum", open: false, values: ["A", "B"] } });
    expect(fieldOf(s, "Instance", "Zone")).toMatchObject({ type: { kind: "primitive", name: "string" }, optional: true, description: "Where it runs." });
    expect({ ...fieldOf(s, "Instance", "Zone")?.loc }).toEqual({ file: "cvm/fix.overlay.yaml", line: 12, col: 7 });
    expect(fieldOf(s, "Instance", "Id")).toMatchObject({ description: "The ID.", deprecated: true, example: "ins-1", optional: false });
    expect({ ...fieldOf(s, "Instance", "Id")?.loc }).toEqual({ file: "cvm/service.yaml", line: 10, col: 7 });
    const describeAction = s.actions[0]!;
    expect(describeAction).toMatchObject({ description: "Lists instances.", deprecated: true });
    expect(describeAction.request[0]).toMatchObject({ name: "Limit", optional: true });
    expect(describeAction.response.map((f) => f.name)).toEqual(["Set", "Total"]);
  });

  it("opens and closes enums and sets a field's int64 representation", () => {
    const s = cvm({
      "cvm/fix.overlay.yaml": overlay([
        "types:",
        "  Instance:",
        "    fields:",
        "      State: { open: true }",
        "      States: { open: true, enum: { add: [B] } }",
        "actions:",
        "  Describe:",
        "    request:",
        "      Limit: { int64: bigint }",
      ]),
    });
    expect(fieldOf(s, "Instance", "State")?.type).toEqual({ kind: "enum", open: true, values: ["A", "B"] });
    expect(fieldOf(s, "Instance", "States")?.type).toEqual({ kind: "list", items: { kind: "enum", open: true, values: ["A", "B"] } });
    expect(s.actions[0]!.request[0]).toMatchObject({ name: "Limit", int64: "bigint" });
    expect(diagnose(files({
      "o.yaml": overlay(["types:", "  Instance:", "    fields:", "      Id: { open: true, int64: string }"]),
    }))).toEqual([
      'o.yaml:8:13: field "Id" of type "Instance" has no enum to open or close (at types.Instance.fields.Id.open)',
      'o.yaml:8:25: field "Id" of type "Instance" is not an int64 or uint64 field (at types.Instance.fields.Id.int64)',
    ]);
  });

  it("adds and removes codes of an action, and defines new service codes", () => {
    const s = cvm({
      "cvm/codes.overlay.yaml": overlay(["errors:", "  Busy.: { description: busy, retry: transient }", "actions:", "  Describe:", '    errors: { add: ["Busy.", InvalidParameter, NotFound], remove: [NotFound] }']),
    });
    expect(s.errors.map((e) => [e.code, e.family, e.retry])).toEqual([
      ["Busy.", "Busy", "transient"],
      ["NotFound", "NotFound", "never"],
    ]);
    expect(s.actions[0]?.ownErrors).toEqual(["Busy.", "InvalidParameter"]);
    expect(s.actions[0]?.errors.map((e) => e.code)).toEqual(["Busy.", "InternalError", "InvalidParameter"]);
  });

  it("applies overlays in path order; the same setting twice agrees, a field added by one can be patched by the next", () => {
    const s = cvm({
      "cvm/b.overlay.yaml": overlay(["types:", "  Instance:", "    fields:", "      Ids: { optional: true }", "      Zone: { nullable: true }"]),
      "cvm/a.overlay.yaml": overlay(["types:", "  Instance:", "    fields:", "      Ids: { optional: true }", "      Zone: { add: string }"]),
    });
    expect(fieldOf(s, "Instance", "Zone")).toMatchObject({ nullable: true });
    expect(fieldOf(s, "Instance", "Ids")).toMatchObject({ optional: true });
  });

  it("leaves the model alone without overlays (the same model as before)", () => {
    expect(JSON.stringify(cvm({}))).toBe(JSON.stringify(model({ "p.yaml": PACKAGE, "cvm/service.yaml": SERVICE }).services[0]));
  });
});

const cases: [string, Files, string[]][] = [
  [
    "stale targets: a type, a field, an action, a request field, a code not listed, a service version",
    {
      "o.yaml": overlay([
        "types:",
        "  Instanse:",
        "    fields: {}",
        "  Instance:",
        "    fields:",
        "      Idz: { optional: true }",
        "actions:",
        "  Describ: {}",
        "  Describe:",
        "    request:",
        "      Offset: { optional: true }",
        "    errors: { remove: [Gone, InternalError] }",
      ]),
      "v.yaml": overlay([]).replace("2017-03-12", "2020-01-01"),
    },
    [
      'o.yaml:6:3: stale overlay: type "Instanse" does not exist in cvm 2017-03-12 (did you mean "Instance"?) (at types.Instanse)',
      'o.yaml:10:7: stale overlay: field "Idz" of type "Instance" does not exist in cvm 2017-03-12 (did you mean "Id"?) (to add a field, write { add: <field> }) (at types.Instance.fields.Idz)',
      'o.yaml:12:3: stale overlay: action "Describ" does not exist in cvm 2017-03-12 (did you mean "Describe"?) (at actions.Describ)',
      'o.yaml:15:7: stale overlay: field "Offset" of the request of action "Describe" does not exist in cvm 2017-03-12 (to add a field, write { add: <field> }) (at actions.Describe.request.Offset)',
      'o.yaml:16:24: stale overlay: action "Describe" does not list error code "Gone" (at actions.Describe.errors.remove[0])',
      'o.yaml:16:30: "InternalError" is a common code: every action can return it, so it cannot be removed (at actions.Describe.errors.remove[1])',
      "v.yaml:2:1: stale overlay: no service file defines service cvm version 2020-01-01 (at overlay)",
    ],
  ],
  [
    "adding what exists, add or remove with other keys, an enum on a field without one, unknown codes and types",
    {
      "o.yaml": overlay([
        "errors:",
        "  NotFound: { description: again }",
        "  InternalError: { description: again }",
        "types:",
        "  Instance:",
        "    fields:",
        "      Id: { add: string }",
        "      New: { add: string, optional: true }",
        "      Old: { remove: true, description: gone }",
        "      Ids: { enum: { add: [X] } }",
        "      Other: { add: Nope }",
        "actions:",
        "  Describe:",
        "    errors: { add: [NotFond] }",
      ]),
    },
    [
      'o.yaml:6:3: error code "NotFound" is already defined in cvm 2017-03-12: remove it from the overlay (defined at cvm/service.yaml:6:3) (at errors.NotFound)',
      'o.yaml:7:3: error code "InternalError" is already a common code (defined at p.yaml:11:3) (at errors.InternalError)',
      'o.yaml:11:7: field "Id" of type "Instance" already exists: patch it instead of adding it (defined at cvm/service.yaml:10:7) (at types.Instance.fields.Id)',
      'o.yaml:12:14: "add" stands alone: a new field is written whole, as in a service file (at types.Instance.fields.New.add)',
      'o.yaml:13:14: "remove" stands alone: it removes the whole field (at types.Instance.fields.Old.remove)',
      'o.yaml:14:14: field "Ids" of type "Instance" has no enum to extend (at types.Instance.fields.Ids.enum)',
      'o.yaml:15:21: unknown type "Nope" (at types.Instance.fields.Other.add)',
      'o.yaml:18:21: unknown error code "NotFond": define it in the service\'s errors, an overlay\'s errors or commonErrors (did you mean "NotFound"?) (at actions.Describe.errors.add[0])',
    ],
  ],
  [
    "two overlays that disagree about one setting",
    {
      "a.yaml": overlay(["types:", "  Instance:", "    fields:", "      Ids: { optional: true }"]),
      "b.yaml": overlay(["types:", "  Instance:", "    description: b", "    fields:", "      Ids: { optional: false }"]),
      "c.yaml": overlay(["types:", "  Instance:", "    description: c"]),
    },
    [
      'b.yaml:9:14: optional of field "Ids" of type "Instance" is set to false here, but to true by another overlay (set at a.yaml:8:14) (at types.Instance.fields.Ids.optional)',
      'c.yaml:7:5: description of type "Instance" is set to "c" here, but to "b" by another overlay (set at b.yaml:7:5) (at types.Instance.description)',
    ],
  ],
  [
    "malformed overlays (structural)",
    {
      "o.yaml": [
        "specVersion: 1",
        "overlay: { service: Cvm, version: 2017-03-12, extra: 1 }",
        "types:",
        "  Instance:",
        "    fields:",
        "      Id: { optinal: true, remove: false }",
        "      Ids: { enum: [A] }",
        "actions:",
        "  Describe:",
        '    errors: { add: ["$x"], drop: [] }',
        "",
      ].join("\n"),
      "s.yaml": overlay([]).replace("specVersion: 1", "specVersion: 1\nservice: { name: cvm, version: \"2017-03-12\" }"),
    },
    [
      'o.yaml:2:21: invalid service name "Cvm": must be lowercase letters and digits, starting with a letter (at overlay.service)',
      'o.yaml:2:47: unknown key "extra" (at overlay.extra)',
      'o.yaml:6:13: unknown key "optinal" (did you mean "optional"?) (at types.Instance.fields.Id.optinal)',
      "o.yaml:6:36: expected true, found false (at types.Instance.fields.Id.remove)",
      "o.yaml:7:20: expected a mapping, found a list (at types.Instance.fields.Ids.enum)",
      'o.yaml:10:21: invalid error code "$x": must be 1 to 256 characters without control characters, not start with "$" or whitespace, and not end with ".*" or whitespace (at actions.Describe.errors.add[0])',
      'o.yaml:10:28: unknown key "drop" (at actions.Describe.errors.drop)',
      's.yaml:2:1: an overlay file patches a service: "service" cannot sit beside "overlay" (at service)',
    ],
  ],
];

describe("overlay diagnostics", () => {
  it.each(cases)("%s", (_name, extra, want) => {
    expect(diagnose(files(extra))).toEqual(want);
  });
});
