/** One synthetic edit per change kind (test/diff/kinds.test.ts): `before` edits the old specs, `after` the new ones. */
import type { Doc, SpecPair } from "./specs.js";

export interface Case {
  readonly before?: (s: SpecPair) => void;
  readonly after: (s: SpecPair) => void;
}

const describe = (s: SpecPair) => s.service["actions"].DescribeInstances;
const run = (s: SpecPair) => s.service["actions"].RunInstances;
const types = (s: SpecPair) => s.service["types"];

/**
 * `Tag` (used by requests and responses) split as per-side import does: requests use a copy named
 * `TagInput`; `response` edits the type responses keep, `request` the copy.
 */
function splitTag(s: SpecPair, response: (t: Doc) => void = () => {}, request: (t: Doc) => void = () => {}): void {
  const copy: Doc = structuredClone(types(s).Tag);
  request(copy);
  types(s).TagInput = copy;
  response(types(s).Tag);
  run(s).request.Tags.type = "TagInput[]";
}

export const CASES: Record<string, Case> = {
  "action added": { after: (s) => void (s.service["actions"].StopInstances = { request: { InstanceIds: "string[]" } }) },
  "action removed": { after: (s) => void delete s.service["actions"].RunInstances },
  "optional request field added": { after: (s) => void (describe(s).request.Offset = { type: "int32", optional: true }) },
  "required request field added": { after: (s) => void (run(s).request.Zone = "string") },
  "request field removed": { after: (s) => void delete describe(s).request.Limit },
  "request field became required": { after: (s) => void (describe(s).request.Limit.optional = false) },
  "request field became optional": { after: (s) => void (run(s).request.ImageId.optional = true) },
  "request field became nullable": { after: (s) => void (run(s).request.ImageId.nullable = true) },
  "request field became non-nullable": { before: (s) => void (run(s).request.ImageId.nullable = true), after: () => {} },
  "request type changed": { after: (s) => void (describe(s).request.Limit.type = "boolean") },
  "request type narrowed": { before: (s) => void (describe(s).request.Limit.type = "int64"), after: () => {} },
  "request type widened": { after: (s) => void (describe(s).request.Limit.type = "int64") },
  "request enum value added": { after: (s) => void run(s).request.Mode.enum.push("SLOW") },
  "request enum value removed": { after: (s) => void (run(s).request.Mode.enum = ["FAST"]) },
  "request string became an enum": { after: (s) => void (run(s).request.ImageId.enum = ["img-1", "img-2"]) },
  "response field added": { after: (s) => void (describe(s).response.RequestTime = "datetime") },
  "response field removed": { after: (s) => void delete describe(s).response.TotalCount },
  "response field became optional": { after: (s) => void (describe(s).response.TotalCount = { type: "int64", optional: true }) },
  "response field became required (always returned)": { before: (s) => void (describe(s).response.TotalCount = { type: "int64", optional: true }), after: () => {} },
  "response field became nullable": { after: (s) => void (describe(s).response.TotalCount = { type: "int64", nullable: true }) },
  "response field became non-nullable": { before: (s) => void (describe(s).response.TotalCount = { type: "int64", nullable: true }), after: () => {} },
  "response type changed": { after: (s) => void (describe(s).response.TotalCount = "string") },
  "response type narrowed": { after: (s) => void (describe(s).response.TotalCount = "int32") },
  "response type widened": { after: (s) => void (describe(s).response.TotalCount = "float") },
  "response enum became a string": { after: (s) => void delete types(s).Instance.fields.State.enum },
  "response enum value added (closed enum)": { after: (s) => void types(s).Instance.fields.State.enum.push("PENDING") },
  "response enum value removed": { after: (s) => void (types(s).Instance.fields.State.enum = ["RUNNING"]) },
  "list item type changed": { after: (s) => void (describe(s).response.InstanceSet = "Tag[]") },
  "field of a type used on both sides became optional": { after: (s) => void (types(s).Tag.fields.Key = { type: "string", optional: true }) },
  "field of a request-only type became required": { before: (s) => void (types(s).Filter.fields.Name = { type: "string", optional: true }), after: () => {} },
  "type added": { after: (s) => void (types(s).Zone = { fields: { Name: "string" } }) },
  "type removed": { before: (s) => void (types(s).Zone = { fields: { Name: "string" } }), after: () => {} },
  "type renamed": {
    after: (s) => {
      types(s).InstanceFilter = types(s).Filter;
      delete types(s).Filter;
      describe(s).request.Filters.type = "InstanceFilter[]";
    },
  },
  // Per-side types: what requests send is compared with what they sent, whatever the type's name.
  "type split, both sides agree": { after: (s) => splitTag(s) },
  "type split by per-side requiredness": { after: (s) => splitTag(s, (t) => void (t["fields"].Key = { type: "string", optional: true })) },
  "type split and a request field became required": {
    before: (s) => void (types(s).Tag.fields.Value = { type: "string", optional: true }),
    after: (s) => {
      types(s).Tag.fields.Value = { type: "string", optional: true };
      splitTag(s, () => {}, (t) => void (t["fields"].Value = "string"));
    },
  },
  "type merged back": { before: (s) => splitTag(s), after: () => {} },
  "request field of a merged type became required": {
    before: (s) => splitTag(s, (t) => void (t["fields"].Value = { type: "string", optional: true }), (t) => void (t["fields"].Value = { type: "string", optional: true })),
    after: () => {},
  },
  "type renamed and a field changed": {
    after: (s) => {
      types(s).InstanceFilter = { fields: { Name: { type: "string", optional: true }, Values: "string[]" } };
      delete types(s).Filter;
      describe(s).request.Filters.type = "InstanceFilter[]";
    },
  },
  "code added to an action": { after: (s) => void describe(s).errors.push("ResourceNotFound.Instance") },
  "code removed from an action": { after: (s) => void (describe(s).errors = []) },
  "common code added": { after: (s) => void (s.package["commonErrors"].RequestLimitExceeded = { description: "Too many.", retry: "throttling" }) },
  "common code removed": { after: (s) => void delete s.package["commonErrors"].InvalidParameter },
  "service code added (no action lists it)": { after: (s) => void (s.service["errors"]["LimitExceeded.Quota"] = { description: "Quota." }) },
  "service code removed": { after: (s) => void delete s.service["errors"]["ResourceNotFound.Instance"] },
  "code retry class changed": { after: (s) => void (s.service["errors"].InvalidFilter.retry = "transient") },
  "action deprecated": { after: (s) => void (run(s).deprecated = true) },
  "action description changed": { after: (s) => void (describe(s).description = "Lists the instances.") },
  "field example changed": { after: (s) => void (run(s).request.ImageId.example = "img-2") },
  "code description changed": { after: (s) => void (s.service["errors"].InvalidFilter.description = "The filter is wrong.") },
  "envelope changed": { after: (s) => void (s.package["envelope"].requestId = "ReqId") },
  "protocol changed": { after: (s) => void (s.package["protocol"] = { style: "http", endpoint: "/rpc", action: { header: "X-Action" } }) },
  "action route changed": {
    before: (s) => {
      s.package["protocol"] = { style: "http", endpoint: "/rpc", action: { header: "X-Action" } };
      describe(s).http = "GET /instances";
    },
    after: (s) => {
      s.package["protocol"] = { style: "http", endpoint: "/rpc", action: { header: "X-Action" } };
      describe(s).http = "POST /instances/search";
    },
  },
  "package renamed": { after: (s) => void (s.package["package"].name = "@tcgen/other") },
  "service host changed": { after: (s) => void (s.service["service"].host = "cvm2") },
  "service version added": { after: (s) => void (s.service["service"].version = "2024-01-01") },
};
