import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSchedule, timeZoneProblem } from '../../server/src/engine/k8s/cron';
import { nextActivation } from '../../server/src/simulator/cron/next';

const next = (schedule: string, after: string, tz?: string): string | undefined => nextActivation(parseSchedule(schedule), new Date(after), tz)?.toISOString();

describe('cron schedules (robfig/cron ParseStandard, as the CronJob controller reads them)', () => {
  it('finds the next minute strictly after the given time', () => {
    assert.equal(next('* * * * *', '2024-01-01T00:01:00Z'), '2024-01-01T00:02:00.000Z');
    assert.equal(next('* * * * *', '2024-01-01T00:01:30Z'), '2024-01-01T00:02:00.000Z');
    assert.equal(next('*/15 * * * *', '2024-01-01T00:01:00Z'), '2024-01-01T00:15:00.000Z');
    assert.equal(next('5/20 * * * *', '2024-01-01T00:30:00Z'), '2024-01-01T00:45:00.000Z');
    assert.equal(next('0 9-17/4 * * *', '2024-01-01T10:00:00Z'), '2024-01-01T13:00:00.000Z');
  });

  it('expands the descriptors', () => {
    assert.equal(next('@hourly', '2024-01-01T00:01:00Z'), '2024-01-01T01:00:00.000Z');
    assert.equal(next('@daily', '2024-01-01T00:01:00Z'), '2024-01-02T00:00:00.000Z');
    assert.equal(next('@midnight', '2024-01-01T00:01:00Z'), '2024-01-02T00:00:00.000Z');
    assert.equal(next('@weekly', '2024-01-01T00:01:00Z'), '2024-01-07T00:00:00.000Z'); // 2024-01-07 is a Sunday
    assert.equal(next('@monthly', '2024-01-01T00:01:00Z'), '2024-02-01T00:00:00.000Z');
    assert.equal(next('@yearly', '2024-01-01T00:01:00Z'), '2025-01-01T00:00:00.000Z');
    assert.equal(next('@annually', '2024-01-01T00:01:00Z'), '2025-01-01T00:00:00.000Z');
    assert.equal(next('@every 90s', '2024-01-01T00:01:00Z'), '2024-01-01T00:02:30.000Z');
  });

  it('reads month and weekday names, and ? as *', () => {
    assert.equal(next('0 0 1 mar ?', '2024-01-01T00:00:00Z'), '2024-03-01T00:00:00.000Z');
    assert.equal(next('0 12 ? * MON-FRI', '2024-01-06T00:00:00Z'), '2024-01-08T12:00:00.000Z'); // Sat → Mon
  });

  it('ORs day-of-month and day-of-week when both are restricted, ANDs them when one is a star', () => {
    // The 15th, or any Friday: Friday 2024-01-05 comes first.
    assert.equal(next('0 0 15 * 5', '2024-01-01T00:00:00Z'), '2024-01-05T00:00:00.000Z');
    // Only Fridays (day-of-month is *).
    assert.equal(next('0 0 * * 5', '2024-01-06T00:00:00Z'), '2024-01-12T00:00:00.000Z');
  });

  it('computes wall-clock times in spec.timeZone', () => {
    // 09:30 in Tokyo (UTC+9) is 00:30 UTC.
    assert.equal(next('30 9 * * *', '2024-01-01T00:01:00Z', 'Asia/Tokyo'), '2024-01-01T00:30:00.000Z');
    // New York is UTC-5 in January and UTC-4 in July.
    assert.equal(next('0 8 * * *', '2024-01-01T00:00:00Z', 'America/New_York'), '2024-01-01T13:00:00.000Z');
    assert.equal(next('0 8 * * *', '2024-07-01T00:00:00Z', 'America/New_York'), '2024-07-01T12:00:00.000Z');
    // Midnight on the day after the spring-forward change still fires.
    assert.equal(next('0 0 * * *', '2024-03-10T01:00:00-05:00', 'America/New_York'), '2024-03-11T04:00:00.000Z');
  });

  it('returns undefined for a schedule that never fires', () => {
    assert.equal(next('0 0 30 2 *', '2024-01-01T00:00:00Z'), undefined);
  });

  it("rejects what ParseStandard rejects, with robfig's messages", () => {
    const error = (s: string): string => {
      try {
        parseSchedule(s);
      } catch (e) {
        return (e as Error).message;
      }
      return 'accepted';
    };
    assert.equal(error('61 * * * *'), 'end of range (61) above maximum (59): 61');
    assert.equal(error('* * 0 * *'), 'beginning of range (0) below minimum (1): 0');
    assert.equal(error('* * * * 7'), 'end of range (7) above maximum (6): 7');
    assert.equal(error('5-2 * * * *'), 'beginning of range (5) beyond end of range (2): 5-2');
    assert.equal(error('*/0 * * * *'), 'step of range should be a positive number: */0');
    assert.equal(error('* * * *'), 'expected exactly 5 fields, found 4: [* * * *]');
    assert.equal(error('@fortnightly'), 'unrecognized descriptor: @fortnightly');
    assert.equal(error('x * * * *'), 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax');
    assert.equal(error(''), 'empty spec string');
    assert.equal(error('CRON_TZ=UTC 0 * * * *'), 'accepted'); // robfig reads the zone; the API server refuses it separately
  });

  it('knows time zones the way time.LoadLocation does', () => {
    assert.equal(timeZoneProblem('Europe/Paris'), undefined);
    assert.equal(timeZoneProblem('Europe/Pariss'), 'unknown time zone Europe/Pariss');
    assert.match(timeZoneProblem('Local') ?? '', /explicit time zone/);
  });
});
