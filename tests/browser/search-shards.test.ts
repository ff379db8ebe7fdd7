/**
 * The search index cut into shards (src/lib/search/search-shards.ts), in
 * Chromium: the sample site indexed again with shards of two notes (its
 * five notes per language make three), searched through the real search
 * page, answers as the same site in one index does: the same notes for each
 * query, newest first across the shards, and every shard's filter values.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeSearchIndex } from '../../src/lib/search/search-index.ts';
import { buildDir, launchChromium } from './harness.ts';
import { serve, type Served } from './serve.ts';

let browser: Browser;
let dir: string;
let whole: Served;
let sharded: Served;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  dir = mkdtempSync(join(tmpdir(), 'convoy-shards-'));
  cpSync(buildDir('sample'), dir, { recursive: true, dereference: true });
  rmSync(join(dir, 'pagefind'), { recursive: true });
  await writeSearchIndex(dir, 2);
  whole = await serve(buildDir('sample'));
  sharded = await serve(dir);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await whole?.close();
  await sharded?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What the search page of `site` shows for the URL query `params`: the count, the note, and every result's link. */
async function answer(site: Served, path: string, params: string) {
  await page.goto(`${site.url}${path}?${params}`);
  const query = new URLSearchParams(params).get('q') ?? '';
  await page.waitForFunction((q) => document.querySelector<HTMLElement>('[data-search]')?.dataset.resultsFor === q, query, { timeout: 15_000 });
  // Every page of results, not only the first ten.
  while (await page.locator('[data-search-more]').isVisible()) {
    const count = await page.locator('.search-result').count();
    await page.locator('[data-search-more]').click();
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, count);
  }
  return {
    status: await page.locator('[data-search-status]').textContent(),
    note: await page.locator('[data-search-note]').textContent(),
    results: await page.$$eval('.search-result a', (links) => links.map((a) => a.getAttribute('href'))),
  };
}

describe('a search index in shards', () => {
  test('has shards of at most two notes per language', () => {
    expect(JSON.parse(readFileSync(join(dir, 'pagefind', 'shards.json'), 'utf8'))).toEqual({ es: 3, en: 3 });
    const entry = (folder: string) => JSON.parse(readFileSync(join(dir, 'pagefind', folder, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect([entry('').languages.es?.page_count, entry('shards/1').languages.es?.page_count, entry('shards/2').languages.es?.page_count]).toEqual([2, 2, 1]);
  });

  test.each([
    ['es/buscar/', 'q=convoy&sort=newest'],
    ['es/buscar/', 'q=convoy&sort=oldest'],
    ['es/buscar/', 'q=inversion&sort=newest'],
    ['es/buscar/', 'q=Karen+Bass&sort=newest'],
    ['es/buscar/', 'q=inver&sort=newest'],
    ['es/buscar/', 'q=Netflx'],
    ['es/buscar/', 'q=embarazo'],
    ['es/buscar/', 'year=2023'],
    ['es/buscar/', 'topic=Cine'],
    ['es/buscar/', 'topic=Cine&sort=oldest'],
    ['en/search/', 'q=mayors&sort=newest'],
    ['en/search/', 'q=Sarandso'],
    ['en/search/', 'year=2023&sort=oldest'],
  ])('%s?%s answers as the site in one index does', async (path, params) => {
    const expected = await answer(whole, path, params);
    // The probe works: every query but the one of a word no note has finds notes.
    if (!params.includes('embarazo')) expect(expected.results.length).toBeGreaterThan(0);
    expect(await answer(sharded, path, params)).toEqual(expected);
  });

  test('lists newest first, across the shards, the notes of a filter', async () => {
    const { results } = await answer(sharded, 'es/buscar/', 'year=2023');
    expect(results).toHaveLength(5);
    const dates: Array<string | null> = [];
    for (const href of results) {
      await page.goto(`${sharded.url}${href!.slice(1)}`);
      dates.push(await page.locator('[data-pagefind-sort]').getAttribute('data-pagefind-sort'));
    }
    expect(dates).toEqual([...dates].sort().reverse());
  });

  test('offers the filter values of every shard', async () => {
    const topics = async (site: Served) => {
      await page.goto(`${site.url}es/buscar/`);
      await page.waitForSelector('[data-search][data-state="ready"]');
      return page.$$eval('#search-topic option', (options) => options.map((o) => o.textContent));
    };
    const expected = await topics(whole);
    expect(expected.length).toBeGreaterThan(2);
    expect(await topics(sharded)).toEqual(expected);
  });
});
