/**
 * The search service: loads Pagefind and its shards, and answers each
 * search (src/lib/search/search-engine.ts). It runs in the search page's
 * worker (src/scripts/search-worker.ts), off the page: Pagefind gives every
 * note a word matches, with every place the word stands (on a large site,
 * thousands of notes and a megabyte), and here that list goes straight to
 * the engine; only the answer goes to the page (src/scripts/search.ts): its
 * count, what to say, and the fragments of the notes shown. Where a browser
 * cannot start the worker, the page runs the service itself.
 */
import { answerSearch, type AnsweredNote, type BackendHit, type SearchBackend, type SearchFilters } from '../lib/search/search-engine.ts';
import { dateRank, shardFolder } from '../lib/search/search-shards.ts';
import { parseScores, scoreFileName } from '../lib/search/search-scores.ts';
import { parseVocabulary } from '../lib/search/search-vocabulary.ts';
import type { SearchReply, SearchRequest, StartOptions } from './search-messages.ts';

/** The part of Pagefind's browser API used here (pagefind.js has no types). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, options: object): Promise<{ results: BackendHit[] } | null>;
  mergeIndex(path: string, options: object): Promise<void>;
}

/** Pagefind answers kept for the searches that follow (a query typed on repeats its first words' searches). */
const KEPT_ANSWERS = 32;

/** Pagefind's own ranking knobs: the title counts more than its default (5) against the body. */
const RANKING = { metaWeights: { title: 7 } };

/**
 * The filter, set on every note of a shard (Pagefind's `mergeFilter`), that
 * tells the shards apart: Pagefind's date order is each shard's own, and a
 * note's place in the whole order follows from its place in its shard's
 * (`dateRank`).
 */
const SHARD_FILTER = 'shard';

/**
 * A service that answers each request by calling `post` with its replies.
 * Requests may come while one is under way: a search stops the one before
 * it at that one's next call to Pagefind.
 */
export function searchService(post: (reply: SearchReply) => void): (request: SearchRequest) => Promise<void> {
  let started: Promise<{ pagefind: Pagefind; backend: SearchBackend }> | undefined;
  // The search under way, stopped when the next one comes.
  let stop: AbortController | undefined;
  // The notes of the last answer, whose fragments the page asks for a page at a time.
  let answered: { run: number; notes: AnsweredNote[] } = { run: 0, notes: [] };

  return async (request) => {
    try {
      switch (request.type) {
        case 'start': {
          started ??= start(request.options);
          const { pagefind } = await started;
          post({ type: 'started' });
          // Without them the page offers only the filters its URL chose; the search still answers.
          await pagefind.filters().then((filters) => post({ type: 'filters', filters }), () => undefined);
          return;
        }
        case 'search': {
          stop?.abort();
          const controller = (stop = new AbortController());
          const { backend } = await started!;
          let answer: Awaited<ReturnType<typeof answerSearch>>;
          try {
            answer = await answerSearch(backend, request.question, controller.signal);
          } catch (error) {
            if (controller.signal.aborted) return post({ type: 'stopped', run: request.run });
            throw error;
          }
          answered = { run: request.run, notes: answer?.notes ?? [] };
          if (!answer) return post({ type: 'answer', run: request.run, count: undefined, suggestions: [] });
          const { notes, suggestions, correctedQuery } = answer;
          return post({ type: 'answer', run: request.run, count: notes.length, suggestions, ...(correctedQuery ? { correctedQuery } : {}) });
        }
        case 'notes': {
          const { run, from, count } = request;
          const batch = run === answered.run ? answered.notes.slice(from, from + count) : [];
          return post({ type: 'notes', run, notes: await Promise.all(batch.map((note) => note.show())) });
        }
      }
    } catch (error) {
      post({ type: 'failed', ...('run' in request ? { run: request.run } : {}), message: String(error) });
    }
  };
}

async function start(options: StartOptions): Promise<{ pagefind: Pagefind; backend: SearchBackend }> {
  // Pagefind reads the page's language from `document`, which a worker has not.
  if (typeof document === 'undefined') (globalThis as { document?: unknown }).document = { querySelector: () => ({ getAttribute: () => options.lang }) };
  const pagefind = (await import(/* @vite-ignore */ options.bundle)) as Pagefind;
  const shared = { baseUrl: options.baseUrl, ranking: RANKING };
  await pagefind.options({ ...shared, mergeFilter: { [SHARD_FILTER]: '0' } });
  await pagefind.init();
  const shards = await mergeShards(pagefind, options.shards, options.lang, shared);
  // The build files the vocabulary and scores under each page's <html lang>, as Pagefind does its indexes.
  return { pagefind, backend: pagefindBackend(pagefind, shards, `${options.vocabulary}${options.lang}/`, `${options.scores}${options.lang}/`) };
}

/**
 * Adds the index's other shards of the page's language (src/lib/search/search-shards.ts)
 * to Pagefind's searches, which then search each and merge the results by
 * score. Gives the number of shards.
 */
