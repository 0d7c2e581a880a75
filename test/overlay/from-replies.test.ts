/** The pure drift → overlay function and its YAML: what each reply shape yields, merging, hostile replies. */
import { describe, expect, it } from "vitest";
import { fixCount, overlayFromReplies, type ReplyInput } from "../../generator/overlay/from-replies.js";
import { overlayMap, overlayText, toYamlMap } from "../../generator/overlay/write.js";
import { parse } from "yaml";
import { model, PACKAGE, service } from "../load/helpers.js";

const SPECS = {
  "p.yaml": PACKAGE,
  "a.yaml": service(
    [
      "types:",
      "  Zone:",
      "    fields:",
      "      Name: string",
      "      State: { type: string, enum: [UP, DOWN] }",
      "      Tags: { type: \"string[]\", enum: [a] }",
      "      Note: { type: string, optional: true }",
      "      Child: { type: Zone, optional: true }",
      "actions:",
      "  List:",
      "    response:",
      "      Total: int64",
      "      Zones: Zone[]",
      "",
    ].join("\n"),
  ),
};
const m = model(SPECS);
const svc = m.services[0]!;
const ok = (fields: object): string => JSON.stringify({ Response: { ...fields, RequestId: "r" } });
const zone = { Name: "z", State: "UP", Tags: ["a"] };

const run = (replies: ReplyInput[]) => overlayFromReplies(m, svc, replies);
const plain = (o: ReturnType<typeof run>) => ({
  types: Object.fromEntries([...o.types].map(([t, f]) => [t, Object.fromEntries([...f].map(([n, x]) => [n, { ...x, enumAdd: [...x.enumAdd] }]))])),
  responses: Object.fromEntries([...o.responses].map(([t, f]) => [t, Object.fromEntries([...f].map(([n, x]) => [n, { ...x, enumAdd: [...x.enumAdd] }]))])),
  successes: o.successes,
  drifting: o.drifting,
});

describe("overlayFromReplies", () => {
  it("absent → optional, null → nullable, new enum values (in lists and nested types too), declared where the field is", () => {
    const o = run([
      { action: "List", reply: ok({ Zones: [zone] }) },
      { action: "List", reply: ok({ Total: null, Zones: [{ ...zone, State: "GONE", Tags: ["b", "a", null], Child: { Name: null, State: "UP", Tags: [] } }] }) },
      { action: "List", reply: JSON.parse(ok({ Total: 1, Zones: [zone] })) as unknown },
    ]);
    expect(plain(o)).toEqual({
      types: {
        Zone: {
          State: { optional: false, nullable: false, enumAdd: ["GONE"] },
          Tags: { optional: false, nullable: false, enumAdd: ["b"] },
          Name: { optional: false, nullable: true, enumAdd: [] },
        },
      },
      responses: { List: { Total: { optional: true, nullable: true, enumAdd: [] } } },
      successes: 3,
      drifting: 2,
    });
    expect(fixCount(o)).toBe(4);
  });

  it("skips error replies, replies that are not JSON or not the envelope, unknown actions; reads own keys only", () => {
    const o = run([
      { action: "List", reply: JSON.stringify({ Response: { Error: { Code: "X", Message: "m" }, RequestId: "r" } }) },
      { action: "List", reply: "not json" },
      { action: "List", reply: "[1]" },
      { action: "Nope", reply: ok({}) },
      { action: "List", reply: JSON.parse('{"Response":{"__proto__":{"Total":1},"Zones":[],"RequestId":"r"}}') as unknown },
    ]);
    expect(plain(o)).toEqual({ types: {}, responses: { List: { Total: { optional: true, nullable: false, enumAdd: [] } } }, successes: 1, drifting: 1 });
  });

  it("stops following nesting deeper than its limit (linear, no stack overflow)", () => {
    let deep: Record<string, unknown> = { ...zone };
    for (let i = 0; i < 10_000; i++) deep = { ...zone, Child: deep };
    const o = run([{ action: "List", reply: { Response: { Total: 1, Zones: [deep], RequestId: "r" } } }]);
    expect(o.successes).toBe(1);
    expect(fixCount(o)).toBe(0);
  });
});

describe("overlay text", () => {
  const o = run([{ action: "List", reply: ok({ Zones: [{ ...zone, State: "GONE", Name: null }] }) }]);

  it("is deterministic YAML in model order that loads as an overlay and makes the replies conform", () => {
    const text = overlayText(["header"], overlayMap(svc, o));
    expect(text).toBe(
      [
        "# header",
        "specVersion: 1",
        "overlay:",
        "  service: cvm",
        '  version: "2017-03-12"',
        "types:",
        "  Zone:",
        "    fields:",
        "      Name:",
        "        nullable: true",
        "      State:",
        "        enum:",
        "          add:",
        "            - GONE",
        "actions:",
        "  List:",
        "    response:",
        "      Total:",
        "        optional: true",
        "",
      ].join("\n"),
    );
    const patched = model({ ...SPECS, "o.yaml": text });
    expect(fixCount(overlayFromReplies(patched, patched.services[0]!, [{ action: "List", reply: ok({ Zones: [{ ...zone, State: "GONE", Name: null }] }) }]))).toBe(0);
  });

  it("merges into an existing overlay, keeping its patches (a field it adds gets the fix inside its definition)", () => {
    const existing = parse(
      ["specVersion: 1", "overlay: { service: cvm, version: '2017-03-12' }", "types:", "  Zone:", "    description: kept", "    fields:", "      Name: { description: kept }", "      State: { enum: { add: [ALPHA] } }", "actions:", "  List:", "    response:", "      Total: { add: int64 }", ""].join("\n"),
    ) as unknown;
    const base = toYamlMap(existing);
    if (!base.ok) throw new Error(base.reason);
    const merged = parse(overlayText([], overlayMap(svc, o, base.map))) as unknown;
    expect(merged).toEqual({
      specVersion: 1,
      overlay: { service: "cvm", version: "2017-03-12" },
      types: { Zone: { description: "kept", fields: { Name: { description: "kept", nullable: true }, State: { enum: { add: ["ALPHA", "GONE"] } } } } },
      actions: { List: { response: { Total: { add: { type: "int64", optional: true } } } } },
    });
  });

  it("refuses to merge what it cannot write back", () => {
    expect(toYamlMap({ a: [{ b: 1 }] })).toEqual({ ok: false, reason: "holds a list of lists or mappings" });
    expect(toYamlMap({ a: 1.5 })).toEqual({ ok: false, reason: "holds the number 1.5" });
    expect(toYamlMap([1])).toEqual({ ok: false, reason: "is not a mapping" });
  });
});
