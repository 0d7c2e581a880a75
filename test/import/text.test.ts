/** Description clean-up and YAML string output. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { cleanDescription, cleanExample, MAX_DESCRIPTION } from "../../generator/import/tencentcloud/text.js";
import { scalar, yamlText, ymap } from "../../generator/import/yaml-out.js";

describe("cleanDescription", () => {
  it("strips HTML tags but keeps their text, placeholders and markdown", () => {
    expect(cleanDescription('<p>First</p><ul><li>one</li><li><a href="https://x">two</a></li></ul>See<br/>`Code` for <InstanceId>.')).toBe(
      "First one two See `Code` for <InstanceId>.",
    );
  });
  it("decodes entities and collapses whitespace", () => {
    expect(cleanDescription("a &lt;b&gt; &amp;&nbsp;c\n\n\t d &#65;&#x42; &bogus;")).toBe("a <b> & c d AB &bogus;");
  });
  it("returns undefined for empty text and cuts long text to the limit", () => {
    expect(cleanDescription("")).toBeUndefined();
    expect(cleanDescription(" <br> ")).toBeUndefined();
    const long = cleanDescription("字".repeat(MAX_DESCRIPTION + 10)) as string;
    expect(Array.from(long)).toHaveLength(MAX_DESCRIPTION);
    expect(long.endsWith("…")).toBe(true);
    expect(cleanDescription("x".repeat(MAX_DESCRIPTION))).toHaveLength(MAX_DESCRIPTION);
  });
  it("keeps examples except empty and the none placeholder", () => {
    expect(cleanExample("无")).toBeUndefined();
    expect(cleanExample(" ")).toBeUndefined();
    expect(cleanExample('["a"]')).toBe('["a"]');
  });
});

describe("YAML output", () => {
  const roundTrip = (s: string): unknown => (parse(yamlText([], ymap([["k", s]]))) as { k: unknown }).k;
  const SAMPLES = ["", "5", "0o17", "1_000", "2017-03-12", "yes", "No", "on", "~", "null", ".inf", "<<", "=", "- a", "-", "a: b", "a:b", "#x", "x #y",
    "@a", "`c`", "%x", "!t", "&a", "*a", "|", ">", "'q'", '"q"', "[x]", "{x}", "? x", " lead", "trail ", "line\nbreak", "tab\there", "\u2028", "\u0085",
    "\u007f", "\ufeff", "\ud800", "string[]", "Foo[]", "中文：说明", "---", "...", "a,b"];

  it("any string, as a key or a value, reads back unchanged", () => {
    for (const s of SAMPLES) {
      expect(roundTrip(s)).toBe(s);
      expect(parse(yamlText([], ymap([[s, 1]])))).toEqual({ [s]: 1 });
    }
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => roundTrip(s) === s), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: "grapheme-composite" }), (s) => roundTrip(s) === s), { numRuns: 300 });
  });

  it("nested maps and lists read back as built", () => {
    type Tree = Map<string, Tree | string | boolean | string[]>;
    const toPlain = (m: Tree): unknown => Object.fromEntries([...m].map(([k, v]) => [k, v instanceof Map ? toPlain(v) : v]));
    const { tree } = fc.letrec<{ tree: Tree; leaf: string | boolean | string[] | Tree }>((tie) => ({
      tree: fc.uniqueArray(fc.tuple(fc.string(), tie("leaf")), { selector: (e) => e[0], maxLength: 4 }).map((entries) => new Map(entries)),
      leaf: fc.oneof({ depthSize: "small" }, fc.string(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), tie("tree")),
    }));
    fc.assert(fc.property(tree, (t) => {
      expect(parse(yamlText(["c"], t)) ?? {}).toEqual(toPlain(t));
    }), { numRuns: 300 });
  });

  it("writes plain scalars only when unambiguous to YAML 1.1 and 1.2 readers", () => {
    for (const s of ["2017-03-12", "5", "1.5", "-3", "yes", "Off", "n", "~", ".NaN", "a: b", " x"]) expect(scalar(s)).toBe(JSON.stringify(s));
    for (const s of ["string[]", "cvm", "InvalidParameter.Malformed", "中文说明", "a b", "x-1"]) expect(scalar(s)).toBe(s);
    expect(scalar("\u2028")).toBe('"\\u2028"');
  });

  it("keeps map key order as built, integer-like keys included; empty collections inline", () => {
    expect(yamlText(["c"], ymap([["b", 1], ["10", ymap([])], ["a", ["x", "5"]], ["e", []]]))).toBe('# c\nb: 1\n"10": {}\na:\n  - x\n  - "5"\ne: []\n');
  });
});
