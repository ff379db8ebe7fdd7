/**
 * A note printed shows no navigation, search or share bar; the share bar's
 * two enhancements (copy link, native share sheet) work, with
 * `navigator.clipboard` and `navigator.share` stubbed.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDir, firstNotes, openPage, type PageProblems, shownInPrint, sitePaths, siteUnderTest } from './harness.ts';

const paths = sitePaths(buildDir('sample'));
const notes = firstNotes(paths);

const run = siteUnderTest('sample');
let context: BrowserContext;
let page: Page;
let problems: PageProblems;
beforeAll(async () => {
  context = await run.browser.newContext({ viewport: { width: 1024, height: 800 } });
  ({ page, problems } = await openPage(context, new URL(run.site.url).origin));
  // Stand-ins for the clipboard and the share sheet, recording what they get.
  await page.addInitScript(() => {
    const calls: unknown[] = [];
    Object.assign(window, { __shareCalls: calls });
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void calls.push({ copied: text }) } });
    Object.defineProperty(navigator, 'share', { configurable: true, value: async (data: unknown) => void calls.push({ shared: data }) });
  });
});
afterAll(() => context?.close());
const open = (path: string) => page.goto(new URL(path.slice(1), run.site.url).href);
const calls = () => page.evaluate(() => (window as unknown as { __shareCalls: unknown[] }).__shareCalls);

describe.each(['es', 'en'] as const)('%s note', (lang) => {
  test('print hides the navigation, the search form and the share bar', async () => {
    await open(notes[lang]);
    const chrome = ['.site-header nav', '.site-header .search-form', '.lang-switch', '.share-bar', '.skip-link'];
    expect(await page.locator('.share-bar').isVisible(), 'the share bar shows on screen').toBe(true);
    expect(await page.locator('.site-header nav').isVisible(), 'the navigation shows on screen').toBe(true);
    expect(await shownInPrint(page, chrome)).toEqual([]);
    expect(await page.locator('main h1').isVisible(), 'the note itself still prints').toBe(true);
  });

  test('"copy link" copies the canonical URL and says so in the live region', async () => {
    await open(notes[lang]);
    const canonical = await page.getAttribute('link[rel="canonical"]', 'href');
    const copy = page.locator('.share-bar button[data-share-copy]');
    await copy.click();
    await expect.poll(calls).toEqual([{ copied: canonical }]);
    const status = page.locator('.share-bar [data-share-status]');
    await expect.poll(() => status.textContent()).not.toBe('');
    expect(await status.getAttribute('role')).toBe('status');
  });

  test('the native share button hands the title and canonical URL to the share sheet', async () => {
    await open(notes[lang]);
    const canonical = await page.getAttribute('link[rel="canonical"]', 'href');
    const title = await page.locator('main h1').textContent();
    await page.locator('.share-bar button[data-share-native]').click();
    await expect.poll(calls).toEqual([{ shared: { title: title?.trim(), url: canonical } }]);
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], foreignRequests: [] });
  });
});

test('without the share APIs the two buttons stay hidden and the links remain', async () => {
  const bare = await context.newPage();
  await bare.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
    Object.defineProperty(navigator, 'share', { configurable: true, value: undefined });
  });
  await bare.goto(new URL(notes.es.slice(1), run.site.url).href);
  expect(await bare.locator('.share-bar button[data-share-copy]').isVisible()).toBe(false);
  expect(await bare.locator('.share-bar button[data-share-native]').isVisible()).toBe(false);
  expect(await bare.locator('.share-bar a[data-share]').count()).toBe(7);
  await bare.close();
});
