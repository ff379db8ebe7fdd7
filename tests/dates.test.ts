import { describe, expect, it } from 'vitest';
import { calendarDay, formatDate, formatDay, isoInZone, parseContentDate } from '../src/lib/i18n/dates.ts';

const MX = 'America/Mexico_City';
const LA = 'America/Los_Angeles';

// Expected instants are worked out by hand: Mexico City has been UTC-6 all
// year since October 2022 (and was UTC-6 in winter before that), so a Mexico
// City wall time plus six hours is the UTC time.
const iso = (value: string, timeZone = MX) => parseContentDate(value, timeZone)?.date.toISOString();

describe('parseContentDate', () => {
  it('reads a date-only value as the start of that day in Mexico City', () => {
    expect(parseContentDate('2023-02-27', MX)).toEqual({ date: new Date('2023-02-27T06:00:00.000Z'), dateOnly: true });
  });

  it('reads a time without offset as Mexico City time', () => {
    expect(iso('2023-02-27 10:30')).toBe('2023-02-27T16:30:00.000Z');
    expect(iso('2023-02-27T23:15:20')).toBe('2023-02-28T05:15:20.000Z');
  });

  it('marks a value with a time as not date-only', () => {
    expect(parseContentDate('2023-02-27T10:30', MX)?.dateOnly).toBe(false);
  });

  it('applies the site time zone it is given, with its daylight saving time', () => {
    // Los Angeles is on PDT (UTC-7) in July.
    expect(iso('2023-07-01 10:00', LA)).toBe('2023-07-01T17:00:00.000Z');
    expect(iso('2023-07-01', LA)).toBe('2023-07-01T07:00:00.000Z');
  });

  it('honours an explicit Z offset', () => {
    expect(iso('2023-02-27T10:30:00Z')).toBe('2023-02-27T10:30:00.000Z');
  });

  it('honours an explicit -08:00 offset instead of the site time zone', () => {
    expect(iso('2023-02-27T12:00:00-08:00')).toBe('2023-02-27T20:00:00.000Z');
  });

  it('honours a positive offset with minutes', () => {
    expect(iso('2023-02-27T12:00:00+05:30')).toBe('2023-02-27T06:30:00.000Z');
  });

  it.each(['2023-02-30', '2023-02-29', '2023-04-31', '2023-13-01', '2023-00-10', '2023-02-27T24:00', '2023-02-27T10:60'])(
    'refuses the impossible date %s',
    (value) => {
      expect(parseContentDate(value, MX)).toBeUndefined();
    },
  );

  it('accepts the leap day of a leap year', () => {
    expect(iso('2024-02-29')).toBe('2024-02-29T06:00:00.000Z');
  });

  it.each(['27/02/2023', 'February 27, 2023', '2023-2-27', '', 'mañana'])('refuses the non-ISO value %j', (value) => {
    expect(parseContentDate(value, MX)).toBeUndefined();
  });
});

describe('calendarDay', () => {
  it('gives the day of an instant in the zone asked for', () => {
    expect(calendarDay(new Date('2023-02-27T20:00:00Z'), MX)).toBe('2023-02-27');
  });

  it('puts a late evening in Los Angeles on the next day in Mexico City', () => {
    // 22:30 PST (UTC-8) on the 27th is 06:30 UTC on the 28th, 00:30 in Mexico City.
    const lateInLosAngeles = parseContentDate('2023-02-27T22:30:00-08:00', MX)!.date;
    expect(calendarDay(lateInLosAngeles, LA)).toBe('2023-02-27');
    expect(calendarDay(lateInLosAngeles, MX)).toBe('2023-02-28');
  });

  it('puts 05:59 UTC on the previous day in Mexico City', () => {
    expect(calendarDay(new Date('2023-02-28T05:59:00Z'), MX)).toBe('2023-02-27');
    expect(calendarDay(new Date('2023-02-28T06:00:00Z'), MX)).toBe('2023-02-28');
  });
});

