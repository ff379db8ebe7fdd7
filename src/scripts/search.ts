/**
 * The search page: loads Pagefind (only here), reads `?q=` and the filters
 * from the URL, searches as the reader types, and keeps the URL in step so
 * that any search is a link. The markup is in `src/views/SearchView.astro`;
 * what to answer is decided by `src/lib/search/search-engine.ts` (over Pagefind),
 * what to show by the pure functions of `src/lib/search/search-results.ts`.
 */
import { answerSearch, type AnsweredNote, type BackendHit, type NoteFragment, type SearchBackend, type SearchFilters } from '../lib/search/search-engine.ts';
import { excerptFromContent, filterValues, resultCountText, suggestionParts, type SearchMessages, type SentencePart } from '../lib/search/search-results.ts';
import { dateRank, shardFolder } from '../lib/search/search-shards.ts';
import { parseVocabulary } from '../lib/search/search-vocabulary.ts';
import {
  readSearchState,
  SEARCH_FILTERS,
  SEARCH_SORTS,
  searchQueryString,
  type SearchFilter,
  type SearchState,
} from '../lib/search/search-state.ts';

/** The part of Pagefind's browser API the page uses (pagefind.js has no types). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, options: object): Promise<{ results: BackendHit[] } | null>;
  mergeIndex(path: string, options: object): Promise<void>;
}

/** Results loaded and shown at a time. */
const PAGE_SIZE = 10;
/** Pagefind answers kept for the searches that follow (a query typed on repeats its first words' searches). */
const KEPT_ANSWERS = 32;

/** Starts the search page whose root element is `root` (`[data-search]`). */
export async function startSearch(root: HTMLElement): Promise<void> {
  const messages = JSON.parse(root.dataset.messages ?? '{}') as SearchMessages;
  const form = root.querySelector('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const controls = root.querySelector<HTMLFieldSetElement>('.search-controls')!;
  const select = (name: string) => controls.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const note = root.querySelector<HTMLElement>('[data-search-note]')!;
  const section = root.querySelector<HTMLElement>('.search-results')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;

  const initial = readSearchState(new URLSearchParams(location.search));
  input.value = initial.query;
  status.textContent = messages.loading;

  const fail = () => {
    status.textContent = '';
    note.replaceChildren();
    controls.hidden = true;
    section.hidden = true;
    root.querySelector<HTMLElement>('[data-search-error]')!.hidden = false;
    root.dataset.state = 'error';
  };

  let pagefind: Pagefind;
  let shards: number;
  try {
    await whenWanted(root, initial.query.trim() !== '' || Object.keys(initial.filters).length > 0);
    pagefind = (await import(/* @vite-ignore */ root.dataset.bundle!)) as Pagefind;
    const options = { baseUrl: root.dataset.baseUrl, ranking: RANKING };
    await pagefind.options({ ...options, mergeFilter: { [SHARD_FILTER]: '0' } });
    await pagefind.init();
    shards = await mergeShards(pagefind, root.dataset.shards!, document.documentElement.lang.toLowerCase(), options);
  } catch {
    fail();
    return;
  }
  // The build files the vocabulary under each page's <html lang>, as Pagefind does its indexes.
  const backend = pagefindBackend(pagefind, shards, `${root.dataset.vocabulary!}${document.documentElement.lang.toLowerCase()}/`);

  // Offers each filter's values, keeping the one chosen. Until Pagefind's
  // filter lists arrive, only the values chosen in the URL are offered.
  const offer = (available: Record<string, Record<string, number>>, chosen: (name: SearchFilter) => string) => {
    for (const name of SEARCH_FILTERS) {
      const control = select(name);
      const value = chosen(name);
      control.length = 1;
      for (const option of filterValues(name, Object.keys(available[name] ?? {}), messages.alphabet, value || undefined)) control.add(new Option(option, option));
      control.value = value;
    }
  };
  offer({}, (name) => initial.filters[name] ?? '');
  select('sort').value = initial.sort;
  // Loaded alongside the first search rather than before it: a ?q= link answers sooner.
  void pagefind.filters().then(
    (available) => {
      offer(available, (name) => select(name).value);
      controls.hidden = false;
      root.dataset.state = 'ready';
    },
    () => undefined,
  );

  // Cleared when the reader edits the query: the next search may forgive a typo again.
  let exact = initial.exact;
  const current = (): SearchState => ({
    query: input.value,
    filters: Object.fromEntries(SEARCH_FILTERS.map((name) => [name, select(name).value]).filter(([, v]) => v)) as Partial<Record<SearchFilter, string>>,
    sort: SEARCH_SORTS.find((s) => s === select('sort').value) ?? SEARCH_SORTS[0],
    exact,
  });
  const searchLink = (query: string, exactly: boolean) => `${location.pathname}${searchQueryString({ ...current(), query, exact: exactly })}`;

  // Each search gets a number; an answer that arrives after a newer search started is dropped.
  let latest = 0;
  let pending: AnsweredNote[] = [];

  const showMore = async (run: number) => {
    const batch = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const data = await Promise.all(batch.map((note) => note.data()));
    if (run !== latest) return false;
    list.append(...data.map((fragment, i) => resultItem(fragment, batch[i]!.locations)));
    more.hidden = pending.length === 0;
    return true;
  };

  // A sentence of text and links to other searches, which run in place.
  const sentence = (parts: SentencePart[]) =>
    parts.map((part) => {
      if (!('query' in part)) return part.text;
      const link = Object.assign(element('a'), { textContent: part.text, href: searchLink(part.query, part.exact ?? false) });
      link.addEventListener('click', (event) => {
        event.preventDefault();
        input.value = part.query;
        exact = part.exact ?? false;
        void schedule();
        input.focus();
      });
      return link;
    });

  let stop: AbortController | undefined;
  const search = async () => {
    const run = ++latest;
    const state = current();
    history.replaceState(history.state, '', `${location.pathname}${searchQueryString(state)}${location.hash}`);
    stop = new AbortController();
    const { signal } = stop;
    let answer: Awaited<ReturnType<typeof answerSearch>>;
    try {
      answer = await answerSearch(backend, { query: state.query, filters: state.filters as SearchFilters, sort: state.sort, exact: state.exact }, signal);
      if (run !== latest || signal.aborted) return;
      pending = answer?.notes ?? [];
      list.replaceChildren();
      if (answer && !(await showMore(run))) return;
    } catch {
      if (run === latest && !signal.aborted) fail();
      return;
    }
    section.hidden = pending.length === 0 && list.children.length === 0;
    status.textContent = answer ? resultCountText(answer.notes.length, messages) : messages.prompt;
    const said: Array<string | Node> = [];
    if (answer?.correctedQuery) {
      said.push(messages.corrected.replace('{query}', answer.correctedQuery), ' ');
      said.push(...sentence([{ text: messages.exactInstead.replace('{query}', state.query.trim()), query: state.query.trim(), exact: true }]));
    } else if (answer) {
      said.push(...sentence(suggestionParts(answer.suggestions, messages)));
    }
    note.replaceChildren(...said);
    // For tests and measurements: the query whose results are on screen.
    root.dataset.resultsFor = state.query;
  };

  // One search at a time: keystrokes that arrive meanwhile stop it and make
  // one more search, of the box as it is then, instead of queueing one each
  // in Pagefind's worker (on a large site a search takes tenths of a second).
  let running: Promise<void> | undefined;
  let again = false;
  const schedule = (): Promise<void> => {
    // The search under way stops at its next step: its answer would be stale.
    stop?.abort();
    again = true;
    running ??= (async () => {
      while (again) {
        again = false;
        await search();
      }
      running = undefined;
    })();
    return running;
  };

  // Every key searches at once, with no pause in typing awaited: the search
  // it stops was fetching the index parts the next one needs, and the
  // costliest of Pagefind's calls, for the scores, is not made for a word
  // still being typed (search-engine.ts). Measured in docs/search.md.
  input.addEventListener('input', () => {
    exact = false;
    void schedule();
  });
  for (const name of [...SEARCH_FILTERS, 'sort']) select(name).addEventListener('change', () => void schedule());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void schedule();
  });
  more.addEventListener('click', () => {
    const first = list.children.length;
    void showMore(latest).then(() => (list.children[first]?.querySelector('a') as HTMLElement | null)?.focus());
  });
  await schedule();
}

