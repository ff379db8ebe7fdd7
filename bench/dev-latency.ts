/**
 * `npm run bench:dev -- [--rounds 5]`: how long an edit under content/ takes
 * to show in a page open in `npm run dev`, measured in Chromium from the
 * moment the file is written (the live preview reloads the page by itself):
 * "served" is when the reloaded page's HTML has arrived with the change,
 * "ready" when the page has run its scripts (DOMContentLoaded) and shows it;
 * for a mistake, when Astro's error overlay shows its message.
 * Runs on a copy of the test fixture.
 */
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/browser/chromium.ts';
import { DevServer } from '../tests/helpers/dev-server.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, port: { type: 'string', default: '4411' } } });
const rounds = Number(values.rounds);
const NOTE = 'notes/2023-02-27-bilingue/index.es.md';

interface Edit {
  name: string;
  path: string;
  /** Makes the edit of round `n`; returns what the page must then contain. */
  apply: (server: DevServer, n: number) => string;
  /** The text appears in the page's body, or in Astro's error overlay. */
  where?: 'overlay' | 'body';
  /** Puts the page in the state the edit starts from (untimed); returns the overlay text to wait for. */
  prepare?: (server: DevServer, n: number) => string;
}

const EDITS: Edit[] = [
  { name: 'title (frontmatter)', path: '/es/notas/bilingue/', apply: (s, n) => edit(s, NOTE, /^title: .*$/m, `title: Título ${n}`) },
  { name: 'body', path: '/es/notas/bilingue/', apply: (s, n) => edit(s, NOTE, /^Cuerpo .*$/m, `Cuerpo número ${n}.`) },
  { name: 'stop file', path: '/es/notas/bilingue/', apply: (s, n) => edit(s, 'stops/los-angeles.yaml', /name: [^,]+,/, `name: Parada ${n},`) },
  { name: 'topics.yaml', path: '/es/notas/bilingue/', apply: (s, n) => edit(s, 'topics.yaml', /^ {2}es: Cine.*$/m, `  es: Cine ${n}`) },
  {
    name: 'new note folder',
    path: '/es/',
    apply: (s, n) => {
      s.write(`notes/2023-03-0${(n % 9) + 1}-nueva-${n}/index.es.md`, `---\ntitle: Nota nueva ${n}\nsummary: Resumen.\ndate: 2023-03-0${(n % 9) + 1}\nstop: los-angeles\n---\nCuerpo.\n`);
      return `Nota nueva ${n}`;
    },
  },
  { name: 'mistake shown (unknown stop)', path: '/es/notas/bilingue/', where: 'overlay', apply: (s, n) => (edit(s, NOTE, /^stop: .*$/m, `stop: los-angeles-${n}`), `«los-angeles-${n}»`) },
  {
    name: 'mistake fixed',
    path: '/es/notas/bilingue/',
    prepare: (s, n) => (edit(s, NOTE, /^stop: .*$/m, `stop: los-angels-${n}`), `«los-angels-${n}»`),
    apply: (s, n) => {
      s.edit(NOTE, (text) => text.replace(/^title: .*$/m, `title: Corregida ${n}`).replace(/^stop: .*$/m, 'stop: los-angeles'));
      return `Corregida ${n}`;
    },
  },
];

function edit(server: DevServer, file: string, pattern: RegExp, replacement: string, expect = replacement.replace(/^[a-z ]+: /, '').replace(/,$/, '')): string {
  server.edit(file, (text) => text.replace(pattern, replacement));
  return expect;
}

async function shows(page: Page, text: string, where: 'overlay' | 'body'): Promise<void> {
  await page.waitForFunction(
    ([t, w]) => {
      const overlay = document.querySelector('vite-error-overlay');
      if (w === 'overlay') return !!overlay?.shadowRoot?.textContent?.includes(t);
      return !overlay && !!document.body?.innerText.includes(t);
    },
    [text, where] as const,
    { timeout: 20_000, polling: 10 },
  );
}

const server = new DevServer('bench-dev');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  await server.start(Number(values.port));
  const page = await browser.newPage();
  const results: [string, number[], number[]][] = [];
  let served: number | undefined;
  let started = 0;
  let expected = '';
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'document') return;
    const at = performance.now();
    const text = await response.text().catch(() => '');
    if (served === undefined && started && text.includes(expected.replace(/«|»/g, ''))) served = at - started;
  });
  for (const e of EDITS) {
    const times: number[] = [];
    const servedTimes: number[] = [];
    for (let n = 1; n <= rounds; n++) {
      // Astro reloads the page once more after it saved an edited note (half a
      // second later): let that pass before the next edit.
      await page.waitForTimeout(1000);
      await page.goto(`${server.url}${e.path}`);
      await page.waitForLoadState('load');
      // Let the page's live-reload connection open, as it has when a press officer is reading it.
      await page.waitForTimeout(300);
      if (e.prepare) await shows(page, e.prepare(server, n), 'overlay');
      served = undefined;
      started = performance.now();
      expected = e.apply(server, n);
      await shows(page, expected, e.where ?? 'body');
      times.push(performance.now() - started);
      // A mistake's text reaches the page by the live-reload connection, not in its HTML.
      if (e.where !== 'overlay') servedTimes.push(served ?? Number.NaN);
    }
    results.push([e.name, servedTimes, times]);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`Edit to page in npm run dev (Chromium, ${rounds} rounds, fixture content):`);
  const ms = (xs: number[]) => (xs.length ? `${median(xs).toFixed(0).padStart(5)} ms (max ${Math.max(...xs).toFixed(0).padStart(5)})` : '       -          ');
  console.log(`  ${'edit'.padEnd(30)} ${'served, median'.padEnd(22)} ready, median`);
  for (const [name, servedTimes, times] of results) console.log(`  ${name.padEnd(30)} ${ms(servedTimes).padEnd(22)} ${ms(times)}`);
} finally {
  await browser.close();
  await server.stop();
}
