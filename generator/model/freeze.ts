import { LazyLocation } from "../load/location.js";

/**
 * Deep freeze without recursion (a model may nest deeply, e.g. long list type chains). An object is
 * frozen before its children are queued, so shared and cyclic references are visited once. A
 * LazyLocation is frozen shallowly, its getters unread (reading them would resolve the position).
 */
export function deepFreeze<T>(root: T): T {
  const stack: object[] = [];
  const queue = (v: unknown): void => {
    if (typeof v === "object" && v !== null && !Object.isFrozen(v)) {
      Object.freeze(v);
      stack.push(v);
    }
  };
  queue(root);
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (v instanceof LazyLocation) continue;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) queue(v[i]);
    } else {
      for (const key of Reflect.ownKeys(v)) queue((v as Record<PropertyKey, unknown>)[key]);
    }
  }
  return root;
}
