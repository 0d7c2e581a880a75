/**
 * "Did you mean …?" suggestions: the closest candidate by edit distance (optimal string alignment,
 * so a swap of two neighbouring letters counts as one edit). Case-only differences count as close.
 */

/** Edit distance with adjacent transpositions; stops early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) row.push(i === 0 ? j : 0);
    rows.push(row);
  }
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i]!;
    const prev = rows[i - 1]!;
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
  }
  return rows[a.length]![b.length]!;
}

/**
 * The candidate closest to `word`, if close enough: equal ignoring case, or at most 2 edits (1 for
 * words of up to 4 characters). Ties go to the first candidate in code-unit order.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = word.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === word) continue;
    const d = c.toLowerCase() === lower ? 0 : editDistance(word, c, limit);
    if (d > limit) continue;
    if (d < bestDistance || (d === bestDistance && best !== undefined && c < best)) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** ` (did you mean "x"?)` or "". */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c === undefined ? "" : ` (did you mean "${c}"?)`;
}

/** How many "did you mean" searches one file gets; the rest of its unknown names get none. */
export const SUGGESTIONS_PER_FILE = 20;

/**
 * Bounds the cost of suggestions: each search scans every candidate, so a file with thousands of
 * unknown names would cost (names × candidates). Only the first SUGGESTIONS_PER_FILE unknown names
 * of each file are searched; candidates are only built when a search runs.
 */
export class SuggestionBudget {
  readonly #used = new Map<string, number>();

  /** ` (did you mean "x"?)`, or "" when nothing is close or the file's budget is spent. */
  hint(file: string, word: string, candidates: () => Iterable<string>): string {
    const used = this.#used.get(file) ?? 0;
    if (used >= SUGGESTIONS_PER_FILE) return "";
    this.#used.set(file, used + 1);
    return didYouMean(word, candidates());
  }
}
