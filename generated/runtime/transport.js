/**
 * The HTTP layer of the client: one POST through a fetch-compatible function, bounded by a timeout and
 * abortable, turned into either the reply text or a `TransportError`. No imports; no Node APIs.
 */
export function transportError(reason, message, status, requestId, body) {
  return { kind: "transport", reason, status, requestId, body, message };
}
/** Remove every occurrence of each secret from `text`. */
export function redact(text, secrets) {
  let out = text;
  for (const s of secrets)
    if (s !== undefined && s.length >= 4) out = out.split(s).join("[redacted]");
  return out;
}
/** A short description of a thrown value, for a message: `TypeError: fetch failed (ECONNREFUSED)`. */
export function describeThrown(thrown) {
  if (!(thrown instanceof Error))
    return typeof thrown === "string" ? thrown.slice(0, 200) : "unknown error";
  const cause = thrown.cause;
  let detail = "";
  if (cause instanceof Error) {
    const code = cause.code;
    detail = typeof code === "string" ? ` (${code})` : ` (${cause.message.slice(0, 200)})`;
  }
  return `${thrown.name}: ${thrown.message.slice(0, 200)}${detail}`;
}
/** Largest delay setTimeout accepts without firing at once. */
const MAX_TIMER_MS = 2_147_483_647;
/**
 * Wait `ms`, or until one of `signals` aborts. Resolves true when aborted (immediately, without waiting).
 */
export function sleep(ms, signals) {
  return new Promise((resolve) => {
    const live = signals.filter((s) => s !== undefined);
    if (live.some((s) => s.aborted)) return resolve(true);
    const done = (aborted) => {
      clearTimeout(timer);
      for (const s of live) s.removeEventListener("abort", onAbort);
      resolve(aborted);
    };
    const onAbort = () => done(true);
    const timer = setTimeout(() => done(false), Math.min(Math.max(0, ms), MAX_TIMER_MS));
    for (const s of live) s.addEventListener("abort", onAbort, { once: true });
  });
}
/** `promise`'s value, or `aborted: true` as soon as one of `signals` aborts (the promise is left to settle). */
export function abortable(promise, signals) {
  const live = signals.filter((s) => s !== undefined);
  if (live.length === 0) return promise.then((value) => ({ aborted: false, value }));
  return new Promise((resolve, reject) => {
    const onAbort = () => finish(() => resolve({ aborted: true }));
    const finish = (settle) => {
      for (const s of live) s.removeEventListener("abort", onAbort);
      settle();
    };
    if (live.some((s) => s.aborted)) return resolve({ aborted: true });
    for (const s of live) s.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => finish(() => resolve({ aborted: false, value })),
      (e) => finish(() => reject(e)),
    );
  });
}
/**
 * Send once and read the whole body. Resolves (never rejects) to the reply or a transport error.
 * `timeoutMs` bounds sending and reading; `Infinity` means no bound. The race against the abort also
 * covers fetch implementations that ignore `signal`.
 */
export async function send(fetchFn, method, url, headers, body, timeoutMs, signals, secrets) {
  const live = signals.filter((s) => s !== undefined);
  if (live.some((s) => s.aborted)) return transportError("aborted", "the call was aborted");
  const controller = new AbortController();
  let why;
  let wake;
  const stopped = new Promise((resolve) => {
    wake = () => resolve(undefined);
  });
  const stop = (reason) => {
    if (why !== undefined) return;
    why = reason;
    controller.abort();
    wake?.();
  };
  const onAbort = () => stop("aborted");
  for (const s of live) s.addEventListener("abort", onAbort, { once: true });
  const timer = Number.isFinite(timeoutMs)
    ? setTimeout(() => stop("timeout"), Math.min(Math.max(0, timeoutMs), MAX_TIMER_MS))
    : undefined;
  const stoppedError = () =>
    why === "timeout"
      ? transportError("timeout", `no complete reply from ${url} within ${timeoutMs} ms`)
      : transportError("aborted", "the call was aborted");
  try {
    const exchange = (async () => {
      const init =
        body === undefined
          ? { method, headers, signal: controller.signal }
          : { method, headers, body, signal: controller.signal };
      const response = fetchFn
        ? await fetchFn.call(globalThis, url, init)
        : await globalThis.fetch(url, init);
      return { status: response.status, text: await response.text() };
    })();
    exchange.catch(() => undefined); // a late rejection after a timeout is not unhandled
    const reply = await Promise.race([exchange, stopped]);
    if (reply === undefined) return stoppedError();
    return reply;
  } catch (thrown) {
    if (why !== undefined) return stoppedError();
    return transportError(
      "network",
      redact(`network error calling ${url}: ${describeThrown(thrown)}`, secrets),
    );
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    for (const s of live) s.removeEventListener("abort", onAbort);
  }
}
