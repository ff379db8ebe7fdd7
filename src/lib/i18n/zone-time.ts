/**
 * Content dates and the site's time zone, with no other import: the check,
 * the pages and the web editor's bundle (src/lib/editor/note-format.ts) read
 * dates with the same rules.
 */
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

/** Milliseconds since the epoch of a UTC date and time (any year: Date.UTC alone reads 0-99 as 1900-1999). */
export function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
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
/** A kept Intl.DateTimeFormat for these locale and options. */
export function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
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
 * An instant as the wall-clock time of `timeZone`, `YYYY-MM-DDTHH:mm:ss`.
 * @example wallClock(new Date('2023-02-27T18:00:00Z'), 'America/Mexico_City') // '2023-02-27T12:00:00'
 */
export function wallClock(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + zoneOffsetMinutes(instant.getTime(), timeZone) * 60_000).toISOString().slice(0, 19);
}