/**
 * Resolves when the page should load Pagefind: at once when the URL asks
 * for a search (a `?q=` or filter link), else at the reader's first move
 * in the search area or once the page has loaded and the browser is idle,
 * whichever comes first. So Pagefind's script, worker and WebAssembly never
 * compete with the page's first paint, and are ready before most readers
 * have typed a letter.
 */
function whenWanted(root: HTMLElement, now: boolean): Promise<void> {
  if (now) return Promise.resolve();
  return new Promise((resolve) => {
    const moves = ['focusin', 'pointerdown', 'keydown'] as const;
    const go = () => {
      for (const type of moves) root.removeEventListener(type, go, true);
      resolve();
    };
    for (const type of moves) root.addEventListener(type, go, true);
    const idle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(go, { timeout: 2000 }) : setTimeout(go, 100));
    if (document.readyState === 'complete') idle();
    else addEventListener('load', idle, { once: true });
  });
}

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

/** The engine's view of Pagefind, with the date order kept per set of filters and vocabulary files fetched once. */
function pagefindBackend(pagefind: Pagefind, shards: number, vocabulary: string): SearchBackend {
  const byDate = new Map<string, Promise<BackendHit[]>>();
  const files = new Map<string, Promise<ReturnType<typeof parseVocabulary>>>();
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
  const newestFirst = async (filters: SearchFilters) => {
    // Without filters, the shards' own date orders already hold every note.
    const notes = Object.keys(filters).length > 0 ? pagefind.search(null, { filters }).then((found) => found?.results ?? []) : shardOrders().then((each) => each.flat());
    const [order, found] = await Promise.all([dateRanks(), notes]);
    const rank = (hit: BackendHit) => order.get(hit.id) ?? Number.MAX_SAFE_INTEGER;
    return [...found].sort((a, b) => rank(a) - rank(b));
  };
  // The same term and filters always give the same answer: the last KEPT_ANSWERS are kept, oldest dropped first.
  const answers = new Map<string, Promise<BackendHit[]>>();
  const search = (term: string, filters: SearchFilters) => {
    const key = JSON.stringify([term, filters]);
    const kept = answers.get(key) ?? pagefind.search(term, { filters }).then((found) => found?.results ?? []);
    answers.delete(key);
    answers.set(key, kept);
    if (answers.size > KEPT_ANSWERS) answers.delete(answers.keys().next().value!);
    kept.catch(() => answers.delete(key));
    return kept;
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
  };
}

function resultItem(data: NoteFragment, locations: number[]): HTMLLIElement {
  const item = element('li', 'search-result');
  const title = element('h3', 'search-result__title');
  const link = element('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  title.append(link);
  const facts = element('p', 'search-result__meta');
  facts.textContent = [data.meta.date, data.meta.stop].filter(Boolean).join(' · ');
  const excerpt = element('p', 'search-result__excerpt');
  excerpt.append(...excerptFromContent(data.content, locations).map((part) => (part.mark ? Object.assign(element('mark'), { textContent: part.text }) : part.text)));
  item.append(title, facts, excerpt);
  return item;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}
