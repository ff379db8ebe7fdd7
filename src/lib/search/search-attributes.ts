import { calendarDay, formatDate } from '../i18n/dates.ts';
import type { NoteVersion } from '../content/types.ts';

/** `data-pagefind-*` attributes, spread onto an element of a note page. */
export type SearchAttributes = Record<`data-pagefind-${string}`, string>;

/**
 * What a note's `<article>` tells Pagefind: index this page, sort it by its
 * publication instant, show its date as readers see it on the page, and
 * file it under its year. An unpublished note (seen only in a preview
 * build) gets nothing, so it never enters the index.
 *
 * Pagefind allows one inline `key:value` per attribute, hence one each.
 * @example
 * noteSearchAttributes({ date: new Date('2023-02-28T06:00:00Z'), dateOnly: true, lang: 'es' }, true, 'America/Mexico_City')
 * // { 'data-pagefind-body': '', 'data-pagefind-sort': 'date:2023-02-28T06:00:00.000Z',
 * //   'data-pagefind-meta': 'date:28 de febrero de 2023', 'data-pagefind-filter': 'year:2023' }
 */
export function noteSearchAttributes(
  version: Pick<NoteVersion, 'date' | 'dateOnly' | 'lang'>,
  published: boolean,
  timeZone: string,
): SearchAttributes {
  if (!published) return {};
  return {
    'data-pagefind-body': '',
    // UTC ISO strings sort as text in time order, whatever the zone offset.
    'data-pagefind-sort': `date:${version.date.toISOString()}`,
    'data-pagefind-meta': `date:${formatDate(version.date, version.lang, timeZone, version.dateOnly)}`,
    'data-pagefind-filter': `year:${calendarDay(version.date, timeZone).slice(0, 4)}`,
  };
}
