/**
 * Checks the shape of a Tencent Cloud `api.json` (tccli's published API definition; see the corpus
 * notes) and turns it into plain records. Every problem becomes a diagnostic naming the file and the
 * JSON path (`$.objects.Image.members[3].member`); nothing here throws on bad input.
 */
import { isCalendarDate } from "../../load/calendar-date.js";
import type { Diagnostic } from "../../diagnostics.js";
import { type InputFile, isObject, jsonKey } from "../json-source.js";

export type Usage = "in" | "out" | "both";

export interface ApiMember {
  readonly name: string;
  /** JSON kind: string, int, float, bool, list, object (binary in some services). */
  readonly type: string;
  /** Precise scalar, list element type or referenced object name. */
  readonly member: string;
  readonly document: string;
  readonly example: string;
  readonly required: boolean | undefined;
  readonly outputRequired: boolean | undefined;
  readonly nullable: boolean;
  readonly disabled: boolean;
  /** JSON path of the member entry. */
  readonly path: string;
}

export interface ApiObject {
  readonly name: string;
  readonly document: string;
  readonly usage: Usage | undefined;
  readonly members: readonly ApiMember[];
  readonly path: string;
}

export interface ApiAction {
  readonly name: string;
  /** Display title (api.json `name`). */
  readonly title: string;
  readonly document: string;
  readonly input: string;
  readonly output: string;
  readonly deprecated: boolean;
  readonly path: string;
}

export interface ApiDefinition {
  readonly serviceShortName: string;
  readonly apiVersion: string;
  readonly brief: string;
  readonly nameCN: string;
  /** In file order (alphabetical in published files; the importer sorts anyway). */
  readonly actions: readonly ApiAction[];
  readonly objects: ReadonlyMap<string, ApiObject>;
}

export type ApiParse =
  | { readonly ok: true; readonly api: ApiDefinition }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const API_HINT = "an api.json has the keys actions, metadata, objects and version";

