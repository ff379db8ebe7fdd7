/**
 * The policy the site is served with (its `<meta>` and the `_headers` file the
 * test server applies, as a static host would): the security headers are
 * sent, and only the search pages may compile WebAssembly.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildDir, launchChromium, openPage } from './harness.ts';
import { serve, type Served } from './serve.ts';

// The smallest valid WebAssembly module: magic number and version.
const compileWasm = () => WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => 'compiled', (error: Error) => error.name);

let browser: Browser;
let context: BrowserContext;
let site: Served;
beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext();
  site = await serve(buildDir('sample'));
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

test.each(['es/', 'es/notas/', 'en/search/'])('/%s is served with the CSP and the security headers', async (path) => {
  const headers = (await fetch(`${site.url}${path}`)).headers;
  expect(headers.get('content-security-policy')).toMatch(/^default-src 'none';.*script-src 'self' .*frame-ancestors 'none'$/);
  expect(headers.get('content-security-policy')).not.toContain("'unsafe-inline'");
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(headers.get('strict-transport-security')).toMatch(/^max-age=\d{8}/);
  expect(headers.get('permissions-policy')).toContain('camera=()');
});

test("Pagefind's worker gets its own policy, which allows WebAssembly", async () => {
  const headers = (await fetch(`${site.url}pagefind/pagefind-worker.js`)).headers;
  expect(headers.get('content-security-policy')).toBe("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'");
});

test.each([
  ['/es/buscar/', 'compiled'],
  ['/en/search/', 'compiled'],
  ['/es/', 'CompileError'],
  ['/en/news/', 'CompileError'],
])('WebAssembly on %s: %s', async (path, outcome) => {
  const { page, problems } = await openPage(context, new URL(site.url).origin);
  await page.goto(new URL(path.slice(1), site.url).href);
  expect(await page.evaluate(compileWasm)).toBe(outcome);
  if (outcome === 'compiled') expect(problems.cspViolations).toEqual([]);
  await page.close();
});
