// Splitting a meeting's length into whole-minute time boxes that add up exactly.

/**
 * Splits `total` minutes across sections in proportion to `weights`, in whole minutes,
 * with the largest-remainder method so the parts always add up to `total`. When there
 * are at least as many minutes as sections, every section gets at least one minute
 * (taken from the largest box). Ties go to the earlier section.
 */
export function allocateMinutes(total: number, weights: readonly number[]): number[] {
  const count = weights.length;
  if (count === 0) return [];
  const minutes = Math.max(0, Math.floor(total));
  const safeWeights = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const weightSum = safeWeights.reduce((a, b) => a + b, 0);
  const effective = weightSum > 0 ? safeWeights : safeWeights.map(() => 1);
  const sum = weightSum > 0 ? weightSum : count;

  const quotas = effective.map((w) => (minutes * w) / sum);
  const result = quotas.map((q) => Math.floor(q));
  let left = minutes - result.reduce((a, b) => a + b, 0);
  const byRemainder = quotas
    .map((q, index) => ({ index, remainder: q - Math.floor(q) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let i = 0; left > 0; i = (i + 1) % count, left--) result[byRemainder[i].index]++;

  if (minutes >= count) {
    for (let i = 0; i < count; i++) {
      if (result[i] > 0) continue;
      // Take a minute from the largest box (the later one on a tie, to keep early sections whole).
      let donor = -1;
      for (let j = 0; j < count; j++) if (result[j] > 1 && (donor < 0 || result[j] >= result[donor])) donor = j;
      if (donor < 0) break;
      result[donor]--;
      result[i]++;
    }
  }
  return result;
}

/** Minutes each partner gets to brief at a structured briefing. */
export const BRIEF_MINUTES = 5;

/**
 * Time boxes for a briefing: `BRIEF_MINUTES` per partner brief when that still leaves at
 * least a minute for every other section, otherwise everything is scaled together
 * (a brief weighs as much as `BRIEF_MINUTES` minutes). Returns the brief boxes and the
 * other boxes, which together add up to `total`.
 */
export function allocateBriefing(
  total: number,
  briefCount: number,
  otherWeights: readonly number[],
): { briefs: number[]; others: number[] } {
  const minutes = Math.max(0, Math.floor(total));
  const fixed = BRIEF_MINUTES * briefCount;
  if (fixed + otherWeights.length <= minutes) {
    return { briefs: new Array<number>(briefCount).fill(BRIEF_MINUTES), others: allocateMinutes(minutes - fixed, otherWeights) };
  }
  const all = allocateMinutes(minutes, [...new Array<number>(briefCount).fill(BRIEF_MINUTES), ...otherWeights]);
  return { briefs: all.slice(0, briefCount), others: all.slice(briefCount) };
}
