import { describe, expect, it, vi } from 'vitest';
import { byCodeUnits, editDistance, foldWord, MAX_QUERY_WORDS, queryWords, textWords } from '../src/lib/search/search-words.ts';

describe('textWords', () => {
  it('splits on everything but letters and digits, keeping accents', () => {
    expect(textWords('La «inversión», 4.0 y US-Mexico')).toEqual(['La', 'inversión', '4', '0', 'y', 'US', 'Mexico']);
  });
});

describe('foldWord', () => {
  it('compares without case or accents, ñ included', () => {
    expect(['Ángeles', 'AÑO', 'México', 'Über'].map(foldWord)).toEqual(['angeles', 'ano', 'mexico', 'uber']);
  });
});

describe('queryWords', () => {
  it('takes the last word as still being typed until a space or sign follows it', () => {
    expect(queryWords('Karen Ba')).toEqual({ words: ['Karen', 'Ba'], typing: true });
    expect(queryWords('Karen Bass ')).toEqual({ words: ['Karen', 'Bass'], typing: false });
    expect(queryWords('"Karen Bass"')).toEqual({ words: ['Karen', 'Bass'], typing: false });
  });

  it('has no words for signs and spaces', () => {
    expect(queryWords(' ¿? ')).toEqual({ words: [], typing: false });
  });

  it(`searches at most ${MAX_QUERY_WORDS} words`, () => {
    const long = queryWords('uno dos tres cuatro cinco seis siete ocho nueve diez');
    expect(long.words).toHaveLength(MAX_QUERY_WORDS);
    expect(long.typing).toBe(false);
  });
});

describe('editDistance', () => {
  it.each([
    ['netflx', 'netflix', 1], // a letter missing
    ['netfliix', 'netflix', 1], // a letter added
    ['netflox', 'netflix', 1], // a letter wrong
    ['sarandso', 'sarandos', 1], // two letters swapped
    ['embarazo', 'embajada', 3],
    ['', 'abc', 3],
    ['mexico', 'mexico', 0],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('stops counting past the limit', () => {
    expect(editDistance('embarazo', 'aeropuerto', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
  });
});

describe('byCodeUnits', () => {
  it('orders by code unit, digits before letters, without a collator', () => {
    const comparing = vi.spyOn(String.prototype, 'localeCompare');
    expect(['casa', 'Casa', '2023', 'cas'].sort(byCodeUnits)).toEqual(['2023', 'Casa', 'cas', 'casa']);
    expect(byCodeUnits('a', 'a')).toBe(0);
    expect(comparing).not.toHaveBeenCalled();
    comparing.mockRestore();
  });
});
