/**
 * The search page: loads Pagefind (only here), reads `?q=` and the filters
 * from the URL, searches as the reader types, and keeps the URL in step so
 * that any search is a link. The markup is in `src/views/SearchView.astro`;
 * what to answer is decided by `src/lib/search/search-engine.ts` (over Pagefind),
 * what to show by the pure functions of `src/lib/search/search-results.ts`.
 */
import { answerSearch, type AnsweredNote, type BackendHit, type NoteFragment, type SearchBackend, type SearchFilters } from '../lib/search/search-engine.ts';
import { excerptFromContent, filterValues, resultCountText, suggestionParts, type SearchMessages, type SentencePart } from '../lib/search/search-results.ts';
import { parseVocabulary } from '../lib/search/search-vocabulary.ts';
import {
  readSearchState,
  SEARCH_FILTERS,
  SEARCH_SORTS,
  searchQueryString,
  type SearchFilter,
  type SearchState,
} from '../lib/search/search-state.ts';
import type { Lang } from '../lib/content/types.ts';

/** The part of Pagefind's browser API the page uses (pagefind.js has no types). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, options: object): Promise<{ results: BackendHit[] } | null>;
}

/** Results loaded and shown at a time. */
const PAGE_SIZE = 10;

/** Starts the search page whose root element is `root` (`[data-search]`). */
export async function startSearch(root: HTMLElement): Promise<void> {
  const lang: Lang = document.documentElement.lang;
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
  try {
    pagefind = (await import(/* @vite-ignore */ root.dataset.bundle!)) as Pagefind;
    await pagefind.options({ baseUrl: root.dataset.baseUrl, ranking: RANKING });
    await pagefind.init();
  } catch {
    fail();
    return;
  }
  // The build files the vocabulary under each page's <html lang>, as Pagefind does its indexes.
  const backend = pagefindBackend(pagefind, `${root.dataset.vocabulary!}${document.documentElement.lang.toLowerCase()}/`);

  // Offers each filter's values, keeping the one chosen. Until Pagefind's
  // filter lists arrive, only the values chosen in the URL are offered.
  const offer = (available: Record<string, Record<string, number>>, chosen: (name: SearchFilter) => string) => {
    for (const name of SEARCH_FILTERS) {
      const control = select(name);
      const value = chosen(name);
      control.length = 1;
      for (const option of filterValues(name, Object.keys(available[name] ?? {}), lang, value || undefined)) control.add(new Option(option, option));
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
    status.textContent = answer ? resultCountText(answer.notes.length, messages, lang) : messages.prompt;
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

/** Pagefind's own ranking knobs: the title counts more than its default (5) against the body. */
const RANKING = { metaWeights: { title: 7 } };

/** The engine's view of Pagefind, with the date order kept per set of filters and vocabulary files fetched once. */
function pagefindBackend(pagefind: Pagefind, vocabulary: string): SearchBackend {
  const byDate = new Map<string, Promise<BackendHit[]>>();
  const files = new Map<string, Promise<ReturnType<typeof parseVocabulary>>>();
  return {
    search: async (term, filters) => (await pagefind.search(term, { filters }))?.results ?? [],
    newestFirst: (filters) => {
      const key = JSON.stringify(filters);
      if (!byDate.has(key)) byDate.set(key, pagefind.search(null, { filters, sort: { date: 'desc' } }).then((found) => found?.results ?? []));
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
