import { describe, expect, it } from 'vitest';
import { searchPageData } from '../src/lib/search/search-page.ts';

describe('searchPageData', () => {
  it('loads Pagefind, its index shards and the vocabulary from under the base path and prefixes result links with it', () => {
    expect(searchPageData('es', '/convoy/')).toMatchObject({ bundle: '/convoy/pagefind/pagefind.js', baseUrl: '/convoy/', shards: '/convoy/pagefind/shards.json', vocabulary: '/convoy/pagefind/vocabulary/' });
    expect(searchPageData('en', '/')).toMatchObject({ bundle: '/pagefind/pagefind.js', baseUrl: '/', shards: '/pagefind/shards.json', vocabulary: '/pagefind/vocabulary/' });
  });

  it('labels the filters and orders in the page’s language, stop first', () => {
    const es = searchPageData('es', '/');
    expect(es.filters).toEqual([
      { name: 'stop', label: 'Parada', any: 'Todas las paradas' },
      { name: 'topic', label: 'Tema', any: 'Todos los temas' },
      { name: 'year', label: 'Año', any: 'Todos los años' },
      { name: 'person', label: 'Persona', any: 'Todas las personas' },
      { name: 'organization', label: 'Organización', any: 'Todas las organizaciones' },
    ]);
    expect(searchPageData('en', '/').filters.at(-1)).toEqual({ name: 'organization', label: 'Organization', any: 'All organizations' });
    expect(es.sorts.map((s) => s.value)).toEqual(['relevance', 'newest', 'oldest']);
    expect(searchPageData('en', '/').sorts[0]).toEqual({ value: 'relevance', label: 'Most relevant first' });
  });

  it('gives the script its sentences, with the count placeholder', () => {
    expect(searchPageData('en', '/').messages).toMatchObject({ one: '1 story found.', many: '{count} stories found.' });
    expect(searchPageData('es', '/').messages.none).toBe('Ninguna nota coincide con su búsqueda.');
    expect(searchPageData('es', '/').messages).toMatchObject({ corrected: 'Resultados para «{query}».', suggest: '¿Quiso decir {words}?', suggestOr: ' o ' });
    expect(searchPageData('en', '/').messages).toMatchObject({ corrected: 'Showing results for “{query}”.', exactInstead: 'Search instead for “{query}”' });
  });

  it('points readers without JavaScript to the listings', () => {
    expect(searchPageData('es', '/convoy/').listings.map((l) => l.href)).toEqual(['/convoy/es/notas/', '/convoy/es/#itinerary', '/convoy/es/#topics']);
  });
});
