/**
 * The checks of the suite, run on deliberately broken pages: each must report
 * its problem, or the suite's green would mean nothing. A clean page shows
 * that they report nothing when there is nothing to report.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, chromiumPath, horizontalOverflow, keyboardProblems, launchChromium, openPage, scriptableMarkup, shownInPrint, sitePaths, trapScripts } from './harness.ts';
import { serve, type Served } from './serve.ts';

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Test page</title>${head}</head><body>${body}</body></html>`;
const CLEAN = page(
  `<a class="skip-link" href="#main">Skip</a><nav aria-label="Main"><a href="/clean.html">Home</a></nav><main id="main"><h1>Fine</h1><p>Nothing wrong here.</p></main>`,
  `<style>.skip-link{position:absolute;top:-4rem}.skip-link:focus{top:1rem}:focus-visible{outline:3px solid #1a5fb4}@media print{nav,.skip-link{display:none}}</style>`,
);
const PAGES: Record<string, string> = {
  'clean.html': CLEAN,
  'a11y.html': `<!doctype html><html><head><title>x</title></head><body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#eee;background:#fff">Low contrast</p></body></html>`,
  'console.html': page(`<main><h1>Console</h1></main><script>console.error('boom')</script><script>throw new Error('thrown')</script>`),
  'csp.html': page(`<main><h1>CSP</h1></main><script>document.title = 'ran'</script>`, `<meta http-equiv="content-security-policy" content="script-src 'self'">`),
  'foreign.html': page(`<main><h1>Foreign</h1><img alt="" src="https://example.com/pixel.gif"></main>`),
  'wide.html': page(`<main><h1>Wide</h1><div style="width: 600px">too wide for a phone</div></main>`),
  'print.html': page(`<nav aria-label="Main"><a href="/clean.html">Home</a></nav><main><h1>Print</h1></main>`),
  'keyboard.html': page(
    `<a class="skip-link" href="#main">Skip</a><button class="no-indicator">No outline</button><a class="unreachable" tabindex="-1" href="/">Unreachable</a><main id="main"><h1>Keys</h1></main>`,
    `<style>.skip-link{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}.no-indicator:focus{outline:none}</style>`,
  ),
  'hostile.html': page(
    `<main><h1>Hostile</h1><img alt="" src="/missing.png" onerror="alert(2)"><a href="javascript:alert(3)">link</a></main><script>alert(1)</script><script>window.vouched = 1</script>`,
    // The policy vouches for the second script only (its SHA-256), as Astro's would.
    `<meta http-equiv="content-security-policy" content="img-src 'self'; script-src-elem 'sha256-${createHash('sha256').update('window.vouched = 1').digest('base64')}'">`,
  ),
};

let dir: string;
let site: Served;
let browser: Browser;
let context: BrowserContext;
let origin: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'broken-site-'));
  for (const [name, html] of Object.entries(PAGES)) writeFileSync(join(dir, name), html);
  site = await serve(dir);
  origin = new URL(site.url).origin;
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 320, height: 640 } });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function visit(name: string) {
  const opened = await openPage(context, origin);
  await opened.page.goto(`${site.url}${name}`, { waitUntil: 'load' });
  return opened;
}

test('a clean page passes every check', async () => {
  const { page, problems } = await visit('clean.html');
  expect(await axeViolations(page)).toEqual([]);
  expect(await horizontalOverflow(page)).toBe(0);
  expect(await shownInPrint(page, ['nav', '.skip-link'])).toEqual([]);
  expect(await keyboardProblems(page, '.skip-link', 1)).toEqual([]);
  expect(await scriptableMarkup(page)).toEqual([]);
  expect(problems).toEqual({ consoleErrors: [], cspViolations: [], foreignRequests: [] });
});

test('axe reports a missing lang, an image without alt and low contrast', async () => {
  const { page } = await visit('a11y.html');
  const found = (await axeViolations(page)).join('\n');
  expect(found).toMatch(/^html-has-lang/m);
  expect(found).toMatch(/^image-alt/m);
  expect(found).toMatch(/^color-contrast/m);
});

test('console errors and uncaught exceptions are recorded', async () => {
  const { problems } = await visit('console.html');
  expect(problems.consoleErrors).toEqual([expect.stringContaining('boom'), expect.stringContaining('uncaught thrown')]);
});

test('a CSP violation is recorded', async () => {
  const { page, problems } = await visit('csp.html');
  expect(await page.title()).toBe('Test page');
  expect(problems.cspViolations.join('\n')).toMatch(/script-src/);
});

test('a CSP header from _headers is applied by the test server, and its violations recorded', async () => {
  writeFileSync(join(dir, '_headers'), `/*\n  X-Content-Type-Options: nosniff\n/console.html\n  Content-Security-Policy: script-src 'self'\n`);
  const strict = await serve(dir);
  try {
    const response = await fetch(`${strict.url}console.html`);
    expect(response.headers.get('content-security-policy')).toBe("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const { page, problems } = await openPage(context, new URL(strict.url).origin);
    await page.goto(`${strict.url}console.html`);
    expect(problems.consoleErrors, 'the inline scripts were blocked').toEqual([]);
    expect(problems.cspViolations.length).toBeGreaterThan(0);
  } finally {
    await strict.close();
    rmSync(join(dir, '_headers'));
  }
});

test('a request to another origin is recorded and never leaves the machine', async () => {
  const { problems } = await visit('foreign.html');
  expect(problems.foreignRequests).toEqual(['https://example.com/pixel.gif']);
});

test('a page wider than 320 px is caught', async () => {
  const { page } = await visit('wide.html');
  expect(await horizontalOverflow(page)).toBeGreaterThan(200);
});

test('navigation left visible in print is caught', async () => {
  const { page } = await visit('print.html');
  expect(await shownInPrint(page, ['nav'])).toEqual(['nav']);
});

test('a skip link that stays hidden, a control without focus indicator and an unreachable one are caught', async () => {
  const { page } = await visit('keyboard.html');
  expect(await keyboardProblems(page, '.skip-link', 1)).toEqual(['.skip-link is focused but has no visible size']);
  expect(await keyboardProblems(page, '.no-indicator')).toEqual(['.no-indicator is focused but shows no focus indicator (outline or box-shadow)']);
  expect(await keyboardProblems(page, '.unreachable', 10)).toEqual(['.unreachable is not reached with 10 presses of Tab']);
  // Several controls in one pass down the page: each problem, for each control.
  expect(await keyboardProblems(page, ['.unreachable', '.no-indicator'], 10)).toEqual([
    '.no-indicator is focused but shows no focus indicator (outline or box-shadow)',
    '.unreachable is not reached with 10 presses of Tab',
  ]);
});

test('script from hostile markup is trapped and its markup reported', async () => {
  const opened = await openPage(context, origin);
  const trapped = await trapScripts(opened.page);
  await opened.page.goto(`${site.url}hostile.html`, { waitUntil: 'load' });
  await expect.poll(trapped).toEqual(['alert(2)']);
  expect(await scriptableMarkup(opened.page)).toEqual(['inline <script>: alert(1)', '<img onerror="alert(2)">', '<a href="javascript:alert(3)">']);
});

describe('the list of pages', () => {
  test('comes from the sitemaps, plus the 404 page', () => {
    const site = mkdtempSync(join(tmpdir(), 'sitemap-'));
    writeFileSync(join(site, 'sitemap-index.xml'), '<?xml version="1.0"?><sitemapindex><sitemap><loc>https://a.mx/sitemap-0.xml</loc></sitemap></sitemapindex>');
    writeFileSync(join(site, 'sitemap-0.xml'), '<?xml version="1.0"?><urlset><url><loc>https://a.mx/es/</loc></url><url><loc>https://a.mx/es/notas/a%C3%B1o/?x=1&amp;y=2</loc></url></urlset>');
    writeFileSync(join(site, 'orphan.html'), '');
    expect(sitePaths(site)).toEqual(['/es/', '/es/notas/a%C3%B1o/', '/404.html']);
    rmSync(site, { recursive: true });
  });

  test('falls back to every HTML file without a sitemap', () => {
    const site = mkdtempSync(join(tmpdir(), 'nositemap-'));
    mkdirSync(join(site, 'es'));
    writeFileSync(join(site, 'es', 'index.html'), '');
    writeFileSync(join(site, '404.html'), '');
    writeFileSync(join(site, 'index.html'), '');
    expect(sitePaths(site)).toEqual(['/404.html', '/es/']);
    rmSync(site, { recursive: true });
  });
});

test('without Chromium the suite fails, saying how to get one', () => {
  expect(() => chromiumPath({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(
    "No Chromium at /nonexistent/chromium: the browser suite cannot run. Install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.",
  );
});
