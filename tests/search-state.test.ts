import { describe, expect, it } from 'vitest';
import { readSearchState, searchQueryString, type SearchState } from '../src/lib/search/search-state.ts';

const state = (over: Partial<SearchState> = {}): SearchState => ({ query: '', filters: {}, sort: 'relevance', exact: false, ...over });

describe('readSearchState', () => {
  it('reads the words, the filters and the order of a search link', () => {
    expect(readSearchState(new URLSearchParams('q=inversion&stop=Los+%C3%81ngeles&topic=Cine&year=2023&sort=oldest'))).toEqual({
      query: 'inversion',
      filters: { stop: 'Los Ángeles', topic: 'Cine', year: '2023' },
      sort: 'oldest',
      exact: false,
    });
  });

  it('reads a person and an organization, the filters a note names', () => {
    expect(readSearchState(new URLSearchParams('person=Karen+Bass&organization=Secretar%C3%ADa+de+Relaciones+Exteriores')).filters).toEqual({
      person: 'Karen Bass',
      organization: 'Secretaría de Relaciones Exteriores',
    });
  });

  it('reads a search for the exact spelling (the link under a forgiven typo)', () => {
    expect(readSearchState(new URLSearchParams('q=Netflx&exact=1'))).toEqual(state({ query: 'Netflx', exact: true }));
    expect(readSearchState(new URLSearchParams('q=Netflx&exact=yes')).exact).toBe(false);
  });

  it('starts empty, best match first, without a query', () => {
    expect(readSearchState(new URLSearchParams(''))).toEqual(state());
  });

  it('ignores unknown parameters, empty filters and unknown orders', () => {
    expect(readSearchState(new URLSearchParams('q=a&utm_source=x&stop=&topic=%20&sort=random'))).toEqual(state({ query: 'a' }));
  });
});

describe('searchQueryString', () => {
  it('keeps what the reader chose, accents encoded', () => {
    expect(searchQueryString(state({ query: 'año', filters: { stop: 'Los Ángeles' } }))).toBe('?q=a%C3%B1o&stop=Los+%C3%81ngeles');
  });

  it('leaves out the default order (best match first) and blank words', () => {
    expect(searchQueryString(state({ query: '   ', filters: { year: '2023' } }))).toBe('?year=2023');
    expect(searchQueryString(state({ sort: 'relevance' }))).toBe('');
    expect(searchQueryString(state({ sort: 'newest' }))).toBe('?sort=newest');
  });

  it('keeps the exact spelling only with words to spell', () => {
    expect(searchQueryString(state({ query: 'Netflx', exact: true }))).toBe('?q=Netflx&exact=1');
    expect(searchQueryString(state({ exact: true }))).toBe('');
  });

  it('is empty for an empty search, so the URL is the bare search page', () => {
    expect(searchQueryString(state())).toBe('');
  });

  it('reads back what it writes', () => {
    const written = state({ query: 'Ciudad de México & "Texas"', filters: { topic: 'Comercio e inversión', year: '2024' }, sort: 'oldest', exact: true });
    expect(readSearchState(new URLSearchParams(searchQueryString(written)))).toEqual(written);
  });
});
