/**
 * How the search index is split so that a large archive answers as fast as
 * a small one. Pagefind matches each result page against the entries of
 * every page holding the word, so one search costs in proportion to the
 * square of the pages a word is on: 25 times more, not 5, on a site five
 * times larger. The build therefore writes one Pagefind index per shard of
 * at most SHARD_SIZE notes per language (the first shard is the bundle's
 * own index, `pagefind/`; the others are `pagefind/shards/<n>/`), and the
 * search page merges them (Pagefind's `mergeIndex`), so a search costs in
 * proportion to the notes, times the shard size.
 *
 * The notes are dealt out in turn, newest first (the newest to shard 0, the
 * next to shard 1…), not cut into runs of dates: Pagefind scores a page
 * against its own shard (a word's weight falls with the share of the
 * shard's pages that have it), and each shard then holds a fair sample of
 * every period, so a name that the news of one month repeats weighs about
 * the same in every shard, and scores from different shards compare. The
 * date order follows from the deal: a note's place newest first is its
 * place in its shard's order times the number of shards, plus its shard.
 */
/** Notes of one language per shard: the sample site and a year of notes fit in one. */
export const SHARD_SIZE = 500;

/** The file, in the bundle folder, that says how many shards each language has: `{ "es": 10 }`. */
export const SHARDS_FILE = 'shards.json';

/** A page Pagefind indexes: its path in the build, its `<html lang>`, and its sort date. */
export interface IndexedPage {
  path: string;
  lang: string;
  date: string;
}

/**
 * The pages of each shard, shard 0 first: each language's notes newest
 * first (by the ISO date they sort by; then by path, so the plan is the
 * same on every build), dealt out in turn to as many shards as `size`
 * needs for that language.
 * @example
 * shardPlan([{ path: 'a', lang: 'es', date: '2024' }, { path: 'b', lang: 'es', date: '2025' }, { path: 'c', lang: 'en', date: '2020' }], 1)
 * // [['b', 'c'], ['a']]
 */
export function shardPlan(pages: readonly IndexedPage[], size: number = SHARD_SIZE): string[][] {
  if (!(size >= 1)) throw new Error(`A search shard holds at least one note, not ${size}.`);
  const byLang = new Map<string, IndexedPage[]>();
  for (const page of pages) byLang.set(page.lang, [...(byLang.get(page.lang) ?? []), page]);
  const shards: string[][] = [];
  for (const list of byLang.values()) {
    list.sort((a, b) => (a.date === b.date ? (a.path < b.path ? -1 : 1) : a.date < b.date ? 1 : -1));
    const count = Math.ceil(list.length / size);
    list.forEach((page, i) => (shards[i % count] ??= []).push(page.path));
  }
  return shards;
}

/**
 * A note's place in the date order, newest first (0), from its place in its
 * shard's own date order, its shard, and the number of shards (see shardPlan).
 * @example dateRank(1, 2, 3) // 5: the second newest of shard 2 of 3
 */
export function dateRank(placeInShard: number, shard: number, shards: number): number {
  return placeInShard * shards + shard;
}

/**
 * How many shards each language has, as SHARDS_FILE says it.
 * @example shardCounts([{ path: 'a', lang: 'es', date: '' }, { path: 'b', lang: 'es', date: '' }], 1) // { es: 2 }
 */
export function shardCounts(pages: readonly IndexedPage[], size: number = SHARD_SIZE): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const page of pages) counts[page.lang] = (counts[page.lang] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).map(([lang, n]) => [lang, Math.ceil(n / size)]));
}

/**
 * The folder of shard `n` under the bundle folder, '' for the bundle's own index.
 * @example shardFolder(0) // ''
 * @example shardFolder(3) // 'shards/3/'
 */
export function shardFolder(n: number): string {
  return n === 0 ? '' : `shards/${n}/`;
}

/**
 * What the search index needs of a built page: its language and sort date
 * when it is a note Pagefind indexes (`data-pagefind-body`), undefined for
 * any other page.
 * @example indexedPage('es/notas/a/index.html', '<html lang="es"><article data-pagefind-body data-pagefind-sort="date:2024-01-02T00:00:00.000Z">')
 * // { path: 'es/notas/a/index.html', lang: 'es', date: '2024-01-02T00:00:00.000Z' }
 */
export function indexedPage(path: string, html: string): IndexedPage | undefined {
  // In a tag only: a note that mentions the attribute has it escaped in its text.
  if (!/<[^>]*\sdata-pagefind-body[\s=>]/.test(html)) return undefined;
  const lang = /<html[^>]*\slang="([^"]+)"/i.exec(html)?.[1]?.toLowerCase() ?? 'unknown';
  const date = /\sdata-pagefind-sort="date:([^"]*)"/.exec(html)?.[1] ?? '';
  return { path, lang, date };
}
