/** The `paging` key: accepted shapes become the model's `Action.paging`; a paging that cannot work is a located error. */
import { describe, expect, it } from "vitest";
import { diagnose, model, PACKAGE, service } from "./helpers.js";

const actions = (paging: string) =>
  service(`actions:
  ListThings:
    request:
      Offset: { type: int64, optional: true }
      Limit: { type: int64, optional: true }
      NextToken: { type: string, optional: true }
      Name: { type: string, optional: true }
    response:
      TotalCount: int64
      NextToken: { type: string, optional: true, nullable: true }
      Things: string[]
    paging: ${paging}
`);

describe("paging", () => {
  it("offset, token and page styles build into the model", () => {
    const offset = model({ "package.yaml": PACKAGE, "cvm/actions.yaml": actions("{ style: offset, offset: Offset, limit: Limit, items: Things, total: TotalCount }") });
    expect(offset.services[0]!.actions[0]!.paging).toEqual({ style: "offset", offset: "Offset", limit: "Limit", items: "Things", total: "TotalCount" });
    const token = model({ "package.yaml": PACKAGE, "cvm/actions.yaml": actions("{ style: token, token: NextToken, nextToken: NextToken, items: Things }") });
    expect(token.services[0]!.actions[0]!.paging).toEqual({ style: "token", token: "NextToken", nextToken: "NextToken", items: "Things", limit: undefined });
    const page = model({ "package.yaml": PACKAGE, "cvm/actions.yaml": actions("{ style: page, page: Offset, size: Limit, items: Things }") });
    expect(page.services[0]!.actions[0]!.paging).toMatchObject({ style: "page", page: "Offset", size: "Limit", total: undefined });
  });

  it("a token field that is not in the response, a limit that is not a request field: located errors", () => {
    expect(diagnose({ "package.yaml": PACKAGE, "cvm/actions.yaml": actions("{ style: token, token: NextToken, nextToken: Cursor, items: Things }") })).toEqual([
      'cvm/actions.yaml:16:58: paging.nextToken: "Cursor" is not a response field of this action (at actions.ListThings.paging.nextToken)',
    ]);
    expect(diagnose({ "package.yaml": PACKAGE, "cvm/actions.yaml": actions("{ style: offset, offset: Offset, limit: MaxResults, items: Things }") })).toEqual([
      'cvm/actions.yaml:16:53: paging.limit: "MaxResults" is not a request field of this action (at actions.ListThings.paging.limit)',
    ]);
  });

  it("fields of the wrong type: the items are no list, the token no string", () => {
    expect(diagnose({ "package.yaml": PACKAGE, "cvm/actions.yaml": actions("{ style: token, token: Limit, nextToken: NextToken, items: TotalCount }") })).toEqual([
      'cvm/actions.yaml:16:36: paging.token: request field "Limit" is int64, expected a string field (at actions.ListThings.paging.token)',
      'cvm/actions.yaml:16:72: paging.items: response field "TotalCount" is int64, expected a list field (at actions.ListThings.paging.items)',
    ]);
  });

  it("an unknown style, a missing key or a key of another style is a located error", () => {
    expect(diagnose({ "package.yaml": PACKAGE, "cvm/actions.yaml": actions("{ style: cursor, items: Things }") })).toEqual([
      'cvm/actions.yaml:16:22: expected one of "offset", "token" or "page", found "cursor" (at actions.ListThings.paging.style)',
    ]);
    expect(diagnose({ "package.yaml": PACKAGE, "cvm/actions.yaml": actions("{ style: offset, offset: Offset, items: Things }") })).toEqual([
      'cvm/actions.yaml:16:5: missing required key "limit" (at actions.ListThings.paging)',
    ]);
    expect(diagnose({ "package.yaml": PACKAGE, "cvm/actions.yaml": actions("{ style: page, page: Offset, items: Things, token: Name }") })).toEqual([
      "cvm/actions.yaml:16:57: paging.token does not apply to style page (it takes items, page, size, total) (at actions.ListThings.paging.token)",
    ]);
  });
});
