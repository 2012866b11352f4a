/**
 * Coverage and the proposed self-score. Imports nothing, so the renderer can
 * update the proposal while the user corrects the ticked points.
 */

/** Share of points covered, from 0 to 1; a rubric without points has coverage 0. */
export function coverage(covered: number, total: number): number {
  return total === 0 ? 0 : covered / total;
}

/**
 * Proposes a self-score from the points covered: under 40% Again (1), under
 * 70% Hard (2), under 90% Good (3), otherwise Easy (4). Compared in integers
 * so that 7 of 10 is exactly 70% and proposes Good.
 */
export function proposeRating(covered: number, total: number): 1 | 2 | 3 | 4 {
  if (total === 0 || covered * 100 < total * 40) return 1;
  if (covered * 100 < total * 70) return 2;
  if (covered * 100 < total * 90) return 3;
  return 4;
}
