/**
 * runtime/big-integers.ts `readExact`, by property: for any JSON text it gives exactly what `JSON.parse`
 * gives (or throws when it throws), and it records the exact literal of every big integer in a value
 * position, by holder and key. Texts are built with big integers, digit-laden strings and keys,
 * escapes, marker-like characters and random whitespace.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readExact } from "../../generator/runtime/big-integers.js";

type Tree = bigint | number | string | boolean | null | Tree[] | { readonly entries: ReadonlyArray<readonly [string, Tree]> };

const digity = fc.string({ unit: fc.constantFrom("1", "2", "9", "0", '"', "\\", "a", " ", "\u0001", "-", "e", ".", ","), maxLength: 30 });
const big = fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n });
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    big,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    digity,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("node"), { maxLength: 4 }),
    fc.array(fc.tuple(fc.oneof(digity, fc.constantFrom("__proto__", "12345678901234567890")), tie("node")), { maxLength: 4 }).map((entries) => ({ entries })),
  ),
})).node;
const space = fc.constantFrom("", " ", "\n", "\t ");

/** JSON text of `t` (bigints as bare literals), with `ws` between tokens. */
function text(t: Tree, ws: string): string {
  if (typeof t === "bigint") return t.toString();
  if (typeof t === "number") return Object.is(t, -0) ? "0" : JSON.stringify(t);
  if (t === null || typeof t !== "object") return JSON.stringify(t);
  if (Array.isArray(t)) return `[${ws}${t.map((x) => text(x, ws)).join(`${ws},${ws}`)}${ws}]`;
  const o = t as { entries: ReadonlyArray<readonly [string, Tree]> };
  return `{${ws}${o.entries.map(([k, v]) => `${JSON.stringify(k)}${ws}:${ws}${text(v, ws)}`).join(`,${ws}`)}${ws}}`;
}

/** The integer literal a leaf is written as, when it has 16 or more digits (what readExact records). */
function bigLiteral(x: Tree): string | undefined {
  const literal = typeof x === "bigint" ? x.toString() : typeof x === "number" ? text(x, "") : undefined;
  return literal !== undefined && /^-?\d{16,}$/.test(literal) ? literal : undefined;
}

/** Every (holder, key, literal) the parsed value should record (the last of duplicate keys wins). */
function expectedLiterals(t: Tree, parsed: unknown, out: Array<[object, string | number, string]>): void {
  if (Array.isArray(t)) {
    t.forEach((x, i) => {
      const literal = bigLiteral(x);
      if (literal !== undefined) out.push([parsed as object, i, literal]);
      else expectedLiterals(x, (parsed as unknown[])[i], out);
    });
    return;
  }
  if (t === null || typeof t !== "object") return;
  const last = new Map<string, Tree>();
  for (const [k, v] of (t as { entries: ReadonlyArray<readonly [string, Tree]> }).entries) last.set(k, v);
  for (const [k, v] of last) {
    const child = Object.getOwnPropertyDescriptor(parsed, k)?.value as unknown;
    const literal = bigLiteral(v);
    if (literal !== undefined) out.push([parsed as object, k, literal]);
    else expectedLiterals(v, child, out);
  }
}

describe("readExact", () => {
  it("gives what JSON.parse gives, and the exact text of every big literal", () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 3 }), space, (items, ws) => {
        const t: Tree = items;
        const json = text(t, ws);
        const r = readExact(json);
        expect(r.value).toEqual(JSON.parse(json));
        const want: Array<[object, string | number, string]> = [];
        expectedLiterals(t, r.value, want);
        for (const [holder, key, literal] of want) expect(r.big?.get(holder)?.get(key)).toBe(literal);
        const recorded = [...(r.big?.values() ?? [])].reduce((n, m) => n + m.size, 0);
        expect(recorded).toBe(want.length);
      }),
      { numRuns: 300 },
    );
  });

  it("throws exactly when JSON.parse throws (cut or spliced texts)", () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.constantFrom("", "x", "0", "]", "}", ":", ",", '"'), (t, at, junk) => {
        const json = text([t, 12345678901234567890n], "");
        const cut = json.slice(0, at % (json.length + 1)) + junk;
        let plain: unknown;
        let plainThrew = false;
        try {
          plain = JSON.parse(cut);
        } catch {
          plainThrew = true;
        }
        if (plainThrew) expect(() => readExact(cut)).toThrow(SyntaxError);
        else expect(readExact(cut).value).toEqual(plain);
      }),
      { numRuns: 300 },
    );
  });

  it("reads nothing into prototypes", () => {
    const r = readExact('{"__proto__":{"polluted":12345678901234567890},"constructor":{"prototype":{"x":99999999999999999999}}}');
    expect(Object.getOwnPropertyDescriptor(r.value, "__proto__")?.value).toEqual({ polluted: 12345678901234567890 });
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
  });
});
