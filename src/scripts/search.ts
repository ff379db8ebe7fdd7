/**
 * The search page: starts the search worker (only here), reads `?q=` and the
 * filters from the URL, searches as the reader types, and keeps the URL in
 * step so that any search is a link. The markup is in
 * `src/views/SearchView.astro`; Pagefind and what to answer
 * (`src/lib/search/search-engine.ts`) run in the worker,
 * `src/scripts/search-worker.ts`; what to show is decided by the pure
 * functions of `src/lib/search/search-results.ts`.
 */
import type { NoteFragment, SearchFilters, SearchQuestion } from '../lib/search/search-engine.ts';
import { excerptFromContent, filterValues, filtersOnText, resultCountText, suggestionParts, type SearchMessages, type SentencePart } from '../lib/search/search-results.ts';
import {
  readSearchState,
  SEARCH_FILTERS,
  SEARCH_SORTS,
  searchQueryString,
  type SearchFilter,
  type SearchState,
} from '../lib/search/search-state.ts';
import type { SearchReply, SearchRequest, ShownNote } from './search-messages.ts';

/** Results loaded and shown at a time. */
const PAGE_SIZE = 10;

/** Starts the search page whose root element is `root` (`[data-search]`). */
export async function startSearch(root: HTMLElement): Promise<void> {
  const messages = JSON.parse(root.dataset.messages ?? '{}') as SearchMessages;
  const form = root.querySelector('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const options = root.querySelector<HTMLDetailsElement>('[data-search-options]')!;
  const controls = options.querySelector<HTMLFieldSetElement>('.search-controls')!;
  const active = options.querySelector<HTMLElement>('[data-search-active]')!;
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
    options.hidden = true;
    section.hidden = true;
    root.querySelector<HTMLElement>('[data-search-error]')!.hidden = false;
    root.dataset.state = 'error';
  };

  let worker: SearchWorker;
  try {
    await whenWanted(root, initial.query.trim() !== '' || Object.keys(initial.filters).length > 0);
    worker = await searchWorker(root);
  } catch {
    fail();
    return;
  }

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
  // On a phone the filters are folded: their title says how many are on.
  const showActive = () => (active.textContent = filtersOnText(SEARCH_FILTERS.filter((name) => select(name).value).length, messages));
  showActive();
  // Loaded alongside the first search rather than before it: a ?q= link answers sooner.
  void worker.filters.then((available) => {
    offer(available, (name) => select(name).value);
    options.hidden = false;
    root.dataset.state = 'ready';
  });

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
  // How many notes the latest answer has, and how many of them are shown.
  let found = 0;
  let shown = 0;

  // One batch after the other, so that two quick clicks on "more" show two batches, in order.
  let loading = Promise.resolve(true);
  const showMore = (run: number) =>
    (loading = loading.then(async () => {
      const notes = await worker.notes(run, shown, PAGE_SIZE);
      if (run !== latest) return false;
      shown += notes.length;
      list.append(...notes.map((note) => resultItem(note.fragment, note.locations)));
      more.hidden = shown >= found;
      return true;
    }));

  // A sentence of text and links to other searches, which run in place.
  const sentence = (parts: SentencePart[]) =>
    parts.map((part) => {
      if (!('query' in part)) return part.text;
      const link = Object.assign(element('a'), { textContent: part.text, href: searchLink(part.query, part.exact ?? false) });
      link.addEventListener('click', (event) => {
        event.preventDefault();
        input.value = part.query;
        exact = part.exact ?? false;
        void search();
        input.focus();
      });
      return link;
    });

  // Every key, filter and link searches at once: the worker stops the search
  // under way at its next call to Pagefind (its answer would be stale) and
  // starts this one.
  const search = async () => {
    const run = ++latest;
    const state = current();
    showActive();
    history.replaceState(history.state, '', `${location.pathname}${searchQueryString(state)}${location.hash}`);
    let answer: Answer | undefined;
    try {
      answer = await worker.answer(run, { query: state.query, filters: state.filters as SearchFilters, sort: state.sort, exact: state.exact });
      if (run !== latest || !answer) return;
      found = answer.count ?? 0;
      shown = 0;
      list.replaceChildren();
      if (answer.count !== undefined && !(await showMore(run))) return;
    } catch {
      if (run === latest) fail();
      return;
    }
    section.hidden = list.children.length === 0;
    status.textContent = answer.count !== undefined ? resultCountText(answer.count, messages) : messages.prompt;
    const said: Array<string | Node> = [];
    if (answer.correctedQuery) {
      said.push(messages.corrected.replace('{query}', answer.correctedQuery), ' ');
      said.push(...sentence([{ text: messages.exactInstead.replace('{query}', state.query.trim()), query: state.query.trim(), exact: true }]));
    } else if (answer.count !== undefined) {
      said.push(...sentence(suggestionParts(answer.suggestions, messages)));
    }
    note.replaceChildren(...said);
    // For tests and measurements: the query whose results are on screen.
    root.dataset.resultsFor = state.query;
  };

  // No pause in typing is awaited: the search a key stops was fetching the
  // index parts the next one needs, and the costliest of Pagefind's calls,
  // for the scores, is not made for a word still being typed
  // (search-engine.ts). Measured in docs/search.md.
  input.addEventListener('input', () => {
    exact = false;
    void search();
  });
  for (const name of [...SEARCH_FILTERS, 'sort']) select(name).addEventListener('change', () => void search());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search();
  });
  more.addEventListener('click', () => {
    const first = list.children.length;
    void showMore(latest).then(() => (list.children[first]?.querySelector('a') as HTMLElement | null)?.focus());
  });
  await search();
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

