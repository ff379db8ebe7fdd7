import { describe, expect, it } from 'vitest';
import { rankNotes, type WordMatch } from '../src/lib/search/search-rank.ts';

const m = (entries: Array<[string, number, number[]?]>) => new Map<string, WordMatch>(entries.map(([id, score, locations = []]) => [id, { score, locations }]));
const dates = new Map([['new', 0], ['mid', 1], ['old', 2]]);
const ids = (notes: Array<{ id: string }>) => notes.map((n) => n.id);

describe('rankNotes', () => {
  it('puts the notes with all the words first, however high a partial match scores', () => {
    const karen = m([['old', 1], ['mid', 9]]);
    const bass = m([['old', 1]]);
    expect(ids(rankNotes([karen, bass], new Set(), 'relevance', dates))).toEqual(['old', 'mid']);
  });

  it('puts the words written as a phrase above the same words apart', () => {
    const a = m([['new', 5], ['old', 1]]);
    const b = m([['new', 5], ['old', 1]]);
    expect(ids(rankNotes([a, b], new Set(['old']), 'relevance', dates))).toEqual(['old', 'new']);
  });

  it('orders by score, then newest first, by relevance', () => {
    expect(ids(rankNotes([m([['old', 3], ['new', 1], ['mid', 1]])], new Set(), 'relevance', dates))).toEqual(['old', 'new', 'mid']);
  });

  it('orders by date on request, the notes with the most words still first', () => {
    const a = m([['old', 9], ['new', 1], ['mid', 1]]);
    const b = m([['old', 9], ['mid', 1]]);
    expect(ids(rankNotes([a, b], new Set(), 'newest', dates))).toEqual(['mid', 'old', 'new']);
    expect(ids(rankNotes([a, b], new Set(), 'oldest', dates))).toEqual(['old', 'mid', 'new']);
  });

  it('gathers the positions to highlight from every word, in order, once each', () => {
    const [note] = rankNotes([m([['new', 1, [9, 2]]]), m([['new', 1, [2, 5]]])], new Set(), 'relevance', dates);
    expect(note).toEqual({ id: 'new', words: 2, phrase: false, score: 2, locations: [2, 5, 9] });
  });

  it('ranks nothing when nothing matched', () => {
    expect(rankNotes([new Map(), new Map()], new Set(), 'relevance', dates)).toEqual([]);
  });
});
