// Meeting `day`: weekdays in any case, abbreviated to any common length, plural ("Mondays"),
// or with "every"/"on" in front.
import { WEEKDAYS } from '../dates';
import { closestMeaning } from '../suggest';
import { noReading, readingsOf, ValueTable } from './types';
import { normalize } from './words';

/** Abbreviations that are not simply the start of the name. */
const IRREGULAR: Record<string, string> = { weds: 'wednesday', wensday: 'wednesday', thr: 'thursday', thrs: 'thursday', tuseday: 'tuesday' };

const SEVERAL = /(,|&|\+|\/|\band\b|\bor\b|\bthrough\b|\bthru\b|\bto\b|\bweekdays\b|\bdaily\b|\bevery day\b|^m ?- ?f$|\w-\w)/;

/** The weekday a word names, or undefined: any start of a name of two letters or more that fits one day only. */
function weekdayOf(word: string): string | undefined {
  if (IRREGULAR[word]) return IRREGULAR[word];
  const candidates = (w: string) => (w.length >= 2 ? WEEKDAYS.filter((day) => day.startsWith(w)) : []);
  for (const form of [word, word.replace(/s$/, '')]) {
    const found = candidates(form);
    if (found.length === 1) return found[0];
  }
  return undefined;
}

const CLOSE = new Map<string, string>(WEEKDAYS.map((day) => [day, day]));

export const weekdays: ValueTable = {
  kind: 'weekday',
  title: 'Weekdays (meeting `day`)',
  accepted: '`monday`, `tuesday`, `wednesday`, `thursday`, `friday`, `saturday` or `sunday`, in lowercase.',
  example: 'day: tuesday',
  samples: ['Tuesday', 'Tues', 'THU', 'Mondays', 'every Friday', 'Tue/Thu'],
  write: 'text',
  interpret(typed) {
    const text = normalize(typed).replace(/^(every|each|on|on every)\s+/, '').replace(/\.$/, '');
    if (SEVERAL.test(text)) return noReading('names more than one day: a meeting has one `day`. For two meetings a week, keep the main one here and say the other in `format`');
    const word = text.replace(/\s+(morning|afternoon|evening)s?$/, '');
    const day = weekdayOf(word.replace(/\./g, ''));
    if (day) return readingsOf([day]);
    const guess = closestMeaning(word, CLOSE, (a, b) => a === b);
    return guess ? readingsOf([guess], undefined, true) : noReading();
  },
};