/** Check the shape of a parsed api.json. References between objects are checked by the mapper. */
export function readApiJson(file: InputFile, root: unknown): ApiParse {
  const diagnostics: Diagnostic[] = [];
  const report = (path: string, message: string): void => {
    diagnostics.push({ file: file.path, line: 0, col: 0, message, path });
  };
  if (!isObject(root)) {
    report("$", `expected a JSON object (${API_HINT})`);
    return { ok: false, diagnostics };
  }
  const metadata = root["metadata"];
  const actionsRaw = root["actions"];
  const objectsRaw = root["objects"];
  for (const [key, value] of [["actions", actionsRaw], ["metadata", metadata], ["objects", objectsRaw]] as const) {
    if (value === undefined) report(`$.${key}`, `missing (${API_HINT}; is this the right file?)`);
    else if (!isObject(value)) report(`$.${key}`, `expected an object, found ${kindOf(value)}`);
  }
  if (!isObject(metadata) || !isObject(actionsRaw) || !isObject(objectsRaw)) return { ok: false, diagnostics };

  const serviceShortName = metadata["serviceShortName"];
  const apiVersion = metadata["apiVersion"];
  if (typeof serviceShortName !== "string" || serviceShortName === "") {
    report("$.metadata.serviceShortName", `expected the service's short name (a string), found ${kindOf(serviceShortName)}`);
  }
  if (typeof apiVersion !== "string" || !isCalendarDate(apiVersion)) {
    report("$.metadata.apiVersion", `expected an API version like "2017-03-12", found ${kindOf(apiVersion)}`);
  }

  const objects = new Map<string, ApiObject>();
  for (const [name, raw] of Object.entries(objectsRaw)) {
    const object = readObject(name, raw, `$.objects${jsonKey(name)}`, report);
    if (object) objects.set(name, object);
  }
  const actions: ApiAction[] = [];
  for (const [name, raw] of Object.entries(actionsRaw)) {
    const action = readAction(name, raw, `$.actions${jsonKey(name)}`, report);
    if (action) actions.push(action);
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return {
    ok: true,
    api: {
      serviceShortName: serviceShortName as string,
      apiVersion: apiVersion as string,
      brief: optionalString(metadata["api_brief"]),
      nameCN: optionalString(metadata["serviceNameCN"]),
      actions,
      objects,
    },
  };
}

type Report = (path: string, message: string) => void;

function readAction(name: string, raw: unknown, path: string, report: Report): ApiAction | undefined {
  if (!isObject(raw)) {
    report(path, `expected an action entry (an object with input and output), found ${kindOf(raw)}`);
    return undefined;
  }
  let ok = true;
  for (const key of ["input", "output"] as const) {
    if (typeof raw[key] !== "string" || raw[key] === "") {
      report(`${path}.${key}`, `expected the name of an object in $.objects, found ${kindOf(raw[key])}`);
      ok = false;
    }
  }
  for (const key of ["document", "name", "status"] as const) {
    if (raw[key] !== undefined && typeof raw[key] !== "string") {
      report(`${path}.${key}`, `expected a string, found ${kindOf(raw[key])}`);
      ok = false;
    }
  }
  if (!ok) return undefined;
  return {
    name,
    title: optionalString(raw["name"]),
    document: optionalString(raw["document"]),
    input: raw["input"] as string,
    output: raw["output"] as string,
    deprecated: raw["status"] === "deprecated",
    path,
  };
}

function readObject(name: string, raw: unknown, path: string, report: Report): ApiObject | undefined {
  if (!isObject(raw)) {
    report(path, `expected an object entry (with members), found ${kindOf(raw)}`);
    return undefined;
  }
  const membersRaw = raw["members"];
  if (!Array.isArray(membersRaw)) {
    report(`${path}.members`, `expected a list of members, found ${kindOf(membersRaw)}`);
    return undefined;
  }
  const usage = raw["usage"];
  if (usage !== undefined && usage !== "in" && usage !== "out" && usage !== "both") {
    report(`${path}.usage`, `expected "in", "out" or "both", found ${kindOf(usage)}`);
    return undefined;
  }
  if (raw["document"] !== undefined && typeof raw["document"] !== "string") {
    report(`${path}.document`, `expected a string, found ${kindOf(raw["document"])}`);
  }
  const members: ApiMember[] = [];
  const seen = new Set<string>();
  membersRaw.forEach((m: unknown, i) => {
    const member = readMember(m, `${path}.members[${i}]`, report);
    if (!member) return;
    if (seen.has(member.name)) {
      report(`${path}.members[${i}].name`, `duplicate member name "${member.name}" in object "${name}"`);
      return;
    }
    seen.add(member.name);
    members.push(member);
  });
  return { name, document: optionalString(raw["document"]), usage, members, path };
}

function readMember(raw: unknown, path: string, report: Report): ApiMember | undefined {
  if (!isObject(raw)) {
    report(path, `expected a member entry (an object with name, type and member), found ${kindOf(raw)}`);
    return undefined;
  }
  let ok = true;
  for (const key of ["name", "type", "member"] as const) {
    if (typeof raw[key] !== "string" || raw[key] === "") {
      report(`${path}.${key}`, `expected a non-empty string, found ${kindOf(raw[key])}`);
      ok = false;
    }
  }
  for (const key of ["document", "example"] as const) {
    if (raw[key] !== undefined && typeof raw[key] !== "string") {
      report(`${path}.${key}`, `expected a string, found ${kindOf(raw[key])}`);
      ok = false;
    }
  }
  for (const key of ["required", "output_required", "value_allowed_null", "disabled"] as const) {
    if (raw[key] !== undefined && typeof raw[key] !== "boolean") {
      report(`${path}.${key}`, `expected true or false, found ${kindOf(raw[key])}`);
      ok = false;
    }
  }
  if (!ok) return undefined;
  return {
    name: raw["name"] as string,
    type: raw["type"] as string,
    member: raw["member"] as string,
    document: optionalString(raw["document"]),
    example: optionalString(raw["example"]),
    required: raw["required"] as boolean | undefined,
    outputRequired: raw["output_required"] as boolean | undefined,
    nullable: raw["value_allowed_null"] === true,
    disabled: raw["disabled"] === true,
    path,
  };
}

function optionalString(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** Short description of a JSON value for messages. */
export function kindOf(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return value.length > 40 ? "a string" : JSON.stringify(value);
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}
