/**
 * Positions from the block layout (no syntax tree) must be exactly the tree's, or not given: every
 * path (and a missing child of each) of every file in the repo, the imported corpus and a synthetic
 * spec, under both anchors, checked against the `yaml` tree.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { importTencentCloud } from "../../generator/import/tencentcloud/index.js";
import { BlockLocator, LineIndex } from "../../generator/load/block-locate.js";
import type { DocPath } from "../../generator/load/document.js";
import { fastLoad } from "../../generator/load/fast-parse.js";
import { listSpecPaths } from "../../generator/load/files.js";
import { parseSlow, parseSpec } from "../../generator/load/parse.js";
import { syntheticSpecFiles } from "../../bench/synthetic.js";
import { CORPUS_SERVICES, corpusFiles, hasCorpus } from "../import/corpus.js";

const repo = path.resolve(import.meta.dirname, "../..");

/** Every path through maps and lists of `data`, and a missing key under each map. */
function paths(data: unknown, at: DocPath = [], out: DocPath[] = []): DocPath[] {
  out.push(at);
  if (Array.isArray(data)) data.forEach((v, i) => paths(v, [...at, i], out));
  else if (typeof data === "object" && data !== null) {
    out.push([...at, "NoSuchKey"]);
    for (const [k, v] of Object.entries(data)) paths(v, [...at, k], out);
  }
  return out;
}

/** How many paths the layout answered, of how many; fails on the first answer that differs from the tree. */
function compare(name: string, text: string): { answered: number; total: number } {
  const data = fastLoad(text);
  if (data === undefined) return { answered: 0, total: 0 };
  const tree = parseSlow(name, text).doc!;
  const blocks = new BlockLocator(text);
  let answered = 0;
  let total = 0;
  for (const p of paths(data)) {
    for (const anchor of ["key", "value"] as const) {
      total++;
      const got = blocks.offset(p, anchor);
      if (got === undefined) continue;
      answered++;
      expect(got, `${name} ${JSON.stringify(p)} ${anchor}`).toBe(tree.treeOffset(p, anchor));
    }
  }
  return { answered, total };
}

function importedFiles(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  for (const { svc, folder } of CORPUS_SERVICES) {
    const f = corpusFiles(svc, folder);
    const r = importTencentCloud({ api: f.api, errors: f.errors });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    out.push(...r.files);
  }
  return out;
}

describe("positions from the block layout", () => {
  test("match the tree on every spec file in the repo", async () => {
    let answered = 0;
    for (const dir of ["specs", "test/fixtures"]) {
      for (const rel of await listSpecPaths(path.join(repo, dir))) answered += compare(`${dir}/${rel}`, readFileSync(path.join(repo, dir, rel), "utf8")).answered;
    }
    expect(answered).toBeGreaterThan(1000);
  });

  test("match the tree on a synthetic spec, and answer almost every path", () => {
    let answered = 0;
    let total = 0;
    for (const f of syntheticSpecFiles({ actions: 40 })) {
      const r = compare(f.path, typeof f.content === "string" ? f.content : new TextDecoder().decode(f.content));
      answered += r.answered;
      total += r.total;
    }
    expect(answered / total).toBeGreaterThan(0.9);
  });

  test.skipIf(!hasCorpus)("match the tree on every imported corpus file, and answer almost every path", () => {
    let answered = 0;
    let total = 0;
    for (const f of importedFiles()) {
      const r = compare(f.path, f.text);
      answered += r.answered;
      total += r.total;
    }
    expect(answered / total).toBeGreaterThan(0.9);
  });

  const layouts: [string, string][] = [
    ["comments, blank lines and a document marker", "---\n# c\na:\n\n  # c\n  b: 1 # c\n  c:   # c\n    d: x\n"],
    ["CRLF line ends", "a:\r\n  b: 1\r\n  c:\r\n    d: x\r\n"],
    ["quoted keys and keys that are not strings", "\"q\": 1\n'r': 2\n\"10\": 3\ntrue: 4\n1e3: 6\nk:\n  yes: 7\n  True: 8\n"],
    ["block scalars and multi-line scalars that look like keys", "a: |\n  b: 1\nc: >-\n  d: 2\ne: \"x\n  f: 3\"\ni:\n  j: 1\n"],
    ["flow collections on the path", "a: { b: 1, c: [x, y] }\nd: [ { e: 1 } ]\nf:\n  g: {}\n"],
    ["lists of mappings", "a:\n  - b: 1\n    c: 2\n  - - d: 3\n    - x\n  - y\ne:\n- f: 4\n"],
    ["an indented top level", "  a: 1\n  b:\n      c: 2\n"],
    ["keys with spaces, dots and slashes", "a b: 1\nc.d: 2\ne/f: 3\ng-h: 4\n$i: 5\n_j: 6\n"],
  ];
  test.each(layouts)("match the tree on %s", (_name, text) => {
    expect(fastLoad(text), "takes the fast path").toBeDefined();
    compare("x.yaml", text);
  });

  test("a fast-path document builds no tree for positions the layout tells", () => {
    const text = "a:\n  b:\n    c: 1\n  d: [1]\n";
    const doc = parseSpec("x.yaml", text).doc!;
    expect(doc.location(["a", "b", "c"], "value")).toEqual({ file: "x.yaml", line: 3, col: 8 });
    expect(doc.location(["a", "missing"])).toEqual({ file: "x.yaml", line: 1, col: 1 });
    expect(doc.treeBuilt).toBe(false);
    expect(doc.location(["a", "d", 0], "value")).toEqual({ file: "x.yaml", line: 4, col: 7 });
    expect(doc.treeBuilt).toBe(true);
  });

  test("line index: offsets to lines and columns as yaml counts them", () => {
    const text = "ab\n\ncd\r\nef";
    const index = new LineIndex(text);
    const tree = parseSlow("x.yaml", "ab: 1\n\ncd: 2\r\nef: 3");
    expect(tree.doc).toBeDefined();
    expect([0, 1, 2, 3, 4, 5, 7, 8, 9, 10].map((o) => index.linePos(o))).toEqual([
      { line: 1, col: 1 }, { line: 1, col: 2 }, { line: 1, col: 3 }, { line: 2, col: 1 }, { line: 3, col: 1 },
      { line: 3, col: 2 }, { line: 3, col: 4 }, { line: 4, col: 1 }, { line: 4, col: 2 }, { line: 4, col: 3 },
    ]);
  });
});

