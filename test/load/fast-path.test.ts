/**
 * The fast YAML path (js-yaml) must give exactly the value the slow path (`yaml`) gives, or step
 * aside: same JS values (types, -0, NaN), same keys in the same order, same own properties.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { loadSpecs } from "../../generator/load/index.js";
import { fastLoad } from "../../generator/load/fast-parse.js";
import { LazyLocation } from "../../generator/load/location.js";
import { parseSlow, parseSpec } from "../../generator/load/parse.js";
import { listSpecPaths } from "../../generator/load/files.js";
import { buildModel } from "../../generator/model/build.js";
import { syntheticSpecFiles } from "../../bench/synthetic.js";
import { importTencentCloud } from "../../generator/import/tencentcloud/index.js";
import { CORPUS_SERVICES, corpusFiles, hasCorpus } from "../import/corpus.js";
import { model, PACKAGE, service } from "./helpers.js";

const repo = path.resolve(import.meta.dirname, "../..");

/** Strict structural equality: Object.is on leaves, own keys in the same order, same prototypes. */
function sameValue(a: unknown, b: unknown, at = "$"): string | undefined {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) {
    return Object.is(a, b) ? undefined : `${at}: ${String(a)} (${typeof a}) vs ${String(b)} (${typeof b})`;
  }
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: kinds differ`;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.join("\u0000") !== kb.join("\u0000")) return `${at}: keys ${JSON.stringify(ka.map(String))} vs ${JSON.stringify(kb.map(String))}`;
  for (const k of ka) {
    const da = Object.getOwnPropertyDescriptor(a, k)!;
    const db = Object.getOwnPropertyDescriptor(b, k)!;
    if (da.enumerable !== db.enumerable || !("value" in da) || !("value" in db)) return `${at}.${String(k)}: descriptors differ`;
    const d = sameValue(da.value, db.value, `${at}.${String(k)}`);
    if (d) return d;
  }
  return undefined;
}

/** undefined when the fast path steps aside or agrees with the slow path; else what differs. */
function disagreement(text: string): string | undefined {
  const fast = fastLoad(text);
  if (fast === undefined) return undefined;
  const slow = parseSlow("x.yaml", text);
  if (!slow.doc) return `fast path accepted what the slow path rejects: ${slow.diagnostics.map((d) => d.message).join("; ")}`;
  return sameValue(fast, slow.doc.data);
}

async function specTexts(): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (const dir of ["specs", "test/fixtures"]) {
    for (const rel of await listSpecPaths(path.join(repo, dir))) out.push([`${dir}/${rel}`, readFileSync(path.join(repo, dir, rel), "utf8")]);
  }
  return out;
}

describe("fast and slow paths agree", () => {
  test("on every spec file in the repo (and specs/ takes the fast path)", async () => {
    const files = await specTexts();
    expect(files.length).toBeGreaterThan(10);
    for (const [name, text] of files) {
      expect(disagreement(text), name).toBeUndefined();
      if (name.startsWith("specs/")) expect(fastLoad(text), name).not.toBeUndefined();
    }
  });

  test("on a synthetic spec, file by file", () => {
    for (const f of syntheticSpecFiles({ actions: 120 })) {
      const text = typeof f.content === "string" ? f.content : new TextDecoder().decode(f.content);
      expect(fastLoad(text), f.path).not.toBeUndefined();
      expect(disagreement(text), f.path).toBeUndefined();
    }
  });

  test.skipIf(!hasCorpus)("on every imported corpus file, all of which take the fast path", () => {
    for (const { svc, folder } of CORPUS_SERVICES) {
      const f = corpusFiles(svc, folder);
      const r = importTencentCloud({ api: f.api, errors: f.errors });
      if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
      for (const file of r.files) {
        expect(fastLoad(file.text), file.path).not.toBeUndefined();
        expect(disagreement(file.text), file.path).toBeUndefined();
      }
    }
  });

  // Quoted values holding what UNUSUAL looks for elsewhere (the text of imported descriptions).
  const quotedValues = [
    'k: "a & b ! c ? d ] : e { } [ ] : ; \' , . ? /"\n',
    'k: "&x ! [a]: b? *y"\nl:\n- "? q"\n- - "!t"\n- name: "}: z"\n',
    `k: "${"x: ".repeat(400)}"\n`,
    'k: "a \\" & b \\u0041 \\\\ ?"\n',
    'k:\n  - n: "%d &a"\n    v: "x"   \r\nz: 1\n',
  ];
  test.each(quotedValues)("on quoted values holding unusual characters: %j", (text) => {
    expect(fastLoad(text)).not.toBeUndefined();
    expect(disagreement(text)).toBeUndefined();
  });

  const scalars = [
    "yes", "no", "on", "off", "y", "~", "null", "Null", "NULL", "nULL", "true", "True", "TRUE", "tRUE", "False",
    "0x1F", "0X1F", "0x", "0o17", "0o8", "017", "08", "0b101", "1e3", "1E3", "1e+3", "1.5e-3", ".5", "5.", "+1", "-1",
    "+0", "-0", "-0.0", "00", "1_000", "1,000", "2017-03-12", "2017-03-12 10:00:00", "12:30", "1:20:30", ".nan",
    ".NaN", ".inf", "-.inf", "+.Inf", "inf", "NaN", "Infinity", "123", "12345678901234567890", "1e400", "+0x1",
    "-0x1", "+0o1", "1__0", "0.10", "__proto__", "constructor", "toString", "a b", "a #b", "a#b", "a:b", "<<", "=",
    "é", "大小", "😀", "*/", "x & y",
  ];
  const styles: ((s: string) => string)[] = [
    (s) => s,
    (s) => `'${s.replace(/'/g, "''")}'`,
    (s) => JSON.stringify(s),
    (s) => `|\n    ${s}`,
    (s) => `>-\n    ${s}`,
  ];

  test("on tricky scalars in every style, as keys and as values", () => {
    for (const s of scalars) {
      for (const style of styles) {
        const v = style(s);
        expect(disagreement(`k:\n  v: ${v}\n  l: [${v.includes("\n") ? "x" : v}]\n`), v).toBeUndefined();
        if (!v.includes("\n")) expect(disagreement(`m:\n  ${v}: 1\n  other: 2\n`), v).toBeUndefined();
      }
    }
  });

  test("on generated documents of random scalars (property)", () => {
    const scalar = fc.oneof(
      fc.constantFrom(...scalars),
      fc.string({ unit: fc.constantFrom("a", "1", "0", "x", "e", ".", "-", "+", "_", " ", ":", "#", "'", '"', "\\", "é", "\n", "&", "!", "?", "]", "*") }),
    );
    const styled = fc.tuple(scalar, fc.nat(4)).map(([s, i]) => (i < 3 || s.includes("\n") ? styles[Math.min(i, 2)]!(s) : styles[i]!(s)));
    const inline = fc.tuple(scalar, fc.nat(2)).map(([s, i]) => styles[i]!(s));
    type Node = { kind: "scalar"; text: string } | { kind: "map"; entries: [string, Node][] } | { kind: "seq"; items: Node[] } | { kind: "flow"; text: string };
    const { node } = fc.letrec<{ node: Node }>((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        styled.map((text): Node => ({ kind: "scalar", text })),
        fc.array(inline, { maxLength: 3 }).map((xs): Node => ({ kind: "flow", text: `[${xs.map((x) => x.replace(/\n/g, " ")).join(", ")}]` })),
        fc.array(fc.tuple(inline.filter((k) => !k.includes("\n")), tie("node")), { minLength: 1, maxLength: 4 }).map((entries): Node => ({ kind: "map", entries })),
        fc.array(tie("node"), { minLength: 1, maxLength: 3 }).map((items): Node => ({ kind: "seq", items })),
      ),
    }));
    const render = (n: Node, indent: string): string => {
      switch (n.kind) {
        case "scalar":
          return " " + n.text.replace(/\n/g, `\n${indent}  `);
        case "flow":
          return " " + n.text;
        case "map":
          return n.entries.map(([k, v]) => `\n${indent}${k}:${render(v, indent + "  ")}`).join("");
        case "seq":
          return n.items.map((v) => `\n${indent}-${render(v, indent + "  ")}`).join("");
      }
    };
    fc.assert(
      fc.property(node, fc.boolean(), (n, crlf) => {
        let text = `root:${render(n, "  ")}\n`;
        if (crlf) text = text.replace(/\n/g, "\r\n");
        expect(disagreement(text), JSON.stringify(text)).toBeUndefined();
      }),
      { numRuns: 400, seed: 20261128 },
    );
  });
});

