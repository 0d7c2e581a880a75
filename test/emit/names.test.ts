/** Every naming rule of the output (generator/emit/names.ts), table-driven. */
import { describe, expect, it } from "vitest";
import {
  HELPER_PREFIX,
  helperName,
  isSafeIdentifier,
  jsDocText,
  lineCommentText,
  propertyKey,
  PROTOTYPE_KEYS,
  RESERVED_NAMES,
  safeName,
  signingServiceName,
  stringLiteral,
  toRoot,
} from "../../generator/emit/names.js";

describe("names", () => {
  const cases: [string, () => unknown, unknown][] = [
    // exported names: reserved words, globals, the output's own exports and `then` take `$`
    ["safeName keeps a plain name", () => safeName("Instance"), "Instance"],
    ["safeName: ECMAScript keyword", () => safeName("delete"), "delete$"],
    ["safeName: TypeScript type name", () => safeName("Record"), "Record$"],
    ["safeName: global", () => safeName("Promise"), "Promise$"],
    ["safeName: Object.prototype member", () => safeName("__proto__"), "__proto__$"],
    ["safeName: the output's own export", () => safeName("ParseResult"), "ParseResult$"],
    ["safeName: thenable", () => safeName("then"), "then$"],
    ["isSafeIdentifier: plain", () => isSafeIdentifier("A_b$1"), true],
    ["isSafeIdentifier: reserved", () => isSafeIdentifier("Error"), false],
    ["isSafeIdentifier: not an identifier", () => isSafeIdentifier("a-b"), false],
    // property keys of types: bare when an identifier (as prettier leaves them), else quoted
    ["propertyKey: identifier", () => propertyKey("InstanceId"), "InstanceId"],
    ["propertyKey: __proto__ in a type", () => propertyKey("__proto__"), "__proto__"],
    ["propertyKey: dotted code", () => propertyKey("AuthFailure.SignatureFailure"), '"AuthFailure.SignatureFailure"'],
    ["propertyKey: leading digit", () => propertyKey("2x"), '"2x"'],
    ["propertyKey: Unicode letters (prettier unquotes them)", () => propertyKey("名前"), "名前"],
    // string literals: prettier's quotes (double unless more double quotes than single), controls escaped
    ["stringLiteral: plain", () => stringLiteral("a"), '"a"'],
    ["stringLiteral: double quotes inside", () => stringLiteral('say "hi"'), `'say "hi"'`],
    ["stringLiteral: as many doubles as singles", () => stringLiteral(`it's "x`), `"it's \\"x"`],
    ["stringLiteral: more doubles than singles", () => stringLiteral(`it's "x"`), `'it\\'s "x"'`],
    ["stringLiteral: more doubles", () => stringLiteral(`"a" 'b' "c"`), `'"a" \\'b\\' "c"'`],
    ["stringLiteral: backslash", () => stringLiteral("a\\b"), '"a\\\\b"'],
    ["stringLiteral: line separator and DEL", () => stringLiteral("a\u2028\u007f"), '"a\\u2028\\u007f"'],
    // helper names of generated JavaScript
    ["helperName: safe spec name", () => helperName(HELPER_PREFIX.validator, "Instance", 3), "v$Instance"],
    ["helperName: unsafe spec name uses the index", () => helperName(HELPER_PREFIX.codeTable, "a-b", 7), "c$$7"],
    ["helperName: reply known keys", () => helperName(HELPER_PREFIX.replyKnownKeys, "Describe", 0), "kr$Describe"],
    ["HELPER_PREFIX", () => HELPER_PREFIX, { validator: "v$", knownKeys: "k$", replyValidator: "r$", replyKnownKeys: "kr$", codeTable: "c$", actionInfo: "a$", enumTable: "e$", expected: "x$" }],
    // comments
    ["jsDocText: */ and /* cannot end or open a comment", () => jsDocText("a */ b /* c"), "a *\\/ b /\\* c"],
    ["jsDocText: a leading @ is not a tag", () => jsDocText("@param x\n  @returns"), "\\@param x\n  \\@returns"],
    ["jsDocText: line terminators normalised, controls visible", () => jsDocText("a\r\nb\u2028c\u0007"), "a\nb\nc\\u0007"],
    ["lineCommentText: one line", () => lineCommentText("a\nb\u2029c\u001b"), "a b c\\u001b"],
    // the signing service name and module paths
    ["signingServiceName: host prefix", () => signingServiceName("cvm"), "cvm"],
    ["signingServiceName: first label", () => signingServiceName("bar.internal"), "bar"],
    ["toRoot: one level", () => toRoot("cvm"), "../"],
    ["toRoot: versioned", () => toRoot("tke/v20180525"), "../../"],
  ];
  for (const [name, run, want] of cases) {
    it(name, () => {
      expect(run()).toEqual(want);
    });
  }
});

describe("reserved names", () => {
  // Growing this list renames a user's type (a breaking change): any change here must be deliberate.
  const table: [string, boolean][] = [
    ["await", true], ["enum", true], ["interface", true], ["any", true], ["unknown", true], ["keyof", true],
    ["Partial", true], ["NonNullable", true], ["Awaited", true], ["Object", true], ["Error", true], ["Promise", true],
    ["Map", true], ["JSON", true], ["globalThis", true], ["fetch", true], ["Request", true], ["Response", true],
    ["Image", true], ["Event", true], ["Buffer", true], ["process", true], ["__proto__", true], ["constructor", true],
    ["toString", true], ["ApiError", true], ["MalformedReply", true], ["CommonCode", true], ["ServiceCode", true],
    ["Client", true], ["createClient", true], ["then", true],
    ["Instance", false], ["DescribeInstances", false], ["Filter", false], ["Tag", false], ["Zone", false], ["Code", false],
  ];
  for (const [name, reserved] of table) {
    it(`${name}: ${reserved ? "reserved" : "free"}`, () => {
      expect(RESERVED_NAMES.has(name)).toBe(reserved);
    });
  }

  it("has a fixed size", () => {
    expect(RESERVED_NAMES.size).toBe(253);
  });

  it("holds every Object.prototype key the parsers check specially", () => {
    for (const k of PROTOTYPE_KEYS) expect(RESERVED_NAMES.has(k), k).toBe(true);
    expect([...PROTOTYPE_KEYS].sort()).toEqual(
      Object.getOwnPropertyNames(Object.prototype).sort(),
    );
  });
});
