/**
 * `npm run bench -- [--notes 1000] [--runs 3]`: builds a synthetic archive
 * with this project and with a bare Astro 7 + Pagefind baseline (bench/baseline),
 * alternating in one run on the same Node, and prints time, memory, speed
 * and size for each, cold, warm (nothing changed) and after one note is
 * retitled, with the ratios project / baseline; then the search page's
 * figures in Chromium (bench/search.ts): bytes fetched for a first query and
 * time from the last keystroke to results shown.
 *
 * `npm run bench -- --notes 5000 --search-only` builds the project once and
 * measures the search only; with `--keep` the corpus and the built site stay
 * in their temporary folder (printed), to measure again with
 * `npm exec -- node bench/search.ts <folder>/out-project` without rebuilding.
 * `--vocabulary zipf` draws the notes' words as real text has them, instead of
 * every word on every note (bench/corpus.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { outputFolders } from '../src/lib/build/output-folder.ts';
import { writeCorpus, type Vocabulary } from './corpus.ts';
import { measureSearch, searchReport } from './search.ts';

const { values } = parseArgs({ options: { notes: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' }, 'search-only': { type: 'boolean', default: false }, keep: { type: 'boolean', default: false }, vocabulary: { type: 'string', default: 'uniform' } } });
const notes = Number(values.notes);
if (values.vocabulary !== 'uniform' && values.vocabulary !== 'zipf') throw new Error(`--vocabulary is uniform (every word on every note, the default) or zipf (words as often as in real text), not "${values.vocabulary}".`);
const vocabulary: Vocabulary = values.vocabulary;
const runs = Number(values.runs);
const TIME = '/usr/bin/time';
if (!existsSync(TIME)) throw new Error('The benchmark measures with GNU time: install it with `apt-get install -y time`.');

const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'convoy-bench-'));
console.log(`Corpus: ${notes} bilingual notes, ${vocabulary} vocabulary, in ${work}`);
const content = await writeCorpus(work, notes, vocabulary);

interface Sample { wall: number; cpu: number; rss: number; pages: number; bytes: number }
type Side = 'project' | 'baseline';
const KINDS = ['cold', 'warm', 'edit'] as const;
const samples: Record<`${Side} ${(typeof KINDS)[number]}`, Sample[]> = {
  'project cold': [], 'baseline cold': [], 'project warm': [], 'baseline warm': [], 'project edit': [], 'baseline edit': [],
};

// The newest note, retitled before each "edit" build: what a press officer's
// correction costs once everything else is cached.
const edited = join(content, 'notes', readdirSync(join(content, 'notes')).sort().at(-1)!, 'index.es.md');
let edits = 0;
function retitle(): void {
  writeFileSync(edited, readFileSync(edited, 'utf8').replace(/^title: "(.*?)( \(corrección \d+\))?"$/m, `title: "$1 (corrección ${++edits})"`));
}

function measure(side: Side, out: string, cache: string): Sample {
  const env = { ...process.env, CONTENT_DIR: content, ASTRO_CACHE_DIR: cache, SHARE_IMAGE_CACHE: join(cache, 'share-images'), ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
  const args = side === 'project'
    ? [process.execPath, 'src/cli/build.ts', '--out', out]
    : [process.execPath, 'bench/baseline/build.ts', join(root, 'bench/baseline'), out];
  const result = spawnSync(TIME, ['-f', '%e %U %S %M', ...args], { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`${side} build failed:\n${result.stdout}\n${result.stderr}`);
  const [wall, user, sys, rssKb] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number, number];
  const files = readdirSync(out, { recursive: true, encoding: 'utf8' });
  const bytes = files.reduce((n, f) => n + (statSync(join(out, f)).isFile() ? statSync(join(out, f)).size : 0), 0);
  return { wall, cpu: user + sys, rss: rssKb / 1024, pages: files.filter((f) => f.endsWith('.html')).length, bytes };
}

if (values['search-only']) {
  const out = join(work, 'out-project');
  const built = measure('project', out, join(work, 'cache-project'));
  console.log(`project cold build: ${built.wall} s, ${built.pages} pages`);
  console.log(searchReport(await measureSearch(out)));
  if (values.keep) console.log(`built site kept in ${out}`);
  else execFileSync('rm', ['-rf', work]);
  process.exit(0);
}

for (let run = 1; run <= runs; run++) {
  for (const side of ['project', 'baseline'] as const) {
    const cache = join(work, `cache-${side}`);
    rmSync(cache, { recursive: true, force: true });
    const out = join(work, `out-${side}`);
    // A first build: nothing of the last run's site to reuse either. The project's
    // out is a link to a folder in .out-project-builds/, deleted here too, not by the build.
    rmSync(out, { recursive: true, force: true });
    rmSync(outputFolders(out).builds, { recursive: true, force: true });
    samples[`${side} cold`].push(measure(side, out, cache));
    samples[`${side} warm`].push(measure(side, out, cache));
    retitle();
    samples[`${side} edit`].push(measure(side, out, cache));
    const last = (kind: (typeof KINDS)[number]) => `${kind} ${samples[`${side} ${kind}`].at(-1)!.wall} s`;
    console.log(`run ${run}/${runs} ${side}: ${KINDS.map(last).join(', ')}`);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const row = (name: string, s: Sample[]) => {
  const m = { wall: median(s.map((x) => x.wall)), cpu: median(s.map((x) => x.cpu)), rss: median(s.map((x) => x.rss)), pages: s[0]!.pages, bytes: s[0]!.bytes };
  return { name, ...m, pps: m.pages / m.wall };
};
const rows = Object.entries(samples).map(([name, s]) => row(name, s));
console.log(`\nMedians of ${runs} run(s), ${notes} notes, ${process.version}, ${readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'cpu'}`);
console.log('| build | wall s | CPU s | peak MB | pages | pages/s | output MB |\n|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.name} | ${r.wall.toFixed(1)} | ${r.cpu.toFixed(1)} | ${r.rss.toFixed(0)} | ${r.pages} | ${r.pps.toFixed(0)} | ${(r.bytes / 1e6).toFixed(1)} |`);
const by = Object.fromEntries(rows.map((r) => [r.name, r]));
for (const kind of KINDS) {
  const p = by[`project ${kind}`]!;
  const b = by[`baseline ${kind}`]!;
  console.log(`ratio project/baseline ${kind}: wall ${(p.wall / b.wall).toFixed(2)}x, CPU ${(p.cpu / b.cpu).toFixed(2)}x, peak memory ${(p.rss / b.rss).toFixed(2)}x`);
}
// The machine's speed drifts between runs; the two builds of one run, back to
// back, saw the same conditions, so the median of per-run ratios is steadier.
for (const kind of KINDS) {
  const paired = (field: 'wall' | 'cpu' | 'rss') => median(samples[`project ${kind}`].map((p, i) => p[field] / samples[`baseline ${kind}`][i]![field])).toFixed(2);
  console.log(`paired ratio ${kind} (median of the ${runs} runs' own ratios): wall ${paired('wall')}x, CPU ${paired('cpu')}x, peak memory ${paired('rss')}x`);
}
// Peak memory moves with when the garbage collector happens to run: show how far.
const spread = (name: keyof typeof samples) => {
  const rss = samples[name].map((x) => x.rss);
  return `${name} ${Math.min(...rss).toFixed(0)}–${Math.max(...rss).toFixed(0)}`;
};
for (const kind of KINDS) console.log(`peak memory range ${kind}, MB (lowest–highest of the ${runs} runs): ${spread(`project ${kind}`)}, ${spread(`baseline ${kind}`)}`);

// Page weight as a reader's browser fetches it (gzip): HTML + same-site CSS + JS.
const out = join(work, 'out-project');
const weight = (page: string) => {
  const html = readFileSync(join(out, page), 'utf8');
  const assets = [...html.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"/g)].map((m) => m[1]!);
  const size = (text: string | Buffer) => gzipSync(text).length;
  const css = assets.filter((a) => a.endsWith('.css')).reduce((n, a) => n + size(readFileSync(join(out, a))), 0);
  const external = assets.filter((a) => a.endsWith('.js')).reduce((n, a) => n + size(readFileSync(join(out, a))), 0);
  const inline = [...html.matchAll(/<script(?![^>]*ld\+json)[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + (m[1] ? size(m[1]) : 0), 0);
  return { html: size(html), css, js: external + inline };
};
console.log('\n| page (gzip bytes) | HTML | CSS | JS | total |\n|---|---|---|---|---|');
for (const [name, page] of [['note', 'es/notas/nota-0/index.html'], ['home', 'es/index.html'], ['search', 'es/buscar/index.html']] as const) {
  const w = weight(page);
  console.log(`| ${name} | ${w.html} | ${w.css} | ${w.js} | ${w.html + w.css + w.js} |`);
}
console.log(`\n${searchReport(await measureSearch(out))}`);
if (values.keep) console.log(`built site kept in ${out}`);
else execFileSync('rm', ['-rf', work]);
