/**
 * The fixture site's tricky note holds hostile raw HTML in its Markdown
 * (`<script>`, event handlers). Its page must run none of it:
 * no dialog, no trapped call, nothing scriptable left in the markup, and no
 * CSP violation (which would mean the sanitizer let something through for the
 * policy to catch).
 */
import { expect, test } from 'vitest';
import { openPage, scriptableMarkup, siteUnderTest, trapScripts } from './harness.ts';

const NOTE = '/en/news/tricky-en/';

const run = siteUnderTest('fixture');

test('a note whose Markdown holds hostile HTML runs no script', async () => {
  const context = await run.browser.newContext();
  const { page, problems } = await openPage(context, new URL(run.site.url).origin);
  const trapped = await trapScripts(page);
  const response = await page.goto(new URL(NOTE.slice(1), run.site.url).href, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  expect(await page.locator('main').textContent(), 'the note is the hostile one').toContain('Hostile');
  expect(await scriptableMarkup(page)).toEqual([]);
  expect(await trapped()).toEqual([]);
  expect(problems).toEqual({ consoleErrors: [], cspViolations: [], foreignRequests: [] });
  await context.close();
});
