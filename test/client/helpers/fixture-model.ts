/** The model the client tests generate from: a small cvm, and tke in two versions (nested module dirs). */
import type { Model } from "../../../generator/model/types.js";
import { buildTestModel, code, field, list, prim } from "../../helpers/model.js";

export const SECRET_ID = "AKIDtestTESTtest0000000000000000id";
export const SECRET_KEY = "sk-Zq8rTHIS-IS-THE-SECRET-KEY-91f3";
export const TOKEN = "tok-THIS-IS-THE-SESSION-TOKEN-77ab";
export const ROTATED_ID = "AKIDrotated000000000000000000000id";
export const ROTATED_KEY = "sk-ROTATED-SECRET-KEY-000000000001";

export const KEYS: ReadonlyMap<string, string> = new Map([
  [SECRET_ID, SECRET_KEY],
  [ROTATED_ID, ROTATED_KEY],
]);

export function clientTestModel(): Model {
  return buildTestModel({
    common: [
      code("AuthFailure.SignatureFailure", { retry: "never" }),
      code("InternalError", { retry: "transient" }),
      code("RequestLimitExceeded", { retry: "throttling" }),
    ],
    services: [
      {
        name: "cvm",
        version: "2017-03-12",
        errors: [
          code("InvalidInstanceId.NotFound", { retry: "never" }),
          code("ResourceInsufficient.Busy", { retry: "transient" }),
          code("InvalidFilter", { retry: "never" }),
        ],
        actions: [
          {
            name: "DescribeInstances",
            request: [
              field("Limit", prim("int64"), { optional: true }),
              field("InstanceIds", list(prim("string")), { optional: true }),
              field("Offset", prim("int64"), { optional: true }),
            ],
            response: [field("TotalCount", prim("int64")), field("InstanceSet", list(prim("string")))],
            errors: ["InvalidFilter", "InvalidInstanceId.NotFound"],
            paging: { style: "offset", offset: "Offset", limit: "Limit", items: "InstanceSet", total: "TotalCount" },
          },
          {
            name: "RunInstances",
            request: [field("ImageId", prim("string")), field("InstanceCount", prim("int64"), { optional: true })],
            response: [field("InstanceIdSet", list(prim("string")))],
            errors: ["ResourceInsufficient.Busy"],
          },
        ],
      },
      {
        name: "tke",
        version: "2018-05-25",
        actions: [{ name: "DescribeClusters", response: [field("TotalCount", prim("int64"))] }],
      },
      {
        name: "tke",
        version: "2022-05-01",
        actions: [{ name: "DescribeClusters", response: [field("TotalCount", prim("int64"))] }],
      },
    ],
  });
}
