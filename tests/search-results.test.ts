import { describe, expect, it, vi } from 'vitest';
import en from '../src/i18n/en.ts';
import es from '../src/i18n/es.ts';
import fr from '../src/i18n/fr.ts';
import { digitGroups } from '../src/lib/search/search-page.ts';
import { excerptFromContent, filterValues, filtersOnText, resultCountText, suggestionParts, wordPlaces } from '../src/lib/search/search-results.ts';

describe('excerptFromContent', () => {
  const content = 'La delegación se reunió con estudios de cine. Netflix y la Motion Picture Association acordaron un grupo de trabajo con 50 alcaldes y 17 estados para atraer producciones a México.';

  it('marks the words at the positions found, leaving their punctuation unmarked', () => {
    expect(excerptFromContent('Con la inversión, más (startups).', [2, 4], 24)).toEqual([
      { text: 'Con la ', mark: false },
      { text: 'inversión', mark: true },
      { text: ', más (', mark: false },
      { text: 'startups', mark: true },
      { text: ').', mark: false },
    ]);
  });

  it('shows the stretch that holds the matches, with an ellipsis where the text goes on', () => {
    const parts = excerptFromContent(content, [21, 23], 8);
    expect(parts.map((p) => p.text).join('')).toBe('… 50 alcaldes y 17 estados para atraer producciones …');
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['alcaldes', '17']);
  });

  it('starts at the beginning when nothing is marked (a match in the title only)', () => {
    expect(excerptFromContent(content, [], 4).map((p) => p.text).join('')).toBe('La delegación se reunió …');
  });

  it('counts positions as Pagefind does, and ignores those past the end', () => {
    expect(excerptFromContent('uno\n\ndos  tres', [1, 9], 5)).toEqual([
      { text: 'uno ', mark: false },
      { text: 'dos', mark: true },
      { text: ' tres', mark: false },
    ]);
  });

  it('keeps markup in the text as text', () => {
    expect(excerptFromContent('hola <script>alert(1)</script>', [0], 5)).toEqual([
      { text: 'hola', mark: true },
      { text: ' <script>alert(1)</script>', mark: false },
    ]);
  });
});

describe('suggestionParts', () => {
  const messages = { suggest: '¿Quiso decir {words}?', suggestOr: ' o ', suggestWord: '«{word}»' };

  it('makes one link per suggested query, the last two joined by "o"', () => {
    expect(suggestionParts(['Netflix', 'Netflux', 'Nettle'], messages)).toEqual([
      { text: '¿Quiso decir ' },
      { text: '«Netflix»', query: 'Netflix' },
      { text: ', ' },
      { text: '«Netflux»', query: 'Netflux' },
      { text: ' o ' },
      { text: '«Nettle»', query: 'Nettle' },
      { text: '?' },
    ]);
  });

  it('says nothing without suggestions', () => {
    expect(suggestionParts([], messages)).toEqual([]);
  });
});