/** An answer as the worker gives it (see SearchReply). */
type Answer = Extract<SearchReply, { type: 'answer' }>;

/** The page's end of the search worker. */
interface SearchWorker {
  /** Pagefind's filters and their values, once the worker has them. */
  filters: Promise<Record<string, Record<string, number>>>;
  /** The answer to search number `run`, undefined when a newer search stopped it. */
  answer(run: number, question: SearchQuestion): Promise<Answer | undefined>;
  /** The fragments of `count` notes of answer `run`, from the `from`-th. */
  notes(run: number, from: number, count: number): Promise<ShownNote[]>;
}

/**
 * Starts the search worker on the index the page names, resolving once
 * Pagefind and every shard are loaded there; rejects when it fails. Where
 * the worker cannot start, the page runs the search service itself (and
 * Pagefind then starts its own worker, if it can).
 */
async function searchWorker(root: HTMLElement): Promise<SearchWorker> {
  // Replies awaited, by type and run: a newer search's reply settles its own.
  const waiting = new Map<string, { resolve: (reply: SearchReply) => void; reject: (error: Error) => void }>();
  const wait = (key: string) => new Promise<SearchReply>((resolve, reject) => waiting.set(key, { resolve, reject }));
  const settle = (key: string, reply: SearchReply) => {
    const waiter = waiting.get(key);
    waiting.delete(key);
    if (reply.type === 'failed') waiter?.reject(new Error(reply.message));
    else waiter?.resolve(reply);
  };
  let filtersArrived: (filters: Record<string, Record<string, number>>) => void = () => undefined;
  const filters = new Promise<Record<string, Record<string, number>>>((resolve) => (filtersArrived = resolve));
  function failAll(message: string) {
    for (const key of [...waiting.keys()]) settle(key, { type: 'failed', message });
  }
  function receive(reply: SearchReply) {
    if (reply.type === 'filters') return filtersArrived(reply.filters);
    if (reply.type === 'started') return settle('start', reply);
    if (reply.type === 'failed') {
      if (reply.run === undefined) return failAll(reply.message);
      for (const key of [`answer ${reply.run}`, `notes ${reply.run}`]) settle(key, reply);
      return;
    }
    settle(`${reply.type === 'notes' ? 'notes' : 'answer'} ${reply.run}`, reply);
  }
  const dataset = root.dataset;
  const start: SearchRequest = { type: 'start', options: { bundle: dataset.bundle!, baseUrl: dataset.baseUrl!, shards: dataset.shards!, vocabulary: dataset.vocabulary!, scores: dataset.scores!, lang: document.documentElement.lang.toLowerCase() } };
  const started = wait('start');
  let send: (request: SearchRequest) => void;
  // The page runs the service itself where the worker cannot start: no workers,
  // or none of the module kind (the worker then fails before it has started).
  const inPage = async () => {
    const { searchService } = await import('./search-service.ts');
    const handle = searchService(receive);
    send = (request) => void handle(request);
    send(start);
  };
  try {
    const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
    let up = false;
    worker.addEventListener('error', (event) => {
      if (up) return failAll(event.message || 'The search worker failed.');
      worker.terminate();
      void inPage().catch((error: unknown) => failAll(String(error)));
    });
    worker.addEventListener('message', (event: MessageEvent<SearchReply>) => {
      up = true;
      receive(event.data);
    });
    send = (request) => worker.postMessage(request);
    send(start);
  } catch {
    await inPage();
  }
  return started.then(() => ({
    filters,
    answer: async (run, question) => {
      const reply = wait(`answer ${run}`);
      send({ type: 'search', run, question });
      const answer = await reply;
      return answer.type === 'answer' ? answer : undefined;
    },
    notes: async (run, from, count) => {
      const reply = wait(`notes ${run}`);
      send({ type: 'notes', run, from, count });
      const notes = await reply;
      return notes.type === 'notes' ? notes.notes : [];
    },
  }));
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
