/**
 * Search in Chromium, on the real search pages of the fixture site (with its
 * draft and embargoed note) and of the sample site (with real Spanish text):
 * typing, accents, `?q=` links, filters, order, languages kept apart, the CSP,
 * and readers without JavaScript; on the sample site, no false hits, typos
 * forgiven, "did you mean", best match first, labels that fit and no layout
 * shift. (Speed is measured by `npm run bench`, bench/search.ts.)
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, buildDir, launchChromium, openPage, takeProblems, type PageProblems } from './harness.ts';
import { serve, type Served } from './serve.ts';

const SEARCH_PAGE = { es: 'es/buscar/', en: 'en/search/' } as const;
type Lang = keyof typeof SEARCH_PAGE;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/**
 * A served build and a page that records CSP violations, console errors and
 * foreign requests; each test must end with none. `prepare` runs on the
 * browser context before the page opens.
 */
function useSite(build: 'fixture' | 'sample', prepare?: (context: BrowserContext) => Promise<unknown>) {
  const state = {} as { site: Served; context: BrowserContext; page: Page; problems: PageProblems };
  beforeAll(async () => {
    state.site = await serve(buildDir(build));
    state.context = await browser.newContext();
    await prepare?.(state.context);
    Object.assign(state, await openPage(state.context, new URL(state.site.url).origin));
  });
  afterEach(() => {
    expect(takeProblems(state.problems), 'while searching').toEqual({ consoleErrors: [], cspViolations: [], foreignRequests: [] });
  });
  afterAll(async () => {
    await state.context?.close();
    await state.site?.close();
  });
  return state;
}

/** Waits until the results on screen are those of `query`. */
const resultsFor = (page: Page, query: string) =>
  page.waitForFunction((q) => document.querySelector<HTMLElement>('[data-search]')?.dataset.resultsFor === q, query, { timeout: 15_000 });

/** Opens a language's search page, optionally with a URL query, and waits for its first answer and its filters. */
async function open(page: Page, site: Served, lang: Lang, params = '') {
  await page.goto(`${site.url}${SEARCH_PAGE[lang]}${params ? `?${params}` : ''}`);
  await resultsFor(page, new URLSearchParams(params).get('q') ?? '');
  await page.waitForSelector('[data-search][data-state="ready"] .search-options', { state: 'visible' });
}

/** Types into the search page's box the way a reader does, key by key, and waits for the results. */
async function type(page: Page, text: string) {
  const box = page.locator('#search-page-input');
  await box.fill('');
  await box.pressSequentially(text, { delay: 20 });
  await resultsFor(page, text);
}

/** The results on screen: link, and the words highlighted in the excerpt. */
const shown = (page: Page) =>
  page.$$eval('.search-result', (items) =>
    items.map((item) => ({
      href: item.querySelector('a')?.getAttribute('href'),
      marks: [...item.querySelectorAll('mark')].map((m) => m.textContent),
    })),
  );
const hrefs = async (page: Page) => (await shown(page)).map((r) => r.href);
const status = (page: Page) => page.locator('[role="status"][data-search-status]').textContent();

