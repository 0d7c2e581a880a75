/**
 * The semver verdict for the generated package: the largest release any change needs, with a reason
 * that counts the changes behind it and names the first (most severe) one.
 */
import { type Change, SEMVER_RANK, type Verdict } from "./change.js";

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The first of the changes that need the largest release (the list is sorted most severe first). */
export function mostSevere(changes: readonly Change[]): Change | undefined {
  return changes.reduce<Change | undefined>((w, c) => (w === undefined || SEMVER_RANK[c.semver] < SEMVER_RANK[w.semver] ? c : w), undefined);
}

export function verdictOf(changes: readonly Change[]): Verdict {
  const worst = mostSevere(changes);
  if (worst === undefined) return { semver: "none", reason: "no change to the API" };
  const runtime = changes.filter((c) => c.level === "runtime").length;
  const compile = changes.filter((c) => c.level === "compile").length;
  if (worst.semver === "major") {
    const parts = [runtime > 0 ? `${runtime} at run time` : "", compile > 0 ? `${compile} at compile time only` : ""].filter(Boolean);
    return {
      semver: "major",
      reason: `${plural(runtime + compile, "change")} break${runtime + compile === 1 ? "s" : ""} code that uses the package (${parts.join(", ")}); first: ${worst.message}`,
    };
  }
  const minor = changes.filter((c) => c.semver === "minor").length;
  if (worst.semver === "minor") {
    return { semver: "minor", reason: `${plural(minor, "compatible addition or tightening", "compatible additions or tightenings")}, nothing breaks; first: ${worst.message}` };
  }
  return { semver: "patch", reason: `only documentation changed (${plural(changes.length, "change")})` };
}
