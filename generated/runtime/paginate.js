/**
 * Paginators: every page of a paged action as an async iterator, errors as values.
 *
 * ```ts
 * for await (const page of paginateDescribeInstances(client, { Limit: 100 })) {
 *   if (!page.ok) { console.error(page.error); break; }   // the iteration ends after a failure anyway
 *   for (const instance of page.data.InstanceSet) …
 * }
 * for await (const r of paginateDescribeInstances(client, {}).items()) if (r.ok) use(r.item);
 * ```
 *
 * Each page is one call (signed, retried and typed like any other). A failure is yielded as a value and
 * ends the iteration; so does an abort (`options.signal`: the pending call ends `aborted`). A server
 * that repeats a token, or returns empty pages while its total says more remain, ends the iteration
 * with a `PagingError` instead of looping forever. `maxPages` bounds the pages requested.
 */
import { callAction, checkClient } from "./client.js";
/** `request` with `key` set (an own data property even for `__proto__`). */
function withField(request, key, value) {
  const next = { ...request };
  Object.defineProperty(next, key, { value, enumerable: true, writable: true, configurable: true });
  return next;
}
function own(o, key) {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}
/** A count as a number (int64 fields may be number, bigint or string). */
function count(v) {
  const n =
    typeof v === "number" ? v : typeof v === "bigint" || typeof v === "string" ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}
/** `base + n`, in the type `base` has (a bigint offset stays a bigint). */
function plus(base, n) {
  return typeof base === "bigint" ? base + BigInt(n) : (count(base) ?? 0) + n;
}
function stop(reason, page, message) {
  return { ok: false, error: { kind: "paging", reason, page, message } };
}
async function* pages(client, action, first, paging, options) {
  const maxPages = options?.maxPages ?? Infinity;
  const seen = new Set();
  let request = first;
  let received = 0;
  for (let page = 1; page <= maxPages; page++) {
    const result = await callAction(client, action, request, options);
    yield result;
    if (!result.ok) return;
    const data = result.data;
    const list = own(data, paging.items);
    const n = Array.isArray(list) ? list.length : 0;
    received += n;
    switch (paging.style) {
      case "offset": {
        const offset = own(request, paging.offset) ?? 0;
        const total = paging.total === undefined ? undefined : count(own(data, paging.total));
        if (total !== undefined) {
          if ((count(offset) ?? 0) + n >= total) return;
          if (n === 0) {
            yield stop(
              "no-progress",
              page,
              `${action.name}: page ${page} is empty but ${paging.total} says ${total} items (offset ${String(offset)})`,
            );
            return;
          }
        } else {
          const limit = count(own(request, paging.limit));
          if (n === 0 || (limit !== undefined && n < limit)) return;
        }
        request = withField(request, paging.offset, plus(offset, n));
        break;
      }
      case "token": {
        const next = own(data, paging.nextToken);
        if (typeof next !== "string" || next === "") return;
        if (seen.has(next) || next === own(request, paging.token)) {
          yield stop(
            "repeated-token",
            page,
            `${action.name}: page ${page} repeats the token of an earlier page`,
          );
          return;
        }
        seen.add(next);
        request = withField(request, paging.token, next);
        break;
      }
      case "page": {
        const current = own(request, paging.page) ?? 1;
        const total = paging.total === undefined ? undefined : count(own(data, paging.total));
        if (total !== undefined) {
          if (received >= total) return;
          if (n === 0) {
            yield stop(
              "no-progress",
              page,
              `${action.name}: page ${page} is empty but ${paging.total} says ${total} items (${received} received)`,
            );
            return;
          }
        } else {
          const size = paging.size === undefined ? undefined : count(own(request, paging.size));
          if (n === 0 || (size !== undefined && n < size)) return;
        }
        request = withField(request, paging.page, plus(current, 1));
        break;
      }
    }
  }
}
/**
 * The paginator of one action (what each generated `paginate<Action>` returns). Throws a `TypeError`
 * at once when `client` is not a client of this package or `maxPages` is not an integer ≥ 1;
 * iterating never throws.
 */
export function paginate(client, action, request, paging, options) {
  checkClient(client, action);
  const maxPages = options?.maxPages;
  if (
    maxPages !== undefined &&
    !(
      typeof maxPages === "number" &&
      maxPages >= 1 &&
      (Number.isInteger(maxPages) || maxPages === Infinity)
    )
  ) {
    throw new TypeError(`tcgen ${action.name}: maxPages must be an integer ≥ 1 (or Infinity)`);
  }
  const first = typeof request === "object" && request !== null ? request : {};
  return {
    [Symbol.asyncIterator]: () => pages(client, action, first, paging, options),
    items: () => ({
      async *[Symbol.asyncIterator]() {
        let n = 0;
        for await (const page of pages(client, action, first, paging, options)) {
          n++;
          if (!page.ok) {
            yield page;
            return;
          }
          const list = own(page.data, paging.items);
          if (Array.isArray(list)) for (const item of list) yield { ok: true, item, page: n };
        }
      },
    }),
  };
}