describe("the fast path steps aside", () => {
  // Each case: js-yaml alone would accept it or read it differently.
  const cases: [string, string][] = [
    ["an alias", "a: &x [1]\nb: *x\n"],
    ["a scalar alias", "a: &x 1\nb: *x\n"],
    ["a tag", "a: !!str 1\n"],
    ["a directive", "%YAML 1.1\n---\na: yes\n"],
    ["a tab", "a:\tb\n"],
    ["an explicit key", "? a\n: b\n"],
    ["a flow collection as a key", "[a, b]: c\n"],
    ["a null key", "~: a\n"],
    ["a lone CR", "a: 1\rb: 2\n"],
    ["a BOM after the start", "a: 1\n\ufeffb: 2\n"],
    ["a block scalar with an indentation indicator", "a: |2\n     \n  x\n"],
    ["a block scalar with keep chomping", "a: >+\n  x\n   \n"],
    ["a block scalar with a leading blank line", "a: |\n    \n  x\n"],
    ["an escaped line break", 'a: "x\\\n\n  y"\n'],
    ["a comment glued to a flow collection", "a: []#c\nb: 1\n"],
    ["an empty list entry", "a:\n  - - \n  -\n    - x\n"],
    ["text after a document marker", "--- a\n"],
    ["a colon more than 1024 characters into a line", `a: {${"x".repeat(1100)}: 1}\n`],
    ["a plain value after a comment in column 0", "k:\n#c\n  a\nz: 1\n"],
    ["a top-level block scalar", "\n  |\n #c\n"],
    ["an empty document", "# nothing\n"],
    ["nesting deeper than js-yaml allows", `a: ${"[".repeat(150)}${"]".repeat(150)}\n`],
    ["a duplicate key", "a: 1\na: 2\n"],
    ["an anchor beside a quoted value", 'a: &x "b"\nc: *x\n'],
    ["an anchor after a multi-line quoted value closes", 'a: "x\n  k: "&y z"\n'],
    ["a tag in a quoted value that continues a multi-line one", 'a: "x\n  - "!b"\n'],
    ["a tab in a quoted value", 'a: "x\ty &z"\n'],
    ["two documents", "a: 1\n---\nb: 2\n"],
  ];
  test.each(cases)("%s", (_name, text) => {
    expect(fastLoad(text)).toBeUndefined();
  });

  test("while an ordinary file does not", () => {
    expect(fastLoad("a: 1\nb: [x, 'y', \"z\"]\nc:\n  - d: e\n    f: |\n      g\n")).toEqual({ a: 1, b: ["x", "y", "z"], c: [{ d: "e", f: "g\n" }] });
  });
});

