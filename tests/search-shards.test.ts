import { describe, expect, it } from 'vitest';
import { dateRank, indexedPage, shardCounts, shardFolder, shardPlan, SHARD_SIZE, type IndexedPage } from '../src/lib/search/search-shards.ts';

const page = (path: string, lang: string, date: string): IndexedPage => ({ path, lang, date });

describe('shardPlan', () => {
  const pages = [
    page('es/a', 'es', '2024-03-01T00:00:00.000Z'),
    page('es/b', 'es', '2025-01-01T00:00:00.000Z'),
    page('es/c', 'es', '2023-06-01T00:00:00.000Z'),
    page('en/a', 'en', '2024-03-01T00:00:00.000Z'),
    page('en/b', 'en', '2025-01-01T00:00:00.000Z'),
  ];

  it('deals each language’s notes out in turn, newest first, to as many shards as the size needs', () => {
    expect(shardPlan(pages, 2)).toEqual([['es/b', 'es/c', 'en/b', 'en/a'], ['es/a']]);
    expect(shardPlan(pages, 1)).toEqual([['es/b', 'en/b'], ['es/a', 'en/a'], ['es/c']]);
  });

  it('gives every shard notes of every period, not one run of dates', () => {
    const year = Array.from({ length: 12 }, (_, month) => page(`es/${month}`, 'es', `2024-${String(month + 1).padStart(2, '0')}`));
    expect(shardPlan(year, 4)).toEqual([
      ['es/11', 'es/8', 'es/5', 'es/2'],
      ['es/10', 'es/7', 'es/4', 'es/1'],
      ['es/9', 'es/6', 'es/3', 'es/0'],
    ]);
  });

  it('keeps a site of fewer notes than the shard size in one index, as Pagefind alone would', () => {
    expect(shardPlan(pages)).toEqual([['es/b', 'es/a', 'es/c', 'en/b', 'en/a']]);
    expect(SHARD_SIZE).toBeGreaterThanOrEqual(100);
    expect(shardPlan([])).toEqual([]);
  });

  it('orders notes of the same instant by path, so every build deals the same shards', () => {
    const same = [page('es/z', 'es', '2024'), page('es/m', 'es', '2024'), page('es/a', 'es', '2024')];
    expect(shardPlan(same, 2)).toEqual([['es/a', 'es/z'], ['es/m']]);
    expect(shardPlan([...same].reverse(), 2)).toEqual([['es/a', 'es/z'], ['es/m']]);
  });

  it('refuses a shard size that would hold no note', () => {
    expect(() => shardPlan(pages, 0)).toThrow('at least one note');
  });

  it('counts the shards of each language as the search page reads them', () => {
    expect(shardCounts(pages, 2)).toEqual({ es: 2, en: 1 });
    expect(shardCounts(pages)).toEqual({ es: 1, en: 1 });
  });
});

describe('dateRank', () => {
  it('gives back each note’s place newest first from its place in its shard', () => {
    const year = Array.from({ length: 12 }, (_, month) => page(`es/${month}`, 'es', `2024-${String(month + 1).padStart(2, '0')}`));
    const plan = shardPlan(year, 4);
    const ranked = plan.flatMap((shard, n) => shard.map((path, place) => [dateRank(place, n, plan.length), path] as const));
    expect(ranked.sort(([a], [b]) => a - b).map(([, path]) => path)).toEqual(year.map((p) => p.path).reverse());
  });
});

describe('shardFolder', () => {
  it('is the bundle itself for the first shard and a folder under it for the others', () => {
    expect(shardFolder(0)).toBe('');
    expect(shardFolder(1)).toBe('shards/1/');
    expect(shardFolder(12)).toBe('shards/12/');
  });
});

describe('indexedPage', () => {
  it('reads the language and the sort date of a note Pagefind indexes', () => {
    const html = '<!doctype html><html lang="es-MX" dir="ltr"><body><article data-pagefind-body data-pagefind-sort="date:2023-02-27T18:00:00.000Z">';
    expect(indexedPage('es/notas/a/index.html', html)).toEqual({ path: 'es/notas/a/index.html', lang: 'es-mx', date: '2023-02-27T18:00:00.000Z' });
  });

  it('leaves out a page Pagefind does not index, even one that names the attribute in its text', () => {
    expect(indexedPage('es/index.html', '<html lang="es"><body><p>Pagefind reads data-pagefind-body attributes, written &lt;main data-pagefind-body&gt;</p>')).toBeUndefined();
    expect(indexedPage('es/index.html', '<html lang="es"><body><main data-pagefind-ignore>')).toBeUndefined();
  });
});
