/** The semantic pass: cross-file and cross-reference problems, each located, all reported at once. */
import { describe, expect, test } from "vitest";
import { diagnose, PACKAGE, service, type Files } from "../load/helpers.js";

const withHost = (host: string, description: string): string =>
  service("").replace('"2017-03-12"\n', `"2017-03-12"\n  host: ${host}\n  description: ${description}\n`);

const cases: [string, { files: Files; want: string[] }][] = [
  ["no spec files at all", { files: {}, want: [".: no spec files (*.yaml, *.yml) found"] }],
  ["no package file", { files: { "cvm.yaml": service("") }, want: ['.: no package file: exactly one spec file needs a top-level "package" key'] }],
  [
    "two package files",
    {
      files: { "a.yaml": PACKAGE, "b/package.yaml": PACKAGE },
      want: ["b/package.yaml:2:1: a second package file: exactly one is allowed (first defined at a.yaml:2:1) (at package)"],
    },
  ],
  [
    "type references, enum misuse, primitive names",
    {
      files: {
        "p.yaml": PACKAGE,
        "a.yaml": service(
          [
            "types:",
            "  Instance:",
            "    fields:",
            "      A: Instnce",
            '      B: { type: "Nope[]" }',
            "      C: { type: int64, enum: [a] }",
            '      D: { type: "string[][]", enum: [b, a, b] }',
            "      E: strin",
            "  string:",
            "    fields: {}",
            "",
          ].join("\n"),
        ),
      },
      want: [
        'a.yaml:8:10: unknown type "Instnce" (did you mean "Instance"?) (at types.Instance.fields.A)',
        'a.yaml:9:18: unknown type "Nope" (at types.Instance.fields.B.type)',
        'a.yaml:10:25: enum needs type string or a list of strings, found "int64" (at types.Instance.fields.C.enum)',
        'a.yaml:12:10: unknown type "strin" (did you mean "string"?) (at types.Instance.fields.E)',
        'a.yaml:13:3: type name "string" is taken by a primitive type (at types.string)',
      ],
    },
  ],
  [
    "open without enum",
    {
      files: {
        "p.yaml": PACKAGE,
        "a.yaml": service(["types:", "  T:", "    fields:", "      A: { type: string, open: true }", "      B: { type: string, open: false, enum: [x] }", ""].join("\n")),
      },
      want: ["a.yaml:8:26: open needs enum: it says whether values beyond the enum's are accepted (at types.T.fields.A.open)"],
    },
  ],
  [
    "a type of another service is not visible",
    {
      files: { "p.yaml": PACKAGE, "a.yaml": service("types:\n  Tag: {}\n", "cbs"), "b.yaml": service("actions:\n  A:\n    response: { T: Tag }\n") },
      want: ['b.yaml:7:20: unknown type "Tag" (at actions.A.response.T)'],
    },
  ],
  [
    "duplicates across merged files and case-only clashes (codes that differ only by case are distinct codes)",
    {
      files: {
        "p.yaml": PACKAGE,
        "a.yaml": service(
          "errors:\n  NotFound: { description: x }\n  InternalError: { description: y }\n  invalidparameter: { description: z }\ntypes:\n  Foo: {}\nactions:\n  Run: {}\n",
        ),
        "b.yaml": service(
          "errors:\n  NotFound: { description: x }\n  notfound: { description: x }\ntypes:\n  Foo: {}\n  FOO: {}\nactions:\n  Run: {}\n  run: {}\n",
        ),
      },
      want: [
        'a.yaml:7:3: error code "InternalError" is already a common code (first defined at p.yaml:11:3) (at errors.InternalError)',
        'b.yaml:6:3: duplicate error code "NotFound" (first defined at a.yaml:6:3) (at errors.NotFound)',
        'b.yaml:9:3: duplicate type "Foo" (first defined at a.yaml:10:3) (at types.Foo)',
        'b.yaml:10:3: type "FOO" differs only by case from "Foo" (first defined at a.yaml:10:3) (at types.FOO)',
        'b.yaml:12:3: duplicate action "Run" (first defined at a.yaml:12:3) (at actions.Run)',
        'b.yaml:13:3: action "run" differs only by case from "Run" (first defined at a.yaml:12:3) (at actions.run)',
      ],
    },
  ],
  [
    "case-only clashes inside one file",
    {
      files: {
        "p.yaml": PACKAGE.replace("commonErrors:\n", "commonErrors:\n  internalerror: { description: lower }\n"),
        "a.yaml": service("types:\n  Image: {}\n  image: {}\n"),
      },
      want: [
        'a.yaml:7:3: type "image" differs only by case from "Image" (first defined at a.yaml:6:3) (at types.image)',
      ],
    },
  ],
  [
    "host and description set in two files of one service",
    {
      files: { "p.yaml": PACKAGE, "a.yaml": withHost("a", "d"), "b.yaml": withHost("b", "e"), "c.yaml": withHost("c", "f").replace('"2017-03-12"', '"2020-01-01"') },
      want: [
        "b.yaml:5:3: host of service cvm 2017-03-12 is already set (first set at a.yaml:5:3) (at service.host)",
        "b.yaml:6:3: description of service cvm 2017-03-12 is already set (first set at a.yaml:6:3) (at service.description)",
      ],
    },
  ],
  [
    "action codes: unknown, listed twice",
    {
      files: {
        "p.yaml": PACKAGE,
        "a.yaml": service("errors:\n  NotFound: { description: x }\nactions:\n  Run:\n    errors: [NotFound, NotFond, InternalError, NotFound, Missing.Code]\n"),
      },
      want: [
        'a.yaml:9:24: unknown error code "NotFond": define it in the service\'s errors or in commonErrors (did you mean "NotFound"?) (at actions.Run.errors[1])',
        'a.yaml:9:48: error code "NotFound" is listed twice (first listed at a.yaml:9:14) (at actions.Run.errors[3])',
        'a.yaml:9:58: unknown error code "Missing.Code": define it in the service\'s errors or in commonErrors (at actions.Run.errors[4])',
      ],
    },
  ],
  [
    "a code of another service is not visible",
    {
      files: { "p.yaml": PACKAGE, "a.yaml": service("errors:\n  Busy: { description: x }\n", "cbs"), "b.yaml": service("actions:\n  A:\n    errors: [Busy]\n") },
      want: ['b.yaml:7:14: unknown error code "Busy": define it in the service\'s errors or in commonErrors (at actions.A.errors[0])'],
    },
  ],
  [
    "envelope: no way to tell success from error",
    {
      files: { "p.yaml": PACKAGE.replace("error: { key: Error,", "error: { key: null,") },
      want: [
        "p.yaml:8:12: the envelope cannot tell success from error: error.key is null and successCodes is empty (set error.key or list the success codes) (at envelope.error.key)",
      ],
    },
  ],
  [
    "envelope: an explicit empty successCodes is pointed at",
    {
      files: { "p.yaml": PACKAGE.replace("error: { key: Error,", "error: { key: null,").replace("hostSuffix:", "successCodes: []\n  hostSuffix:") },
      want: [
        "p.yaml:9:3: the envelope cannot tell success from error: error.key is null and successCodes is empty (set error.key or list the success codes) (at envelope.successCodes)",
      ],
    },
  ],
  [
    "a code equal to a success code",
    {
      files: { "p.yaml": PACKAGE.replace("hostSuffix:", "successCodes: [Success, InternalError]\n  hostSuffix:"), "a.yaml": service("errors:\n  Success: { description: x }\n") },
      want: [
        'a.yaml:6:3: error code "Success" is one of the envelope\'s successCodes (at errors.Success)',
        'p.yaml:12:3: error code "InternalError" is one of the envelope\'s successCodes (at commonErrors.InternalError)',
      ],
    },
  ],
];

describe("semantic diagnostics", () => {
  test.each(cases)("%s", (_name, { files, want }) => {
    expect(diagnose(files)).toEqual(want);
  });

  test("structural problems are reported before semantic checks run (no echo of the same mistake)", () => {
    const got = diagnose({ "p.yaml": PACKAGE, "a.yaml": service("actions:\n  A:\n    response: { T: { type: Nope, optionl: true } }\n") });
    expect(got).toEqual(['a.yaml:7:34: unknown key "optionl" (did you mean "optional"?) (at actions.A.response.T.optionl)']);
  });
});
