/** Hostile and broken input: every case ends in located diagnostics, quickly, never a throw or a hang. */
import { describe, expect, test } from "vitest";
import { MAX_FILE_BYTES } from "../../generator/load/parse.js";
import { diagnose, model, PACKAGE, service, type Files } from "./helpers.js";

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

const cases: [string, { files: Files; want: string[] }][] = [
  [
    "YAML syntax error",
    {
      files: { "package.yaml": PACKAGE, "cvm.yaml": "specVersion: 1\nservice: [unclosed\n" },
      want: ["cvm.yaml:3:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]"],
    },
  ],
  [
    "bad indentation",
    {
      files: { "package.yaml": PACKAGE, "cvm.yaml": "specVersion: 1\nservice:\n  name: cvm\n   version: x\n" },
      want: [
        "cvm.yaml:3:9: invalid YAML: Implicit keys need to be on a single line",
        "cvm.yaml:3:9: invalid YAML: Nested mappings are not allowed in compact mappings",
      ],
    },
  ],
  [
    "duplicate keys (each repeat reported at its key)",
    {
      files: {
        "package.yaml": PACKAGE,
        "cvm.yaml": service("types:\n  A:\n    fields: {}\n  A:\n    fields: { X: string, X: int64 }\n"),
      },
      want: ['cvm.yaml:8:3: duplicate key "A"', 'cvm.yaml:9:26: duplicate key "X"'],
    },
  ],
  [
    "duplicate key that only equals after conversion to text",
    { files: { "package.yaml": PACKAGE, "cvm.yaml": service('types:\n  T:\n    fields:\n      1: string\n      "1": int64\n') }, want: ['cvm.yaml:9:7: duplicate key "1"'] },
  ],
  [
    "empty, comment-only and null files",
    {
      files: { "package.yaml": PACKAGE, "a.yaml": "", "b.yaml": "# nothing here\n", "c.yml": "~\n" },
      want: [
        "a.yaml: the file is empty: expected a package file or a service file",
        "b.yaml: the file is empty: expected a package file or a service file",
        "c.yml: the file is empty: expected a package file or a service file",
      ],
    },
  ],
  [
    "not UTF-8",
    { files: { "package.yaml": PACKAGE, "latin1.yaml": new Uint8Array([0x61, 0x3a, 0x20, 0xe9, 0x0a]) }, want: ["latin1.yaml: the file is not valid UTF-8 text"] },
  ],
  [
    "two documents in one file",
    {
      files: { "package.yaml": PACKAGE, "cvm.yaml": service("") + "---\n" + service("") },
      want: ["cvm.yaml:5:1: a spec file must hold a single YAML document (found a `---` separator starting another)"],
    },
  ],
  [
    "unknown tag",
    {
      files: { "package.yaml": PACKAGE, "cvm.yaml": service("types:\n  T:\n    description: !weird x\n") },
      want: ["cvm.yaml:7:18: invalid YAML: Unresolved tag: !weird"],
    },
  ],
];

describe("broken YAML", () => {
  test.each(cases)("%s", (_name, { files, want }) => {
    expect(diagnose(files)).toEqual(want);
  });
});

describe("encodings", () => {
  test("a UTF-8 byte order mark is accepted, in bytes and in strings", () => {
    const m = model({ "package.yaml": "\ufeff" + PACKAGE, "cvm.yaml": new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(service(""))]) });
    expect(m.services.map((s) => s.name)).toEqual(["cvm"]);
  });

  test("non-ASCII text survives", () => {
    const m = model({ "package.yaml": PACKAGE, "cvm.yaml": utf8(service("types:\n  T:\n    description: Größe – 大小 ✓\n")) });
    expect(m.services[0]!.types[0]!.description).toBe("Größe – 大小 ✓");
  });
});

describe("resource exhaustion", () => {
  test("an alias bomb fails fast with a diagnostic", () => {
    let yaml = service("types:\n  T:\n    description: x\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (let i = 1; i < 10; i++) yaml += `x${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(", ")}]\n`;
    const t0 = performance.now();
    const got = diagnose({ "package.yaml": PACKAGE, "bomb.yaml": yaml });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(got).toEqual(["bomb.yaml:9:10: aliases expand to too many nodes (at most 100 allowed)"]);
  });

  test("a few aliases are fine (and expand to plain data)", () => {
    const m = model({
      "package.yaml": PACKAGE,
      "cvm.yaml": service("types:\n  A:\n    fields: &shared\n      Id: string\n      Name: { type: string, optional: true }\n  B:\n    fields: *shared\n"),
    });
    const [a, b] = m.services[0]!.types;
    expect(b!.fields.map((f) => [f.name, f.optional])).toEqual([["Id", false], ["Name", true]]);
    expect(a!.fields.map((f) => f.name)).toEqual(["Id", "Name"]);
  });

  // Where the YAML reader runs out of stack depends on the stack size, so only the message is exact.
  const tooDeep = /^deep\.yaml(:\d+:\d+)?: the document is nested too deeply to read$/;

  test.each([
    ["10,000 nested flow sequences", `types:\n  T:\n    description: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`],
    ["10,000 nested flow mappings", `types: ${"{a: ".repeat(10_000)}x${"}".repeat(10_000)}\n`],
    ["10,000 nested block sequences", `types:\n${"- ".repeat(10_000)}x\n`],
  ])("%s: a diagnostic, no stack overflow", (_name, body) => {
    const got = diagnose({ "package.yaml": PACKAGE, "deep.yaml": service(body) });
    expect(got.length).toBeGreaterThan(0);
    for (const d of got) expect(d).toMatch(tooDeep);
  });

  test("moderate nesting is read normally", () => {
    const got = diagnose({ "package.yaml": PACKAGE, "deep.yaml": service(`types: ${"[".repeat(300)}x${"]".repeat(300)}\n`) });
    expect(got).toEqual(["deep.yaml:5:8: expected a mapping, found a list (at types)"]);
  });

  test("a 10 MB file is refused up front with a clear message", () => {
    const filler = `# ${"x".repeat(97)}\n`.repeat(Math.ceil((10 * 1024 * 1024) / 100));
    const t0 = performance.now();
    const got = diagnose({ "package.yaml": PACKAGE, "huge.yaml": service("") + filler });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(got).toEqual([`huge.yaml: the file is too large (10.0 MB; at most ${(MAX_FILE_BYTES / 1024 / 1024).toFixed(1)} MB per file): split it into several files`]);
  });

  test("20,000 entries in one map load in bounded time (the duplicate-key check is linear)", () => {
    const lines = [service("types:")];
    for (let t = 0; t < 20_000; t++) lines.push(`  T${t}: {}`);
    const t0 = performance.now();
    const m = model({ "package.yaml": PACKAGE, "big.yaml": lines.join("\n") + "\n" });
    expect(m.services[0]!.types).toHaveLength(20_000);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});
