// Meeting and review `every`: adverbs (fortnightly), phrases (every other week, twice a year,
// once a month), counts in words, and units in any common spelling.
//
// "biweekly" and "bimonthly" mean "every two" to some people and "twice a" to others; the
// format can only say "every two", so that reading is offered as a quick fix, never applied
// without asking. "biannual(ly)" is read as twice a year or every two years, both offered.
import { NO_CONTEXT, noReading, readingsOf, Interpretation, ValueTable } from './types';
import { weekdays } from './weekdays';
import { normalize, numberFrom, NUMBER_WORDS, ordinalFrom } from './words';

type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year';

const UNIT_WORDS: Record<string, Unit> = {
  d: 'day', day: 'day', days: 'day', dy: 'day', dys: 'day',
  w: 'week', wk: 'week', wks: 'week', week: 'week', weeks: 'week', wkly: 'week',
  m: 'month', mo: 'month', mos: 'month', mth: 'month', mths: 'month', mnth: 'month', month: 'month', months: 'month',
  q: 'quarter', qtr: 'quarter', qtrs: 'quarter', quarter: 'quarter', quarters: 'quarter',
  y: 'year', yr: 'year', yrs: 'year', year: 'year', years: 'year', annum: 'year',
};

const UNIT = `(${Object.keys(UNIT_WORDS).sort((a, b) => b.length - a.length).join('|')})`;

/** Words that mean one period, and the value for it. */
const ADVERBS: Record<string, string> = {
  daily: 'day', everyday: 'day', 'every day': 'day', nightly: 'day',
  weekly: 'week', 'once weekly': 'week', hebdomadal: 'week',
  fortnightly: '2 weeks', fortnight: '2 weeks', 'every fortnight': '2 weeks', 'once a fortnight': '2 weeks', 'each fortnight': '2 weeks',
  monthly: 'month', 'once monthly': 'month',
  quarterly: 'quarter', 'once quarterly': 'quarter',
  annually: 'year', annual: 'year', yearly: 'year', 'once yearly': 'year', 'once annually': 'year',
  semiannually: '6 months', semiannual: '6 months', 'half yearly': '6 months',
  'half year': '6 months', 'twice yearly': '6 months', 'twice annually': '6 months', 'bi yearly': '6 months', biyearly: '6 months',
  biennially: '24 months', biennial: '24 months',
};

/** Words with two meanings: the "every two" meaning (all the format can say) and a note about the other. */
const TWO_MEANINGS: Record<string, { value: string; note: string; other?: string }> = {
  biweekly: { value: '2 weeks', note: 'can mean every two weeks (`2 weeks`) or twice a week; the format can say only the first, so check it is what the partners agreed' },
  bimonthly: { value: '2 months', note: 'can mean every two months (`2 months`) or twice a month (about `2 weeks`)', other: '2 weeks' },
  biannually: { value: '6 months', note: 'can mean twice a year (`6 months`) or every two years (`24 months`)', other: '24 months' },
  biannual: { value: '6 months', note: 'can mean twice a year (`6 months`) or every two years (`24 months`)', other: '24 months' },
};

const SEMI_MONTHLY = ['semimonthly', 'semi monthly', 'twice monthly', 'twice a month', 'twice per month', '2x a month', '2x per month', '2x month', '2 times a month', 'two times a month'];

/** Writes `count` periods of `unit` the way the format does; undefined when it cannot (over 99). */
function frequencyText(count: number, unit: Unit): string | undefined {
  if (!Number.isInteger(count) || count < 1) return undefined;
  if (unit === 'quarter') return count === 1 ? 'quarter' : frequencyText(count * 3, 'month');
  if (unit === 'year') return count === 1 ? 'year' : frequencyText(count * 12, 'month');
  if (count === 1) return unit;
  return count <= 99 ? `${count} ${unit}s` : undefined;
}

/** "every 2 weeks", "each month", "2wks", "once every three months", "1/week", "per quarter". */
const EVERY_COUNT = new RegExp(`^(?:(?:once |one time )?(?:every|each|per|a|an|in|/)\\s*)?(${NUMBER_WORDS})?\\s*${UNIT}\\.?$`);
/** "every other week", "every 2nd month", "every third week". */
const EVERY_ORDINAL = new RegExp(`^(?:every|each)\\s+(other|second|third|fourth|fifth|sixth|\\d{1,2}(?:st|nd|rd|th))\\s+${UNIT}$`);
/** "twice a year", "3 times a year", "once a month", "4x per year", "1x/week". */
const TIMES_PER = new RegExp(`^(once|twice|thrice|(${NUMBER_WORDS})\\s*(?:times|x))\\s*(?:a|an|per|each|every|/|in a)?\\s*${UNIT}$`);

function everyCount(text: string): Interpretation | undefined {
  const match = EVERY_COUNT.exec(text);
  if (!match) return undefined;
  const count = match[1] ? numberFrom(match[1]) : 1;
  const unit = UNIT_WORDS[match[2]];
  // A single letter alone ("m", "w") says too little to go on.
  if (!match[1] && match[2].length === 1) return undefined;
  if (count === undefined) return undefined;
  return readingOrTooLong(count, unit);
}

