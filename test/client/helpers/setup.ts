/**
 * The usual set-up of a client test file: the package generated from `model` and a mock endpoint that
 * knows the test keys, created before the file's tests and removed after them.
 */
import { afterAll, beforeAll } from "vitest";
import type { Model } from "../../../generator/model/types.js";
import type { ClientOptions } from "../../../generator/runtime/client.js";
import { KEYS, SECRET_ID, SECRET_KEY } from "./fixture-model.js";
import { writeClientPackage, type BuiltPackage } from "./package.js";
import { startMockServer, type MockServer } from "./server.js";

export interface ClientFixture {
  readonly pkg: BuiltPackage;
  readonly server: MockServer;
  /** Options that reach the mock endpoint with the test keys (region ap-guangzhou, 2 s per attempt). */
  base(): ClientOptions;
}

export function useClientFixture(model: Model): ClientFixture {
  let pkg: BuiltPackage | undefined;
  let server: MockServer | undefined;
  beforeAll(async () => {
    pkg = writeClientPackage(model);
    server = await startMockServer(KEYS);
  });
  afterAll(async () => {
    await server?.close();
    pkg?.remove();
  });
  const ready = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error("client fixture used before beforeAll");
    return v;
  };
  return {
    get pkg() {
      return ready(pkg);
    },
    get server() {
      return ready(server);
    },
    base: () => ({
      credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY },
      region: "ap-guangzhou",
      endpoint: ready(server).url,
      timeoutMs: 2000,
    }),
  };
}
