import { language } from './languages.ts';
import { formatter, utc, wallClock, zoneOffsetMinutes } from './zone-time.ts';
import type { Lang } from '../content/types.ts';

export { parseContentDate, zoneOffsetMinutes, type ContentDate } from './zone-time.ts';

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
  const local = wallClock(instant, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
