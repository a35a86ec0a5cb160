// Meeting `time`: "HH:MM" on a 24-hour clock, in quotes. People write 2pm, 2:30 p.m., 14.30,
// 14h30, 1430, noon. An hour from 1 to 6 without am or pm has two readings (1:00 may be
// one at night or one in the afternoon); from 7 to 12 it is read as written (8:30 is
// morning), as are 0 and 13 to 23.
import { Interpretation, noReading, Reading, ValueTable } from './types';
import { normalize } from './words';

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (hour: number, minute: number) => `${pad(hour)}:${pad(minute)}`;

/** "2:30 pm", for fix titles. */
function twelveHour(hour: number, minute: number): string {
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return `${h}:${pad(minute)} ${hour < 12 ? 'am' : 'pm'}`;
}

interface Clock {
  /** Every hour the text can mean (one, or two for 1:00 to 6:59 without am or pm). */
  hours: number[];
  minute: number;
}

const ZONE = /\s*\b(et|est|edt|ct|cst|cdt|mt|mst|mdt|pt|pst|pdt|akst|akdt|hst|utc|gmt|z|eastern|central|mountain|pacific)(?:\s+(?:standard\s+|daylight\s+)?time)?$/;
const MERIDIEM = /^(\d{1,2})(?:\s*[:.h]?\s*(\d{2}))?(?::00)?\s*([ap])\.?\s*m?\.?$/;
const DIGITS = /^(\d{1,2})\s*[:.h]\s*(\d{2})(?::00)?(?:\s*(?:h|hrs?|hours))?$/;
const RUN_TOGETHER = /^(\d{3,4})(?:\s*(?:h|hrs?|hours))?$/;
const HOUR_ONLY = /^(\d{1,2})(?:\s*(?:h|hrs?|o'?clock|oclock))?$/;

/** The hours a time without am or pm can mean. */
function hoursAsWritten(hourText: string): number[] {
  const hour = Number(hourText);
  if (hour > 23) return [];
  // A leading zero (0830) or a 24-hour hour says which one; 7 to 12 read as morning and noon.
  if (hourText.startsWith('0') || hour === 0 || hour >= 7) return [hour];
  return [hour, hour + 12];
}

function readClock(text: string): Clock | undefined {
  if (/^(noon|midday|12 noon|12 midday|lunch ?time)$/.test(text)) return { hours: [12], minute: 0 };
  if (/^(midnight|12 midnight)$/.test(text)) return { hours: [0], minute: 0 };
  const t = text
    .replace(/\s+in the morning$/, ' am')
    .replace(/\s+(in the afternoon|in the evening|at night|tonight)$/, ' pm')
    .replace(/^at\s+/, '');
  let match = MERIDIEM.exec(t);
  if (match) {
    const hour = Number(match[1]);
    const minute = match[2] ? Number(match[2]) : 0;
    if (hour < 1 || hour > 23 || minute > 59) return undefined;
    if (hour > 12) return match[3] === 'p' ? { hours: [hour], minute } : undefined;
    return { hours: [(hour % 12) + (match[3] === 'p' ? 12 : 0)], minute };
  }
  match = DIGITS.exec(t);
  if (match) return Number(match[2]) > 59 ? undefined : { hours: hoursAsWritten(match[1]), minute: Number(match[2]) };
  match = RUN_TOGETHER.exec(t);
  if (match) {
    const digits = match[1];
    const minute = Number(digits.slice(-2));
    return minute > 59 ? undefined : { hours: hoursAsWritten(digits.slice(0, -2)), minute };
  }
  match = HOUR_ONLY.exec(t);
  if (match) return { hours: hoursAsWritten(match[1]), minute: 0 };
  return undefined;
}

function readingsFor(found: Clock): Reading[] {
  return found.hours.filter((h) => h >= 0 && h <= 23).map((hour) => ({ value: clock(hour, found.minute), meaning: twelveHour(hour, found.minute) }));
}

export function interpretTime(typed: string): Interpretation {
  let text = normalize(typed);
  const notes: string[] = [];
  let decide = false;
  const zone = ZONE.exec(text);
  if (zone && zone.index > 0) {
    text = text.slice(0, zone.index).trim();
    notes.push('gives a time zone: the time here is local; set the zone once for every meeting with `cadence.timezone`');
    decide = true;
  }
  // "8:30-9:00", "8:30 to 9am": the start goes in `time`, the length in `minutes`.
  const range = /^(.+?)\s*(?:-|to|until|till)\s*(.+)$/.exec(text);
  if (range && readClock(range[2])) {
    const endMeridiem = /([ap])\.?\s*m?\.?$/.exec(range[2]);
    text = readClock(range[1]) && endMeridiem && !/[ap]\.?\s*m?\.?$/.test(range[1]) ? `${range[1]} ${endMeridiem[1]}m` : range[1];
    notes.push('gives a start and an end: `time` is the start, and the length goes in `minutes`');
    decide = true;
  }
  const found = readClock(text);
  if (!found) return noReading(notes[0]);
  const readings = readingsFor(found);
  if (readings.length === 2) notes.unshift(`has no am or pm, so it can mean ${readings[0].meaning} or ${readings[1].meaning}`);
  const result: Interpretation = { readings };
  if (notes.length > 0) result.note = notes.join('; it also ');
  if (decide) result.decide = true;
  return result;
}

export const times: ValueTable = {
  kind: 'time',
  title: 'Times (meeting `time`)',
  accepted: 'a 24-hour time in quotes, `"HH:MM"`, local to the meeting (`"08:30"`, `"14:00"`).',
  example: 'time: "08:30"',
  samples: ['8:30', '2pm', '2:30 p.m.', '14.30', '14h30', '0830', 'noon', '1:00', '9am ET'],
  write: 'quoted',
  interpret: interpretTime,
};
