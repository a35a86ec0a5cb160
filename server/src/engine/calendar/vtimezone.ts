// VTIMEZONE blocks written from the runtime's own zone data (Intl): ical-generator leaves this
// part to a generator function, and the packages that ship zone tables would add their size to
// the extension. For each run of years in which the clocks change by the same rule ("second
// Sunday of March at 02:00"), one DAYLIGHT or STANDARD part with a yearly RRULE; the last run
// has no end, so the rule carries on after the years scanned. A change that follows no such
// rule gets a part of its own. A zone without changes gets one STANDARD part.
import { formatOffset, offsetMinutesAt, Transition, transitionsIn } from '../time-zones';

const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A clock change as the local wall time it happens at (before the change) and its yearly rule. */
interface Change {
  transition: Transition;
  daylight: boolean;
  local: { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number };
  /** The rule parts that identify this change within its year: month, weekday, nth or last, time. */
  ruleKeys: string[];
}

function localBefore(transition: Transition) {
  const d = new Date(transition.epochMs + transition.offsetBefore * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

function describe(transition: Transition): Change {
  const local = localBefore(transition);
  const daysInMonth = new Date(Date.UTC(local.year, local.month, 0)).getUTCDate();
  const nth = Math.ceil(local.day / 7);
  const base = `${local.month}|${WEEKDAY_CODES[local.weekday]}|${local.hour}:${local.minute}:${local.second}|${transition.offsetBefore}|${transition.offsetAfter}`;
  const ruleKeys = nth <= 4 ? [`${base}|${nth}`] : [];
  if (local.day + 7 > daysInMonth) ruleKeys.push(`${base}|-1`);
  return { transition, daylight: transition.offsetAfter > transition.offsetBefore, local, ruleKeys };
}

function stamp(local: Change['local']): string {
  return `${local.year}${pad(local.month)}${pad(local.day)}T${pad(local.hour)}${pad(local.minute)}${pad(local.second)}`;
}

function utcStamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** The zone's own short name for the offset in force at `epochMs` ("EST"), when it has a letter name. */
function zoneAbbreviation(zone: string, epochMs: number): string | undefined {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date(epochMs)).find((p) => p.type === 'timeZoneName');
    return part && /^[A-Z]{2,5}$/.test(part.value) ? part.value : undefined;
  } catch {
    return undefined;
  }
}

function observance(zone: string, changes: Change[], ruleKey: string | undefined, open: boolean): string[] {
  const first = changes[0];
  const kind = first.daylight ? 'DAYLIGHT' : 'STANDARD';
  const lines = [
    `BEGIN:${kind}`,
    `DTSTART:${stamp(first.local)}`,
    `TZOFFSETFROM:${formatOffset(first.transition.offsetBefore)}`,
    `TZOFFSETTO:${formatOffset(first.transition.offsetAfter)}`,
  ];
  const name = zoneAbbreviation(zone, first.transition.epochMs + 1000);
  if (name) lines.push(`TZNAME:${name}`);
  if (ruleKey && changes.length > 1) {
    const [month, weekday, , , , nth] = ruleKey.split('|');
    const until = open ? '' : `;UNTIL=${utcStamp(changes[changes.length - 1].transition.epochMs)}`;
    lines.push(`RRULE:FREQ=YEARLY;BYMONTH=${month};BYDAY=${nth}${weekday}${until}`);
  } else if (changes.length > 1) {
    lines.push(`RDATE:${changes.slice(1).map((c) => stamp(c.local)).join(',')}`);
  }
  lines.push(`END:${kind}`);
  return lines;
}

/** Runs of consecutive years whose change (daylight or standard) follows one yearly rule. */
function runs(changes: Change[]): { changes: Change[]; ruleKey: string | undefined }[] {
  const out: { changes: Change[]; ruleKey: string | undefined; keys: string[] }[] = [];
  for (const change of changes) {
    const last = out[out.length - 1];
    const shared = last ? last.keys.filter((k) => change.ruleKeys.includes(k)) : [];
    const nextYear = last && last.changes[last.changes.length - 1].local.year + 1 === change.local.year;
    if (last && nextYear && shared.length > 0) {
      last.changes.push(change);
      last.keys = shared;
    } else {
      out.push({ changes: [change], ruleKey: undefined, keys: change.ruleKeys });
    }
  }
  // Prefer "the n-th weekday" over "the last weekday" when both fit every year of the run.
  return out.map((run) => ({ changes: run.changes, ruleKey: run.keys.find((k) => !k.endsWith('|-1')) ?? run.keys[0] }));
}

/** The VTIMEZONE of `zone` for the years `fromYear` to `toYear` (and, by its open rules, after). */
export function vtimezone(zone: string, fromYear: number, toYear: number): string {
  const transitions: Transition[] = [];
  for (let year = fromYear; year <= toYear; year++) transitions.push(...transitionsIn(zone, year));
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  if (transitions.length === 0) {
    const offset = offsetMinutesAt(zone, Date.UTC(fromYear, 0, 1));
    lines.push('BEGIN:STANDARD', `DTSTART:${fromYear}0101T000000`, `TZOFFSETFROM:${formatOffset(offset)}`, `TZOFFSETTO:${formatOffset(offset)}`);
    const name = zoneAbbreviation(zone, Date.UTC(fromYear, 0, 1));
    if (name) lines.push(`TZNAME:${name}`);
    lines.push('END:STANDARD', 'END:VTIMEZONE');
    return lines.join('\r\n');
  }
  const changes = transitions.map(describe);
  for (const daylight of [true, false]) {
    const kind = runs(changes.filter((c) => c.daylight === daylight));
    kind.forEach((run, index) => {
      // The last run reaching the last year scanned carries on; earlier runs end.
      const open = index === kind.length - 1 && run.changes[run.changes.length - 1].local.year >= toYear;
      lines.push(...observance(zone, run.changes, run.changes.length > 1 ? run.ruleKey : undefined, open));
    });
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
