/**
 * The grammar of error codes. A code is data, never an identifier: the generated package writes it
 * only as a string literal or a quoted property key, so any text a server can send is admissible,
 * except what would make a code ambiguous with `match`'s other handler keys or unreadable in a report.
 *
 * A code is 1 to 256 characters, none of them a control character or line separator, that
 * - does not start with `$` (`$unknown`, `$malformed`, `$default` are `match` keys, never codes);
 * - does not end with `.*` (`"<Family>.*"` is the family key in `match`);
 * - has no whitespace at either end.
 * Trailing dots (`InternalError.`), empty segments (`A..B`), and codes that differ from another only by
 * case (`AuthFailure.UnAuthorizedOperation` beside `AuthFailure.UnauthorizedOperation`) are codes.
 *
 * The family of a code is the text before its first dot, or the whole code when it has none
 * (`InternalError.` → `InternalError`, `.X` → ``).
 *
 * `CONVENTIONAL_CODE` is the usual shape (dot-separated parts of letters, digits, `_` and `-`); the
 * importer warns about codes outside it, but keeps them.
 */

/** The pattern of schema/spec.schema.json's codes (a test keeps the two equal). */
export const CODE_PATTERN_SOURCE = "^(?![\\s$])(?!.*\\.\\*$)(?!.*\\s$)[^\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029]{1,256}$";

export const CODE_PATTERN = new RegExp(CODE_PATTERN_SOURCE, "u");

export const CONVENTIONAL_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/;

/** The grammar in words, for messages. */
export const CODE_RULE =
  'must be 1 to 256 characters without control characters, not start with "$" or whitespace, and not end with ".*" or whitespace';

export function isCode(text: string): boolean {
  return CODE_PATTERN.test(text);
}

/** The family of a code: the text before its first dot (the whole code when it has none). */
export function codeFamily(code: string): string {
  const dot = code.indexOf(".");
  return dot < 0 ? code : code.slice(0, dot);
}
