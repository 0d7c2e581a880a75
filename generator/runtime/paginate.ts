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
import { callAction, checkClient, type ActionInfo, type CallError, type CallOptions, type CallResult } from "./client.js";
import type { Code, DefaultShape, EnvelopeShape, Failure } from "./result.js";

/** How an action pages (the spec's `paging` key), as the generated `<svc>/pages.js` passes it. */
export type PagingInfo =
  | { readonly style: "offset"; readonly offset: string; readonly limit: string; readonly items: string; readonly total?: string }
  | { readonly style: "token"; readonly token: string; readonly nextToken: string; readonly items: string }
  | { readonly style: "page"; readonly page: string; readonly items: string; readonly size?: string; readonly total?: string };

/**
 * Why a paginator stopped on its own: `repeated-token` (the server gave a token it gave before),
 * `no-progress` (an empty page while the total says more items remain).
 */
export interface PagingError {
  readonly kind: "paging";
  readonly reason: "repeated-token" | "no-progress";
  /** The page (1-based) whose reply showed it. */
  readonly page: number;
  readonly message: string;
}

/** One page: the call's outcome, or the paginator's own stop. */
export type PageResult<T, C extends Code, S extends EnvelopeShape = DefaultShape> = CallResult<T, C, S> | Failure<PagingError>;

/** One item (with the page it came on), or the failure that ended the iteration. */
export type ItemResult<I, C extends Code, S extends EnvelopeShape = DefaultShape> =
  | { readonly ok: true; readonly item: I; readonly page: number }
  | Failure<CallError<C, S> | PagingError>;

export interface PageOptions extends CallOptions {
  /** Pages to request at most (default: no bound besides the server's end, token and progress checks). */
  readonly maxPages?: number | undefined;
}

/** Every page of one paged call (each iteration starts again from the first request). */
export interface Paginator<T, I, C extends Code, S extends EnvelopeShape = DefaultShape> extends AsyncIterable<PageResult<T, C, S>> {
  /** The items of every page, one by one; a failure is the last value. */
  items(): AsyncIterable<ItemResult<I, C, S>>;
}

type Fields = Readonly<Record<string, unknown>>;

/** `request` with `key` set (an own data property even for `__proto__`). */
function withField(request: Fields, key: string, value: unknown): Fields {
  const next: Record<string, unknown> = { ...request };
  Object.defineProperty(next, key, { value, enumerable: true, writable: true, configurable: true });
  return next;
}

function own(o: Fields, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** A count as a number (int64 fields may be number, bigint or string). */
function count(v: unknown): number | undefined {
  const n = typeof v === "number" ? v : typeof v === "bigint" || typeof v === "string" ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** `base + n`, in the type `base` has (a bigint offset stays a bigint). */
function plus(base: unknown, n: number): unknown {
  return typeof base === "bigint" ? base + BigInt(n) : (count(base) ?? 0) + n;
}

function stop(reason: PagingError["reason"], page: number, message: string): Failure<PagingError> {
  return { ok: false, error: { kind: "paging", reason, page, message } };
}

async function* pages(
  client: object,
  action: ActionInfo,
  first: Fields,
  paging: PagingInfo,
  options: PageOptions | undefined,
): AsyncGenerator<PageResult<unknown, Code, EnvelopeShape>> {
  const maxPages = options?.maxPages ?? Infinity;
  const seen = new Set<string>();
  let request = first;
  let received = 0;
  for (let page = 1; page <= maxPages; page++) {
    const result = await callAction(client, action, request, options);
    yield result;
    if (!result.ok) return;
    const data = result.data as Fields;
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
            yield stop("no-progress", page, `${action.name}: page ${page} is empty but ${paging.total} says ${total} items (offset ${String(offset)})`);
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
          yield stop("repeated-token", page, `${action.name}: page ${page} repeats the token of an earlier page`);
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
            yield stop("no-progress", page, `${action.name}: page ${page} is empty but ${paging.total} says ${total} items (${received} received)`);
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
export function paginate(
  client: object,
  action: ActionInfo,
  request: unknown,
  paging: PagingInfo,
  options?: PageOptions,
): Paginator<unknown, unknown, Code, EnvelopeShape> {
  checkClient(client, action);
  const maxPages: unknown = options?.maxPages;
  if (maxPages !== undefined && !(typeof maxPages === "number" && maxPages >= 1 && (Number.isInteger(maxPages) || maxPages === Infinity))) {
    throw new TypeError(`tcgen ${action.name}: maxPages must be an integer ≥ 1 (or Infinity)`);
  }
  const first: Fields = typeof request === "object" && request !== null ? (request as Fields) : {};
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
          const list = own(page.data as Fields, paging.items);
          if (Array.isArray(list)) for (const item of list as unknown[]) yield { ok: true as const, item, page: n };
        }
      },
    }),
  };
}
