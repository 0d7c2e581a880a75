// Compiled against the golden packages of the envelope styles (test/types/envelope-styles.test.ts).
import type { GetOrderResponse } from "./error-object/orders/types.js";
import type { GetOrderError } from "./error-object/orders/errors.js";
import type { parseGetOrder } from "./error-object/orders/parsers.js";
import type { parseGetOrder as parseNumeric } from "./numeric-envelope/orders/parsers.js";
import type { GetOrderCode as FlagCode } from "./success-flag/orders/errors.js";
import type { parseGetOrder as parseFlag } from "./success-flag/orders/parsers.js";
import { match } from "./error-object/runtime/index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectTrue<T extends true>(): T | void {}

// Under a data key the response type is exactly the data: no envelope key in it.
expectTrue<Equal<keyof GetOrderResponse, "id" | "status" | "total" | "lines">>();
declare const order: GetOrderResponse;
// @ts-expect-error -- trace_id is the envelope's, never part of the data
order.trace_id;

declare const r: ReturnType<typeof parseGetOrder>;
if (r.ok) {
  // the request id may be absent
  expectTrue<Equal<typeof r.requestId, string | undefined>>();
} else if (r.error.kind === "api-error") {
  // numeric codes, the unknown variant, and the declared details on every api error
  expectTrue<Equal<typeof r.error.code, 40100 | 50000 | 40401 | "$unknown">>();
  expectTrue<Equal<typeof r.error.details, unknown>>();
  expectTrue<Equal<typeof r.error.requestId, string | undefined>>();
  if (r.error.code === "$unknown") expectTrue<Equal<typeof r.error.rawCode, number>>();
  // @ts-expect-error -- not a code of GetOrder
  if (r.error.code === 40901) void 0;
}

declare const e: GetOrderError;
const text: string = match(e, {
  40401: (x) => (expectTrue<Equal<typeof x.code, 40401>>(), `gone ${String(x.details)} ${x.requestId ?? ""}`),
  40100: () => "sign in",
  50000: () => "retry",
  $unknown: (x) => `new code ${x.rawCode} ${String(x.details)}`,
});
void text;
// @ts-expect-error -- 50000 is not handled (and numeric codes have no family keys)
match(e, { 40401: () => 1, 40100: () => 2, $unknown: () => 3 });

declare const n: ReturnType<typeof parseNumeric>;
if (!n.ok && n.error.kind === "api-error" && n.error.code !== "$unknown") expectTrue<Equal<typeof n.error.code, 429 | 500 | 1001>>();

declare const f: ReturnType<typeof parseFlag>;
expectTrue<Equal<FlagCode, "INTERNAL" | "UNAUTHORIZED" | "ORDER_NOT_FOUND">>();
if (f.ok) expectTrue<Equal<typeof f.requestId, string | undefined>>();
else if (f.error.kind === "api-error") {
  expectTrue<Equal<typeof f.error.rawCode, FlagCode | string>>();
  // @ts-expect-error -- this envelope declares no further error fields
  f.error.details;
}

// Clients: the options follow the spec's auth preset; calls are typed by the envelope's shape.
import { createClient as numericClient } from "./numeric-envelope/orders/client.js";
import { createClient as keyClient } from "./error-object/orders/client.js";
import { createBareClient as flagBare } from "./success-flag/orders/client.js";
import { getOrder as flagGetOrder } from "./success-flag/orders/calls.js";
import { createClient as shopClient } from "./flat-envelope/shop/client.js";

const nc = numericClient({
  endpoint: "http://127.0.0.1:8080",
  token: () => Promise.resolve("t"),
  middleware: [(request, next) => next({ ...request, headers: { ...request.headers, "X-Trace": "1" } })],
});
// @ts-expect-error -- auth bearer: the token is required
numericClient({ endpoint: "http://127.0.0.1:8080" });
// @ts-expect-error -- auth api-key: apiKey, not token
keyClient({ endpoint: "http://127.0.0.1:8080", token: "t" });
const fb = flagBare({ endpoint: "http://127.0.0.1:8080", authorize: async (request) => ({ ...request, headers: { ...request.headers, "X-Sig": "s" } }) });
// auth none: nothing to give (the spec names the host)
const shop = shopClient({});

export async function calls(): Promise<void> {
  const r = await nc.CancelOrder({ id: "o", reason: "late" });
  if (r.ok) expectTrue<Equal<typeof r.data.cancelled, boolean>>();
  else if (r.error.kind === "api-error" && r.error.code !== "$unknown") expectTrue<Equal<typeof r.error.code, 429 | 500 | 1001 | 1002>>();
  const f = await flagGetOrder(fb, { id: "o" });
  if (!f.ok && f.error.kind === "api-error") expectTrue<Equal<typeof f.error.requestId, string | undefined>>();
  const s = await shop.GetItem({ ItemId: "i" });
  if (s.ok) expectTrue<Equal<typeof s.requestId, string>>();
}
