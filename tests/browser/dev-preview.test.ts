/**
 * A mistake in the content shows in the page open in `npm run dev` (Astro's
 * error overlay), with every problem exactly as `npm run check` words it, and
 * goes away by itself once the file is fixed.
 */
import { spawnSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DevServer } from '../helpers/dev-server.ts';
import { launchChromium } from './harness.ts';

const NOTE = 'notes/2023-02-27-bilingue/index.es.md';
const server = new DevServer('dev-overlay');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  await server.start(4413);
});
afterAll(async () => {
  await browser?.close();
  await server.stop();
});

/** What `npm run check` prints for the copy's content: its problem lines. */
function checkProblems(): string[] {
  const result = spawnSync(process.execPath, ['src/cli/check.ts'], {
    cwd: server.root,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: 'content', LANG: '', LC_ALL: '', LC_MESSAGES: '', BUILD_NOW: '2026-11-24T12:00:00Z' },
  });
  return result.stdout.split('\n').filter((line) => /^(error|aviso)  /.test(line));
}

test('the page shows every problem of the content with the check’s words, and clears once fixed', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/es/notas/bilingue/`);
  await expect.poll(() => page.locator('h1').first().textContent()).toBe('Nota bilingüe de prueba');

  // Two mistakes in one save: both must show at once.
  server.edit(NOTE, (text) => text.replace('stop: los-angeles', 'stop: los-angels').replace('topics: [film, economy]', 'topics: [film, ecnomy]'));
  const overlay = page.locator('vite-error-overlay');
  await overlay.locator('#message-content').waitFor({ timeout: 30_000 });
  const expected = checkProblems();
  expect(expected).toHaveLength(2);
  expect(expected[0]).toContain('«los-angels»');
  expect(expected[1]).toContain('«ecnomy»');
  await expect.poll(() => overlay.locator('#message-content').innerText(), { timeout: 30_000 }).toBe(expected.join('\n'));
  expect(await overlay.locator('#title').innerText()).toBe('El contenido tiene 2 errores');

  server.edit(NOTE, (text) => text.replace('stop: los-angels', 'stop: los-angeles').replace('[film, ecnomy]', '[film, economy]'));
  await expect.poll(async () => (await overlay.count()) === 0 && (await page.locator('h1').first().textContent()), { timeout: 30_000 }).toBe('Nota bilingüe de prueba');
});
