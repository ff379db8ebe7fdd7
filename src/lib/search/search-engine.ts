/**
 * What the search page answers, on top of Pagefind. Pagefind alone ANDs the
 * words of a query, ranks by date or score only, and when a word is not in
 * its index it searches the longest indexed word the query word begins with
 * (so "embarazo" finds every note with the Spanish word "e"), and a word's
 * stem stands for every word beginning with it ("cine" finds "cinco").
 *
 * Here each word is looked up on its own: in the build's files where they
 * serve (the vocabulary names the word it is indexed under, whose score file,
 * src/lib/search/search-scores.ts, lists every note that has it, with its
 * score), else with Pagefind's exact form (`"word"`), which matches the
 * word, its accent-free form and its stem only. A word being typed that
 * matches nothing yet matches the site's words it begins (from the
 * vocabulary files). A word the site never writes as typed is scored by one
 * ordinary Pagefind search of the whole words found. A word of five letters
 * or more that matches nothing is taken as a typo of the site's nearest
 * word; a query that matches nothing offers the site's nearest words
 * instead. `src/lib/search/search-rank.ts` orders the notes.
 *
 * The Pagefind calls go through a `SearchBackend`, so this runs in tests
 * without a browser.
 */
import { rankNotes, type RankedNote, type WordMatch } from './search-rank.ts';
import type { SearchFilter, SearchSort } from './search-state.ts';
import { completions, nearestWords, typoShards, vocabularyShard, type VocabularyWord } from './search-vocabulary.ts';
import { wordPlaces } from './search-results.ts';
import { foldWord, queryWords } from './search-words.ts';

/** A note as Pagefind's fragment gives it. */
export interface NoteFragment {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
}

/** One Pagefind result: the note's id, its score, the positions of the words matched, and its fragment. */
export interface BackendHit {
  id: string;
  score: number;
  words: number[];
  data(): Promise<NoteFragment>;
}

export type SearchFilters = Partial<Record<SearchFilter, string>>;

/** The Pagefind calls the engine makes. */
export interface SearchBackend {
  /** Pagefind's search for `term` (`"…"` for its exact form), narrowed by `filters`. */
  search(term: string, filters: SearchFilters): Promise<BackendHit[]>;
  /** Every note that `filters` allow, newest first. */
  newestFirst(filters: SearchFilters): Promise<BackendHit[]>;
  /** The words of one vocabulary file (`vocabularyShard`), none when it does not exist. */
  vocabulary(shard: string): Promise<VocabularyWord[]>;
  /** Every note's score for one indexed word, by note id (its score file, src/lib/search/search-scores.ts); undefined when the build wrote none. */
  scores(stem: string): Promise<ReadonlyMap<string, number> | undefined>;
}

/** A note to show: its fragment and the positions of the words to highlight in its content. */
export interface ShownNote {
  fragment: NoteFragment;
  locations: number[];
}

/** A result, whose fragment is fetched only when it is shown. */
export interface AnsweredNote {
  id: string;
  show(): Promise<ShownNote>;
}

/** The answer to a search. */
export interface SearchAnswer {
  notes: AnsweredNote[];
  /** The query searched instead, when a typo was forgiven. */
  correctedQuery?: string;
  /** Queries to offer ("did you mean") when nothing matched. */
  suggestions: string[];
}

/** What the reader asked. `exact`: search the words as written, forgiving no typo. */
export interface SearchQuestion {
  query: string;
  filters: SearchFilters;
  sort: SearchSort;
  exact: boolean;
}

/** Shortest word (in letters) whose one-letter typo is forgiven. */
export const TYPO_MIN_LENGTH = 5;
/** How many of the site's words finish a word being typed that is not a word itself. */
export const COMPLETIONS = 3;
/** Shortest word (in letters) that Pagefind's own score is asked for, when the build's scores cannot serve; a shorter one's notes come newest first. */
export const SCORED_MIN_LENGTH = 4;
/** How many "did you mean" queries are offered. */
export const SUGGESTIONS = 3;

/**
 * Answers a question, or gives undefined when there is nothing to search yet
 * (no words and no filter). Once `signal` aborts (the reader typed on), it
 * stops at its next call to Pagefind and rejects with the signal's reason.
 */