describe("positions from the block layout, on generated documents (property)", () => {
  test("match the tree wherever they answer", () => {
    const key = fc.constantFrom("a", "b", "c d", "true", "True", "1", "1e3", '"q"', '"q r"', "'s'", "x.y", "$z", "_w", "k/l", "m-n");
    const scalar = fc.constantFrom("1", "x", '"a, b]"', "'c'", "[1, x]", "[]", "{}", "{ a: 1, b: [x, y] }", '{ a: "x}", c: 2 }', "{ true: 1 }", "|\n  t: 1", ">-\n  u", "plain # c");
    type Node = { kind: "scalar"; text: string } | { kind: "map"; entries: [string, Node][] } | { kind: "list"; items: Node[] };
    const { node } = fc.letrec<{ node: Node }>((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        scalar.map((text): Node => ({ kind: "scalar", text })),
        fc.uniqueArray(fc.tuple(key, tie("node")), { minLength: 1, maxLength: 4, selector: ([k]) => k.replace(/["']/g, "") }).map((entries): Node => ({ kind: "map", entries })),
        fc.array(tie("node"), { minLength: 1, maxLength: 3 }).map((items): Node => ({ kind: "list", items })),
      ),
    }));
    const render = (n: Node, indent: string, inline: boolean): string => {
      switch (n.kind) {
        case "scalar":
          return " " + n.text.replace(/\n/g, `\n${indent}  `);
        case "map":
          return n.entries.map(([k, v], i) => `${inline && i === 0 ? " " : `\n${indent}`}${k}:${render(v, indent + "  ", false)}`).join("");
        case "list":
          return n.items.map((v, i) => `${inline && i === 0 ? " " : `\n${indent}`}-${render(v, indent + "  ", v.kind !== "scalar")}`).join("");
      }
    };
    let answered = 0;
    fc.assert(
      fc.property(node, fc.boolean(), fc.boolean(), (n, crlf, comments) => {
        let text = `root:${render(n, "  ", false)}\nend: 1\n`;
        if (comments) text = text.replace(/\n(?=[ ]*[a-z$_"'-])/g, "\n# note\n");
        if (crlf) text = text.replace(/\n/g, "\r\n");
        answered += compare("gen.yaml", text).answered;
      }),
      { numRuns: 500, seed: 20261129 },
    );
    expect(answered).toBeGreaterThan(2000);
  });
});
