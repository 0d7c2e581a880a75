/** Description clean-up and YAML string output. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { cleanDescription, cleanExample, MAX_DESCRIPTION } from "../../generator/import/tencentcloud/text.js";
import { scalar, yamlText, ymap } from "../../generator/import/yaml-out.js";
import { TENCENT_DOCS_BASE_URL, tencentDefaultsFile } from "../../generator/import/tencentcloud/defaults.js";
import { CORPUS_SERVICES, corpusFiles, hasCorpus } from "./corpus.js";

const BASE = "https://cloud.tencent.com";

describe("cleanDescription", () => {
  // Shapes found in api.json descriptions (own text, same markup).
  const cases: [string, string, string | undefined][] = [
    ["inline tags removed, text, placeholders and Markdown kept", "See<b>this</b> `Code` for <InstanceId>.", "See this `Code` for <InstanceId>."],
    ["an HTML list: one Markdown item per line", "Filters.<br> <li>zone - String - zone name.<br></li> <li>tag:tag-key - String - tag key.</li>", "Filters.\n- zone - String - zone name.\n- tag:tag-key - String - tag key."],
    ["a list inside ul, after a paragraph", "<p>First</p><ul><li>one</li><li>two</li></ul>Then.", "First\n- one\n- two\nThen."],
    ["empty items and blank lines dropped", "a<br><br>\n\n<li></li><li> b </li>", "a\n- b"],
    ["relative Markdown links made absolute", "See [zones](/document/product/213/15753#ZoneInfo) and [x](https://a.example/p).", "See [zones](https://cloud.tencent.com/document/product/213/15753#ZoneInfo) and [x](https://a.example/p)."],
    ["anchors become Markdown links, relative ones absolute", '<a href="/document/api/213/15728">Query</a> or <a href="https://x.example/a?b=1&amp;c=2" target="_blank">docs</a>', "[Query](https://cloud.tencent.com/document/api/213/15728) or [docs](https://x.example/a?b=1&c=2)"],
    ["an anchor without text is its target; brackets in text escaped", '<a href="/document/x"></a> <a href="/y">a [b]</a>', "https://cloud.tencent.com/document/x [a \\[b\\]](https://cloud.tencent.com/y)"],
    ["links that are not web links keep their text only", '<a href="javascript:alert(1)">click</a> [m](mailto:x) [p](//evil.example/x)', "click [m](mailto:x) [p](//evil.example/x)"],
    ["entities decoded, spaces collapsed per line", "a &lt;b&gt; &amp;&nbsp;c\n\n\t d &#65;&#x42; &bogus;", "a <b> & c\nd AB &bogus;"],
    ["nothing left", " <br> <li> </li> ", undefined],
    ["list markup written escaped", "Values:<br>&lt;li/&gt; true: on.<br>&lt;li&gt;false: off.&lt;/li&gt;", "Values:\n- true: on.\n- false: off."],
    ["empty", "", undefined],
  ];
  it.each(cases)("%s", (_name, input, want) => {
    expect(cleanDescription(input, BASE)).toBe(want);
  });

  it("keeps relative links as written when no base URL is known", () => {
    expect(cleanDescription("[z](/document/x)")).toBe("[z](/document/x)");
  });

  it("keeps long text whole; only hostile lengths are cut", () => {
    const long = "字".repeat(6000);
    expect(cleanDescription(long, BASE)).toBe(long);
    const hostile = cleanDescription("x".repeat(MAX_DESCRIPTION + 10), BASE) as string;
    expect(hostile.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
    expect(hostile.endsWith("…")).toBe(true);
  });

  it("keeps examples except empty and the none placeholder", () => {
    expect(cleanExample("无")).toBeUndefined();
    expect(cleanExample(" ")).toBeUndefined();
    expect(cleanExample('["a"]')).toBe('["a"]');
  });
});

describe.skipIf(!hasCorpus)("cleanDescription on the corpus (read at test time)", () => {
  const api = (svc: string, folder: string): { objects: Record<string, { members: { name: string; document: string }[] }> } =>
    JSON.parse(corpusFiles(svc, folder).api.text) as { objects: Record<string, { members: { name: string; document: string }[] }> };

  it("cbs DescribeDisks Filters keeps every filter name, one list item per line", () => {
    const raw = api("cbs", "v20170312").objects["DescribeDisksRequest"]!.members.find((m) => m.name === "Filters")!.document;
    const names = [...raw.matchAll(/<li>\s*([\w:.-]+) - /g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(10);
    const lines = cleanDescription(raw, BASE)!.split("\n");
    expect(lines.filter((l) => l.startsWith("- ")).map((l) => /^- ([\w:.-]+) - /.exec(l)?.[1])).toEqual(names);
  });

  it("every description of cvm, cbs and sts: no relative link left, nothing cut, no HTML list tag", () => {
    let relative = 0;
    for (const { svc, folder } of CORPUS_SERVICES) {
      for (const object of Object.values(api(svc, folder).objects)) {
        for (const m of object.members) {
          relative += (m.document.match(/\]\(\/(?!\/)/g) ?? []).length;
          const text = cleanDescription(m.document, BASE) ?? "";
          expect(text, m.name).not.toMatch(/\]\(\/(?!\/)|<\/?(?:li|ul|br)\b/);
          expect(text.endsWith("…") && !m.document.trimEnd().endsWith("…"), m.name).toBe(false);
        }
      }
    }
    expect(relative).toBeGreaterThan(0);
  });

  it("the shipped package file names the base URL the importer uses", () => {
    const file = tencentDefaultsFile();
    if (!file.ok) throw new Error("package file missing");
    expect((parse(file.file.text) as { package: { docsBaseUrl: string } }).package.docsBaseUrl).toBe(TENCENT_DOCS_BASE_URL);
    expect(TENCENT_DOCS_BASE_URL).toBe(BASE);
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
