/** Hand-built models shared by the runtime parser tests. */
import type { Model } from "../../generator/model/types.js";
import {
  buildTestModel,
  code,
  enumOf,
  field,
  FLAT_ENVELOPE,
  list,
  namedType,
  prim,
  ref,
} from "../helpers/model.js";

export const SEED_SUCCESS =
  '{"Response":{"TotalCount":0,"InstanceStatusSet":[],"RequestId":"b5b41468-520d-4192-b42f-595cc34b6c1c"}}';
export const SEED_ERROR =
  '{"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":"The provided credentials could not be validated."},"RequestId":"ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"}}';

const common = [
  code("AuthFailure.SignatureFailure", { scope: "common" }),
  code("InternalError", { scope: "common", retry: "transient" }),
  code("RequestLimitExceeded", { scope: "common", retry: "throttling" }),
];

/** The seed service: DescribeInstancesStatus, plus one action that exercises every kind of field. */
export function seedModel(): Model {
  return buildTestModel({
    common,
    services: [
      {
        name: "cvm",
        errors: [code("InvalidInstanceId.NotFound"), code("InvalidFilter"), code("InvalidParameterValue.Range")],
        types: [
          namedType("InstanceStatus", [
            field("InstanceId", prim("string")),
            field("InstanceState", enumOf("PENDING", "RUNNING", "STOPPED")),
          ]),
          namedType("Tree", [
            field("Name", prim("string")),
            field("Children", list(ref("Tree")), { optional: true }),
          ]),
          // Names that are hazards in JS: a prototype key, inherited members, non-identifiers.
          namedType("__proto__", [
            field("__proto__", prim("string")),
            field("toString", prim("int64"), { optional: true }),
            field("a-b", prim("boolean")),
            field("constructor", enumOf("__proto__", "toString"), { optional: true }),
          ]),
        ],
        actions: [
          {
            name: "DescribeInstancesStatus",
            response: [field("TotalCount", prim("int64")), field("InstanceStatusSet", list(ref("InstanceStatus")))],
            errors: ["InvalidInstanceId.NotFound", "InvalidParameterValue.Range"],
          },
          {
            name: "DescribeFilters",
            response: [field("Names", list(prim("string")))],
            errors: ["InvalidFilter"],
          },
          {
            name: "Everything",
            response: [
              field("S", prim("string")),
              field("I32", prim("int32")),
              field("I64", prim("int64")),
              field("U64", prim("uint64")),
              field("F", prim("float")),
              field("B", prim("boolean")),
              field("D", prim("date")),
              field("DT", prim("datetime")),
              field("ISO", prim("datetime-iso")),
              field("Bin", prim("binary")),
              field("J", prim("json")),
              field("Opt", prim("string"), { optional: true }),
              field("Null", prim("string"), { nullable: true }),
              field("OptNull", ref("InstanceStatus"), { optional: true, nullable: true }),
              field("Grid", list(list(prim("int32"))), { optional: true }),
              field("Nested", list(list(ref("InstanceStatus"))), { optional: true }),
              field("Tree", ref("Tree"), { optional: true }),
              field("Hazard", ref("__proto__"), { optional: true }),
              field("x.y", prim("string"), { optional: true }),
            ],
          },
        ],
      },
    ],
  });
}

export const FLAT_MODEL_CODES = ["ResourceNotFound"];

/** A flat-envelope API: `{RequestId, Code, Message, Data: {...}}`. */
export function flatModel(): Model {
  return buildTestModel({
    envelope: FLAT_ENVELOPE,
    common: [code("InternalError", { scope: "common" })],
    services: [
      {
        name: "shop",
        errors: [code("ResourceNotFound")],
        types: [namedType("Item", [field("Id", prim("int64")), field("Tags", list(prim("string")), { optional: true })])],
        actions: [
          { name: "GetItem", response: [field("Item", ref("Item")), field("Count", prim("uint64"))], errors: ["ResourceNotFound"] },
        ],
      },
    ],
  });
}
