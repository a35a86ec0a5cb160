// "Did you mean" suggestions for misspelled keys, enum values and partner ids.

/** Edit distance where swapping two neighbouring letters counts as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], rows[i - 2][j - 2] + 1);
    }
    rows.push(row);
  }
  return rows[a.length][b.length];
}

/** How far a candidate may be from the typed text and still count as "close". */
function closeEnough(typed: string): number {
  return Math.max(1, Math.min(3, Math.floor(typed.length / 3)));
}

/** Candidates close to `typed`, nearest first. */
export function closeMatches(typed: string, candidates: Iterable<string>): string[] {
  const lower = typed.toLowerCase();
  const limit = closeEnough(lower);
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    // Lengths further apart than the limit cannot be close: skip the quadratic comparison.
    if (Math.abs(candidate.length - lower.length) > limit) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= limit) scored.push({ candidate, distance });
  }
  return scored.sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate)).map((s) => s.candidate);
}

/** The single best suggestion, or undefined when none (or several equally good) are close. */
export function uniqueSuggestion(typed: string, candidates: Iterable<string>): string | undefined {
  const lower = typed.toLowerCase();
  const matches = closeMatches(typed, candidates);
  if (matches.length === 0) return undefined;
  if (matches.length === 1) return matches[0];
  const best = editDistance(lower, matches[0].toLowerCase());
  return editDistance(lower, matches[1].toLowerCase()) === best ? undefined : matches[0];
}

/**
 * The meaning of the phrase closest to `typed`, when every phrase at that distance means the
 * same thing ("finsihed" and "finshed" are both closest to words for `done`). Undefined when
 * nothing is close or the closest phrases mean different things.
 */
export function closestMeaning<T>(typed: string, phrases: ReadonlyMap<string, T>, sameMeaning: (a: T, b: T) => boolean): T | undefined {
  const lower = typed.toLowerCase();
  const limit = closeEnough(lower);
  let best = limit + 1;
  let meanings: T[] = [];
  for (const [phrase, meaning] of phrases) {
    // Short words are too easily close to anything ("red" is one edit from "rej").
    if (phrase.length <= 3 || Math.abs(phrase.length - lower.length) > limit) continue;
    const distance = editDistance(lower, phrase);
    if (distance > best) continue;
    if (distance < best) {
      best = distance;
      meanings = [];
    }
    meanings.push(meaning);
  }
  if (best > limit || meanings.length === 0) return undefined;
  return meanings.every((m) => sameMeaning(m, meanings[0])) ? meanings[0] : undefined;
}
