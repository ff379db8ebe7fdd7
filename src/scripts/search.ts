/**
 * The search page: loads Pagefind (only here), reads `?q=` and the filters
 * from the URL, searches as the reader types, and keeps the URL in step so
 * that any search is a link. The markup is in `src/views/SearchView.astro`;
 * what to show is decided by the pure functions of `src/lib/search-*.ts`.
 */
import { excerptParts, filterValues, resultCountText, type SearchMessages } from '../lib/search-results.ts';
import {
  pagefindRequest,
  readSearchState,
  SEARCH_FILTERS,
  SEARCH_SORTS,
  searchQueryString,
  type SearchFilter,
  type SearchState,
} from '../lib/search-state.ts';
import type { Lang } from '../lib/types.ts';

/** The part of Pagefind's browser API the page uses (pagefind.js has no types). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, options: object): Promise<{ results: PagefindResult[] } | null>;
}
interface PagefindResult {
  id: string;
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string | undefined> }>;
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
  const section = root.querySelector<HTMLElement>('.search-results')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;

  const initial = readSearchState(new URLSearchParams(location.search));
  input.value = initial.query;
  status.textContent = messages.loading;

  const fail = () => {
    status.textContent = '';
    controls.hidden = true;
    section.hidden = true;
    root.querySelector<HTMLElement>('[data-search-error]')!.hidden = false;
    root.dataset.state = 'error';
  };

  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ root.dataset.bundle!)) as Pagefind;
    await pagefind.options({ baseUrl: root.dataset.baseUrl, excerptLength: 24, excerptEllipsis: '…' });
    await pagefind.init();
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

  const current = (): SearchState => ({
    query: input.value,
    filters: Object.fromEntries(SEARCH_FILTERS.map((name) => [name, select(name).value]).filter(([, v]) => v)) as Partial<Record<SearchFilter, string>>,
    sort: SEARCH_SORTS.find((s) => s === select('sort').value) ?? SEARCH_SORTS[0],
  });

  // Each search gets a number; an answer that arrives after a newer search started is dropped.
  let latest = 0;
  let pending: PagefindResult[] = [];

  const showMore = async (run: number) => {
    const batch = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const data = await Promise.all(batch.map((result) => result.data()));
    if (run !== latest) return false;
    list.append(...data.map(resultItem));
    more.hidden = pending.length === 0;
    return true;
  };

  const search = async () => {
    const run = ++latest;
    const state = current();
    history.replaceState(history.state, '', `${location.pathname}${searchQueryString(state)}${location.hash}`);
    const request = pagefindRequest(state);
    if (!request) {
      list.replaceChildren();
      section.hidden = true;
      status.textContent = messages.prompt;
      root.dataset.resultsFor = state.query;
      return;
    }
    let found: Awaited<ReturnType<Pagefind['search']>>;
    try {
      found = await pagefind.search(request.term, request.options);
      if (run !== latest || !found) return;
      pending = found.results;
      list.replaceChildren();
      if (!(await showMore(run))) return;
    } catch {
      if (run === latest) fail();
      return;
    }
    section.hidden = found.results.length === 0;
    status.textContent = resultCountText(found.results.length, messages, lang);
    // For tests and measurements: the query whose results are on screen.
    root.dataset.resultsFor = state.query;
  };

  input.addEventListener('input', search);
  for (const name of [...SEARCH_FILTERS, 'sort']) select(name).addEventListener('change', search);
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

function resultItem(data: Awaited<ReturnType<PagefindResult['data']>>): HTMLLIElement {
  const item = element('li', 'search-result');
  const title = element('h3', 'search-result__title');
  const link = element('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  title.append(link);
  const facts = element('p', 'search-result__meta');
  facts.textContent = [data.meta.date, data.meta.stop].filter(Boolean).join(' · ');
  const excerpt = element('p', 'search-result__excerpt');
  excerpt.append(...excerptParts(data.excerpt).map((part) => (part.mark ? Object.assign(element('mark'), { textContent: part.text }) : part.text)));
  item.append(title, facts, excerpt);
  return item;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}
