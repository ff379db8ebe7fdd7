/**
 * The search half of `npm run bench`: serves a built site, opens its Spanish
 * search page in Chromium and measures, for a reader, (1) the bytes fetched
 * from the moment the first query is typed until its results are on screen
 * (what a first search costs beyond the page), and (2) the time from the
 * last keystroke of a query to its results painted, over several queries
 * typed by SEARCH_PASSES readers in turn, each on a fresh page.
 *
 *   npm exec -- node bench/search.ts <built site>     (or run by bench/run.ts)
 */
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/browser/chromium.ts';
import { serve } from '../tests/browser/serve.ts';

/** Queries over the benchmark corpus: common words, rare ones, a phrase, a prefix, a typo, a word it lacks. */
export const BENCH_QUERIES = ['inversión', 'cine', 'alcaldes diáspora', 'cooperación internacional', 'biomé', 'automotris', 'embarazo', 'tecnología financiera', 'convoy', 'sostenible'];

/** How many readers, each on a page of their own, type the queries: one pass's median swings by half on a shared machine. */
export const SEARCH_PASSES = 3;

export interface SearchFigures {
  firstQueryBytes: number;
  firstQueryRequests: number;
  /** Milliseconds from the last keystroke to the results painted, per query, one entry per pass. */
  times: Array<{ query: string; ms: number[]; results: string }>;
  /** Median over every query of every pass. */
  median: number;
}

/** Measures the search page of the site in `dir` (served on a free port). */
export async function measureSearch(dir: string): Promise<SearchFigures> {
  const site = await serve(dir, '/', { gzip: true });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const times: SearchFigures['times'] = BENCH_QUERIES.map((query) => ({ query, ms: [], results: '' }));
    let first = { bytes: 0, requests: 0 };
    for (let pass = 0; pass < SEARCH_PASSES; pass++) {
      const page = await browser.newPage();
      const counted = await typeQueries(page, site.url, times, pass === 0);
      if (pass === 0) first = counted;
      await page.close();
    }
    const all = times.flatMap((t) => t.ms).sort((a, b) => a - b);
    return { firstQueryBytes: first.bytes, firstQueryRequests: first.requests, times, median: all[Math.floor(all.length / 2)]! };
  } finally {
    await browser.close();
    await site.close();
  }
}

/**
 * One reader: opens the Spanish search page and types each query, adding
 * its time to `times`; gives the bytes and requests of the first query.
 */
async function typeQueries(page: Page, url: string, times: SearchFigures['times'], listFiles: boolean): Promise<{ bytes: number; requests: number }> {
  let counting = false;
  let bytes = 0;
  let requests = 0;
  const files: string[] = [];
  // Bytes as they came over the wire (gzip where the server compressed), the worker's requests included.
  page.on('requestfinished', (request) => {
    if (!counting) return;
    void request.sizes().then((sizes) => {
      bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      requests++;
      files.push(new URL(request.url()).pathname);
    });
  });
  await page.goto(`${url}es/buscar/`, { waitUntil: 'networkidle' });
  await page.waitForSelector('[data-search][data-state="ready"]');
  await page.evaluate(() => {
    const w = window as unknown as { lastKey: number; painted: Map<string, number> };
    w.painted = new Map();
    // The input event, not keydown: an accented letter is typed without a keydown.
    document.querySelector('#search-page-input')!.addEventListener('input', (event) => (w.lastKey = event.timeStamp));
    const root = document.querySelector<HTMLElement>('[data-search]')!;
    new MutationObserver(() => {
      const query = root.dataset.resultsFor ?? '';
      const key = w.lastKey;
      requestAnimationFrame(() => w.painted.set(query, performance.now() - key));
    }).observe(root, { attributes: true, attributeFilter: ['data-results-for'] });
  });
  for (const [i, entry] of times.entries()) {
    counting = i === 0;
    const box = page.locator('#search-page-input');
    await box.fill('');
    await box.pressSequentially(entry.query, { delay: 120 });
    const painted = await page.waitForFunction((q) => (window as unknown as { painted: Map<string, number> }).painted.get(q), entry.query, { timeout: 60_000 });
    entry.ms.push(Number(await painted.jsonValue()));
    entry.results = (await page.locator('[data-search-status]').textContent()) ?? '';
    if (i === 0) await page.waitForLoadState('networkidle');
    counting = false;
  }
  if (listFiles && process.env.BENCH_SEARCH_FILES) console.log(files.join('\n'));
  return { bytes, requests };
}

/** The figures as the benchmark prints them. */
export function searchReport(figures: SearchFigures): string {
  return [
    `search, first query ("${figures.times[0]?.query}"): ${figures.firstQueryBytes} bytes over the wire in ${figures.firstQueryRequests} requests`,
    `search, last keystroke to results painted (ms): ${figures.times.map((t) => `${t.query} ${t.ms.map((ms) => ms.toFixed(0)).join('/')} (${t.results})`).join('; ')}`,
    `search, median of ${SEARCH_PASSES} passes: ${figures.median.toFixed(0)} ms`,
  ].join('\n');
}

if (import.meta.main) {
  const dir = process.argv[2];
  if (!dir) throw new Error('Usage: node bench/search.ts <built site folder>');
  console.log(searchReport(await measureSearch(dir)));
}
