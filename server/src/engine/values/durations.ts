// Meeting `minutes`: a whole number from 1 to 480. People write units (90 min, 1.5 hours,
// 1h30, 1:30), words (half an hour, an hour and a half, fifteen minutes) and ranges
// (15-20 minutes: two readings).
import { Interpretation, noReading, ValueTable } from './types';
import { normalize, numberFrom, NUMBER_WORDS } from './words';

export const MAX_MINUTES = 480;

const MIN = '(?:m|min|mins|minute|minutes|mn|mns|\')';
const HOUR = '(?:h|hr|hrs|hour|hours)';
const NUM = `(\\d+(?:[.,]\\d+)?|\\d+\\s*1/2|\\d*\\s*½|${NUMBER_WORDS})`;

const FRACTIONS: Record<string, number> = {
  'half an hour': 30, 'half hour': 30, 'a half hour': 30, '1/2 hour': 30, '1/2 hr': 30, '½ hour': 30, '½ hr': 30, '½h': 30,
  'quarter of an hour': 15, 'a quarter of an hour': 15, 'quarter hour': 15, 'a quarter hour': 15,
  'three quarters of an hour': 45, 'three quarters of an hour or so': 45, '3/4 hour': 45, '3/4 of an hour': 45,
  'an hour and a half': 90, 'one and a half hours': 90, 'hour and a half': 90, 'one hour and a half': 90, '1 and a half hours': 90,
  'an hour and a quarter': 75, 'an hour and fifteen minutes': 75,
  'two and a half hours': 150, '2 and a half hours': 150, 'a couple of hours': 120, 'a couple hours': 120,
  'all day': MAX_MINUTES, 'full day': MAX_MINUTES, 'a full day': MAX_MINUTES, 'half a day': 240, 'half day': 240,
};

/** "1h30", "1.5 hours", "an hour and 15 min". */
const HOURS_AND_MINUTES = new RegExp(`^${NUM}\\s*${HOUR}\\.?(?:\\s*(?:and\\s*)?(\\d{1,2})\\s*${MIN}?\\.?)?$`);
/** "90 min", "fifteen minutes". */
const MINUTES_ONLY = new RegExp(`^${NUM}\\s*${MIN}\\.?$`);
const RANGE = /^(.+?)\s*(?:-|to|or)\s*(.+)$/;

/** 1.5, "1,5", "1 1/2", "½", "twenty" as a number. */
function amount(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+(?:[.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  const half = /^(\d*)\s*(?:1\/2|½)$/.exec(t);
  if (half) return (half[1] ? Number(half[1]) : 0) + 0.5;
  return numberFrom(t);
}

/** Minutes in a single length ("1h30", "90 min", "1.5 hours", "1:30", "an hour"), or undefined. */
function minutesIn(text: string): number | undefined {
  const t = text.trim().replace(/^(about|approx\.?|approximately|around|roughly|up to|max\.?|maximum|~|ca\.?|circa)\s*/, '').replace(/\s+(or so|max|tops|long)$/, '');
  if (FRACTIONS[t] !== undefined) return FRACTIONS[t];
  let match = HOURS_AND_MINUTES.exec(t);
  if (match) {
    const hours = amount(match[1]);
    return hours === undefined ? undefined : hours * 60 + (match[2] ? Number(match[2]) : 0);
  }
  match = MINUTES_ONLY.exec(t);
  if (match) return amount(match[1]);
  match = /^(\d{1,2}):(\d{2})$/.exec(t);
  if (match) return Number(match[1]) * 60 + Number(match[2]);
  // A number alone is minutes already ("15", "fifteen"): the key says the unit.
  if (/^\d+$/.test(t)) return Number(t);
  return /^(an?|a couple|a couple of|couple of)$/.test(t) ? undefined : numberFrom(t);
}

function checked(minutes: number): number | undefined {
  return Number.isInteger(minutes) && minutes >= 1 && minutes <= MAX_MINUTES ? minutes : undefined;
}

export function interpretDuration(typed: string): Interpretation {
  const text = normalize(typed);
  const range = RANGE.exec(text);
  if (range) {
    // "15-20 min": the unit after the second number counts for the first ("15" alone is minutes anyway).
    const unit = /[a-z½']+\.?$/.exec(range[2])?.[0] ?? '';
    const first = minutesIn(/[a-z]/.test(range[1]) ? range[1] : `${range[1]} ${unit}`);
    const second = minutesIn(range[2]);
    const both = [first, second].map((m) => (m === undefined ? undefined : checked(m)));
    if (both[0] !== undefined && both[1] !== undefined && both[0] !== both[1]) {
      return { readings: both.map((value) => ({ value: value! })), note: 'gives a range: `minutes` is one length, so pick the one to plan for' };
    }
  }
  const minutes = minutesIn(text);
  if (minutes === undefined) return noReading();
  if (minutes > MAX_MINUTES) return noReading(`is longer than a meeting can be here (${MAX_MINUTES} minutes, a working day, at most)`);
  const whole = checked(minutes);
  if (whole === undefined) return noReading('is not a whole number of minutes');
  return { readings: [{ value: whole }] };
}

export const durations: ValueTable = {
  kind: 'duration',
  title: 'Meeting length (meeting `minutes`)',
  accepted: `a whole number of minutes from 1 to ${MAX_MINUTES}, without a unit (\`15\`, \`90\`).`,
  example: 'minutes: 15',
  samples: ['15 min', 'half an hour', 'an hour', '1.5 hours', '1h30', '90 mins', 'fifteen minutes', '15-20 minutes'],
  write: 'integer',
  interpret: interpretDuration,
};