describe('formatDate', () => {
  const dayOnly = parseContentDate('2023-02-27', MX)!.date;
  // 23:30 PST on the 27th = 07:30 UTC on the 28th = 01:30 in Mexico City on the 28th.
  const lateEvening = parseContentDate('2023-02-27T23:30:00-08:00', MX)!.date;

  it('shows a date-only value as the day in Spanish, without a time', () => {
    expect(formatDate(dayOnly, 'es', MX, true)).toBe('27 de febrero de 2023');
  });

  it('shows a date-only value as the day in English, without a time', () => {
    expect(formatDate(dayOnly, 'en', MX, true)).toBe('February 27, 2023');
  });

  it('shows the Mexico City date and time in Spanish for a -08:00 late-evening time', () => {
    const text = formatDate(lateEvening, 'es', MX);
    expect(text).toContain('28 de febrero de 2023');
    expect(text).toMatch(/\b1:30\b/);
    expect(text).not.toContain('27');
  });

  it('shows the Mexico City date and time in English for a -08:00 late-evening time', () => {
    const text = formatDate(lateEvening, 'en', MX);
    expect(text).toContain('February 28, 2023');
    expect(text).toMatch(/\b1:30\s?AM\b/);
    expect(text).not.toContain('11:30');
  });

  it('names the time zone when it shows a time', () => {
    expect(formatDate(lateEvening, 'en', MX)).toMatch(/CST|GMT-6/);
  });
});

describe('formatDay', () => {
  it('formats a calendar day in English', () => {
    expect(formatDay('2023-04-17', 'en')).toBe('April 17, 2023');
  });

  it('formats a calendar day in Spanish', () => {
    expect(formatDay('2023-04-17', 'es')).toBe('17 de abril de 2023');
  });

  it('keeps the first day of a month on that day (no time-zone shift)', () => {
    expect(formatDay('2023-03-01', 'en')).toBe('March 1, 2023');
  });
});

describe('isoInZone', () => {
  it('writes a Mexico City instant with its -06:00 offset', () => {
    expect(isoInZone(new Date('2023-02-28T07:30:00Z'), MX)).toBe('2023-02-28T01:30:00-06:00');
  });

  it('writes a positive offset with minutes', () => {
    expect(isoInZone(new Date('2023-02-28T07:30:00Z'), 'Asia/Kolkata')).toBe('2023-02-28T13:00:00+05:30');
  });

  it('writes UTC as +00:00', () => {
    expect(isoInZone(new Date('2023-02-28T07:30:00Z'), 'UTC')).toBe('2023-02-28T07:30:00+00:00');
  });

  it('writes a negative offset with minutes', () => {
    // St. John's, Newfoundland is UTC-3:30 in winter.
    expect(isoInZone(new Date('2023-02-28T07:30:00Z'), 'America/St_Johns')).toBe('2023-02-28T04:00:00-03:30');
  });

  it('round-trips through parseContentDate to the same instant', () => {
    const instant = new Date('2023-02-27T20:00:00Z');
    expect(parseContentDate(isoInZone(instant, MX), MX)?.date.getTime()).toBe(instant.getTime());
  });
});

describe('parseContentDate edge cases', () => {
  it('refuses offsets that do not exist', () => {
    expect(parseContentDate('2023-02-27T10:30:00+99:99', 'America/Mexico_City')).toBeUndefined();
    expect(parseContentDate('2023-02-27T10:30:00+25:00', 'America/Mexico_City')).toBeUndefined();
    expect(parseContentDate('2023-02-27T10:30:00+05:30', 'America/Mexico_City')?.date.toISOString()).toBe('2023-02-27T05:00:00.000Z');
  });

  it('keeps years below 100 as written instead of reading them as 19xx', () => {
    expect(parseContentDate('0099-01-01T00:00:00Z', 'America/Mexico_City')?.date.getUTCFullYear()).toBe(99);
    expect(parseContentDate('0099-01-01', 'America/Mexico_City')?.date.getUTCFullYear()).toBe(99);
  });
});
