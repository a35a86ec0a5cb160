// Wall-clock dates and times in the shape of Temporal's PlainDate, PlainDateTime and
// ZonedDateTime, the value types ical-generator documents for dates without a JavaScript Date
// (its ICalTemporal*Stub interfaces). A JavaScript Date would be formatted in the machine's own
// zone; these carry the charter's wall time ("08:30 in New York") whatever the machine's zone.
import { offsetMinutesAt, wallTimeToEpoch } from '../time-zones';
import { DateOnly } from '../types';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export class WallDate {
  constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
  ) {}

  static of(date: DateOnly): WallDate {
    return new WallDate(date.year, date.month, date.day);
  }

  toPlainDateTime(): WallDateTime {
    return new WallDateTime(this.year, this.month, this.day, 0, 0);
  }

  toString(): string {
    return `${pad(this.year, 4)}-${pad(this.month)}-${pad(this.day)}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

export class WallDateTime {
  readonly second = 0;

  constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
    readonly hour: number,
    readonly minute: number,
  ) {}

  static of(date: DateOnly, hour: number, minute: number): WallDateTime {
    return new WallDateTime(date.year, date.month, date.day, hour, minute);
  }

  /** This wall time plus some minutes, on the wall clock (a meeting's end). */
  plusMinutes(minutes: number): WallDateTime {
    const total = this.hour * 60 + this.minute + minutes;
    const days = Math.floor(total / 1440);
    const rest = total - days * 1440;
    const d = new Date(0);
    d.setUTCFullYear(this.year, this.month - 1, this.day + days);
    return new WallDateTime(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), Math.floor(rest / 60), rest % 60);
  }

  toPlainDate(): WallDate {
    return new WallDate(this.year, this.month, this.day);
  }

  toZonedDateTime(zone: string): ZonedWallTime {
    return new ZonedWallTime(this, zone);
  }

  toString(): string {
    return `${this.toPlainDate().toString()}T${pad(this.hour)}:${pad(this.minute)}:00`;
  }

  toJSON(): string {
    return this.toString();
  }
}

/** A wall time in a named zone. */
export class ZonedWallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second = 0;

  constructor(
    private readonly wall: WallDateTime,
    readonly timeZoneId: string,
  ) {
    ({ year: this.year, month: this.month, day: this.day, hour: this.hour, minute: this.minute } = wall);
  }

  get epochMilliseconds(): number {
    return wallTimeToEpoch(this.timeZoneId, this.wall, this.hour, this.minute);
  }

  toPlainDateTime(): WallDateTime {
    return this.wall;
  }

  /** The same instant on another zone's wall clock. */
  withTimeZone(zone: string): ZonedWallTime {
    if (zone === this.timeZoneId) return this;
    const epoch = this.epochMilliseconds;
    const local = new Date(epoch + offsetMinutesAt(zone, epoch) * 60_000);
    const wall = new WallDateTime(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), local.getUTCHours(), local.getUTCMinutes());
    return new ZonedWallTime(wall, zone);
  }

  toInstant(): { epochMilliseconds: number; toJSON(): string; toString(): string; toZonedDateTimeISO(zone: string): ZonedWallTime } {
    const epochMilliseconds = this.epochMilliseconds;
    const iso = new Date(epochMilliseconds).toISOString();
    return { epochMilliseconds, toJSON: () => iso, toString: () => iso, toZonedDateTimeISO: (zone: string) => this.withTimeZone(zone) };
  }

  toString(): string {
    return `${this.wall.toString()}[${this.timeZoneId}]`;
  }

  toJSON(): string {
    return this.toString();
  }
}
