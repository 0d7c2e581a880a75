/** The one ordering of the model: code-unit order of names (`compareText`), so output never depends on locale. */
import { compareText } from "../diagnostics.js";

export const compareNames = compareText;

export function byName<T extends { readonly name: string }>(a: T, b: T): number {
  return compareText(a.name, b.name);
}

export function byCode<T extends { readonly code: string }>(a: T, b: T): number {
  return compareText(a.code, b.code);
}

/** Services: by name, then version. */
export function byNameVersion<T extends { readonly name: string; readonly version: string }>(a: T, b: T): number {
  return compareText(a.name, b.name) || compareText(a.version, b.version);
}

/** Sorted copy without duplicates. */
export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareText);
}
