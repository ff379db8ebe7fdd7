import { describe, expect, it } from 'vitest';
import { excerptParts, filterValues, resultCountText } from '../src/lib/search-results.ts';

describe('excerptParts', () => {
  it('marks what Pagefind highlighted', () => {
    expect(excerptParts('Cuerpo en español con <mark>inversión</mark>.')).toEqual([
      { text: 'Cuerpo en español con ', mark: false },
      { text: 'inversión', mark: true },
      { text: '.', mark: false },
    ]);
  });

  it('turns escaped text back into text, never into markup', () => {
    expect(excerptParts('&lt;script&gt;alert(1)&lt;/script&gt; & <mark>b</mark>')).toEqual([
      { text: '<script>alert(1)</script> & ', mark: false },
      { text: 'b', mark: true },
    ]);
  });

  it('keeps several matches apart', () => {
    expect(excerptParts('<mark>Los</mark> <mark>Ángeles</mark>').map((p) => [p.text, p.mark])).toEqual([
      ['Los', true],
      [' ', false],
      ['Ángeles', true],
    ]);
  });

  it('marks the word, not the punctuation Pagefind marks with it', () => {
    expect(excerptParts('con <mark>inversión.</mark> Y <mark>(startups)</mark>, <mark>año;</mark>')).toEqual([
      { text: 'con ', mark: false },
      { text: 'inversión', mark: true },
      { text: '. Y (', mark: false },
      { text: 'startups', mark: true },
      { text: '), ', mark: false },
      { text: 'año', mark: true },
      { text: ';', mark: false },
    ]);
  });

  it('shows a match made only of signs as plain text', () => {
    expect(excerptParts('<mark>¿?</mark>')).toEqual([{ text: '¿?', mark: false }]);
  });

  it('gives nothing for an empty excerpt', () => {
    expect(excerptParts('')).toEqual([]);
  });
});

describe('filterValues', () => {
  it('puts the newest year first', () => {
    expect(filterValues('year', ['2023', '2025', '2024'], 'es')).toEqual(['2025', '2024', '2023']);
  });

  it('sorts stops and topics the way readers of the language do, accents included', () => {
    expect(filterValues('stop', ['Texas', 'Ámsterdam', 'Los Ángeles', 'India'], 'es')).toEqual(['Ámsterdam', 'India', 'Los Ángeles', 'Texas']);
  });

  it('keeps offering a value chosen in the URL that the index does not know', () => {
    expect(filterValues('topic', ['Cine'], 'es', 'Economía')).toEqual(['Cine', 'Economía']);
    expect(filterValues('topic', ['Cine'], 'es', 'Cine')).toEqual(['Cine']);
  });
});

describe('resultCountText', () => {
  const messages = { none: 'Ninguna nota.', one: '1 nota encontrada.', many: '{count} notas encontradas.' };

  it('says none, one or how many', () => {
    expect(resultCountText(0, messages, 'es')).toBe('Ninguna nota.');
    expect(resultCountText(1, messages, 'es')).toBe('1 nota encontrada.');
    expect(resultCountText(12, messages, 'es')).toBe('12 notas encontradas.');
  });

  it('writes large counts the way the language does', () => {
    expect(resultCountText(12345, messages, 'es')).toBe('12.345 notas encontradas.');
    expect(resultCountText(12345, { ...messages, many: '{count} stories found.' }, 'en')).toBe('12,345 stories found.');
  });
});
