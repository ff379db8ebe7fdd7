/**
 * The search engine over a small fake of Pagefind that behaves as Pagefind
 * does where it matters: the exact form (`"word"`) matches a word's stem
 * only; the ordinary search ANDs words, extends a stem to every word it
 * begins and, for a word it does not know, falls back to the longest known
 * word the query word begins with.
 */
import { describe, expect, it } from 'vitest';
import { answerSearch, type BackendHit, type SearchBackend, type SearchFilters, type SearchQuestion } from '../src/lib/search/search-engine.ts';
import { parseVocabulary, vocabularyFiles } from '../src/lib/search/search-vocabulary.ts';
import { foldWord, textWords } from '../src/lib/search/search-words.ts';

interface FakeNote {
  id: string;
  date: string;
  text: string;
}

// A crude stemmer, enough to tell a stem match from a longer word: plural and gender endings.
const stem = (word: string) => foldWord(word).replace(/(es|s|a|o|e)$/, '');

/**
 * With `scores` (indexed word to note id to score), the build's score files:
 * one per indexed word, listing every note that has it (scored 0 unless
 * `scores` says otherwise); the vocabulary then gives each word its indexed
 * word (`stem`). Filters: `year`, the first four figures of a note's date.
 */
function fakePagefind(all: FakeNote[], scores?: Record<string, Record<string, number>>): SearchBackend & { calls: string[]; files: string[] } {
  const words = (note: FakeNote) => textWords(note.text).map(foldWord);
  const index = new Set(all.flatMap((note) => words(note).map(stem)));
  const allowed = (filters: SearchFilters) => all.filter((note) => !filters.year || note.date.startsWith(filters.year));
  const hit = (note: FakeNote, score: number, test: (w: string) => boolean): BackendHit => ({
    id: note.id,
    score,
    words: words(note).flatMap((w, i) => (test(w) ? [i] : [])),
    data: async () => ({ url: `/${note.id}/`, content: note.text, meta: { title: note.id } }),
  });
  const calls: string[] = [];
  const files: string[] = [];
  const forms = all.flatMap((note) => words(note));
  const vocabulary: Record<string, string> = vocabularyFiles(all.map((n) => n.text), scores ? new Map(forms.map((w) => [w, stem(w)])) : new Map());
  return {
    calls,
    files,
    search: async (term, filters) => {
      calls.push(term);
      const notes = allowed(filters);
      const quoted = /^".*"$/.test(term);
      const terms = textWords(term).map(stem);
      if (quoted) {
        const phrase = (note: FakeNote) => words(note).map(stem).some((_, i, all) => terms.every((t, j) => all[i + j] === t));
        return notes.filter(phrase).map((note) => hit(note, 1, (w) => terms.includes(stem(w))));
      }
      // Ordinary search: each stem extends to the indexed stems it begins, or falls back to the longest one it begins with.
      const keys = terms.map((t) => {
        const longer = [...index].filter((k) => k.startsWith(t));
        if (longer.length) return longer;
        const shorter = [...index].filter((k) => t.startsWith(k)).sort((a, b) => b.length - a.length);
        return shorter.slice(0, 1);
      });
      const matches = (note: FakeNote, ks: string[]) => words(note).some((w) => ks.includes(stem(w)));
      return notes
        .filter((note) => keys.every((ks) => matches(note, ks)))
        .map((note) => hit(note, words(note).filter((w) => keys.flat().includes(stem(w))).length / words(note).length, (w) => keys.flat().includes(stem(w))))
        .sort((a, b) => b.score - a.score);
    },
    newestFirst: async (filters) => allowed(filters).sort((a, b) => b.date.localeCompare(a.date)).map((note) => hit(note, 0, () => false)),
    vocabulary: async (shard) => parseVocabulary(vocabulary[`${shard}.txt`] ?? ''),
    scores: async (key) => {
      files.push(key);
      if (!scores || !index.has(key)) return undefined;
      return new Map(all.filter((note) => words(note).some((w) => stem(w) === key)).map((note) => [note.id, scores[key]?.[note.id] ?? 0]));
    },
  };
}

const NOTES: FakeNote[] = [
  { id: 'llegada', date: '2023-02-27', text: 'La alcaldesa Karen Bass recibe al convoy e inversionistas en Los Ángeles. Karen Bass y el canciller.' },
  { id: 'netflix', date: '2023-02-28', text: 'Reunión en Netflix sobre cine y rodajes en México.' },
  { id: 'texas', date: '2023-04-21', text: 'En Texas, tras la visita de Bass; Karen Smith habló de cinco ciudades e inversión.' },
];

const ask = (backend: SearchBackend, query: string, over: Partial<SearchQuestion> = {}) =>
  answerSearch(backend, { query, filters: {}, sort: 'relevance', exact: false, ...over });
const ids = async (answer: ReturnType<typeof ask>) => (await answer)!.notes.map((n) => n.id);

