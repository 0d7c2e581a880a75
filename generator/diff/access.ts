/**
 * How `tcgen diff` reads the model: one helper per concept, so a model change (per-side requiredness,
 * enum openness, int64 modes, paging) is one edit here, not a hunt through the evaluators.
 */
import type { Action, ErrorCode, Field, Model, NamedType, Service, SourceLocation, TypeRef } from "../model/types.js";
import type { Side } from "./change.js";

/** `cvm 2017-03-12`: services are matched by name and version (two versions are two services). */
export function serviceKey(service: Service): string {
  return `${service.name} ${service.version}`;
}

export function servicesByKey(model: Model): Map<string, Service> {
  return new Map(model.services.map((s) => [serviceKey(s), s]));
}

export function actionsByName(service: Service): Map<string, Action> {
  return new Map(service.actions.map((a) => [a.name, a]));
}

export function typesByName(service: Service): Map<string, NamedType> {
  return new Map(service.types.map((t) => [t.name, t]));
}

export function fieldsByName(fields: readonly Field[]): Map<string, Field> {
  return new Map(fields.map((f) => [f.name, f]));
}

/** The fields of an action on one side. */
export function actionFields(action: Action, side: Side): readonly Field[] {
  return side === "request" ? action.request : action.response;
}

/** The key may be left out (request) or may be absent (response). The model has one flag for both sides today. */
export function isOptional(field: Field, _side: Side): boolean {
  return field.optional;
}

/** The value may be JSON `null`. */
export function isNullable(field: Field, _side: Side): boolean {
  return field.nullable;
}

/**
 * An open enum accepts values beyond its literals (a new value is not a break of exhaustive code).
 * The model has no openness yet: every enum is closed. Contract M adds `open` to the enum TypeRef.
 */
export function isOpenEnum(type: TypeRef): boolean {
  return type.kind === "enum" && (type as { readonly open?: boolean }).open === true;
}

/** Every code an action can return (common codes included), by code. */
export function actionCodes(action: Action): Map<string, ErrorCode> {
  return new Map(action.errors.map((e) => [e.code, e]));
}

export function serviceCodes(service: Service): Map<string, ErrorCode> {
  return new Map(service.errors.map((e) => [e.code, e]));
}

export function commonCodes(model: Model): Map<string, ErrorCode> {
  return new Map(model.commonErrors.map((e) => [e.code, e]));
}

/** Named types a type expression refers to (through lists). */
function refOf(type: TypeRef): string | undefined {
  return type.kind === "ref" ? type.name : type.kind === "list" ? refOf(type.items) : undefined;
}

/**
 * The sides each named type is used on: reachable from some action's request fields and/or response
 * fields, following references. A type no action reaches is reported on both sides (it is exported,
 * and either side may use it later).
 */
export function typeSides(service: Service): Map<string, ReadonlySet<Side>> {
  const types = typesByName(service);
  const reached = new Map<string, Set<Side>>();
  const walk = (fields: readonly Field[], side: Side): void => {
    const stack: string[] = [];
    const push = (f: Field): void => {
      const name = refOf(f.type);
      if (name !== undefined) stack.push(name);
    };
    fields.forEach(push);
    for (let name = stack.pop(); name !== undefined; name = stack.pop()) {
      const sides = reached.get(name) ?? new Set<Side>();
      if (sides.has(side)) continue;
      sides.add(side);
      reached.set(name, sides);
      types.get(name)?.fields.forEach(push);
    }
  };
  for (const action of service.actions) {
    walk(action.request, "request");
    walk(action.response, "response");
  }
  const both: ReadonlySet<Side> = new Set<Side>(["request", "response"]);
  return new Map(service.types.map((t) => [t.name, reached.get(t.name) ?? both]));
}

/**
 * Where the package file's settings are. The model keeps no location for the package and envelope,
 * so this is the package file's first line when a common code tells which file that is.
 */
export function packageLocation(model: Model): SourceLocation {
  const file = model.commonErrors[0]?.loc.file;
  return file === undefined ? { file: ".", line: 0, col: 0 } : { file, line: 1, col: 1 };
}
