/**
 * Every page of the sample site's sitemap (and the 404 page), in light colour
 * scheme on a desktop and in dark on a 320 px phone: zero axe violations of
 * WCAG 2.x A/AA, no console error, no CSP violation, no request to another
 * origin, and at 320 px no sideways scrolling.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, buildDir, horizontalOverflow, openPage, sitePaths, siteUnderTest, takeProblems } from './harness.ts';

const paths = sitePaths(buildDir('sample'));

const run = siteUnderTest('sample');

const modes = [
  { name: 'light, 1280 px', colorScheme: 'light', viewport: { width: 1280, height: 800 } },
  { name: 'dark, 320 px', colorScheme: 'dark', viewport: { width: 320, height: 640 } },
] as const;

test('the sitemap lists the pages of both languages', () => {
  expect(paths.length).toBeGreaterThan(20);
  expect(paths).toEqual(expect.arrayContaining(['/es/', '/en/', '/es/buscar/', '/en/search/', '/404.html']));
});

describe.each(modes)('$name', (mode) => {
  let context: BrowserContext;
  let opened: Awaited<ReturnType<typeof openPage>>;
  // One page per mode, taken from URL to URL: a new page (a new renderer, axe compiled again) for each URL made this file three times slower.
  beforeAll(async () => {
    context = await run.browser.newContext({ colorScheme: mode.colorScheme, viewport: mode.viewport, reducedMotion: 'reduce' });
    opened = await openPage(context, new URL(run.site.url).origin);
  });
  afterAll(() => context?.close());

  test.each(paths)('%s', async (path) => {
    const { page, problems } = opened;
    takeProblems(problems);
    const response = await page.goto(new URL(path.slice(1), run.site.url).href, { waitUntil: 'load' });
    expect(response?.status(), 'HTTP status').toBe(200);
    const found = {
      axe: await axeViolations(page),
      overflow: mode.viewport.width <= 320 ? await horizontalOverflow(page) : 0,
      ...takeProblems(problems),
    };
    expect(found).toEqual({ axe: [], overflow: 0, consoleErrors: [], cspViolations: [], foreignRequests: [] });
  });
});
