/** The endpoint host of an imported service, always one the loader accepts. */

/** The spec schema's host rule: dot-separated labels of letters, digits and `-` (not at a label's ends). */
const HOST = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

/** api.json's short name when it is a valid host (`cvm`), else the cleaned service name (`"../../x"` → `x`). */
export function serviceHost(shortName: string, cleanedName: string): string {
  return HOST.test(shortName) ? shortName : cleanedName;
}
