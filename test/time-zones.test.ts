// Time zones from Intl: validation, offsets, wall time to instant around daylight-saving
// changes, and the transitions a VTIMEZONE is written from.
import * as assert from 'node:assert/strict';
import { parseDate } from '../server/src/engine/dates';
import { canonicalTimeZone, describeOffset, isTimeZone, offsetMinutesAt, transitionsIn, wallTimeToEpoch, zoneCity } from '../server/src/engine/time-zones';

const d = (text: string) => parseDate(text)!;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');

describe('time zones', () => {
  it('knows IANA names and rejects what is not one', () => {
    for (const zone of ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'Pacific/Honolulu', 'Europe/London', 'UTC']) {
      assert.ok(isTimeZone(zone), zone);
    }
    for (const bad of ['Eastern', 'America/Springfield', '', ' America/New_York', 'New York']) assert.ok(!isTimeZone(bad), bad);
    assert.equal(canonicalTimeZone('america/new_york'), 'America/New_York');
  });

  it('gives the offset in winter and summer', () => {
    assert.equal(offsetMinutesAt('America/New_York', Date.UTC(2026, 0, 15, 12)), -300);
    assert.equal(offsetMinutesAt('America/New_York', Date.UTC(2026, 6, 15, 12)), -240);
    assert.equal(offsetMinutesAt('America/Phoenix', Date.UTC(2026, 6, 15, 12)), -420);
    assert.equal(offsetMinutesAt('Asia/Kolkata', Date.UTC(2026, 6, 15, 12)), 330);
    assert.equal(describeOffset(-300), 'UTC-05:00');
    assert.equal(describeOffset(330), 'UTC+05:30');
  });

  it('keeps a meeting at 08:30 local time across the March and November changes', () => {
    assert.equal(iso(wallTimeToEpoch('America/New_York', d('2026-03-03'), 8, 30)), '2026-03-03T13:30:00Z');
    assert.equal(iso(wallTimeToEpoch('America/New_York', d('2026-03-10'), 8, 30)), '2026-03-10T12:30:00Z');
    assert.equal(iso(wallTimeToEpoch('America/New_York', d('2026-10-27'), 8, 30)), '2026-10-27T12:30:00Z');
    assert.equal(iso(wallTimeToEpoch('America/New_York', d('2026-11-03'), 8, 30)), '2026-11-03T13:30:00Z');
  });

  it('reads a repeated time as the first one and a missing time with the offset before the gap (RFC 5545)', () => {
    assert.equal(iso(wallTimeToEpoch('America/New_York', d('2026-11-01'), 1, 30)), '2026-11-01T05:30:00Z');
    assert.equal(iso(wallTimeToEpoch('America/New_York', d('2026-03-08'), 2, 30)), '2026-03-08T07:30:00Z');
  });

  it('finds the clock changes of a year', () => {
    const changes = transitionsIn('America/New_York', 2026).map((t) => `${iso(t.epochMs)} ${t.offsetBefore}->${t.offsetAfter}`);
    assert.deepEqual(changes, ['2026-03-08T07:00:00Z -300->-240', '2026-11-01T06:00:00Z -240->-300']);
    assert.deepEqual(transitionsIn('America/Phoenix', 2026), []);
    assert.equal(transitionsIn('Europe/London', 2026).length, 2);
    assert.equal(zoneCity('America/New_York'), 'New York');
  });
});