async function mergeShards(pagefind: Pagefind, file: string, lang: string, options: object): Promise<number> {
  const response = await fetch(file);
  // Without it, a search would silently leave out all but the newest notes.
  if (!response.ok) throw new Error(`${file}: ${response.status}`);
  const shards = ((await response.json()) as Record<string, number>)[lang] ?? 1;
  const folder = new URL('.', new URL(file, location.href)).pathname;
  await Promise.all(
    Array.from({ length: shards - 1 }, (_, i) => pagefind.mergeIndex(`${folder}${shardFolder(i + 1)}`, { ...options, mergeFilter: { [SHARD_FILTER]: String(i + 1) } })),
  );
  return shards;
}

/** The engine's view of Pagefind, with the date order kept per set of filters, and vocabulary and score files fetched once. */
function pagefindBackend(pagefind: Pagefind, shards: number, vocabulary: string, scores: string): SearchBackend {
  const byDate = new Map<string, Promise<BackendHit[]>>();
  const files = new Map<string, Promise<ReturnType<typeof parseVocabulary>>>();
  const scoreFiles = new Map<string, Promise<ReadonlyMap<string, number> | undefined>>();
  // Each shard's notes newest first (see SHARD_FILTER), asked once.
  let byShard: Promise<BackendHit[][]> | undefined;
  const shardOrders = () =>
    (byShard ??= Promise.all(Array.from({ length: shards }, (_, n) => pagefind.search(null, { filters: { [SHARD_FILTER]: String(n) }, sort: { date: 'desc' } }))).then((each) =>
      each.map((found) => found?.results ?? []),
    ));
  // Every note's place newest first over all the shards.
  let ranks: Promise<Map<string, number>> | undefined;
  const dateRanks = () =>
    (ranks ??= shardOrders().then((each) => new Map(each.flatMap((found, n) => found.map((hit, place) => [hit.id, dateRank(place, n, shards)] as const)))));
  // The other way round, for the score files, which name each note by its place.
  let byPlace: Promise<Map<number, string>> | undefined;
  const placeIds = () => (byPlace ??= dateRanks().then((order) => new Map([...order].map(([id, place]) => [place, id]))));
  const newestFirst = async (filters: SearchFilters) => {
    // Without filters, the shards' own date orders already hold every note.
    const notes = Object.keys(filters).length > 0 ? pagefind.search(null, { filters }).then((found) => found?.results ?? []) : shardOrders().then((each) => each.flat());
    const [order, found] = await Promise.all([dateRanks(), notes]);
    const rank = (hit: BackendHit) => order.get(hit.id) ?? Number.MAX_SAFE_INTEGER;
    return [...found].sort((a, b) => rank(a) - rank(b));
  };
  // The same term and filters always give the same answer: the last KEPT_ANSWERS are kept, oldest dropped first.
  const answers = new Map<string, Promise<BackendHit[]>>();
  const search = async (term: string, filters: SearchFilters) => {
    // A newer search, queued meanwhile, stops this one before its next call (search-engine.ts).
    await nextTask();
    const key = JSON.stringify([term, filters]);
    const kept = answers.get(key) ?? pagefind.search(term, { filters }).then((found) => found?.results ?? []);
    answers.delete(key);
    answers.set(key, kept);
    if (answers.size > KEPT_ANSWERS) answers.delete(answers.keys().next().value!);
    kept.catch(() => answers.delete(key));
    return await kept;
  };
  return {
    search,
    newestFirst: (filters) => {
      const key = JSON.stringify(filters);
      if (!byDate.has(key)) byDate.set(key, newestFirst(filters));
      return byDate.get(key)!;
    },
    vocabulary: (shard) => {
      if (!files.has(shard)) files.set(shard, fetch(`${vocabulary}${shard}.txt`).then((r) => (r.ok ? r.text() : '')).then(parseVocabulary));
      return files.get(shard)!;
    },
    scores: (stem) => {
      // A score file names each note by its place newest first (src/lib/search/search-scores.ts).
      const read = async () => {
        const response = await fetch(`${scores}${scoreFileName(stem)}`);
        if (!response.ok) return undefined;
        const [text, ids] = await Promise.all([response.text(), placeIds()]);
        return new Map([...parseScores(text, ids.size)].flatMap(([place, score]) => (ids.has(place) ? [[ids.get(place)!, score] as const] : [])));
      };
      if (!scoreFiles.has(stem)) scoreFiles.set(stem, read().catch(() => undefined));
      return scoreFiles.get(stem)!;
    },
  };
}

/**
 * Resolves once the messages already queued have had their turn: the
 * engine's calls to Pagefind here need not wait for the network, and a
 * search whose parts are all loaded would otherwise run to its end before
 * the page's newer search is even read.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => resolve();
    port2.postMessage(null);
  });
}
