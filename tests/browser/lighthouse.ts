/**
 * `npm run lighthouse`: builds the sample site, serves it locally the way a
 * static host would (with its `_headers`), and runs Lighthouse with its
 * default mobile settings on the home page, a note and the search page of
 * each language (empty, and as a shared search link opens it, with results), in Debian's Chromium (`CHROMIUM_PATH` or /usr/bin/chromium).
 * It prints the four scores and writes them, with each full HTML report, to
 * `.cache/lighthouse/`. A report, not a test: it never fails on a low score.
 *
 *   npm run lighthouse                  build, then measure
 *   npm run lighthouse -- --dir dist    measure an existing build instead
 *   npm run lighthouse -- --runs 3      each page three times, the table giving each score's median
 *                                       (one run on a shared, loaded machine says little)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import { serve } from './serve.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const PORT = 4317;
const out = resolve('.cache/lighthouse');

const { values } = parseArgs({ options: { dir: { type: 'string' }, runs: { type: 'string', default: '1' } } });
const runs = Number(values.runs);
if (!(runs >= 1)) throw new Error(`--runs takes a number of runs, 1 or more, not ${values.runs}`);
let dir = values.dir ? resolve(values.dir) : join(out, 'site');
mkdirSync(out, { recursive: true });
if (!values.dir) {
  console.log('Building the sample site…');
  rmSync(dir, { recursive: true, force: true });
  execFileSync(process.execPath, ['src/cli/build.ts', '--out', dir], {
    // Canonical URLs on the local origin, as they would be on the real host.
    env: { ...process.env, SITE_URL: `http://127.0.0.1:${PORT}`, BASE_PATH: '/', ASTRO_CACHE_DIR: join(out, 'astro-cache') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
dir = resolve(dir);

const pages = [
  ['es', 'home', '/es/'],
  ['es', 'note', firstNote(dir, 'es')],
  ['es', 'search', '/es/buscar/'],
  ['es', 'results', '/es/buscar/?q=Karen+Bass'],
  ['en', 'home', '/en/'],
  ['en', 'note', firstNote(dir, 'en')],
  ['en', 'search', '/en/search/'],
  ['en', 'results', '/en/search/?q=investment'],
] as const;

const site = await serve(dir, '/', { port: values.dir ? 0 : PORT, gzip: true });
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath(),
  chromeFlags: CHROMIUM_ARGS,
});
const rows: Array<{ lang: string; page: string; path: string } & Record<(typeof CATEGORIES)[number], number>> = [];
try {
  // A first run warms Chromium up; its scores would measure the cold start, not the page.
  await lighthouse(new URL(pages[0][2].slice(1), site.url).href, { port: chrome.port, logLevel: 'error', onlyCategories: ['performance'] });
  for (let run = 1; run <= runs; run++) for (const [lang, page, path] of pages) {
    const url = new URL(path.slice(1), site.url).href;
    const result = await lighthouse(url, { port: chrome.port, output: 'html', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr, report } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.message}`);
    writeFileSync(join(out, `${lang}-${page}.html`), Array.isArray(report) ? report[0]! : report);
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<(typeof CATEGORIES)[number], number>;
    rows.push({ lang, page, path, ...scores });
    const below = CATEGORIES.flatMap((c) =>
      Object.values(lhr.categories[c]!.auditRefs)
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${c}/${ref.id}`),
    );
    console.log(`${runs > 1 ? `run ${run} ` : ''}${lang} ${page.padEnd(7)} ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join('  ')}${below.length ? `   (not full marks: ${below.join(', ')})` : ''}`);
  }
} finally {
  chrome.kill();
  await site.close();
}

// Each page's median score per category over the runs (the runs' own scores are printed above).
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const medians = pages.map(([lang, page, path]) => {
  const own = rows.filter((r) => r.path === path);
  return { lang, page, path, ...Object.fromEntries(CATEGORIES.map((c) => [c, median(own.map((r) => r[c]))])) } as (typeof rows)[number];
});
const table = [
  '| page | path | performance | accessibility | best practices | SEO |',
  '|---|---|---|---|---|---|',
  ...medians.map((r) => `| ${r.lang} ${r.page} | \`${r.path}\` | ${r.performance} | ${r.accessibility} | ${r['best-practices']} | ${r.seo} |`),
].join('\n');
writeFileSync(join(out, 'scores.md'), `# Lighthouse (mobile), ${new Date().toISOString()}${runs > 1 ? `, medians of ${runs} runs` : ''}\n\n${table}\n`);
writeFileSync(join(out, 'scores.json'), `${JSON.stringify(rows, null, 2)}\n`);
console.log(`\n${table}\n\nScores and full reports: ${out}/`);

function firstNote(root: string, lang: 'es' | 'en'): string {
  const section = lang === 'es' ? 'notas' : 'news';
  const slug = readdirSync(join(root, lang, section), { withFileTypes: true }).find((entry) => entry.isDirectory() && !/^\d+$/.test(entry.name))?.name;
  if (!slug) throw new Error(`No note in ${join(root, lang, section)}`);
  return `/${lang}/${section}/${slug}/`;
}
