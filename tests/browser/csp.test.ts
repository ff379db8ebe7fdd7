/**
 * The policy the site is served with (its `<meta>` and the `_headers` file the
 * test server applies, as a static host would): the security headers are
 * sent, and only the search pages and the search workers may compile WebAssembly.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WORKER_FOLDER } from '../../src/lib/security/security-headers.ts';
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

test("the search worker and Pagefind's get their own policy, which allows WebAssembly", async () => {
  const workers = readdirSync(join(buildDir('sample'), WORKER_FOLDER));
  expect(workers.filter((file) => /^search-worker\.[\w-]+\.js$/.test(file))).toHaveLength(1);
  for (const path of ['pagefind/pagefind-worker.js', `${WORKER_FOLDER}${workers[0]}`]) {
    const headers = (await fetch(`${site.url}${path}`)).headers;
    expect(headers.get('content-security-policy'), path).toBe("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'");
  }
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
