/**
 * Paginators against the mock Tencent endpoint: offset/limit with a total, offset/limit by item count,
 * token, page number; a repeated token, a total that never shrinks, an abort mid-iteration and an
 * error on page 3 all end the iteration with a value, never an exception or an endless loop.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { CallOptions, ClientOptions } from "../../generator/runtime/client.js";
import type { PageOptions } from "../../generator/runtime/paginate.js";
import { buildTestModel, code, field, list, prim } from "../helpers/model.js";
import { apiError, ok } from "./helpers/server.js";
import { useClientFixture } from "./helpers/setup.js";

const model = buildTestModel({
  common: [code("InternalError", { retry: "transient" }), code("RequestLimitExceeded", { retry: "throttling" })],
  services: [
    {
      name: "pg",
      errors: [code("InvalidFilter")],
      actions: [
        {
          name: "ListByOffset",
          request: [field("Offset", prim("int64"), { optional: true }), field("Limit", prim("int64"), { optional: true })],
          response: [field("TotalCount", prim("int64")), field("Items", list(prim("string")))],
          errors: ["InvalidFilter"],
          paging: { style: "offset", offset: "Offset", limit: "Limit", items: "Items", total: "TotalCount" },
        },
        {
          name: "ListByCount",
          request: [field("Offset", prim("int64"), { optional: true }), field("Limit", prim("int64"), { optional: true })],
          response: [field("Items", list(prim("string")))],
          paging: { style: "offset", offset: "Offset", limit: "Limit", items: "Items", total: undefined },
        },
        {
          name: "ListByToken",
          request: [field("NextToken", prim("string"), { optional: true })],
          response: [field("NextToken", prim("string"), { optional: true, nullable: true }), field("Items", list(prim("string")))],
          paging: { style: "token", token: "NextToken", nextToken: "NextToken", items: "Items", limit: undefined },
        },
        {
          name: "ListByPage",
          request: [field("PageNumber", prim("int64"), { optional: true }), field("PageSize", prim("int64"), { optional: true })],
          response: [field("TotalCount", prim("int64")), field("Items", list(prim("string")))],
          paging: { style: "page", page: "PageNumber", size: "PageSize", items: "Items", total: "TotalCount" },
        },
      ],
    },
  ],
});

type Page = { ok: boolean; data?: { Items: string[] }; error?: { kind: string; reason?: string; code?: string } };
type Pager = (client: object, request?: unknown, options?: PageOptions) => AsyncIterable<Page> & { items(): AsyncIterable<{ ok: boolean; item?: string; page?: number; error?: unknown }> };

const fixture = useClientFixture(model);
let m: Record<string, unknown>;
let client: object;

beforeAll(async () => {
  m = await fixture.pkg.module("pg");
  client = (m["createBareClient"] as (o: ClientOptions) => object)(fixture.base());
});

const pager = (name: string) => m[name] as Pager;
const words = (from: number, n: number) => Array.from({ length: n }, (_, i) => `w${from + i}`);

async function collect(iterable: AsyncIterable<Page>): Promise<Page[]> {
  const out: Page[] = [];
  for await (const p of iterable) out.push(p);
  return out;
}

/** The request bodies the server received since `n`. */
const bodies = (n: number) => fixture.server.received.slice(n).map((r) => JSON.parse(r.body) as Record<string, unknown>);