function readingOrTooLong(count: number, unit: Unit): Interpretation {
  if (count === 0) return noReading('is never: write how often the meeting happens, for example `week`');
  const value = frequencyText(count, unit);
  return value ? readingsOf([value]) : noReading('is longer than the format can say: counts go up to 99 (`99 weeks`, or `96 months` for eight years)');
}

function everyOrdinal(text: string): Interpretation | undefined {
  const match = EVERY_ORDINAL.exec(text);
  if (!match) return undefined;
  const count = ordinalFrom(match[1]);
  return count === undefined ? undefined : readingOrTooLong(count, UNIT_WORDS[match[2]]);
}

/** "1/week", "2x/month", "3 per year". */
const COUNT_PER = new RegExp(`^(${NUMBER_WORDS})\\s*x?\\s*(?:/|per)\\s*${UNIT}$`);

function timesPer(text: string): Interpretation | undefined {
  const slashed = COUNT_PER.exec(text);
  const match = slashed ? [slashed[0], slashed[1], slashed[1], slashed[2]] : TIMES_PER.exec(text);
  if (!match) return undefined;
  const times = match[1] === 'once' ? 1 : match[1] === 'twice' ? 2 : match[1] === 'thrice' ? 3 : numberFrom(match[2] ?? '');
  const unit = UNIT_WORDS[match[3]];
  if (times === undefined || times < 1) return undefined;
  if (times === 1) return readingOrTooLong(1, unit);
  // N times a year or a quarter is every 12/N or 3/N months when that comes out whole.
  const months = unit === 'year' ? 12 : unit === 'quarter' ? 3 : undefined;
  if (months !== undefined && months % times === 0) return readingsOf([frequencyText(months / times, 'month')!]);
  if (unit === 'month' && times === 4) return readingsOf(['week'], 'is about once a week (`week`): check that is what the partners agreed', true);
  if (unit === 'month' && times === 2) return semiMonthly();
  return noReading(`means more than one meeting a ${unit}, which one \`every\` cannot say: meet every \`${unit}\` and add the extra meetings to \`format\`, or pick the nearest single rhythm`);
}

function semiMonthly(): Interpretation {
  return readingsOf(['2 weeks'], 'is about every two weeks (`2 weeks`), the nearest the format can say: check that is what the partners agreed', true);
}

/** "2 weeks" and other values in another case or spacing ("2  Weeks", "2weeks", "02 weeks"). */
function sloppyCount(text: string): Interpretation | undefined {
  const match = new RegExp(`^0*(\\d+)\\s*${UNIT}$`).exec(text);
  return match ? readingOrTooLong(Number(match[1]), UNIT_WORDS[match[2]]) : undefined;
}

/** "every Tuesday", "Tuesdays", "weekly on Tuesdays", "every other Tuesday", "every 2nd Monday". */
const ON_A_WEEKDAY = /^(?:(?:every|each|weekly|weekly on|on|every week on)\s+)?(?:(other|second|third|fourth|\d(?:st|nd|rd|th))\s+)?((?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)[a-z]*)$/;

export function interpretFrequency(typed: string): Interpretation {
  // "bi-weekly", "semi annually": the prefix joined to its word.
  const text = normalize(typed).replace(/-/g, ' ').replace(/\s+/g, ' ').trim().replace(/\b(bi|semi|tri) (?=[a-z])/g, '$1');
  if (ADVERBS[text]) return readingsOf([ADVERBS[text]]);
  const two = TWO_MEANINGS[text];
  if (two) return { readings: [{ value: two.value }, ...(two.other ? [{ value: two.other }] : [])], note: two.note, decide: true };
  if (SEMI_MONTHLY.includes(text)) return semiMonthly();
  if (/^\d+$/.test(text)) return noReading('is a number without a unit: say days, weeks or months, for example `2 weeks`');
  if (/^(?:every\s+)?(weekday|working day|business day|workday)s?$/.test(text)) {
    return readingsOf(['day'], 'is every day (`day`), the nearest the format can say; agendas count weekends too', true);
  }
  const onDay = ON_A_WEEKDAY.exec(text);
  const day = onDay ? weekdays.interpret(onDay[2], NO_CONTEXT) : undefined;
  if (onDay && day?.readings.length === 1 && !day.decide) {
    const every = onDay[1] ? ordinalFrom(onDay[1]) : 1;
    const value = every ? frequencyText(every, 'week') : undefined;
    if (value) return { readings: [{ value, also: { key: 'day', value: String(day.readings[0].value) } }], note: 'names a weekday, which goes in `day`' };
  }
  return sloppyCount(text) ?? everyCount(text) ?? everyOrdinal(text) ?? timesPer(text) ?? noReading();
}

export const frequencies: ValueTable = {
  kind: 'frequency',
  title: 'Frequencies (meeting and review `every`)',
  accepted: '`day`, `week`, `month`, `quarter`, `year`, or a count from 1 to 99 with `days`, `weeks` or `months` (`2 weeks`, `6 months`).',
  example: 'every: 2 weeks',
  samples: ['weekly', 'fortnightly', 'every other week', 'biweekly', 'once a month', 'every three months', 'quarterly', 'twice a year', 'annually', 'twice a week', 'every Tuesday', '2 Weeks'],
  write: 'text',
  interpret: interpretFrequency,
};
