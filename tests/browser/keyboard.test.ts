/**
 * Keyboard: from the top of a page, Tab reaches the skip link, the language
 * switcher, the header search box and (on a note) every share control, and
 * each shows on screen, with a focus indicator, when it has focus. On a phone
 * width and on a desktop.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDir, firstNotes, keyboardProblems, openPage, type PageProblems, sitePaths, siteUnderTest } from './harness.ts';

const paths = sitePaths(buildDir('sample'));
const notes = firstNotes(paths);

const run = siteUnderTest('sample');

describe.each([
  { name: 'phone, 320 px', viewport: { width: 320, height: 640 } },
  { name: 'desktop, 1280 px', viewport: { width: 1280, height: 800 } },
])('$name', ({ viewport }) => {
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;
  beforeAll(async () => {
    context = await run.browser.newContext({ viewport });
    ({ page, problems } = await openPage(context, new URL(run.site.url).origin));
  });
  afterAll(() => context?.close());
  const open = (path: string) => page.goto(new URL(path.slice(1), run.site.url).href);

  test.each(['es', 'en'] as const)('%s: skip link, language switcher and search box are reachable and visible', async (lang) => {
    await open(notes[lang]);
    expect(await keyboardProblems(page, '.skip-link', 1), 'the skip link is the first stop').toEqual([]);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id), 'the skip link moves focus to the main content').toBe('main');
    expect(await keyboardProblems(page, '.lang-switch')).toEqual([]);
    expect(await keyboardProblems(page, '.site-header input[type="search"]')).toEqual([]);
    expect(await keyboardProblems(page, '.site-header .search-form button')).toEqual([]);
  });

  test.each(['es', 'en'] as const)('%s: the language switcher works from the keyboard', async (lang) => {
    await open(notes[lang]);
    expect(await keyboardProblems(page, '.lang-switch')).toEqual([]);
    await Promise.all([page.waitForURL((url) => url.pathname.startsWith(lang === 'es' ? '/en/' : '/es/')), page.keyboard.press('Enter')]);
    expect(await page.getAttribute('html', 'lang')).toBe(lang === 'es' ? 'en' : 'es');
  });

  test.each(['es', 'en'] as const)('%s: every share control of a note is reachable and visible', async (lang) => {
    await open(notes[lang]);
    const controls = await page.$$eval('.share-bar a[data-share], .share-bar button:not([hidden])', (elements) =>
      elements.map((el) => (el.matches('a') ? `.share-bar a[data-share="${el.getAttribute('data-share')}"]` : `.share-bar button[${el.hasAttribute('data-share-copy') ? 'data-share-copy' : 'data-share-native'}]`)),
    );
    expect(controls.length, 'share links and the copy button').toBeGreaterThanOrEqual(8);
    expect(await keyboardProblems(page, controls, 80)).toEqual([]);
  });

  test.each([
    ['es', '/es/buscar/'],
    ['en', '/en/search/'],
  ] as const)('%s: the search page input is reachable and visible', async (_lang, path) => {
    await open(path);
    expect(await keyboardProblems(page, 'main input[type="search"]')).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });
});
