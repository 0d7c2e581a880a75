/** The structural pass: schema violations → one clear, located message per problem. */
import { describe, expect, test } from "vitest";
import { diagnose, PACKAGE, service, type Files } from "./helpers.js";

const cases: [string, { files: Files; want: string[] }][] = [
  [
    "an unknown int64 mode, in a field and in the package",
    {
      files: {
        "package.yaml": PACKAGE.replace('  version: "0.1.0"\n', '  version: "0.1.0"\n  int64: long\n'),
        "cvm.yaml": service(["types:", "  T:", "    fields:", "      B: { type: int64, int64: huge }", ""].join("\n")),
      },
      want: [
        'cvm.yaml:8:32: expected one of "number", "bigint" or "string", found "huge" (at types.T.fields.B.int64)',
        'package.yaml:5:10: expected one of "number", "bigint" or "string", found "long" (at package.int64)',
      ],
    },
  ],
  [
    "wrong types, unknown keys with did-you-mean, missing keys, bad type expressions",
    {
      files: {
        "package.yaml": PACKAGE,
        "cvm.yaml": service(
          [
            "actions:",
            "  A:",
            '    deprecated: "yes"',
            "    request:",
            "      X: { type: string, optinal: true }",
            "      Y: 5",
            "      Z: { optional: true }",
            '      W: { type: "Foo[" }',
            '      V: "int64 []"',
            "    errors: InternalError",
            "    Response: {}",
            "",
          ].join("\n"),
        ),
      },
      want: [
        "cvm.yaml:7:17: expected a boolean, found a string (at actions.A.deprecated)",
        'cvm.yaml:9:26: unknown key "optinal" (did you mean "optional"?) (at actions.A.request.X.optinal)',
        "cvm.yaml:10:10: expected a string or a mapping, found an integer (at actions.A.request.Y)",
        'cvm.yaml:11:7: missing required key "type" (at actions.A.request.Z)',
        'cvm.yaml:12:18: invalid type expression "Foo[": expected a primitive or a type name, followed by any number of "[]" (at actions.A.request.W.type)',
        'cvm.yaml:13:10: invalid type expression "int64 []": expected a primitive or a type name, followed by any number of "[]" (at actions.A.request.V)',
        "cvm.yaml:14:13: expected a list, found a string (at actions.A.errors)",
        'cvm.yaml:15:5: unknown key "Response" (did you mean "response"?) (at actions.A.Response)',
      ],
    },
  ],
  [
    "names, versions, codes and enums of a service file",
    {
      files: {
        "package.yaml": PACKAGE,
        "cvm.yaml": [
          "specVersion: 2",
          "service:",
          "  name: Cvm",
          '  version: "2017-3-12"',
          "  hots: cvm",
          "types:",
          "  1Bad: {}",
          "actions:",
          "  Bad-Name: {}",
          "errors:",
          "  $unknown: { description: x }",
          "  Good.Code: { description: x, retry: sometimes }",
          "  Other.Code: { description: x, retry: transiant }",
          "feilds: {}",
          "",
        ].join("\n"),
      },
      want: [
        "cvm.yaml:1:14: unsupported specVersion 2: this tcgen reads specVersion 1 (at specVersion)",
        'cvm.yaml:3:9: invalid service name "Cvm": must be lowercase letters and digits, starting with a letter (at service.name)',
        'cvm.yaml:4:12: invalid service version "2017-3-12": must be a date like "2017-03-12" (at service.version)',
        'cvm.yaml:5:3: unknown key "hots" (did you mean "host"?) (at service.hots)',
        'cvm.yaml:7:3: invalid type name "1Bad": must start with a letter or _ and hold only letters, digits and _ (at types.1Bad)',
        'cvm.yaml:9:3: invalid action name "Bad-Name": must start with a letter or _ and hold only letters, digits and _ (at actions.Bad-Name)',
        'cvm.yaml:11:3: invalid error code "$unknown": must be 1 to 256 characters without control characters, not start with "$" or whitespace, and not end with ".*" or whitespace (at errors.$unknown)',
        'cvm.yaml:12:39: expected one of "throttling", "transient" or "never", found "sometimes" (at errors.Good.Code.retry)',
        'cvm.yaml:13:40: expected one of "throttling", "transient" or "never", found "transiant" (did you mean "transient"?) (at errors.Other.Code.retry)',
        'cvm.yaml:14:1: unknown key "feilds" (at feilds)',
      ],
    },
  ],
  [
    "the package file",
    {
      files: {
        "package.yaml": [
          "specVersion: 1",
          "package:",
          "  name: Bad Name",
          '  version: "1"',
          "envelope:",
          '  wrapper: ""',
          "  requestId: RequestId",
          "  error: { key: Error, code: Code }",
          '  successCodes: [Success, "$bad"]',
          '  hostSuffix: "bad host"',
          "  extra: 1",
          "commonErrors:",
          "  X: { description: 1 }",
          "  Y: {}",
          "  Z: { description: z, deprecated: no }",
          "",
        ].join("\n"),
      },
      want: [
        'package.yaml:3:9: invalid package name "Bad Name": must be an npm package name such as "@scope/name" (at package.name)',
        'package.yaml:4:12: invalid package version "1": must be a semver version such as "1.2.3" (at package.version)',
        "package.yaml:6:12: expected a non-empty string (at envelope.wrapper)",
        'package.yaml:8:3: missing required key "message" (at envelope.error)',
        'package.yaml:9:27: invalid error code "$bad": must be 1 to 256 characters without control characters, not start with "$" or whitespace, and not end with ".*" or whitespace (at envelope.successCodes[1])',
        'package.yaml:10:15: invalid host suffix "bad host": must be dot-separated labels of letters, digits and - (at envelope.hostSuffix)',
        'package.yaml:11:3: unknown key "extra" (at envelope.extra)',
        "package.yaml:13:21: expected a string, found an integer (at commonErrors.X.description)",
        'package.yaml:14:3: missing required key "description" (at commonErrors.Y)',
        "package.yaml:15:36: expected a boolean, found a string (at commonErrors.Z.deprecated)",
      ],
    },
  ],
  [
    "missing top-level keys",
    {
      files: { "package.yaml": "specVersion: 1\npackage: { name: x, version: 1.0.0 }\n", "cvm.yaml": "service: { name: cvm }\n" },
      want: [
        'cvm.yaml:1:1: missing required key "specVersion"',
        'cvm.yaml:1:1: missing required key "version" (at service)',
        'package.yaml:1:1: missing required key "envelope"',
      ],
    },
  ],
  [
    "field definitions",
    {
      files: {
        "package.yaml": PACKAGE,
        "cvm.yaml": service(
          ["types:", "  T:", "    fields:", '      "": string', "      E: { type: string, enum: [] }", "      F: { type: string, example: 5 }", "      G: ~", "      H: [string]", ""].join("\n"),
        ),
      },
      want: [
        'cvm.yaml:8:7: a field name must not be empty (at types.T.fields."")',
        "cvm.yaml:9:32: expected a non-empty list (at types.T.fields.E.enum)",
        "cvm.yaml:10:35: expected a string, found an integer (at types.T.fields.F.example)",
        "cvm.yaml:11:10: expected a string or a mapping, found null (at types.T.fields.G)",
        "cvm.yaml:12:10: expected a string or a mapping, found a list (at types.T.fields.H)",
      ],
    },
  ],
  [
    "file kind cannot be told",
    {
      files: {
        "package.yaml": PACKAGE,
        "a.yaml": "- 1\n- 2\n",
        "b.yaml": "foo: 1\n",
        "c.yaml": "specVersion: 1\npackage: {name: x, version: 1.0.0}\nservice: {name: a, version: '2017-01-01'}\n",
      },
      want: [
        "a.yaml:1:1: expected a mapping at the top level, found a list",
        'b.yaml:1:1: cannot tell the kind of this file: a service file needs a top-level "service" key, the package file a "package" key, an overlay an "overlay" key',
        'c.yaml:2:1: a file is either a package file or a service file: "package" cannot sit beside "service" (at package)',
      ],
    },
  ],
  [
    "problems in several files are all reported, sorted by file and position",
    {
      files: {
        "z.yaml": service("types:\n  T:\n    optional: true\n"),
        "package.yaml": PACKAGE.replace("retry: transient", "retry: 3"),
      },
      want: [
        'package.yaml:13:12: expected a string, found an integer (at commonErrors.InternalError.retry)',
        'z.yaml:7:5: unknown key "optional" (at types.T.optional)',
      ],
    },
  ],
];

describe("structural diagnostics", () => {
  test.each(cases)("%s", (_name, { files, want }) => {
    expect(diagnose(files)).toEqual(want);
  });
});
