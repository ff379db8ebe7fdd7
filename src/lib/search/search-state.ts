/**
 * The search page's state (query, filters, order) and its URL, so that a
 * search is a link: `/es/buscar/?q=inversion&stop=Los+Ángeles`.
 */

/** The filters a search can be narrowed by, in the order the page shows them. */
export const SEARCH_FILTERS = ['stop', 'topic', 'year', 'person', 'organization'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** The orders results can be shown in; the first (best match first) is the default. */
export const SEARCH_SORTS = ['relevance', 'newest', 'oldest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** What the reader asked for. Filter values are the labels Pagefind indexed (e.g. `Los Ángeles`). */
export interface SearchState {
  query: string;
  filters: Partial<Record<SearchFilter, string>>;
  sort: SearchSort;
  /** Search the words as written, forgiving no typo (`exact=1`, the link under a corrected search). */
  exact: boolean;
}

/**
 * Reads the state from a URL query; unknown parameters and orders are ignored.
 * @example readSearchState(new URLSearchParams('q=inversion&year=2023&sort=oldest'))
 * // { query: 'inversion', filters: { year: '2023' }, sort: 'oldest', exact: false }
 */
export function readSearchState(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const name of SEARCH_FILTERS) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  const sort = params.get('sort');
  return {
    query: params.get('q') ?? '',
    filters,
    sort: SEARCH_SORTS.find((s) => s === sort) ?? SEARCH_SORTS[0],
    exact: params.get('exact') === '1',
  };
}

/**
 * The URL query of a state, with only what differs from an empty search;
 * `''` when there is nothing to keep.
 * @example searchQueryString({ query: 'año', filters: { stop: 'Los Ángeles' }, sort: 'newest', exact: false })
 * // '?q=a%C3%B1o&stop=Los+%C3%81ngeles&sort=newest'
 */
export function searchQueryString(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query);
  for (const name of SEARCH_FILTERS) {
    const value = state.filters[name];
    if (value) params.set(name, value);
  }
  if (state.sort !== SEARCH_SORTS[0]) params.set('sort', state.sort);
  if (state.exact && state.query.trim()) params.set('exact', '1');
  const query = params.toString();
  return query ? `?${query}` : '';
}