export async function answerSearch(pagefind: SearchBackend, question: SearchQuestion, signal?: AbortSignal): Promise<SearchAnswer | undefined> {
  const backend = signal ? abortable(pagefind, signal) : pagefind;
  const { words, typing } = queryWords(question.query);
  const { filters } = question;
  if (words.length === 0) {
    if (Object.keys(filters).length === 0) return undefined;
    const all = await backend.newestFirst(filters);
    const ordered = question.sort === 'oldest' ? [...all].reverse() : all;
    return { notes: ordered.map((hit) => answered(hit, [], new Set())), suggestions: [] };
  }

  // Every note the filters allow, newest first: the results' date order, and
  // the notes (with their fragments) a word can match.
  const dated = await backend.newestFirst(filters);
  const hits = new Map(dated.map((hit) => [hit.id, hit]));
  const vocabulary = vocabularyLoader(pagefind);
  // The site's words to highlight, folded: those indexed under a word matched through its score file.
  const marks = new Set<string>();

  // The notes a word the site writes matches, from its score file; undefined
  // when the build wrote none for it (the vocabulary has no such form).
  const fromFiles = async (word: string): Promise<Map<string, WordMatch> | undefined> => {
    const built = await indexedWord(backend, vocabulary, word);
    if (!built) return undefined;
    for (const form of built.forms) marks.add(form);
    return new Map([...built.scores].filter(([id]) => hits.has(id)).map(([id, score]) => [id, { score, locations: [] }]));
  };
  // The notes of any other word, from Pagefind's exact search.
  const exactSearch = async (word: string): Promise<Map<string, WordMatch>> => {
    const matches = new Map<string, WordMatch>();
    for (const hit of await backend.search(`"${word}"`, filters)) {
      if (!hits.has(hit.id)) hits.set(hit.id, hit);
      matches.set(hit.id, { score: 0, locations: [...hit.words] });
    }
    return matches;
  };
  // The notes of the site's words a word being typed begins, each scored
  // as the best of those words it has (two of them may share a score file).
  const finishing = async (word: string): Promise<Map<string, WordMatch>> => {
    const matches = new Map<string, WordMatch>();
    for (const w of completions(await vocabulary([vocabularyShard(word)]), word, COMPLETIONS)) {
      for (const [id, match] of (await fromFiles(w.form)) ?? (await exactSearch(w.form))) {
        const known = matches.get(id);
        if (!known) matches.set(id, match);
        else {
          known.locations.push(...match.locations);
          known.score = Math.max(known.score, match.score);
        }
      }
    }
    return matches;
  };
  // Words that matched as typed, not only by the site's words they begin,
  // and those of them Pagefind matched (no score file, so no score yet).
  const whole = new Set<string>();
  const byPagefind = new Set<string>();
  // What one word matches: its own notes or, when it is being typed and has
  // none, those of the site's words it begins. A word being typed that the
  // site does not write ("inversió") goes to Pagefind only when no word of
  // the site begins with it: its search, which the next key cannot stop,
  // would hold that key's answer up (200 ms for a word on 5000 notes).
  const matchWord = async (word: string, prefix: boolean): Promise<Map<string, WordMatch>> => {
    const built = await fromFiles(word);
    if (built && built.size > 0) {
      whole.add(word);
      return built;
    }
    const begun = prefix ? await finishing(word) : new Map<string, WordMatch>();
    if (built || begun.size > 0) return begun;
    const own = await exactSearch(word);
    if (own.size > 0) {
      whole.add(word);
      byPagefind.add(word);
    }
    return own;
  };

  const searched = [...words];
  // One word after the other, not all at once: Pagefind's worker runs them in
  // turn anyway, and a search the reader has typed past stops at the next call.
  const perWord: Array<Map<string, WordMatch>> = [];
  for (const [i, word] of words.entries()) perWord.push(await matchWord(word, typing && i === words.length - 1));
  let corrected = false;
  if (!question.exact) {
    for (const [i, word] of words.entries()) {
      if (perWord[i]!.size > 0 || [...foldWord(word)].length < TYPO_MIN_LENGTH) continue;
      const [nearest] = nearestWords(await vocabulary(typoShards(word)), word, 1, 1);
      if (!nearest) continue;
      const matches = await matchWord(nearest.form, false);
      if (matches.size === 0) continue;
      searched[i] = nearest.form;
      perWord[i] = matches;
      corrected = true;
    }
  }

  const phrase = new Set<string>();
  // The phrase only orders the notes with all the words: none, no search.
  const together = perWord.length > 1 && [...perWord[0]!.keys()].some((id) => perWord.every((matches) => matches.has(id)));
  if (together) {
    for (const hit of await backend.search(`"${searched.join(' ')}"`, filters)) {
      if (!hits.has(hit.id)) hits.set(hit.id, hit);
      phrase.add(hit.id);
      // Pagefind gives a phrase's words as one run of positions: highlight them all.
      for (const matches of perWord) matches.get(hit.id)?.locations.push(...hit.words);
    }
  }
  // The score files' scores came with the matches. A word Pagefind matched
  // has none: then Pagefind scores every word alike, so that they add up.
  if (question.sort === 'relevance' && searched.some((word) => byPagefind.has(word))) {
    const scores = await pagefindScores(backend, searched, whole, filters);
    for (const matches of perWord) for (const [id, match] of matches) match.score = scores.get(id) ?? 0;
  }
  const ranked: RankedNote[] = rankNotes(perWord, phrase, question.sort, new Map(dated.map((hit, i) => [hit.id, i])));
  const notes = ranked.map((note) => answered(hits.get(note.id)!, note.locations, marks));
  const suggestions = notes.length === 0 ? await suggest(words, perWord, vocabulary) : [];
  return { notes, suggestions, ...(corrected && notes.length > 0 ? { correctedQuery: searched.join(' ') } : {}) };
}

