import { describe, expect, it } from 'vitest';
import { parseContentDate, wallClock, zoneOffsetMinutes } from '../src/lib/i18n/zone-time.ts';

const MX = 'America/Mexico_City';

describe('wallClock', () => {
  it("gives an instant as the zone's own date and time", () => {
    expect(wallClock(new Date('2023-02-27T18:00:00Z'), MX)).toBe('2023-02-27T12:00:00');
    expect(wallClock(new Date('2023-02-27T18:00:00Z'), 'Asia/Tokyo')).toBe('2023-02-28T03:00:00');
  });

  it('follows daylight saving time where the zone has it', () => {
    // Los Angeles: UTC-8 in winter, UTC-7 in summer.
    expect(wallClock(new Date('2023-01-15T20:00:00Z'), 'America/Los_Angeles')).toBe('2023-01-15T12:00:00');
    expect(wallClock(new Date('2023-07-15T19:00:00Z'), 'America/Los_Angeles')).toBe('2023-07-15T12:00:00');
  });

  it('gives back the wall-clock time a content date without offset was read from', () => {
    for (const text of ['2023-02-27T10:30', '2023-12-31T23:59', '2024-02-29T00:00']) {
      expect(wallClock(parseContentDate(text, MX)!.date, MX).slice(0, 16)).toBe(text);
    }
  });
});

describe('zoneOffsetMinutes', () => {
  it('is the minutes the zone is ahead of UTC', () => {
    expect(zoneOffsetMinutes(Date.parse('2023-02-27T18:00:00Z'), MX)).toBe(-360);
    expect(zoneOffsetMinutes(Date.parse('2023-02-27T18:00:00Z'), 'Asia/Kolkata')).toBe(330);
  });
});
