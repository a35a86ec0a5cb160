// Tables for values that are one word out of a short list (side, statuses, weekdays): the
// words people use for each value, read case-insensitively, with a close-spelling guess last.
import { closestMeaning } from '../suggest';
import { Interpretation, noReading, readingsOf } from './types';
import { lookUp, phraseTable, words } from './words';

export interface EnumWords {
  /** The accepted values, lowercase. */
  values: readonly string[];
  /** For each accepted value (or several, when a word has more than one reading), the words people use for it. */
  phrases: readonly (readonly [string | readonly string[], readonly string[]])[];
  /** Words that mean something the format has no value for, with what to do instead. */
  unwritable?: readonly (readonly [readonly string[], string])[];
  /** The note for a word with two readings. */
  twoReadings?: (typed: string, values: readonly string[]) => string;
}

export interface EnumReader {
  interpret(typed: string): Interpretation;
  /** Every phrase the table knows, for tests (no phrase may mean two things by accident). */
  phrases: ReadonlyMap<string, readonly string[]>;
}

export function enumReader(spec: EnumWords): EnumReader {
  const phrases = phraseTable<readonly string[]>([
    ...spec.values.map((value) => [[value], [value]] as const),
    ...spec.phrases.map(([values, list]) => [typeof values === 'string' ? [values] : values, list] as const),
  ]);
  const unwritable = phraseTable<string>((spec.unwritable ?? []).map(([list, note]) => [note, list] as const));
  return {
    phrases,
    interpret(typed) {
      const known = lookUp(phrases, typed);
      if (known) {
        const note = known.length > 1 ? spec.twoReadings?.(typed, known) : undefined;
        return readingsOf(known, note);
      }
      const note = lookUp(unwritable, typed);
      if (note) return noReading(note);
      // A close spelling of a known word is a guess: offered, never applied without asking.
      const guessed = closestMeaning(words(typed), phrases, (a, b) => a.join() === b.join());
      return guessed && guessed.length === 1 ? readingsOf(guessed, undefined, true) : noReading();
    },
  };
}
