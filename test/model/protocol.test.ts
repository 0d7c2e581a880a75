/** The protocol as data (issue 15): protocols that cannot work are located errors (exit 2). */
import { describe, expect, test } from "vitest";
import { diagnose, model, service } from "../load/helpers.js";

/** A flat-envelope package file with the given protocol lines (indented under `protocol:`). */
function pkg(protocol: string[]): string {
  return [
    "specVersion: 1",
    "package:",
    '  name: "@t/x"',
    '  version: "0.1.0"',
    "envelope:",
    "  wrapper: null",
    "  requestId: rid",
    "  error: { key: error, code: code, message: message }",
    "  data: data",
    "protocol:",
    ...protocol.map((l) => `  ${l}`),
    "",
  ].join("\n");
}

const ACTIONS = (a: string, b: string) =>
  service(
    [
      "actions:",
      "  GetOrder:",
      `    http: ${a}`,
      "    request: { id: string, note: { type: string, optional: true } }",
      "  GetOther:",
      `    http: ${b}`,
      "    request: { key: string }",
      "",
    ].join("\n"),
  );

const bad: [string, Record<string, string>, string[]][] = [
  [
    "a path parameter that is not a request field (in two actions)",
    { "p.yaml": pkg(["style: http"]), "s.yaml": ACTIONS('"GET /orders/{orderId}"', '"GET /x/{key}/{note}"') },
    [
      "s.yaml:7:11: path parameter {orderId} is not a request field (at actions.GetOrder.http)",
      "s.yaml:10:11: path parameter {note} is not a request field (at actions.GetOther.http)",
    ],
  ],
  [
    "an optional request field as a path parameter",
    { "p.yaml": pkg(["style: http"]), "s.yaml": ACTIONS('"GET /orders/{note}"', '"GET /x/{key}"') },
    ["s.yaml:7:11: path parameter {note} must be a required, non-null request field of a scalar type (at actions.GetOrder.http)"],
  ],
  [
    "two actions on the same method and path",
    { "p.yaml": pkg(["style: http"]), "s.yaml": ACTIONS('"GET /orders/{id}"', '"GET /orders/{key}"') },
    ["s.yaml:10:11: actions GetOrder and GetOther are both on GET /orders/{key} (first on it at s.yaml:7:11) (at actions.GetOther)"],
  ],
  [
    "a route that is no route",
    { "p.yaml": pkg(["style: http"]), "s.yaml": ACTIONS('"FETCH /orders"', '"GET /x/{key}"') },
    ['s.yaml:7:11: invalid route "FETCH /orders": write "<METHOD> /path/{field}" with GET, POST, PUT, PATCH, DELETE or HEAD (at actions.GetOrder.http)'],
  ],
  [
    "an auth preset missing its settings",
    { "p.yaml": pkg(["style: http", "auth: { preset: api-key }"]), "s.yaml": ACTIONS('"GET /a/{id}"', '"GET /b/{key}"') },
    ["p.yaml:12:3: auth preset api-key needs its settings: header (the header carrying the key, e.g. X-Api-Key) (at protocol.auth)"],
  ],
  [
    "tc3 outside the tencent style, bearer inside it",
    { "p.yaml": pkg(["style: http", "auth: { preset: tc3 }"]) },
    ["p.yaml:12:11: auth preset tc3 is the tencent style's: use style: tencent, or sign with auth preset function (at protocol.auth.preset)"],
  ],
  [
    "the tencent style takes neither other auth nor routes",
    { "p.yaml": pkg(["style: tencent", "auth: { preset: bearer }"]), "s.yaml": ACTIONS('"GET /a/{id}"', '"GET /b/{key}"') },
    ["p.yaml:12:11: the tencent style signs with tc3: auth preset bearer needs style: http (at protocol.auth.preset)"],
  ],
  [
    "an action without a route and no endpoint",
    { "p.yaml": pkg(["style: http"]), "s.yaml": service("actions:\n  Ping: {}\n") },
    ['s.yaml:6:3: action Ping has no http route and the protocol has no endpoint: add http: "<METHOD> /path" or protocol.endpoint (at actions.Ping)'],
  ],
  [
    "one endpoint that does not name the action, and a body key that is a request field",
    { "p.yaml": pkg(["style: http", "endpoint: /rpc"]) },
    ["p.yaml:12:3: one endpoint needs the action named: set action.header or action.key (at protocol.endpoint)"],
  ],
  [
    "a body key naming the action that is also a request field",
    { "p.yaml": pkg(["style: http", "endpoint: /rpc", "action: { key: id }"]), "s.yaml": service("actions:\n  Get:\n    request: { id: string }\n") },
    ['s.yaml:6:3: request field "id" of Get is the body key naming the action (protocol.action.key) (at actions.Get)'],
  ],
];

describe("protocols that cannot work", () => {
  test.each(bad)("%s", (_name, files, want) => {
    expect(diagnose(files)).toEqual(want);
  });
});

test("routes in the model: method, path and parameters in path order", () => {
  const m = model({ "p.yaml": pkg(["style: http", "auth: { preset: bearer }"]), "s.yaml": ACTIONS('"DELETE /orders/{id}"', '"PUT /x/{key}/y"') });
  expect(m.protocol).toEqual({ style: "http", auth: "bearer", authHeader: undefined, endpoint: undefined, actionHeader: undefined, actionKey: undefined });
  expect(m.services[0]!.actions.map((a) => [a.name, a.http?.method, a.http?.path, a.http?.params])).toEqual([
    ["GetOrder", "DELETE", "/orders/{id}", ["id"]],
    ["GetOther", "PUT", "/x/{key}/y", ["key"]],
  ]);
});
