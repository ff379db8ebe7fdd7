/**
 * The order of search results, from what each query word matched: notes
 * with all the words first, then (by relevance) a name or phrase written as
 * one above its words apart, then Pagefind's score, where a word in the title
 * or summary weighs more than one in the body. By date, the notes with the
 * most words still come first, each group newest (or oldest) first.
 */
import type { SearchSort } from './search-state.ts';

/** What one query word matched in one note. */
export interface WordMatch {
  /** Pagefind's relevance score of the note for that word. */
  score: number;
  /** Positions of the matching words in the note's indexed text. */
  locations: number[];
}

/** A note in the result order. */
export interface RankedNote {
  id: string;
  /** How many of the query's words the note contains. */
  words: number;
  phrase: boolean;
  score: number;
  /** Positions to highlight, in text order, without repeats. */
  locations: number[];
}

/**
 * Ranks notes from the matches of each query word (one map per word, note
 * id to match), the notes that contain the words as a phrase, and the
 * position of every note in date order (newest first).
 * @example
 * rankNotes([new Map([['a', { score: 1, locations: [4] }], ['b', { score: 9, locations: [2] }]]),
 *            new Map([['a', { score: 1, locations: [5] }]])], new Set(['a']), 'relevance', new Map())
 * // [{ id: 'a', words: 2, phrase: true, score: 2, locations: [4, 5] }, { id: 'b', words: 1, … }]
 */
export function rankNotes(
  perWord: ReadonlyArray<ReadonlyMap<string, WordMatch>>,
  phrase: ReadonlySet<string>,
  sort: SearchSort,
  newestFirst: ReadonlyMap<string, number>,
): RankedNote[] {
  const notes = new Map<string, RankedNote>();
  for (const matches of perWord) {
    for (const [id, match] of matches) {
      let note = notes.get(id);
      if (!note) notes.set(id, (note = { id, words: 0, phrase: phrase.has(id), score: 0, locations: [] }));
      note.words++;
      note.score += match.score;
      note.locations.push(...match.locations);
    }
  }
  for (const note of notes.values()) note.locations = [...new Set(note.locations)].sort((a, b) => a - b);
  // A note missing from the date order (it should not happen) goes last either way.
  const age = (id: string) => newestFirst.get(id) ?? Number.MAX_SAFE_INTEGER;
  const byDate = (a: RankedNote, b: RankedNote) => (sort === 'oldest' ? age(b.id) - age(a.id) : age(a.id) - age(b.id));
  return [...notes.values()].sort((a, b) => {
    if (a.words !== b.words) return b.words - a.words;
    if (sort !== 'relevance') return byDate(a, b);
    if (a.phrase !== b.phrase) return a.phrase ? -1 : 1;
    return b.score - a.score || byDate(a, b);
  });
}
