/**
 * `npm run build`: checks the content, builds into a temporary folder and
 * only then replaces `dist/`, so a failed build leaves the last good site
 * exactly as it was.
 *
 *   npm run build                  production build into dist/
 *   npm run build -- --preview     also drafts and embargoed notes, with a banner
 *   npm run build -- --out DIR     write somewhere else (tests)
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildEnv } from '../lib/build-env.ts';
import { formatProblem, loadContent } from '../lib/content.ts';
import { settings } from '../settings.ts';

const { values } = parseArgs({ options: { preview: { type: 'boolean' }, out: { type: 'string' } } });
if (values.preview) process.env.PREVIEW = '1';
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const root = process.cwd();
const out = resolve(root, values.out ?? 'dist');
const started = performance.now();
const step = (n: number, text: string) => console.log(`\n[${n}/3] ${text}`);

step(1, 'Checking content');
const env = buildEnv(settings, process.env);
const content = loadContent({ root, contentDir: env.contentDir, timeZone: settings.timeZone, lang: 'en' });
for (const problem of content.problems) console.log(`${problem.severity === 'error' ? 'error' : 'warning'}  ${formatProblem(problem)}`);
const errors = content.problems.filter((p) => p.severity === 'error').length;
if (errors) {
  console.error(`\nBuild stopped: ${errors} content problem(s) above. Nothing was written; ${values.out ?? 'dist'}/ is unchanged.`);
  process.exit(1);
}
console.log(`${content.notes.length} notes, ${content.stops.length} stops, ${Object.keys(content.topics).length} topics: OK`);

step(2, `Building pages${env.preview ? ' (preview: drafts and embargoed notes included)' : ''}`);
const staging = join(dirname(out), `.${basename(out)}-staging-${process.pid}`);
rmSync(staging, { recursive: true, force: true });
try {
  const { build } = await import('astro');
  await build({ root, outDir: staging, logLevel: 'warn' });
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nBuild failed; ${values.out ?? 'dist'}/ is unchanged.\n`, error);
  process.exit(1);
}

step(3, `Publishing to ${values.out ?? 'dist'}/`);
mkdirSync(dirname(out), { recursive: true });
const old = `${staging}-old`;
if (existsSync(out)) renameSync(out, old);
renameSync(staging, out);
rmSync(old, { recursive: true, force: true });

const pages = countHtml(out);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\nDone: ${pages} pages written to ${values.out ?? 'dist'}/ in ${seconds} s.`);

function basename(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? 'dist';
}

function countHtml(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
}
