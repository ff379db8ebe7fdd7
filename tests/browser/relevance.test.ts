/**
 * The relevance set (`relevance-set.ts`), typed into the real search pages of
 * the sample site in Chromium: each query must show its note first, or
 * nothing at all. Queries that answer wrongly are listed together, so one
 * run shows the whole score.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildDir, launchChromium } from './harness.ts';
import { RELEVANCE_EN, RELEVANCE_ES, type RelevanceCase } from './relevance-set.ts';
import { serve, type Served } from './serve.ts';

/** The search page's own box (the header has another). */
const BOX = '[data-search] input[name="q"]';
let browser: Browser;
let site: Served;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
  site = await serve(buildDir('sample'));
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/**
 * What the search page at `path` shows first for `query` (its note's slug),
 * or null when it shows nothing: typed into its box, as a reader asks one
 * question after another (the page and Pagefind load once per language).
 */
async function firstResult(path: string, query: string): Promise<string | null> {
  const url = new URL(path, site.url);
  // The page keeps the query in its address: another page, or the same query again, loads the page afresh.
  if (new URL(page.url()).pathname !== url.pathname || (await page.inputValue(BOX)) === query) {
    await page.goto(url.href);
    await page.waitForSelector('[data-search][data-state="ready"]');
  }
  await page.fill(BOX, query);
  await page.waitForFunction((q) => document.querySelector<HTMLElement>('[data-search]')?.dataset.resultsFor === q, query, { timeout: 15_000 });
  // Read at once: the results are on screen when resultsFor is set.
  const hrefs = await page.$$eval('.search-result__title a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs[0]?.split('/').filter(Boolean).at(-1) ?? null;
}

describe.each([
  ['es', 'es/buscar/', RELEVANCE_ES],
  ['en', 'en/search/', RELEVANCE_EN],
] as const)('the %s relevance set', (_lang, path, cases: RelevanceCase[]) => {
  test(`has at least 20 queries, and every one answers as a reader expects`, async () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    const wrong: string[] = [];
    for (const c of cases) {
      const first = await firstResult(path, c.query);
      if (first !== c.first) wrong.push(`${c.query}: expected ${c.first ?? 'no result'}, got ${first ?? 'no result'}`);
    }
    expect(wrong).toEqual([]);
  });
});
