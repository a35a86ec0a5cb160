// Small helpers every value table shares: reading what people type as words and numbers.

/**
 * Lowercase, typographic dashes and underscores as plain ones, spaces collapsed, and the
 * punctuation people add around a value (quotes, a full stop, brackets) taken off.
 */
export function normalize(typed: string): string {
  return typed
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/_/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'([{]+|["')\]}!.,;:]+$/g, '')
    .trim();
}

/** `normalize`, and dashes as spaces: "on-track", "on track" and "on_track" read the same. */
export function words(typed: string): string {
  return normalize(typed).replace(/-/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Letters and digits only: "mh-queri", "MH QUERI" and "mh_queri" read the same. */
export function compact(typed: string): string {
  return typed.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINALS: Record<string, number> = { first: 1, second: 2, other: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12 };

/**
 * A whole number written in digits or in words (one to ninety-nine, "a", "an", "a couple
 * of"), or undefined. "twenty five" and "twenty-five" both read 25.
 */
export function numberFrom(text: string): number | undefined {
  const t = text.trim().replace(/-/g, ' ').replace(/\s+/g, ' ');
  if (/^\d+$/.test(t)) return Number(t);
  if (t === 'a' || t === 'an' || t === 'one') return 1;
  if (t === 'a couple of' || t === 'a couple' || t === 'couple of') return 2;
  const unit = UNITS.indexOf(t);
  if (unit >= 0) return unit;
  const [tens, ones] = t.split(' ');
  const ten = TENS.indexOf(tens);
  if (ten < 2) return undefined;
  if (ones === undefined) return ten * 10;
  const one = UNITS.indexOf(ones);
  return one >= 1 && one <= 9 ? ten * 10 + one : undefined;
}

/** "2nd", "third", "other" (every other week) as a count, or undefined. */
export function ordinalFrom(text: string): number | undefined {
  const t = text.trim();
  if (ORDINALS[t] !== undefined) return ORDINALS[t];
  const digits = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(t);
  return digits ? Number(digits[1]) : undefined;
}

/** The words-for-numbers pattern, for building regular expressions. */
export const NUMBER_WORDS = `(?:\\d+|an?|a couple(?: of)?|(?:${TENS.slice(2).join('|')})(?:[- ](?:${UNITS.slice(1, 10).join('|')}))?|${UNITS.slice(1).join('|')})`;

/** Looks a phrase up in a table of words, after `words()`; the table's keys are written that way. */
export function lookUp<T>(table: ReadonlyMap<string, T>, typed: string): T | undefined {
  return table.get(words(typed)) ?? table.get(compact(typed));
}

/** Phrases that two entries of one table claim with different values (a test keeps it empty). */
export const PHRASE_CONFLICTS: string[] = [];

/** A table from "value: [words people use for it]" lists. The first entry to claim a phrase keeps it. */
export function phraseTable<T>(entries: readonly (readonly [T, readonly string[]])[]): Map<string, T> {
  const table = new Map<string, T>();
  const add = (key: string, value: T) => {
    const existing = table.get(key);
    if (existing === undefined) table.set(key, value);
    else if (JSON.stringify(existing) !== JSON.stringify(value)) PHRASE_CONFLICTS.push(`${key}: ${JSON.stringify(existing)} / ${JSON.stringify(value)}`);
  };
  for (const [value, phrases] of entries) {
    for (const phrase of phrases) {
      add(words(phrase), value);
      add(compact(phrase), value);
    }
  }
  return table;
}
