import { describe, expect, it } from 'vitest';
import { noteSearchAttributes } from '../src/lib/search/search-attributes.ts';

const TZ = 'America/Mexico_City';

describe('noteSearchAttributes', () => {
  it('indexes a published note with its sort key, the date readers see and its year', () => {
    expect(noteSearchAttributes({ date: new Date('2023-02-28T06:00:00Z'), dateOnly: true, lang: 'es' }, true, TZ)).toEqual({
      'data-pagefind-body': '',
      'data-pagefind-sort': 'date:2023-02-28T06:00:00.000Z',
      'data-pagefind-meta': 'date:28 de febrero de 2023',
      'data-pagefind-filter': 'year:2023',
    });
  });

  it('shows the time of a dated note in the reader’s language', () => {
    const attrs = noteSearchAttributes({ date: new Date('2023-02-27T18:00:00Z'), dateOnly: false, lang: 'en' }, true, TZ);
    expect(attrs['data-pagefind-meta']).toBe('date:February 27, 2023 at 12:00 PM CST');
  });

  it('files a note under the year of the site time zone, not of UTC', () => {
    // 05:00 UTC on New Year's Day is still 31 December in Mexico City.
    const attrs = noteSearchAttributes({ date: new Date('2024-01-01T05:00:00Z'), dateOnly: false, lang: 'es' }, true, TZ);
    expect(attrs['data-pagefind-filter']).toBe('year:2023');
  });

  it('gives sort keys that order notes in time even across zone offsets', () => {
    const key = (iso: string) => noteSearchAttributes({ date: new Date(iso), dateOnly: false, lang: 'es' }, true, TZ)['data-pagefind-sort']!;
    const keys = ['2023-04-21T23:00:00Z', '2023-02-27T18:00:00Z', '2023-03-12T09:30:00Z'].map(key);
    expect([...keys].sort()).toEqual([keys[1], keys[2], keys[0]]);
  });

  it('keeps an unpublished note (preview builds) out of the index entirely', () => {
    expect(noteSearchAttributes({ date: new Date('2099-01-01T15:00:00Z'), dateOnly: false, lang: 'es' }, false, TZ)).toEqual({});
  });
});
