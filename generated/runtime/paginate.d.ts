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
import { type ActionInfo, type CallError, type CallOptions, type CallResult } from "./client.js";
import type { Code, DefaultShape, EnvelopeShape, Failure } from "./result.js";
/** How an action pages (the spec's `paging` key), as the generated `<svc>/pages.js` passes it. */
export type PagingInfo =
  | {
      readonly style: "offset";
      readonly offset: string;
      readonly limit: string;
      readonly items: string;
      readonly total?: string;
    }
  | {
      readonly style: "token";
      readonly token: string;
      readonly nextToken: string;
      readonly items: string;
    }
  | {
      readonly style: "page";
      readonly page: string;
      readonly items: string;
      readonly size?: string;
      readonly total?: string;
    };
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
export type PageResult<T, C extends Code, S extends EnvelopeShape = DefaultShape> =
  CallResult<T, C, S> | Failure<PagingError>;
/** One item (with the page it came on), or the failure that ended the iteration. */
export type ItemResult<I, C extends Code, S extends EnvelopeShape = DefaultShape> =
  | {
      readonly ok: true;
      readonly item: I;
      readonly page: number;
    }
  | Failure<CallError<C, S> | PagingError>;
export interface PageOptions extends CallOptions {
  /** Pages to request at most (default: no bound besides the server's end, token and progress checks). */
  readonly maxPages?: number | undefined;
}
/** Every page of one paged call (each iteration starts again from the first request). */
export interface Paginator<
  T,
  I,
  C extends Code,
  S extends EnvelopeShape = DefaultShape,
> extends AsyncIterable<PageResult<T, C, S>> {
  /** The items of every page, one by one; a failure is the last value. */
  items(): AsyncIterable<ItemResult<I, C, S>>;
}
/**
 * The paginator of one action (what each generated `paginate<Action>` returns). Throws a `TypeError`
 * at once when `client` is not a client of this package or `maxPages` is not an integer ≥ 1;
 * iterating never throws.
 */
export declare function paginate(
  client: object,
  action: ActionInfo,
  request: unknown,
  paging: PagingInfo,
  options?: PageOptions,
): Paginator<unknown, unknown, Code, EnvelopeShape>;