describe("paginators", () => {
  it("offset/limit with a total: offsets advance by the items received, the total ends it", async () => {
    fixture.server.scenario((req) => {
      const { Offset = 0, Limit = 2 } = JSON.parse(req.body) as { Offset?: number; Limit?: number };
      return ok({ TotalCount: 5, Items: words(Offset, Math.min(Limit, 5 - Offset)) });
    });
    const n = fixture.server.received.length;
    const items: string[] = [];
    for await (const r of pager("paginateListByOffset")(client, { Limit: 2 }).items()) {
      expect(r.ok).toBe(true);
      items.push(r.item!);
    }
    expect(items).toEqual(["w0", "w1", "w2", "w3", "w4"]);
    expect(bodies(n)).toEqual([{ Limit: 2 }, { Limit: 2, Offset: 2 }, { Limit: 2, Offset: 4 }]);
    expect(fixture.server.received.slice(n).every((r) => r.signatureOk && r.action === "ListByOffset")).toBe(true);
  });

  it("offset/limit without a total: a short page ends it", async () => {
    fixture.server.scenario((req) => {
      const { Offset = 0 } = JSON.parse(req.body) as { Offset?: number };
      return ok({ Items: words(Offset, Offset >= 6 ? 1 : 3) });
    });
    const n = fixture.server.received.length;
    const pages = await collect(pager("paginateListByCount")(client, { Limit: 3 }));
    expect(pages.map((p) => p.data?.Items.length)).toEqual([3, 3, 1]);
    expect(bodies(n).map((b) => b["Offset"])).toEqual([undefined, 3, 6]);
  });

  it("token: follows NextToken until it is null", async () => {
    const next: Record<string, string | null> = { "": "t1", t1: "t2", t2: null };
    fixture.server.scenario((req) => {
      const token = (JSON.parse(req.body) as { NextToken?: string }).NextToken ?? "";
      return ok({ NextToken: next[token] ?? null, Items: [`from-${token || "start"}`] });
    });
    const n = fixture.server.received.length;
    const items: (string | undefined)[] = [];
    for await (const r of pager("paginateListByToken")(client).items()) items.push(r.item);
    expect(items).toEqual(["from-start", "from-t1", "from-t2"]);
    expect(bodies(n)).toEqual([{}, { NextToken: "t1" }, { NextToken: "t2" }]);
  });

  it("page number: 1, 2, 3 until the total is reached", async () => {
    fixture.server.scenario((req) => {
      const { PageNumber = 1, PageSize = 2 } = JSON.parse(req.body) as { PageNumber?: number; PageSize?: number };
      return ok({ TotalCount: 5, Items: words((PageNumber - 1) * PageSize, Math.min(PageSize, 5 - (PageNumber - 1) * PageSize)) });
    });
    const n = fixture.server.received.length;
    const pages = await collect(pager("paginateListByPage")(client, { PageSize: 2 }));
    expect(pages.flatMap((p) => p.data!.Items)).toEqual(["w0", "w1", "w2", "w3", "w4"]);
    expect(bodies(n).map((b) => b["PageNumber"])).toEqual([undefined, 2, 3]);
  });

  it("a repeated token ends the iteration with a paging error", async () => {
    fixture.server.scenario((req) => {
      const token = (JSON.parse(req.body) as { NextToken?: string }).NextToken;
      return ok({ NextToken: token === undefined ? "a" : token === "a" ? "b" : "a", Items: ["x"] });
    });
    const pages = await collect(pager("paginateListByToken")(client));
    expect(pages).toHaveLength(4);
    expect(pages.at(-1)).toEqual({
      ok: false,
      error: { kind: "paging", reason: "repeated-token", page: 3, message: "ListByToken: page 3 repeats the token of an earlier page" },
    });
  });

  it("a total that never shrinks the remainder ends with a paging error", async () => {
    fixture.server.scenario(() => ok({ TotalCount: 10, Items: [] }));
    const pages = await collect(pager("paginateListByOffset")(client, { Limit: 5 }));
    expect(pages.map((p) => p.ok)).toEqual([true, false]);
    expect(pages[1]!.error).toMatchObject({ kind: "paging", reason: "no-progress", page: 1 });
    const byPage = await collect(pager("paginateListByPage")(client));
    expect(byPage.at(-1)!.error).toMatchObject({ kind: "paging", reason: "no-progress" });
  });

  it("an error on page 3 is yielded as a value and ends the iteration", async () => {
    fixture.server.scenario((req, attempt) => {
      const { Offset = 0 } = JSON.parse(req.body) as { Offset?: number };
      return attempt === 3 ? apiError("InvalidFilter") : ok({ TotalCount: 100, Items: words(Offset, 2) });
    });
    const results: { ok: boolean; error?: unknown }[] = [];
    for await (const r of pager("paginateListByOffset")(client, { Limit: 2 }).items()) results.push(r);
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, false]);
    expect(results.at(-1)).toMatchObject({ ok: false, error: { kind: "api-error", code: "InvalidFilter" } });
  });

  it("an abort mid-iteration ends it with the aborted call", async () => {
    const controller = new AbortController();
    fixture.server.scenario((req) => {
      const { Offset = 0 } = JSON.parse(req.body) as { Offset?: number };
      return { ...ok({ TotalCount: 100, Items: words(Offset, 2) }), delayMs: Offset >= 4 ? 500 : 0 };
    });
    const options: CallOptions = { signal: controller.signal };
    const pages: Page[] = [];
    for await (const p of pager("paginateListByOffset")(client, { Limit: 2 }, options)) {
      pages.push(p);
      if (pages.length === 2) setTimeout(() => controller.abort(), 50); // page 3 is in flight then
    }
    expect(pages.map((p) => p.ok)).toEqual([true, true, false]);
    expect(pages[2]!.error).toMatchObject({ kind: "transport", reason: "aborted" });
  });

  it("maxPages bounds the pages; each iteration starts again from the first request", async () => {
    fixture.server.scenario((req) => {
      const { Offset = 0 } = JSON.parse(req.body) as { Offset?: number };
      return ok({ TotalCount: 100, Items: words(Offset, 2) });
    });
    const p = pager("paginateListByOffset")(client, { Limit: 2 }, { maxPages: 2 });
    expect((await collect(p)).map((x) => x.data!.Items[0])).toEqual(["w0", "w2"]);
    expect((await collect(p)).map((x) => x.data!.Items[0])).toEqual(["w0", "w2"]);
  });

  it("refuses what is not a client, and a maxPages that is no integer ≥ 1, at once", () => {
    expect(() => pager("paginateListByOffset")({})).toThrow(new TypeError("tcgen ListByOffset: the first argument must be a client (createClient or createBareClient)"));
    for (const maxPages of [0, -1, 1.5, Number.NaN]) {
      expect(() => pager("paginateListByOffset")(client, {}, { maxPages })).toThrow(
        new TypeError("tcgen ListByOffset: maxPages must be an integer ≥ 1 (or Infinity)"),
      );
    }
  });
});
