/**
 * The envelope as data (issue 15): envelopes that cannot work are located errors; the ones that can
 * become the model's `Envelope`.
 */
import { describe, expect, test } from "vitest";
import { diagnose, model, service } from "../load/helpers.js";

/** A package file with the given envelope lines (indented under `envelope:`) and common codes. */
function pkg(envelope: string[], common: string[] = ["  Internal: { description: x }"]): string {
  return ["specVersion: 1", "package:", '  name: "@t/x"', '  version: "0.1.0"', "envelope:", ...envelope.map((l) => `  ${l}`), "commonErrors:", ...common, ""].join("\n");
}

const FLAG = ["wrapper: null", "requestId: null", "success: ok", "error: { key: error, code: code, message: message }", "data: data"];

const bad: [string, { files: Record<string, string>; want: string[] }][] = [
  [
    "a success flag and success codes both",
    { files: { "p.yaml": pkg([...FLAG, "successCodes: [OK]"]) }, want: ["p.yaml:8:3: the envelope has a success flag and successCodes: use one of them (the flag decides success alone) (at envelope.success)"] },
  ],
  [
    "a data key equal to the error key",
    {
      files: { "p.yaml": pkg(["wrapper: null", "requestId: rid", "error: { key: body, code: code, message: message }", "data: body"]) },
      want: ['p.yaml:9:9: the data key "body" is also the envelope\'s error key: replies could not be read (at envelope.data)'],
    },
  ],
  [
    "a data key equal to the request id and (flat errors) the code key",
    {
      files: { "p.yaml": pkg(["wrapper: null", "requestId: code", "error: { key: null, code: code, message: message }", "successCodes: [OK]", "data: code"]) },
      want: [
        'p.yaml:10:9: the data key "code" is also the envelope\'s code key: replies could not be read (at envelope.data)',
        'p.yaml:10:9: the data key "code" is also the envelope\'s request id key: replies could not be read (at envelope.data)',
      ],
    },
  ],
  [
    "no way to tell success from error",
    {
      files: { "p.yaml": pkg(["wrapper: null", "requestId: rid", "error: { key: null, code: code, message: message }"]) },
      want: ["p.yaml:8:12: the envelope cannot tell success from error: error.key is null and successCodes is empty (set error.key or list the success codes) (at envelope.error.key)"],
    },
  ],
  [
    "numeric codes: a success code and error codes that are no integers",
    {
      files: {
        "p.yaml": pkg(["wrapper: null", "requestId: rid", "error: { key: null, code: code, message: message }", "codes: number", 'successCodes: ["0"]', "data: data"], ["  1.5: { description: x }", "  E1: { description: x }"]),
        "s.yaml": service("errors:\n  '007': { description: x }\n"),
      },
      want: [
        'p.yaml:10:18: success code "0" is not an integer: the envelope\'s codes are numbers (at envelope.successCodes[0])',
        'p.yaml:13:3: error code "1.5" is not an integer: the envelope\'s codes are numbers (at commonErrors.1.5)',
        'p.yaml:14:3: error code "E1" is not an integer: the envelope\'s codes are numbers (at commonErrors.E1)',
        's.yaml:6:3: error code "007" is not an integer: the envelope\'s codes are numbers (at errors.007)',
      ],
    },
  ],
  [
    "string codes: a numeric success code",
    {
      files: { "p.yaml": pkg(["wrapper: null", "requestId: rid", "error: { key: null, code: code, message: message }", "successCodes: [0]", "data: data"]) },
      want: ['p.yaml:9:18: success code 0 is a number: set codes: number, or quote it (at envelope.successCodes[0])'],
    },
  ],
  [
    "error fields: a name every error has, and a type the runtime cannot check",
    {
      files: {
        "p.yaml": pkg([
          "wrapper: null",
          "requestId: rid",
          "error:",
          "  key: error",
          "  code: code",
          "  message: message",
          "  fields:",
          "    requestId: string",
          "    when: datetime",
          "    tags: string[]",
        ]),
      },
      want: [
        'p.yaml:13:7: error field "requestId" clashes with a property every API error has (kind, code, rawCode, family, message, requestId) or with the code/message key (at envelope.error.fields.requestId)',
        'p.yaml:14:7: error field "when": an error field is string, int32, float, boolean or json, or a list of string, int32, float or boolean (at envelope.error.fields.when)',
      ],
    },
  ],
];

describe("envelopes that cannot work", () => {
  test.each(bad)("%s", (_name, { files, want }) => {
    expect(diagnose(files)).toEqual(want);
  });
});

describe("envelopes that can", () => {
  test("a success flag, no request id, typed error fields, no host suffix", () => {
    const m = model({
      "p.yaml": pkg([...FLAG, "error:", "  key: error", "  code: code", "  message: message", "  fields:", "    details: { type: json, optional: true }", "    retryable: boolean"].filter((l) => !l.startsWith("error: {"))),
    });
    expect({ ...m.envelope, errorFields: m.envelope.errorFields.map((f) => [f.name, f.type, f.optional]) }).toEqual({
      wrapper: null,
      requestId: null,
      requestIdOptional: true,
      errorKey: "error",
      codeKey: "code",
      messageKey: "message",
      successCodes: [],
      dataKey: "data",
      hostSuffix: undefined,
      codeType: "string",
      successFlag: "ok",
      errorFields: [
        ["details", { kind: "primitive", name: "json" }, true],
        ["retryable", { kind: "primitive", name: "boolean" }, false],
      ],
    });
  });

  test("numeric codes: success codes and listed codes are their decimal text", () => {
    const m = model({
      "p.yaml": pkg(["wrapper: null", "requestId: { key: trace, optional: true }", "error: { key: null, code: code, message: msg }", "codes: number", "successCodes: [0, -1]", "data: data"], ["  500: { description: x }"]),
      "s.yaml": service("errors:\n  1001: { description: x }\nactions:\n  A:\n    errors: [1001]\n"),
    });
    expect([m.envelope.codeType, m.envelope.successCodes, m.envelope.requestId, m.envelope.requestIdOptional]).toEqual(["number", ["-1", "0"], "trace", true]);
    expect(m.commonErrors.map((c) => c.code)).toEqual(["500"]);
    expect(m.services[0]!.actions[0]!.ownErrors).toEqual(["1001"]);
  });
});
