import { language } from './languages.ts';
import type { Lang } from '../content/types.ts';

/** A content date turned into an instant, remembering whether it had a time. */
export interface ContentDate {
  date: Date;
  dateOnly: boolean;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads a frontmatter date: `2023-02-27`, `2023-02-27 10:30`,
 * `2023-02-27T10:30:00-08:00`. A value without an offset is taken in
 * `timeZone`; a date-only value is the start of that day there. Returns
 * undefined for anything else, including impossible days such as
 * `2023-02-30` (which JavaScript would silently roll over to March).
 * @example parseContentDate('2023-02-27', 'America/Mexico_City')?.date.toISOString() // '2023-02-27T06:00:00.000Z'
 */
export function parseContentDate(value: string, timeZone: string): ContentDate | undefined {
  const match = DATE_RE.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', offset] = match;
  const parts = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (!isRealTime(...parts) || (offset && !isRealOffset(offset))) return undefined;
  const asUtc = utc(...parts);
  const dateOnly = match[4] === undefined;
  if (offset) return { date: new Date(asUtc - offsetMinutes(offset) * 60_000), dateOnly };
  return { date: zonedToInstant(asUtc, timeZone), dateOnly };
}

// Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear does not.
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const date = new Date(Date.UTC(2000, mo - 1, d, h, mi, s));
  date.setUTCFullYear(y);
  return date.getTime();
}

function isRealOffset(offset: string): boolean {
  if (offset === 'Z') return true;
  const digits = offset.slice(1).replace(':', '');
  return Number(digits.slice(0, 2)) <= 14 && Number(digits.slice(2)) < 60;
}

function isRealTime(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  const probe = new Date(utc(y, mo, d));
  return probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

// Building an Intl.DateTimeFormat costs far more than using one: keep them.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) formatters.set(key, (cached = new Intl.DateTimeFormat(locale, options)));
  return cached;
}

/** Minutes `timeZone` is ahead of UTC at `instant`. */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(instant).map((p) => [p.type, Number(p.value)]),
  );
  const wall = utc(parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

// Wall-clock time in a zone to an instant; two passes settle DST edges.
function zonedToInstant(wallAsUtc: number, timeZone: string): Date {
  let guess = wallAsUtc - zoneOffsetMinutes(wallAsUtc, timeZone) * 60_000;
  guess = wallAsUtc - zoneOffsetMinutes(guess, timeZone) * 60_000;
  return new Date(guess);
}

/**
 * The calendar day (`YYYY-MM-DD`) of an instant in a time zone.
 * @example calendarDay(new Date('2023-02-28T05:00:00Z'), 'America/Mexico_City') // '2023-02-27'
 */
export function calendarDay(instant: Date, timeZone: string): string {
  return formatter('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}


/**
 * Formats a note date for readers of `lang` in the site time zone; a date-only
 * value shows just its day.
 * @example formatDate(d, 'es', 'America/Mexico_City', true) // '27 de febrero de 2023'
 */
export function formatDate(instant: Date, lang: Lang, timeZone: string, dateOnly = false): string {
  return remembered(`${instant.getTime()}|${lang}|${timeZone}|${dateOnly}`, () => {
    const day: Intl.DateTimeFormatOptions = { timeZone, day: 'numeric', month: 'long', year: 'numeric' };
    if (dateOnly) return formatter(language(lang).locale, day).format(instant);
    return formatter(language(lang).locale, { ...day, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(instant);
  });
}

// Every listing page shows the dates of many notes, each note on many pages:
// a formatted date is kept rather than formatted again (a few per note).
const results = new Map<string, string>();
function remembered(key: string, format: () => string): string {
  let result = results.get(key);
  if (result === undefined) results.set(key, (result = format()));
  return result;
}

/**
 * Formats a stop's calendar day (`YYYY-MM-DD`) for readers of `lang`.
 * @example formatDay('2023-04-17', 'en') // 'April 17, 2023'
 */
export function formatDay(day: string, lang: Lang): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return formatter(language(lang).locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(utc(y, m, d));
}

/** An ISO 8601 string with the zone's offset, for `<time datetime>` and feeds. */
export function isoInZone(instant: Date, timeZone: string): string {
  return remembered(`${instant.getTime()}|${timeZone}|iso`, () => isoWithOffset(instant, timeZone));
}

function isoWithOffset(instant: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(instant.getTime(), timeZone);
  const local = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