describe('search on the fixture site', () => {
  const s = useSite('fixture');

  test('finds a note by a word typed without its accent, and highlights the word as written', async () => {
    await open(s.page, s.site, 'es');
    await type(s.page, 'inversion');
    expect(await shown(s.page)).toEqual([{ href: '/es/notas/bilingue/', marks: ['inversión'] }]);
    expect(await status(s.page)).toBe('1 nota encontrada.');
    const result = s.page.locator('.search-result').first();
    await expect.poll(() => result.locator('.search-result__title').textContent()).toBe('Nota bilingüe de prueba');
    expect(await result.locator('.search-result__meta').textContent()).toBe('27 de febrero de 2023 a las 12:00 p.m. GMT-6 · Los Ángeles');
  });

  test('starts the search worker once the page has loaded, not before, and at once for a ?q= link', async () => {
    // Pagefind loads inside the search worker, so the worker's start is the search's: the time the page makes it.
    await s.page.addInitScript(() => {
      const w = window as unknown as { Worker: typeof Worker; workerMade?: number };
      const Made = w.Worker;
      w.Worker = class extends Made {
        constructor(...args: ConstructorParameters<typeof Worker>) {
          super(...args);
          w.workerMade ??= performance.now();
        }
      };
    });
    const searchStart = () =>
      s.page.evaluate(() => {
        const page = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { loading: page.loadEventStart, made: (window as unknown as { workerMade?: number }).workerMade };
      });
    await open(s.page, s.site, 'es');
    const idle = await searchStart();
    expect(idle.loading).toBeGreaterThan(0);
    expect(idle.made).toBeGreaterThanOrEqual(idle.loading);
    await open(s.page, s.site, 'es', 'q=inversion');
    const linked = await searchStart();
    expect(linked.made).toBeLessThan(linked.loading);
    expect(await hrefs(s.page)).toEqual(['/es/notas/bilingue/']);
  });

  test('keeps the query in the URL as it changes, and clears it with the box', async () => {
    await open(s.page, s.site, 'es');
    await type(s.page, 'espa');
    expect(new URL(s.page.url()).search).toBe('?q=espa');
    await type(s.page, 'español');
    expect(new URL(s.page.url()).search).toBe('?q=espa%C3%B1ol');
    await type(s.page, '');
    expect(new URL(s.page.url()).search).toBe('');
    expect(await hrefs(s.page)).toEqual([]);
    expect(await status(s.page)).toMatch(/^Escriba una ciudad/);
  });

  test('shows the results of a ?q= link at once, newest first when the link asks', async () => {
    await open(s.page, s.site, 'es', 'q=espanol&sort=newest');
    expect(await s.page.inputValue('#search-page-input')).toBe('espanol');
    expect(await s.page.inputValue('#search-sort')).toBe('newest');
    expect(await hrefs(s.page)).toEqual(['/es/notas/solo-espanol/', '/es/notas/bilingue/']);
    expect(await status(s.page)).toBe('2 notas encontradas.');
  });

  test('shows the oldest first when the reader asks, and keeps that in the URL', async () => {
    await open(s.page, s.site, 'es', 'q=espanol');
    await s.page.selectOption('#search-sort', 'oldest');
    await expect.poll(() => hrefs(s.page)).toEqual(['/es/notas/bilingue/', '/es/notas/solo-espanol/']);
    expect(new URL(s.page.url()).searchParams.get('sort')).toBe('oldest');
  });

  test('narrows the results with a filter chosen from the keyboard', async () => {
    await open(s.page, s.site, 'es', 'q=nota');
    expect(await hrefs(s.page)).toHaveLength(2);
    expect(await s.page.$$eval('#search-topic option', (o) => o.map((x) => x.textContent))).toEqual(['Todos los temas', 'Cine', 'Economía']);
    await s.page.focus('#search-topic');
    await s.page.keyboard.press('ArrowDown');
    await expect.poll(() => hrefs(s.page)).toEqual(['/es/notas/bilingue/']);
    expect(await status(s.page)).toBe('1 nota encontrada.');
    expect(new URL(s.page.url()).search).toBe('?q=nota&topic=Cine');
  });

  test('lists a filter’s notes without any words, and opens with the filters of a link', async () => {
    await open(s.page, s.site, 'es', 'topic=Econom%C3%ADa&year=2023');
    expect(await s.page.inputValue('#search-topic')).toBe('Economía');
    expect(await s.page.inputValue('#search-year')).toBe('2023');
    expect(await hrefs(s.page)).toEqual(['/es/notas/solo-espanol/', '/es/notas/bilingue/']);
  });

  test('finds the notes that name a person or an organization', async () => {
    await open(s.page, s.site, 'es', 'person=Karen+Bass');
    expect(await s.page.$$eval('#search-person option', (o) => o.map((x) => x.textContent))).toEqual(['Todas las personas', 'Karen Bass']);
    expect(await hrefs(s.page)).toEqual(['/es/notas/bilingue/']);
    await open(s.page, s.site, 'es');
    await s.page.selectOption('#search-organization', 'Secretaría de Relaciones Exteriores');
    await expect.poll(() => hrefs(s.page)).toEqual(['/es/notas/bilingue/']);
    expect(new URL(s.page.url()).searchParams.get('organization')).toBe('Secretaría de Relaciones Exteriores');
  });

  test.each(['zanahoriaborrador', 'pepinoembargo', 'secreto'])('finds nothing for %s, a word only in a draft or an embargoed note', async (word) => {
    await open(s.page, s.site, 'es');
    await type(s.page, word);
    expect(await hrefs(s.page)).toEqual([]);
    expect(await status(s.page)).toBe('Ninguna nota coincide con su búsqueda.');
  });

  test('keeps the languages apart: the English page searches English notes, in English', async () => {
    await open(s.page, s.site, 'es', 'q=espanol');
    expect(await hrefs(s.page)).toHaveLength(2);
    await open(s.page, s.site, 'en', 'q=espanol');
    expect(await hrefs(s.page)).toEqual([]);
    expect(await status(s.page)).toBe('No news matches your search.');
    await type(s.page, 'english');
    expect(await hrefs(s.page)).toEqual(['/en/news/bilingual-test/']);
    expect(await status(s.page)).toBe('1 story found.');
    expect(await s.page.locator('label[for="search-stop"]').textContent()).toBe('Stop');
  });

  test('shows hostile titles as text', async () => {
    await open(s.page, s.site, 'en', 'q=tricky');
    expect(await s.page.locator('.search-result__title').textContent()).toBe('Quotes "yes" & <b>angle</b> </script> 🎬 emoji');
    expect(await s.page.locator('.search-result b, .search-result script').count()).toBe(0);
  });

  test('takes a search from the header box of any page to the search page', async () => {
    await s.page.goto(`${s.site.url}es/`);
    await s.page.fill('#header-search', 'inversion');
    await s.page.press('#header-search', 'Enter');
    await resultsFor(s.page, 'inversion');
    expect(new URL(s.page.url()).pathname + new URL(s.page.url()).search).toBe('/es/buscar/?q=inversion');
    expect(await hrefs(s.page)).toEqual(['/es/notas/bilingue/']);
  });

  test('loads the search engine on the search page only', async () => {
    const requests: string[] = [];
    s.page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    for (const path of ['es/', 'es/notas/', 'es/notas/bilingue/', 'en/news/bilingual-test/']) await s.page.goto(`${s.site.url}${path}`, { waitUntil: 'networkidle' });
    expect(requests.filter((p) => p.includes('/pagefind/'))).toEqual([]);
    await open(s.page, s.site, 'es', 'q=nota');
    expect(requests.filter((p) => p.endsWith('/pagefind/pagefind.js'))).toHaveLength(1);
  });

  test("runs Pagefind in the search worker, so that its lists of every match never reach the page", async () => {
    await open(s.page, s.site, 'es', 'q=nota');
    expect((await hrefs(s.page)).length).toBeGreaterThan(0);
    const fetched = await s.page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
    expect(fetched.filter((path) => path.includes('/pagefind/'))).toEqual([]);
    expect(fetched.filter((path) => /\/_astro\/workers\/search-worker\.[\w-]+\.js$/.test(path))).toHaveLength(1);
  });

  test('has no axe violation with results and filters showing', async () => {
    await open(s.page, s.site, 'es', 'q=nota&topic=Cine');
    expect(await axeViolations(s.page)).toEqual([]);
  });
});

