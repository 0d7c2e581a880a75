/** Throw the `TypeError` of an invalid client option. */
export function optionError(what) {
  throw new TypeError(`tcgen createClient: ${what}`);
}
