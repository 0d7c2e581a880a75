/** The list the evaluators append to: builds each `Change` with its grade from grade.ts. */
import type { SourceLocation } from "../model/types.js";
import type { Change, ChangeKind, ChangeTarget, Grade } from "./change.js";
import { GRADES } from "./grade.js";

export interface Where {
  /** Where the construct is: in the new spec, or in the old one for removals. */
  readonly loc: SourceLocation;
  readonly spec: "old" | "new";
  /** For removals: the surviving parent in the new spec. */
  readonly anchor?: SourceLocation | undefined;
}

export const inNew = (loc: SourceLocation): Where => ({ loc, spec: "new" });
export const inOld = (loc: SourceLocation, anchor?: SourceLocation): Where => ({ loc, spec: "old", anchor });

export class Collector {
  readonly changes: Change[] = [];
  /** A field of a new type compared with two old counterparts may give the same change twice: kept once. */
  readonly #seen = new Set<string>();

  add(
    kind: ChangeKind,
    target: ChangeTarget,
    where: Where,
    message: string,
    extra: { readonly values?: readonly string[]; readonly grade?: Grade } = {},
  ): void {
    const key = JSON.stringify([kind, target.service, target.version, target.action, target.type, target.field, target.side, target.code, message]);
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    const grade = extra.grade ?? GRADES[kind];
    const { file, line, col } = where.loc;
    this.changes.push({
      kind,
      level: grade.level,
      semver: grade.semver,
      ...target,
      location: { file, line, col, spec: where.spec },
      ...(where.anchor ? { anchor: { file: where.anchor.file, line: where.anchor.line, col: where.anchor.col } } : {}),
      message,
      ...(extra.values ? { values: extra.values } : {}),
    });
  }

  /** `description-changed` / `example-changed` / `deprecation-changed` for one construct. */
  docs(
    what: string,
    target: ChangeTarget,
    loc: SourceLocation,
    prev: { readonly description: string | undefined; readonly deprecated: boolean; readonly example?: string | undefined },
    next: { readonly description: string | undefined; readonly deprecated: boolean; readonly example?: string | undefined },
  ): void {
    if (prev.deprecated !== next.deprecated) {
      this.add("deprecation-changed", target, inNew(loc), next.deprecated ? `${what} is now deprecated` : `${what} is no longer deprecated`);
    }
    if (prev.description !== next.description) {
      const how = prev.description === undefined ? "gained a description" : next.description === undefined ? "lost its description" : "has a new description";
      this.add("description-changed", target, inNew(loc), `${what} ${how}`);
    }
    if (prev.example !== next.example) {
      this.add("example-changed", target, inNew(loc), `${what} has a new example`);
    }
  }
}

/** `"a", "b"` for messages (values are quoted, so odd characters show). */
export function quoted(values: readonly string[]): string {
  return values.map((v) => JSON.stringify(v)).join(", ");
}

/** `Name` as is when it is identifier-like, else quoted. */
export function named(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$.-]*$/.test(name) ? name : JSON.stringify(name);
}
