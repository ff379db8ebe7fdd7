/** The build's relevance scores (src/lib/search/search-scores.ts): the formula, the files, and reading them back. */
import { describe, expect, it } from 'vitest';
import { inverseFrequency, parseScores, scoreFileName, scoreFiles, wordWeight } from '../src/lib/search/search-scores.ts';

describe('wordWeight', () => {
  const score = (text: number, meta = 0, length = 100) => wordWeight({ text, meta }, length, 100);

  it('grows with the places of the word, but saturates', () => {
    expect(score(1)).toBeCloseTo(1, 5);
    expect(score(2)).toBeGreaterThan(score(1));
    expect(score(20)).toBeLessThan(2.4);
    expect(score(2) - score(1)).toBeGreaterThan(score(20) - score(19));
  });

  it('weighs the title (7) twice one place in the body, and a summary place (3) in between', () => {
    expect(score(0, 7)).toBeCloseTo(2, 5);
    expect(score(3)).toBeGreaterThan(score(1));
    expect(score(3)).toBeLessThan(score(0, 7));
  });

  it('is higher in a shorter note', () => {
    expect(score(1, 0, 50)).toBeGreaterThan(score(1, 0, 200));
  });
});

describe('inverseFrequency', () => {
  it('is higher for a word fewer notes have, and never negative', () => {
    expect(inverseFrequency(100, 1)).toBeGreaterThan(inverseFrequency(100, 50));
    expect(inverseFrequency(100, 100)).toBeGreaterThan(0);
    expect(inverseFrequency(10, 10)).toBeCloseTo(Math.log(0.5 / 10.5 + 1), 10);
  });
});

describe('scoreFiles and parseScores', () => {
  it('write each word’s notes by their place newest first, and read them back times the word’s rarity', () => {
    const files = scoreFiles({
      lengths: [100, 100, 100, 100],
      words: new Map([
        ['convoy', new Map([[3, { text: 1, meta: 0 }], [0, { text: 0, meta: 7 }]])],
        ['bass', new Map([[2, { text: 2, meta: 0 }]])],
      ]),
    });
    expect(Object.keys(files).sort()).toEqual(['_bass.txt', '_convoy.txt']);
    // Places 0 and 3: steps 0 and 3.
    expect(files['_convoy.txt']).toMatch(/^0 \d+\n3 \d+\n$/);
    const convoy = parseScores(files['_convoy.txt']!, 4);
    const idf = inverseFrequency(4, 2);
    expect([...convoy.keys()]).toEqual([0, 3]);
    expect(convoy.get(0)).toBeCloseTo(2 * idf, 2);
    expect(convoy.get(3)).toBeCloseTo(idf, 2);
    expect(parseScores(files['_bass.txt']!, 4).get(2)).toBeCloseTo(wordWeight({ text: 2, meta: 0 }, 100, 100) * inverseFrequency(4, 1), 2);
  });

  it('keep the order of a word every note has, on a large site', () => {
    const files = scoreFiles({ lengths: Array(5000).fill(300), words: new Map([['convoy', new Map(Array.from({ length: 5000 }, (_, i) => [i, { text: i === 4321 ? 9 : 1, meta: 0 }]))]]) });
    const scores = parseScores(files['_convoy.txt']!, 5000);
    expect(scores.get(4321)).toBeGreaterThan(scores.get(0)!);
    expect(scores.get(0)).toBeGreaterThan(0);
  });

  it('skips lines that are not two whole numbers', () => {
    const idf = inverseFrequency(10, 2);
    expect(parseScores('0 250\nnot a line\n3 100\n\n', 10)).toEqual(new Map([[0, 2.5 * idf], [3, idf]]));
  });
});

describe('scoreFileName', () => {
  it('prefixes every word, so that none is a name Windows reserves, and writes other letters in hexadecimal', () => {
    expect(scoreFileName('con')).toBe('_con.txt');
    expect(scoreFileName('東京')).toBe('_xe69db1e4baac.txt');
    expect(scoreFileName('a/b')).toBe('_x612f62.txt');
  });
});