describe('search under the CSP without a Web Worker', () => {
  // Where the browser cannot start a worker, the page runs the search service, and Pagefind, itself.
  const s = useSite('fixture', (context) => context.addInitScript(() => Object.defineProperty(window, 'Worker', { value: undefined })));

  test('still works on the main thread, which needs the page to allow WebAssembly', async () => {
    await open(s.page, s.site, 'es', 'q=inversion');
    expect(await hrefs(s.page)).toEqual(['/es/notas/bilingue/']);
  });
});

describe('search where a module worker cannot start', () => {
  // As in a browser with classic workers only: the module worker fails before its first message.
  const s = useSite('fixture', (context) =>
    context.addInitScript(() => {
      const Classic = window.Worker;
      window.Worker = class extends Classic {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(options?.type === 'module' ? '/no-module-workers-here.js' : url, options);
        }
      };
    }),
  );

  test("runs the search on the page, with Pagefind's own worker", async () => {
    const workers: string[] = [];
    s.page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
    await open(s.page, s.site, 'es', 'q=inversion');
    expect(await hrefs(s.page)).toEqual(['/es/notas/bilingue/']);
    expect(workers.filter((path) => path.endsWith('/pagefind/pagefind-worker.js'))).toHaveLength(1);
  });
});

describe('readers without JavaScript', () => {
  test('are told search needs it and sent to the listings', async () => {
    const site = await serve(buildDir('fixture'));
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}es/buscar/?q=inversion`);
      expect(await page.locator('main').innerText()).toContain('La búsqueda necesita JavaScript.');
      expect(await page.$$eval('main noscript a', (links) => links.map((a) => a.getAttribute('href')))).toEqual(['/es/notas/', '/es/#itinerary', '/es/#topics']);
      expect(await page.locator('.search-controls').isVisible()).toBe(false);
    } finally {
      await context.close();
      await site.close();
    }
  });
});

describe('search on the sample site', () => {
  const s = useSite('sample');

  test.each([
    ['Mexico', 'méxico'],
    ['Angeles', 'ángeles'],
    ['inversion', 'inversión'],
    ['ano', 'año'],
  ])('%s finds the notes that write %s', async (query, written) => {
    await open(s.page, s.site, 'es', `q=${query}`);
    const results = await shown(s.page);
    expect(results.length).toBeGreaterThan(0);
    expect(results.flatMap((r) => r.marks.map((m) => m?.toLowerCase()))).toContain(written);
  });

  test('año and ano find the same notes', async () => {
    await open(s.page, s.site, 'es', 'q=año');
    const accented = await hrefs(s.page);
    await type(s.page, 'ano');
    expect(await hrefs(s.page)).toEqual(accented);
  });

  test.each(['embarazo', 'aeropuerto'])('shows nothing for %s, a word no note has (Pagefind alone lists every note for the word "e" or "a")', async (word) => {
    await open(s.page, s.site, 'es');
    await type(s.page, word);
    expect(await hrefs(s.page)).toEqual([]);
    expect(await status(s.page)).toBe('Ninguna nota coincide con su búsqueda.');
  });

  test('takes "cine" for cine and the words it begins, never for "cinco"', async () => {
    await open(s.page, s.site, 'es', 'q=cine');
    const marks = (await shown(s.page)).flatMap((r) => r.marks.map((m) => m?.toLowerCase()));
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.filter((m) => !m?.startsWith('cine'))).toEqual([]);
  });

  test('finishes the word being typed: "inver" finds inversión', async () => {
    await open(s.page, s.site, 'es');
    await type(s.page, 'inver');
    const marks = (await shown(s.page)).flatMap((r) => r.marks.map((m) => m?.toLowerCase()));
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.filter((m) => !m?.startsWith('invers'))).toEqual([]);
  });

  test('forgives a typo, says so, and links to the exact spelling, which offers the word instead', async () => {
    await open(s.page, s.site, 'es');
    await type(s.page, 'Netflx');
    expect(await hrefs(s.page)).toEqual(['/es/notas/netflix-estudios/']);
    const note = s.page.locator('[data-search-note]');
    expect(await note.textContent()).toBe('Resultados para «Netflix». Buscar en cambio «Netflx»');
    expect(await note.locator('a').getAttribute('href')).toBe('/es/buscar/?q=Netflx&exact=1');
    await note.locator('a').click();
    await expect.poll(() => status(s.page)).toBe('Ninguna nota coincide con su búsqueda.');
    expect(new URL(s.page.url()).search).toBe('?q=Netflx&exact=1');
    expect(await note.textContent()).toBe('¿Quiso decir «Netflix»?');
    await note.locator('a').click();
    await expect.poll(() => hrefs(s.page)).toEqual(['/es/notas/netflix-estudios/']);
    expect(new URL(s.page.url()).search).toBe('?q=Netflix');
    expect(await note.textContent()).toBe('');
  });

  test('forgives a typo in English too, and offers the nearest words for a short one', async () => {
    await open(s.page, s.site, 'en', 'q=Sarandso');
    expect(await hrefs(s.page)).toEqual(['/en/news/netflix-studios-working-group/']);
    expect(await s.page.locator('[data-search-note]').textContent()).toBe('Showing results for “Sarandos”. Search instead for “Sarandso”');
    await open(s.page, s.site, 'en', 'q=Bsas');
    expect(await hrefs(s.page)).toEqual([]);
    expect(await s.page.locator('[data-search-note] a').allTextContents()).toContain('“Bass”');
  });

  test('puts the note that names Karen Bass most first, and newest first on request, in the URL', async () => {
    await open(s.page, s.site, 'es', 'q=Karen+Bass');
    expect(await hrefs(s.page)).toEqual(['/es/notas/llegada-los-angeles/', '/es/notas/texas/']);
    await s.page.selectOption('#search-sort', 'newest');
    await expect.poll(() => hrefs(s.page)).toEqual(['/es/notas/texas/', '/es/notas/llegada-los-angeles/']);
    expect(new URL(s.page.url()).searchParams.get('sort')).toBe('newest');
  });

  test('ranks by the score files the build wrote, one per word, each fetched once', async () => {
    await open(s.page, s.site, 'es');
    const requests: string[] = [];
    s.page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await type(s.page, 'Karen Bass');
    expect(await hrefs(s.page)).toEqual(['/es/notas/llegada-los-angeles/', '/es/notas/texas/']);
    await type(s.page, 'Bass Karen');
    // Named by the word Pagefind indexed: its Spanish stem of "Karen" is "kar".
    // While a word is typed its files are fetched too ("b" finds "biomédicos").
    const scores = requests.flatMap((p) => p.split('/pagefind/scores/').slice(1));
    expect(scores).toEqual(expect.arrayContaining(['es/_bass.txt', 'es/_kar.txt']));
    expect(scores.length).toBe(new Set(scores).size);
  });

  test.each([320, 1280])('shows every filter label and its first choice whole at %i px', async (width) => {
    await s.page.setViewportSize({ width, height: 900 });
    try {
      await open(s.page, s.site, 'es');
      // Folded on a phone (tested below): unfolded, as the reader does to choose.
      if (width < 768) await s.page.click('.search-options > summary');
      const cut = await s.page.$$eval('.search-control', (controls) =>
        controls.flatMap((control) => {
          const label = control.querySelector('label')!;
          const select = control.querySelector('select')!;
          const style = getComputedStyle(select);
          const probe = Object.assign(document.createElement('span'), { textContent: select.selectedOptions[0]!.text });
          probe.style.font = style.font;
          probe.style.whiteSpace = 'nowrap';
          document.body.append(probe);
          // The text, the select's padding and its arrow (about 1.5em) must fit in the select.
          const needed = probe.offsetWidth + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + 1.5 * parseFloat(style.fontSize);
          probe.remove();
          return [
            ...(label.scrollWidth > label.clientWidth ? [`label ${label.textContent}`] : []),
            ...(needed > select.clientWidth ? [`${select.selectedOptions[0]!.text} (${Math.ceil(needed)} px in ${select.clientWidth})`] : []),
          ];
        }),
      );
      expect(cut).toEqual([]);
    } finally {
      await s.page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  test('folds the filters on a phone into a line that counts those on, so the results follow the box (dark, axe)', async () => {
    const summary = s.page.locator('.search-options > summary');
    await s.page.setViewportSize({ width: 360, height: 800 });
    await s.page.emulateMedia({ colorScheme: 'dark' });
    try {
      await open(s.page, s.site, 'es', 'q=convoy&year=2023');
      expect(await s.page.locator('#search-year').isVisible()).toBe(false);
      expect(await summary.textContent()).toBe('Filtrar y ordenar 1 filtro activo');
      expect(await axeViolations(s.page)).toEqual([]);
      // The first result starts within the first screen.
      const top = await s.page.locator('.search-result').first().evaluate((item) => item.getBoundingClientRect().top);
      expect(top).toBeLessThan(800 - 100);
      await summary.click();
      expect(await s.page.locator('#search-year').isVisible()).toBe(true);
      expect(await axeViolations(s.page)).toEqual([]);
      await s.page.selectOption('#search-stop', 'Texas');
      await resultsFor(s.page, 'convoy');
      expect(await summary.textContent()).toBe('Filtrar y ordenar 2 filtros activos');
      await s.page.selectOption('#search-year', '');
      await s.page.selectOption('#search-stop', '');
      expect(await summary.textContent()).toBe('Filtrar y ordenar ');
    } finally {
      await s.page.setViewportSize({ width: 1280, height: 720 });
      await s.page.emulateMedia({ colorScheme: null });
    }
    await open(s.page, s.site, 'en', 'q=convoy');
    expect(await summary.isVisible()).toBe(false);
    expect(await s.page.locator('#search-year').isVisible()).toBe(true);
  });

  test.each([
    ['', 1280],
    ['q=Netflix', 1280],
    ['q=Netflix&year=2023', 360],
  ])('does not shift the layout while it loads (?%s, %i px)', async (params, width) => {
    await s.page.setViewportSize({ width, height: 720 });
    await s.page.goto(`${s.site.url}es/buscar/${params ? `?${params}` : ''}`);
    await resultsFor(s.page, new URLSearchParams(params).get('q') ?? '');
    await s.page.waitForSelector('[data-search][data-state="ready"]');
    const shift = await s.page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!entry.hadRecentInput) total += entry.value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 500);
        }),
    );
    await s.page.setViewportSize({ width: 1280, height: 720 });
    expect(shift).toBe(0);
  });
});
