/** readReply (generator/runtime/envelope.ts) on its own: envelope shapes and own-property rules. */
import { describe, expect, it } from "vitest";
import { readReply, type EnvelopeConfig } from "../../generator/runtime/envelope.js";

const TENCENT: EnvelopeConfig = Object.freeze({
  wrapper: "Response",
  requestId: "RequestId",
  errorKey: "Error",
  codeKey: "Code",
  messageKey: "Message",
  successCodes: Object.freeze([]),
  dataKey: null,
});
const common = Object.freeze({ __proto__: null, InternalError: "transient" }) as Record<string, unknown>;
const own = Object.freeze({ __proto__: null, "InvalidFilter.Bad": true }) as Record<string, unknown>;

describe("readReply", () => {
  it("returns the data object, request id, data path and own-check mode of a success", () => {
    const text = '{"Response":{"A":1,"RequestId":"r"}}';
    expect(readReply(text, TENCENT, common, own)).toEqual({
      ok: true,
      data: { A: 1, RequestId: "r" },
      requestId: "r",
      path: "$.Response",
      ownMode: 0,
      body: { Response: { A: 1, RequestId: "r" } },
      big: null,
    });
    const value = { Response: { A: 1, RequestId: "r" } };
    const r = readReply(value, TENCENT, common, own);
    expect(r).toMatchObject({ ok: true, ownMode: 1 });
    expect(r.ok && r.data).toBe(value.Response);
  });

  it("makes known and unknown API errors", () => {
    const err = (code: string) => ({ Response: { Error: { Code: code, Message: "m" }, RequestId: "r" } });
    expect(readReply(err("InvalidFilter.Bad"), TENCENT, common, own)).toEqual({
      ok: false,
      error: { kind: "api-error", code: "InvalidFilter.Bad", rawCode: "InvalidFilter.Bad", family: "InvalidFilter", message: "m", requestId: "r" },
    });
    expect(readReply(err("InternalError"), TENCENT, common, undefined)).toMatchObject({ error: { code: "InternalError" } });
    expect(readReply(err("InvalidFilter.Bad"), TENCENT, common, undefined)).toMatchObject({
      error: { code: "$unknown", rawCode: "InvalidFilter.Bad", family: "InvalidFilter" },
    });
  });

  it("reads envelope keys that Object.prototype has as own properties only", () => {
    const odd: EnvelopeConfig = { ...TENCENT, wrapper: "constructor", requestId: "toString" };
    expect(readReply("{}", odd, common, own)).toMatchObject({ ok: false, error: { path: "$.constructor", found: "absent" } });
    expect(readReply('{"constructor":{}}', odd, common, own)).toMatchObject({ ok: false, error: { path: "$.constructor.toString", found: "absent" } });
    expect(readReply('{"constructor":{"toString":"r"}}', odd, common, own)).toMatchObject({ ok: true, requestId: "r" });
    const proto: EnvelopeConfig = { ...TENCENT, wrapper: "__proto__" };
    expect(readReply('{"__proto__":{"RequestId":"r"}}', proto, common, own)).toMatchObject({ ok: true, requestId: "r", path: "$.__proto__" });
    expect(readReply("{}", proto, common, own)).toMatchObject({ ok: false, error: { path: "$.__proto__", found: "absent" } });
  });

  it("keeps to own properties when Object.prototype is polluted", () => {
    const op = Object.prototype as Record<string, unknown>;
    op["RequestId"] = "inherited";
    try {
      expect(readReply('{"Response":{}}', TENCENT, common, own)).toMatchObject({
        ok: false,
        error: { path: "$.Response.RequestId", found: "absent" },
      });
      expect(readReply('{"Response":{"RequestId":"r"}}', TENCENT, common, own)).toMatchObject({ ok: true, ownMode: 2 });
    } finally {
      delete op["RequestId"];
    }
  });

  it("with success codes and an error object, takes the code from the error object", () => {
    const cfg: EnvelopeConfig = { ...TENCENT, successCodes: ["OK"], dataKey: "Data" };
    expect(readReply({ Response: { Error: { Code: "OK" }, RequestId: "r", Data: { X: 1 } } }, cfg, common, own)).toMatchObject({
      ok: true,
      path: "$.Response.Data",
      data: { X: 1 },
    });
    expect(readReply({ Response: { RequestId: "r", Data: {} } }, cfg, common, own)).toMatchObject({
      ok: false,
      error: { path: "$.Response.Error", expected: "an object", found: "absent", requestId: "r" },
    });
    expect(readReply({ Response: { Error: { Code: "InternalError" }, RequestId: "r" } }, cfg, common, own)).toMatchObject({
      ok: false,
      error: { kind: "api-error", code: "InternalError", message: "" },
    });
  });
});
