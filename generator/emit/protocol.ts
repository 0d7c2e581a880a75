/**
 * What the package's protocol changes in the emitted client modules (issue 15), as small texts the
 * client emitter places.
 *
 * - `defaultHost(service, model)` — the host a client sends to when `options.endpoint` does not say:
 *   `<service.host>.<envelope.hostSuffix>`, or `""` when the spec has no host suffix (the client then
 *   requires `endpoint`).
 */
import type { Model, Service } from "../model/types.js";

export function defaultHost(service: Service, model: Model): string {
  const suffix = model.envelope.hostSuffix;
  return suffix === undefined ? "" : `${service.host}.${suffix}`;
}
