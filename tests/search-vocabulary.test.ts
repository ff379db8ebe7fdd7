import { describe, expect, it, vi } from 'vitest';
import { completions, nearestWords, parseVocabulary, stemmedForms, typoShards, vocabularyFiles, vocabularyShard } from '../src/lib/search/search-vocabulary.ts';

const words = parseVocabulary('inversión\t4\ninversiones\t1\ninversionistas\t5\nNetflix\t1\nnetas\t2\n');

describe('vocabularyFiles', () => {
  it('files each word under its first letter, with the number of notes that use it, in its most used form', () => {
    const files = vocabularyFiles(['Netflix y Netflix, netflix', 'Netflix en Ángeles', 'Ángeles']);
    expect(Object.fromEntries(Object.entries(files).filter(([, text]) => text))).toEqual({
      'a.txt': 'Ángeles\t2\n',
      'e.txt': 'en\t1\n',
      'n.txt': 'Netflix\t2\n',
      'y.txt': 'y\t1\n',
    });
  });

  it('writes every file, empty where no word starts with its letter, so none is ever missing', () => {
    const files = vocabularyFiles(['hola']);
    expect(Object.keys(files)).toHaveLength(37);
    expect(files['z.txt']).toBe('');
    expect(files['_.txt']).toBe('');
  });

  it('prefers the lower-case form when forms are used as often (a word that only starts sentences)', () => {
    expect(vocabularyFiles(['Alcaldes y alcaldes'])['a.txt']).toBe('alcaldes\t1\n');
  });

  it('sorts by the folded word and files digits and other scripts apart', () => {
    const files = vocabularyFiles(['año anual 300 東京']);
    expect(files['a.txt']).toBe('año\t1\nanual\t1\n');
    expect(files['3.txt']).toBe('300\t1\n');
    expect(files['_.txt']).toBe('東京\t1\n');
  });
});

describe('the indexed word of each form', () => {
  it('is written after the count when the build knows it, and read back', () => {
    const files = vocabularyFiles(['inversiones e inversión', 'Inversión'], new Map([['inversiones', 'inversion'], ['inversion', 'inversion']]));
    expect(files['i.txt']).toBe('inversión\t2\tinversion\ninversiones\t1\tinversion\n');
    // "e" has none: the line stays two columns.
    expect(files['e.txt']).toBe('e\t1\n');
    expect(parseVocabulary(files['i.txt']!)[0]).toEqual({ form: 'inversión', folded: 'inversion', notes: 2, stem: 'inversion' });
    expect(parseVocabulary(files['e.txt']!)[0]).not.toHaveProperty('stem');
  });

  it('is found from what is written where Pagefind put the word: the one word there, or the parts of a compound it begins', () => {
    expect(stemmedForms('Inversiones,', 'inversion')).toEqual(['inversiones']);
    expect(stemmedForms('«México»', 'mexic')).toEqual(['mexico']);
    expect(stemmedForms('US-Mexico', 'mexic')).toEqual(['mexico']);
    // The compound itself, indexed whole, is no word of the site's.
    expect(stemmedForms('US-Mexico', 'usmex')).toEqual([]);
    expect(stemmedForms('', 'x')).toEqual([]);
  });
});

describe('parseVocabulary', () => {
  it('reads what vocabularyFiles writes, and skips broken lines', () => {
    expect(parseVocabulary('México\t3\nroto\n\tx\nmal\t0\n')).toEqual([{ form: 'México', folded: 'mexico', notes: 3 }]);
  });
});

describe('vocabularyShard and typoShards', () => {
  it('file a word by its first folded letter', () => {
    expect(vocabularyShard('Ángeles')).toBe('a');
    expect(vocabularyShard('¿qué')).toBe('_');
    expect(typoShards('Netflx')).toEqual(['n', 'e']);
    expect(typoShards('eentflix')).toEqual(['e']);
  });
});

describe('completions', () => {
  it('gives the words the prefix begins, most used first, without the prefix itself', () => {
    expect(completions(words, 'inver', 2).map((w) => w.form)).toEqual(['inversionistas', 'inversión']);
    expect(completions(words, 'Inversion', 5).map((w) => w.form)).toEqual(['inversionistas', 'inversiones']);
    expect(completions(words, 'cine', 5)).toEqual([]);
  });
});

describe('on the search page', () => {
  it('breaks ties without a collator, whose first use costs the reader’s first keystrokes', () => {
    const tied = parseVocabulary('casa\t2\ncosa\t2\ncasi\t2\ncaso\t2\n');
    const comparing = vi.spyOn(String.prototype, 'localeCompare');
    const making = vi.spyOn(Intl, 'Collator');
    expect(completions(tied, 'cas', 3).map((w) => w.form)).toEqual(['casa', 'casi', 'caso']);
    expect(nearestWords(tied, 'cas', 1, 3).map((w) => w.form)).toEqual(['casa', 'casi', 'caso']);
    expect(comparing).not.toHaveBeenCalled();
    expect(making).not.toHaveBeenCalled();
    comparing.mockRestore();
    making.mockRestore();
  });
});

describe('nearestWords', () => {
  it('finds the word one typo away', () => {
    expect(nearestWords(words, 'Netflx', 1, 3).map((w) => w.form)).toEqual(['Netflix']);
  });

  it('orders by distance, then by use, and never offers the word itself', () => {
    expect(nearestWords(words, 'netas', 2, 3).map((w) => w.form)).toEqual([]);
    // Both one edit away; inversión is in more notes.
    expect(nearestWords(words, 'inversione', 2, 3).map((w) => w.form)).toEqual(['inversión', 'inversiones']);
    expect(nearestWords(words, 'inversionstas', 2, 3).map((w) => w.form)).toEqual(['inversionistas']);
  });
});