describe('filterValues', () => {
  const LATIN = 'abcdefghijklmnopqrstuvwxyz';
  const SPANISH = 'abcdefghijklmnñopqrstuvwxyz';

  it('puts the newest year first', () => {
    expect(filterValues('year', ['2023', '2025', '2024'], LATIN)).toEqual(['2025', '2024', '2023']);
  });

  it('sorts stops and topics the way readers of the language do, accents included', () => {
    expect(filterValues('stop', ['Texas', 'Ámsterdam', 'Los Ángeles', 'India'], SPANISH)).toEqual(['Ámsterdam', 'India', 'Los Ángeles', 'Texas']);
  });

  it('sorts as the language’s collator would, without making one (ñ after n, numbers by value, case and accents aside)', () => {
    const names = ['Ñuñoa', 'Nuevo León', 'nube', 'Peña', 'Penal', 'G20', 'G7', 'Ciudad de México', 'ciudad Juárez', 'Ámsterdam', 'amistad', 'Élite', 'elite 2', 'Zacatecas', 'Texas', 'Hub 10', 'Hub 9', 'Karen Bass', 'Karen  Bass', 'Cámara de Comercio', 'Camara Binacional'];
    // Each strings file's own alphabet.
    for (const [lang, alphabet] of Object.entries({ es, en, fr }).map(([code, strings]) => [code, strings['search.filter.alphabet']] as const)) {
      const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
      const making = vi.spyOn(Intl, 'Collator');
      expect(filterValues('person', names, alphabet)).toEqual([...names].sort(collator.compare));
      // Making one costs the search page's load tens of milliseconds on a phone.
      expect(making).not.toHaveBeenCalled();
      making.mockRestore();
    }
    expect(filterValues('stop', ['Peña', 'Penal', 'Ñuñoa', 'Oaxaca', 'Nuevo León'], SPANISH)).toEqual(['Nuevo León', 'Ñuñoa', 'Oaxaca', 'Penal', 'Peña']);
    expect(filterValues('stop', ['Peña', 'Penal'], LATIN)).toEqual(['Peña', 'Penal']);
    expect(filterValues('stop', ['Hub 10', 'Hub 9'], LATIN)).toEqual(['Hub 9', 'Hub 10']);
  });

  it('keeps offering a value chosen in the URL that the index does not know', () => {
    expect(filterValues('topic', ['Cine'], SPANISH, 'Economía')).toEqual(['Cine', 'Economía']);
    expect(filterValues('topic', ['Cine'], SPANISH, 'Cine')).toEqual(['Cine']);
  });
});

describe('resultCountText', () => {
  const messages = { none: 'Ninguna nota.', one: '1 nota encontrada.', many: '{count} notas encontradas.', groups: digitGroups('es') };

  it('says none, one or how many', () => {
    expect(resultCountText(0, messages)).toBe('Ninguna nota.');
    expect(resultCountText(1, messages)).toBe('1 nota encontrada.');
    expect(resultCountText(12, messages)).toBe('12 notas encontradas.');
  });

  it('writes large counts the way the language does, without making a number format', () => {
    expect(resultCountText(12345, messages)).toBe('12.345 notas encontradas.');
    expect(resultCountText(12345, { ...messages, many: '{count} stories found.', groups: digitGroups('en') })).toBe('12,345 stories found.');
    for (const lang of ['es', 'en', 'fr']) {
      const groups = digitGroups(lang);
      const format = new Intl.NumberFormat(lang);
      const making = vi.spyOn(Intl, 'NumberFormat');
      for (const count of [2, 999, 1000, 1667, 5000, 12345, 123456, 1234567]) {
        expect(resultCountText(count, { ...messages, many: '{count}', groups })).toBe(format.format(count));
      }
      // The page's first one costs its first search 50 to 90 ms.
      expect(making).not.toHaveBeenCalled();
      making.mockRestore();
    }
  });
});

describe('wordPlaces', () => {
  it('gives the positions excerptFromContent counts of the words, folded, that are asked for', () => {
    expect(wordPlaces('La Inversión, y US-Mexico', new Set(['inversion', 'mexico']))).toEqual([1, 3]);
    // Pagefind's content starts with a space, so the first word is empty: the same positions as the excerpt's.
    const content = ' Más inversión para inversionistas.';
    expect(wordPlaces(content, new Set(['inversion', 'inversionistas']))).toEqual([2, 4]);
    expect(excerptFromContent(content, wordPlaces(content, new Set(['inversion']))).filter((p) => p.mark).map((p) => p.text)).toEqual(['inversión']);
  });

  it('does not take a longer or shorter word for the word', () => {
    expect(wordPlaces('cine, cinco y cinematografía', new Set(['cine']))).toEqual([0]);
  });
});

describe('filtersOnText', () => {
  const messages = { filtersOne: es['search.filters.one'], filtersMany: es['search.filters.many'], groups: digitGroups('es') };

  it('says nothing for no filter, then how many are on', () => {
    expect(filtersOnText(0, messages)).toBe('');
    expect(filtersOnText(1, messages)).toBe('1 filtro activo');
    expect(filtersOnText(3, messages)).toBe('3 filtros activos');
    expect(filtersOnText(2, { ...messages, filtersMany: en['search.filters.many'] })).toBe('2 filters on');
  });
});