describe("documents from the fast path", () => {
  test("__proto__ keys are own data properties; nothing is polluted", () => {
    const text = "__proto__: { polluted: yes }\nm:\n  __proto__: x\n  constructor: y\n";
    const v = fastLoad(text) as Record<string, unknown>;
    expect(v).not.toBeUndefined();
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(["__proto__", "m"]);
    expect(Object.getOwnPropertyDescriptor(v, "__proto__")?.value).toEqual({ polluted: "yes" });
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(disagreement(text)).toBeUndefined();
  });

  test("keep source order of integer-like field names", () => {
    const m = model({ "package.yaml": PACKAGE, "cvm.yaml": service('types:\n  T:\n    fields:\n      b: string\n      "10": string\n      a: string\n      "2": int64\n') });
    expect(m.services[0]!.types[0]!.fields.map((f) => f.name)).toEqual(["b", "10", "a", "2"]);
  });

  test("build no syntax tree, even for the positions they read (the layout tells them); locations resolve once", () => {
    const files = syntheticSpecFiles({ actions: 60 });
    const loaded = loadSpecs(files);
    expect(loaded.diagnostics).toEqual([]);
    const built = buildModel(loaded.docs);
    if (!built.ok) throw new Error("synthetic spec does not build");
    expect(loaded.docs.some((d) => d.treeBuilt)).toBe(false);

    const action = built.model.services[0]!.actions[0]!;
    const loc = action.loc;
    expect(loc).toBeInstanceOf(LazyLocation);
    expect(Object.isFrozen(loc)).toBe(true);
    const doc = loaded.docs.find((d) => d.file === loc.file)!;
    expect(doc.treeBuilt).toBe(false);
    const expected = doc.location(["actions", action.name]);
    expect({ ...loc }).toEqual(expected);
    expect(JSON.parse(JSON.stringify(loc))).toEqual(expected);
    expect(Object.keys(loc)).toEqual(["file", "line", "col"]);
    expect(loaded.docs.filter((d) => d.treeBuilt)).toHaveLength(0);
    const file = files.find((f) => f.path === loc.file)!;
    const text = typeof file.content === "string" ? file.content : new TextDecoder().decode(file.content);
    expect(expected).toEqual(parseSlow(file.path, text).doc!.location(["actions", action.name]));
  });

  test("positions of fast-path documents match the slow path's", () => {
    const text = service("types:\n  T:\n    description: x\n    fields:\n      A: string\n      B: { type: int64 }\n");
    const fast = parseSpec("cvm.yaml", text).doc!;
    const slow = parseSlow("cvm.yaml", text).doc!;
    expect(fast.treeBuilt).toBe(false);
    expect(slow.treeBuilt).toBe(true);
    for (const p of [["types", "T"], ["types", "T", "fields", "B", "type"], ["types", "T", "missing"]]) {
      expect(fast.location(p)).toEqual(slow.location(p));
      expect(fast.location(p, "value")).toEqual(slow.location(p, "value"));
    }
    expect(fast.keysInOrder(["types", "T", "fields"])).toEqual(["A", "B"]);
  });
});
