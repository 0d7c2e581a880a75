/** Which recorded replies `tcgen verify --write-overlay` learns from: the success replies of every envelope style. */
import { describe, expect, it } from "vitest";
import type { Envelope } from "../../generator/model/types.js";
import { successData } from "../../generator/overlay/from-replies.js";
import { FLAT_ENVELOPE, TENCENT_ENVELOPE } from "../helpers/model.js";

const NUMERIC: Envelope = { ...FLAT_ENVELOPE, requestId: "request_id", requestIdOptional: true, codeKey: "code", messageKey: "message", successCodes: ["0"], dataKey: "data", codeType: "number" };
const ERROR_OBJECT: Envelope = { ...NUMERIC, errorKey: "error", successCodes: [] };
const FLAG: Envelope = { ...ERROR_OBJECT, codeType: "string", requestId: null, successFlag: "success", dataKey: "result" };

const cases: [string, Envelope, unknown, unknown][] = [
  ["tencent success", TENCENT_ENVELOPE, { Response: { A: 1, RequestId: "r" } }, { A: 1, RequestId: "r" }],
  ["tencent error", TENCENT_ENVELOPE, { Response: { Error: { Code: "X", Message: "" }, RequestId: "r" } }, undefined],
  ["flat success code", FLAT_ENVELOPE, { RequestId: "r", Code: "Success", Data: { A: 1 } }, { A: 1 }],
  ["flat error code", FLAT_ENVELOPE, { RequestId: "r", Code: "Nope", Data: { A: 1 } }, undefined],
  ["numeric 0", NUMERIC, '{"code": 0, "data": {"A": 1}}', { A: 1 }],
  ["numeric \"0\" is no numeric code", NUMERIC, { code: "0", data: { A: 1 } }, undefined],
  ["numeric error", NUMERIC, { code: 1001, data: { A: 1 } }, undefined],
  ["error object null", ERROR_OBJECT, { error: null, data: { A: 1 } }, { A: 1 }],
  ["error object present", ERROR_OBJECT, { error: { code: 1 }, data: { A: 1 } }, undefined],
  ["flag true", FLAG, { success: true, result: { A: 1 }, error: null }, { A: 1 }],
  ["flag false", FLAG, { success: false, result: { A: 1 } }, undefined],
  ["flag not a boolean", FLAG, { success: "true", result: { A: 1 } }, undefined],
];

describe("successData", () => {
  it.each(cases)("%s", (_name, envelope, reply, want) => {
    expect(successData(reply, envelope)).toEqual(want);
  });
});