/**
 * A result, its fragment fetched when it is shown, with the positions
 * Pagefind gave and those of the words in `marks` (folded) highlighted.
 */
function answered(hit: BackendHit, locations: readonly number[], marks: ReadonlySet<string>): AnsweredNote {
  return {
    id: hit.id,
    show: async () => {
      const fragment = await hit.data();
      const places = marks.size > 0 ? wordPlaces(fragment.content, marks) : [];
      return { fragment, locations: [...new Set([...locations, ...places])].sort((a, b) => a - b) };
    },
  };
}

/** The backend, stopping before and after each call once `signal` aborts. */
function abortable(backend: SearchBackend, signal: AbortSignal): SearchBackend {
  const guard = async <T>(call: () => Promise<T>): Promise<T> => {
    signal.throwIfAborted();
    const result = await call();
    signal.throwIfAborted();
    return result;
  };
  return {
    search: (term, filters) => guard(() => backend.search(term, filters)),
    newestFirst: (filters) => guard(() => backend.newestFirst(filters)),
    vocabulary: (shard) => guard(() => backend.vocabulary(shard)),
    scores: (stem) => guard(() => backend.scores(stem)),
  };
}

/**
 * The build's files for a word: the word the site's vocabulary says it is
 * indexed under, that word's score file (every note that has it, by id),
 * and the site's words (folded) indexed under it. Undefined when the
 * vocabulary has no such line (a form the site never writes, matched
 * through its stem: "rodaje" for *rodajes*) or the build wrote no file.
 */
async function indexedWord(
  backend: SearchBackend,
  vocabulary: (shards: string[]) => Promise<VocabularyWord[]>,
  word: string,
): Promise<{ scores: ReadonlyMap<string, number>; forms: string[] } | undefined> {
  const folded = foldWord(word);
  const words = await vocabulary([vocabularyShard(word)]);
  const stem = words.find((w) => w.folded === folded)?.stem;
  const scores = stem === undefined ? undefined : await backend.scores(stem);
  return scores && { scores, forms: words.filter((w) => w.stem === stem).map((w) => w.folded) };
}

/**
 * Scores from one ordinary Pagefind search of the words that matched (it
 * ANDs them), the same for every word: the costly search on a large site,
 * made only when the build's scores cannot serve, and only for whole words
 * of SCORED_MIN_LENGTH letters or more, as Pagefind extends each word to
 * every word of the site it begins ("co" would have it score thousands).
 */
async function pagefindScores(
  backend: SearchBackend,
  searched: readonly string[],
  whole: ReadonlySet<string>,
  filters: SearchFilters,
): Promise<ReadonlyMap<string, number>> {
  const found = searched.filter((word) => whole.has(word) && [...foldWord(word)].length >= SCORED_MIN_LENGTH);
  return new Map(found.length > 0 ? (await backend.search(found.join(' '), filters)).map((hit) => [hit.id, hit.score]) : []);
}

const loaders = new WeakMap<SearchBackend, (shards: string[]) => Promise<VocabularyWord[]>>();

/** Loads each vocabulary file of a backend once, and gives the words of the ones asked for. */
function vocabularyLoader(backend: SearchBackend): (shards: string[]) => Promise<VocabularyWord[]> {
  const known = loaders.get(backend);
  if (known) return known;
  const loaded = new Map<string, Promise<VocabularyWord[]>>();
  const load = async (shards: string[]) => {
    const files = shards.map((shard) => {
      if (!loaded.has(shard)) loaded.set(shard, backend.vocabulary(shard).catch(() => []));
      return loaded.get(shard)!;
    });
    return (await Promise.all(files)).flat();
  };
  loaders.set(backend, load);
  return load;
}

/**
 * "Did you mean" queries: the query with its first word that matched nothing
 * replaced by each of the site's nearest words (two edits at most, one for
 * words shorter than TYPO_MIN_LENGTH).
 */
async function suggest(
  words: string[],
  perWord: ReadonlyArray<ReadonlyMap<string, WordMatch>>,
  vocabulary: (shards: string[]) => Promise<VocabularyWord[]>,
): Promise<string[]> {
  const i = perWord.findIndex((matches) => matches.size === 0);
  if (i < 0) return [];
  const word = words[i]!;
  const distance = [...foldWord(word)].length < TYPO_MIN_LENGTH ? 1 : 2;
  const nearest = nearestWords(await vocabulary(typoShards(word)), word, distance, SUGGESTIONS);
  return nearest.map((w) => words.map((other, j) => (j === i ? w.form : other)).join(' '));
}
