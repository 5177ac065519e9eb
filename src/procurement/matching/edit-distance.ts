/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, each edit costing
 * one): "appel" → "apple" is one edit, as a typist would count it. Names are short, so three
 * rolling rows of a small typed array are enough; `limit` lets callers stop early once a pair is
 * already too far apart to matter.
 */

let previousPrevious = new Int32Array(64);
let previous = new Int32Array(64);
let current = new Int32Array(64);

/**
 * Edits (insert, delete, substitute, swap two neighbours) turning `a` into `b`. Returns
 * `limit + 1` as soon as the distance is known to exceed `limit`.
 *
 * @example
 * editDistance('appel', 'apple');  // 1
 * editDistance('chad', 'china');   // 3
 * editDistance('chad', 'china', 1); // 2 (stopped early: more than 1)
 */
export function editDistance(a: string, b: string, limit = Number.MAX_SAFE_INTEGER): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  if (m + 1 > current.length) {
    previousPrevious = new Int32Array(m + 1);
    previous = new Int32Array(m + 1);
    current = new Int32Array(m + 1);
  }
  for (let j = 0; j <= m; j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    let rowMinimum = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        value = Math.min(value, (previousPrevious[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    const recycled = previousPrevious;
    previousPrevious = previous;
    previous = current;
    current = recycled;
  }
  return previous[m] ?? 0;
}