describe('answerSearch', () => {
  it('shows nothing for a word no note has, where Pagefind alone would match the word "e"', async () => {
    const pagefind = fakePagefind(NOTES);
    expect((await pagefind.search('embarazo', {})).map((h) => h.id)).toHaveLength(2);
    const answer = await ask(pagefind, 'embarazo ');
    expect(answer!.notes).toEqual([]);
  });

  it('does not take a longer word for the word searched: cine is not cinco', async () => {
    const pagefind = fakePagefind(NOTES);
    expect(await ids(ask(pagefind, 'cine '))).toEqual(['netflix']);
  });

  it('finds a word by its stem and without its accents', async () => {
    expect(await ids(ask(fakePagefind(NOTES), 'reunion '))).toEqual(['netflix']);
    expect(await ids(ask(fakePagefind(NOTES), 'rodaje '))).toEqual(['netflix']);
  });

  it('finishes the word being typed with the site’s own words', async () => {
    const pagefind = fakePagefind(NOTES);
    expect(await ids(ask(pagefind, 'inversionis'))).toEqual(['llegada']);
    expect(pagefind.calls).toContain('"inversionistas"');
    // Typed to the end, and followed by a space, the word is the word.
    expect(await ids(ask(fakePagefind(NOTES), 'inversionis '))).toEqual([]);
  });

  it('asks Pagefind nothing for a word being typed that the site does not write but begins, as the next key could not stop that search', async () => {
    const pagefind = fakePagefind(NOTES, {});
    // "inversió" is no word of the notes; "inversión" and "inversionistas" begin with it.
    expect(await ids(ask(pagefind, 'inversió'))).toEqual(['texas', 'llegada']);
    expect(pagefind.calls).toEqual([]);
    // One no word of the site begins with is Pagefind's to match, through its stem, and to score.
    expect(await ids(ask(pagefind, 'reuniones'))).toEqual(['netflix']);
    expect(pagefind.calls).toEqual(['"reuniones"', 'reuniones']);
  });

  it('ranks the notes of a word being typed by the best score of the site’s words it begins', async () => {
    // "inver": texas has "inversión", llegada "inversionistas", which scores higher.
    const pagefind = fakePagefind(NOTES, { inversion: { texas: 1 }, inversionista: { llegada: 3 } });
    expect(await ids(ask(pagefind, 'inver'))).toEqual(['llegada', 'texas']);
    expect(await ids(ask(pagefind, 'inver', { sort: 'newest' }))).toEqual(['texas', 'llegada']);
    expect(pagefind.calls).toEqual([]);
  });

  it('asks Pagefind for scores of whole words of four letters or more only, as it extends a word to every word it begins', async () => {
    const pagefind = fakePagefind(NOTES);
    // Matched only by the site's words it begins: "inversionis" would score every word beginning it.
    expect(await ids(ask(pagefind, 'inversionis'))).toEqual(['llegada']);
    // "en" is not scored: the notes with it alone come newest first.
    expect(await ids(ask(pagefind, 'en cine'))).toEqual(['netflix', 'texas', 'llegada']);
    expect(pagefind.calls.filter((term) => !term.startsWith('"'))).toEqual(['cine']);
  });

  it('matches a word from its score file, making no Pagefind search, and keeps to the filters', async () => {
    const notes = [...NOTES, { id: 'nueva', date: '2024-01-01', text: 'Bass otra vez.' }];
    const pagefind = fakePagefind(notes, {});
    expect(await ids(ask(pagefind, 'Bass ', { sort: 'newest' }))).toEqual(['nueva', 'texas', 'llegada']);
    expect(await ids(ask(pagefind, 'Bass ', { sort: 'newest', filters: { year: '2023' } }))).toEqual(['texas', 'llegada']);
    expect(pagefind.files).toEqual(['bas', 'bas']);
    expect(pagefind.calls).toEqual([]);
    // Two words: their files, then one Pagefind search for the phrase.
    expect(await ids(ask(pagefind, 'Karen Bass'))).toEqual(['llegada', 'texas', 'nueva']);
    expect(pagefind.calls).toEqual(['"Karen Bass"']);
  });

  it('highlights every form of the word the site indexes it under, as the score file gives no places', async () => {
    const notes = [{ id: 'a', date: '2023-01-01', text: 'Inversiones y más inversión, y la Inversionista.' }];
    const answer = await ask(fakePagefind(notes, {}), 'inversion ');
    expect(await answer!.notes[0]!.show()).toMatchObject({ locations: [0, 3] });
  });

  it('ranks by each word’s scores from the build, and never asks Pagefind for its own', async () => {
    // Every note has "convoy"; the scores, not the dates, put texas first, then netflix.
    const notes = NOTES.map((note) => ({ ...note, text: `${note.text} convoy` }));
    const pagefind = fakePagefind(notes, { convoy: { texas: 3, netflix: 2, llegada: 1 }, karen: { llegada: 1, texas: 1 } });
    expect(await ids(ask(pagefind, 'convoy '))).toEqual(['texas', 'netflix', 'llegada']);
    // A word's score adds to the other's: both notes have "Karen", texas has more of "convoy".
    expect(await ids(ask(pagefind, 'Karen convoy '))).toEqual(['texas', 'llegada', 'netflix']);
    // Short words score too, as nothing is extended; ties come newest first.
    expect(await ids(ask(fakePagefind(notes, { en: { llegada: 5, netflix: 1, texas: 1 } }), 'en convoy '))).toEqual(['llegada', 'texas', 'netflix']);
    expect(pagefind.calls).toEqual(['"Karen convoy"']);
  });

  it('asks Pagefind for the scores when a word is one the site never writes as typed, matched through its stem', async () => {
    const pagefind = fakePagefind(NOTES, { rodaj: { netflix: 1 } });
    // The notes say "rodajes"; "rodaje" has no line in the vocabulary, so no score file.
    expect(await ids(ask(pagefind, 'rodaje '))).toEqual(['netflix']);
    expect(pagefind.calls.filter((term) => !term.startsWith('"'))).toEqual(['rodaje']);
  });

  it('ranks the note with all the words, as a phrase, above the one with the words apart', async () => {
    expect(await ids(ask(fakePagefind(NOTES), 'Karen Bass'))).toEqual(['llegada', 'texas']);
  });

  it('orders newest first on request, the notes with all the words still first', async () => {
    const notes = [...NOTES, { id: 'nueva', date: '2024-01-01', text: 'Bass otra vez.' }];
    expect(await ids(ask(fakePagefind(notes), 'Karen Bass', { sort: 'newest' }))).toEqual(['texas', 'llegada', 'nueva']);
    expect(await ids(ask(fakePagefind(notes), 'Karen Bass', { sort: 'oldest' }))).toEqual(['llegada', 'texas', 'nueva']);
  });

  it('forgives one wrong, missing, added or swapped letter in a word of five letters or more, and says what it searched', async () => {
    for (const typo of ['Netflx', 'Netflox', 'Netfliix', 'Nteflix']) {
      const answer = await ask(fakePagefind(NOTES), typo);
      expect({ typo, notes: answer!.notes.map((n) => n.id), corrected: answer!.correctedQuery }).toEqual({ typo, notes: ['netflix'], corrected: 'Netflix' });
    }
  });

  it('forgives no typo when asked for the exact spelling, and offers the site’s nearest words instead', async () => {
    const answer = await ask(fakePagefind(NOTES), 'Netflx', { exact: true });
    expect(answer).toEqual({ notes: [], suggestions: ['Netflix'] });
  });

  it('forgives no typo in a short word, but offers the nearest words when nothing matched', async () => {
    const answer = await ask(fakePagefind(NOTES), 'Bsas ');
    expect(answer).toEqual({ notes: [], suggestions: ['Bass'] });
    expect((await ask(fakePagefind(NOTES), 'Karen Bsas '))!.notes.map((n) => n.id)).toEqual(['llegada', 'texas']);
  });

  it('offers at most three words, nearest first, keeping the rest of the query', async () => {
    const notes = [{ id: 'a', date: '2023-01-01', text: 'casa cosa caso cama masa' }];
    const answer = await ask(fakePagefind(notes), 'gran cisa ', { exact: true });
    expect(answer!.suggestions).toHaveLength(0);
    const only = await ask(fakePagefind(notes), 'cisa ', { exact: true });
    expect(only!.suggestions).toEqual(['casa', 'cosa']);
  });

  it('lists a filter’s notes without words, newest or oldest first, and asks nothing without either', async () => {
    const pagefind = fakePagefind(NOTES);
    expect(await ids(ask(pagefind, '', { filters: { year: '2023' } }))).toEqual(['texas', 'netflix', 'llegada']);
    expect(await ids(ask(pagefind, '', { filters: { year: '2023' }, sort: 'oldest' }))).toEqual(['llegada', 'netflix', 'texas']);
    expect(await ask(pagefind, '  ')).toBeUndefined();
  });

  it('stops at its next call to Pagefind once the reader has typed on', async () => {
    const pagefind = fakePagefind(NOTES);
    const stop = new AbortController();
    const searching = pagefind.search;
    pagefind.search = async (term, filters) => {
      stop.abort(new Error('typed on'));
      return searching(term, filters);
    };
    await expect(answerSearch(pagefind, { query: 'Karen Bass', filters: {}, sort: 'relevance', exact: false }, stop.signal)).rejects.toThrow('typed on');
    expect(pagefind.calls).toEqual(['"Karen"']);
  });

  it('highlights where the words are', async () => {
    const answer = await ask(fakePagefind(NOTES), 'rodajes ');
    expect((await answer!.notes[0]!.show()).locations).toEqual([6]);
  });
});
