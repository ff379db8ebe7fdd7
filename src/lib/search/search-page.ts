/**
 * What the search page's markup needs: where Pagefind lives under the base
 * path, the controls with their labels, and the sentences its script says.
 */
import { t } from '../i18n/i18n.ts';
import { homePath, notesPath, withBase } from '../pages/routes.ts';
import type { DigitGroups, SearchMessages } from './search-results.ts';
import { SHARDS_FILE } from './search-shards.ts';
import { SCORES_DIR } from './search-scores.ts';
import { VOCABULARY_DIR } from './search-vocabulary.ts';
import { SEARCH_FILTERS, SEARCH_SORTS, type SearchFilter, type SearchSort } from './search-state.ts';
import type { Lang } from '../content/types.ts';

export interface SearchPageData {
  /** URL of Pagefind's script, e.g. `/convoy/pagefind/pagefind.js`. */
  bundle: string;
  /** What Pagefind puts before the site paths of results, e.g. `/convoy/`. */
  baseUrl: string;
  /** The file that says how many index shards each language has (`src/lib/search/search-shards.ts`), e.g. `/convoy/pagefind/shards.json`; their folders are beside it. */
  shards: string;
  /** Folder of the vocabulary files, e.g. `/convoy/pagefind/vocabulary/` (then `es/n.txt`). */
  vocabulary: string;
  /** Folder of the score files, e.g. `/convoy/pagefind/scores/` (then `es/_convoy.txt`). */
  scores: string;
  messages: SearchMessages;
  filters: Array<{ name: SearchFilter; label: string; any: string }>;
  sorts: Array<{ value: SearchSort; label: string }>;
  /** The listings to browse instead, for readers without JavaScript. */
  listings: Array<{ href: string; label: string }>;
}

/**
 * The search page of `lang` on a site served from `base`.
 * @example searchPageData('es', '/convoy/').bundle // '/convoy/pagefind/pagefind.js'
 */
export function searchPageData(lang: Lang, base: string): SearchPageData {
  return {
    bundle: withBase('/pagefind/pagefind.js', base),
    baseUrl: withBase('/', base),
    shards: withBase(`/pagefind/${SHARDS_FILE}`, base),
    vocabulary: withBase(`/pagefind/${VOCABULARY_DIR}/`, base),
    scores: withBase(`/pagefind/${SCORES_DIR}/`, base),
    messages: {
      prompt: t(lang, 'search.prompt'),
      loading: t(lang, 'search.loading'),
      none: t(lang, 'search.results.none'),
      one: t(lang, 'search.results.one'),
      many: t(lang, 'search.results.many'),
      groups: digitGroups(lang),
      corrected: t(lang, 'search.corrected'),
      exactInstead: t(lang, 'search.exactInstead'),
      suggest: t(lang, 'search.suggest'),
      suggestOr: t(lang, 'search.suggest.or'),
      suggestWord: t(lang, 'search.suggest.word'),
      alphabet: t(lang, 'search.filter.alphabet'),
      filtersOne: t(lang, 'search.filters.one'),
      filtersMany: t(lang, 'search.filters.many'),
    },
    filters: SEARCH_FILTERS.map((name) => ({ name, label: t(lang, `search.filter.${name}`), any: t(lang, `search.filter.any.${name}`) })),
    sorts: SEARCH_SORTS.map((value) => ({ value, label: t(lang, `search.sort.${value}`) })),
    listings: [
      { href: withBase(notesPath(lang), base), label: t(lang, 'home.allNews') },
      { href: `${withBase(homePath(lang), base)}#itinerary`, label: t(lang, 'home.itinerary') },
      { href: `${withBase(homePath(lang), base)}#topics`, label: t(lang, 'home.topics') },
    ],
  };
}

/**
 * How `lang` writes whole numbers, read from the runtime at build time, so
 * that the search page writes its counts without an `Intl.NumberFormat`.
 * @example digitGroups('es') // { separator: '.', from: 5 }
 */
export function digitGroups(lang: Lang): DigitGroups {
  const format = new Intl.NumberFormat(lang);
  const group = (n: number) => format.formatToParts(n).find((part) => part.type === 'group')?.value;
  return { separator: group(10000) ?? '', from: group(1000) ? 4 : 5 };
}
