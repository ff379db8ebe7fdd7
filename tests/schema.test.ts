import { describe, expect, it } from 'vitest';
import { KEBAB, noteFrontmatter, stopFile, topicsFile } from '../src/lib/content/schema.ts';

const note = { title: 'Llega el convoy', summary: 'Resumen', date: '2023-02-27', stop: 'los-angeles' };
const stopText = { name: 'Los Ángeles', region: 'California', country: 'Estados Unidos', summary: 'Primera parada.' };

describe('noteFrontmatter', () => {
  it('accepts the required fields and fills the defaults', () => {
    expect(noteFrontmatter.parse(note)).toEqual({ ...note, topics: [], people: [], organizations: [], draft: false });
  });

  it('refuses an unknown field such as titel', () => {
    const result = noteFrontmatter.safeParse({ ...note, titel: 'x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['titel'], path: [] }]);
  });

  it('refuses an unknown field inside image', () => {
    const result = noteFrontmatter.safeParse({ ...note, image: { src: 'a.jpg', alt: 'Alt', caption: 'x' } });
    expect(result.error?.issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['caption'], path: ['image'] }]);
  });

  it.each(['title', 'summary', 'date', 'stop'])('requires %s', (field) => {
    const { [field as keyof typeof note]: _, ...rest } = note;
    expect(noteFrontmatter.safeParse(rest).error?.issues.map((i) => i.path)).toEqual([[field]]);
  });

  it('trims the title and refuses one that is only spaces', () => {
    expect(noteFrontmatter.parse({ ...note, title: '  Hola  ' }).title).toBe('Hola');
    expect(noteFrontmatter.safeParse({ ...note, title: '   ' }).success).toBe(false);
  });

  it('accepts a 160-character title and refuses 161', () => {
    expect(noteFrontmatter.safeParse({ ...note, title: 'a'.repeat(160) }).success).toBe(true);
    expect(noteFrontmatter.safeParse({ ...note, title: 'a'.repeat(161) }).success).toBe(false);
  });

  it('accepts a 300-character summary and refuses 301', () => {
    expect(noteFrontmatter.safeParse({ ...note, summary: 'a'.repeat(300) }).success).toBe(true);
    expect(noteFrontmatter.safeParse({ ...note, summary: 'a'.repeat(301) }).success).toBe(false);
  });

  it('accepts a kebab-case slug', () => {
    expect(noteFrontmatter.parse({ ...note, slug: 'arrival-in-los-angeles-2023' }).slug).toBe('arrival-in-los-angeles-2023');
  });

  it.each(['Llegada', 'llegada_la', 'llegada los angeles', 'llegada--la', '-llegada', 'llegada-', 'inversión'])('refuses the slug %j', (slug) => {
    expect(noteFrontmatter.safeParse({ ...note, slug }).success).toBe(false);
  });

  it('refuses a stop id that is not kebab-case', () => {
    expect(noteFrontmatter.safeParse({ ...note, stop: 'Los Angeles' }).success).toBe(false);
  });

  it('refuses a draft flag that is not a boolean', () => {
    expect(noteFrontmatter.safeParse({ ...note, draft: 'yes' }).success).toBe(false);
  });

  it('requires alt text on an image', () => {
    expect(noteFrontmatter.safeParse({ ...note, image: { src: 'hero.jpg' } }).success).toBe(false);
    expect(noteFrontmatter.safeParse({ ...note, image: { src: 'hero.jpg', alt: ' ' } }).success).toBe(false);
  });

  it('keeps a date string as written', () => {
    expect(noteFrontmatter.parse({ ...note, date: '2023-02-27 10:30' }).date).toBe('2023-02-27 10:30');
  });

  it('turns a Date object into an ISO string', () => {
    expect(noteFrontmatter.parse({ ...note, date: new Date('2023-02-27T18:00:00Z') }).date).toBe('2023-02-27T18:00:00.000Z');
  });
});

describe('KEBAB', () => {
  it('matches lowercase words joined by single hyphens', () => {
    expect(['a', 'los-angeles', 'industry-4-0'].every((s) => KEBAB.test(s))).toBe(true);
    expect(['', 'Los-angeles', 'a--b', 'a_b', 'é'].some((s) => KEBAB.test(s))).toBe(false);
  });
});

describe('stopFile', () => {
  it('accepts a planned stop without dates', () => {
    expect(stopFile.safeParse({ order: 3, es: stopText, en: stopText }).success).toBe(true);
  });

  it('refuses an unknown field', () => {
    expect(stopFile.safeParse({ order: 3, es: stopText, en: stopText, name: 'x' }).success).toBe(false);
  });

  it('requires the text in both languages', () => {
    expect(stopFile.safeParse({ order: 3, es: stopText }).error?.issues.map((i) => i.path)).toEqual([['en']]);
  });

  it('refuses coordinates outside the globe', () => {
    expect(stopFile.safeParse({ order: 1, es: stopText, en: stopText, coordinates: [91, 0] }).success).toBe(false);
    expect(stopFile.safeParse({ order: 1, es: stopText, en: stopText, coordinates: [34.05, -118.24] }).success).toBe(true);
  });

  it('refuses an order that is not a whole number', () => {
    expect(stopFile.safeParse({ order: 1.5, es: stopText, en: stopText }).success).toBe(false);
  });
});

describe('topicsFile', () => {
  it('accepts kebab-case ids with both labels', () => {
    expect(topicsFile.safeParse({ 'trade-investment': { es: 'Comercio', en: 'Trade' } }).success).toBe(true);
  });

  it('refuses an id that is not kebab-case', () => {
    expect(topicsFile.safeParse({ Trade: { es: 'Comercio', en: 'Trade' } }).success).toBe(false);
  });

  it('refuses a topic missing its English label', () => {
    expect(topicsFile.safeParse({ film: { es: 'Cine' } }).success).toBe(false);
  });
});
