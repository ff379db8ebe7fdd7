import { describe, expect, it } from 'vitest';
import { pagefindRequest, readSearchState, searchQueryString, type SearchState } from '../src/lib/search-state.ts';

const state = (over: Partial<SearchState> = {}): SearchState => ({ query: '', filters: {}, sort: 'newest', ...over });

describe('readSearchState', () => {
  it('reads the words, the filters and the order of a search link', () => {
    expect(readSearchState(new URLSearchParams('q=inversion&stop=Los+%C3%81ngeles&topic=Cine&year=2023&sort=oldest'))).toEqual({
      query: 'inversion',
      filters: { stop: 'Los Ángeles', topic: 'Cine', year: '2023' },
      sort: 'oldest',
    });
  });

  it('reads a person and an organization, the filters a note names', () => {
    expect(readSearchState(new URLSearchParams('person=Karen+Bass&organization=Secretar%C3%ADa+de+Relaciones+Exteriores')).filters).toEqual({
      person: 'Karen Bass',
      organization: 'Secretaría de Relaciones Exteriores',
    });
  });

  it('starts empty, newest first, without a query', () => {
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

  it('leaves out the default order and blank words', () => {
    expect(searchQueryString(state({ query: '   ', filters: { year: '2023' } }))).toBe('?year=2023');
    expect(searchQueryString(state({ sort: 'relevance' }))).toBe('?sort=relevance');
  });

  it('is empty for an empty search, so the URL is the bare search page', () => {
    expect(searchQueryString(state())).toBe('');
  });

  it('reads back what it writes', () => {
    const written = state({ query: 'Ciudad de México & "Texas"', filters: { topic: 'Comercio e inversión', year: '2024' }, sort: 'oldest' });
    expect(readSearchState(new URLSearchParams(searchQueryString(written)))).toEqual(written);
  });
});

describe('pagefindRequest', () => {
  it('asks for nothing before the reader types or filters', () => {
    expect(pagefindRequest(state({ query: '  ' }))).toBeUndefined();
  });

  it('sorts newest first by default', () => {
    expect(pagefindRequest(state({ query: ' Mexico ' }))).toEqual({ term: 'Mexico', options: { filters: {}, sort: { date: 'desc' } } });
  });

  it('sorts oldest first when asked', () => {
    expect(pagefindRequest(state({ query: 'x', sort: 'oldest' }))?.options.sort).toEqual({ date: 'asc' });
  });

  it('leaves the order to Pagefind for the most relevant first', () => {
    expect(pagefindRequest(state({ query: 'x', sort: 'relevance' }))).toEqual({ term: 'x', options: { filters: {} } });
  });

  it('lists by filters alone, newest first, when there are no words', () => {
    expect(pagefindRequest(state({ filters: { topic: 'Cine' }, sort: 'relevance' }))).toEqual({
      term: null,
      options: { filters: { topic: 'Cine' }, sort: { date: 'desc' } },
    });
  });
});
