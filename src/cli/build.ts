/**
 * `npm run build`: checks the content, builds into a staging folder and only
 * then replaces `dist/`, so a failed build leaves the last good site exactly
 * as it was.
 *
 *   npm run build                  production build into dist/
 *   npm run build -- --preview     also drafts and embargoed notes, with a banner
 *   npm run build -- --force       check every note and render every page again
 *   npm run build -- --out DIR     write somewhere else (tests)
 *   npm run build -- --verbose     on a failure inside Astro, sharp, Vite or Pagefind, also print its stack trace (or DEBUG=1)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildEnv, type BuildEnv } from '../lib/build-env.ts';
import { formatProblem, loadContent, type Content } from '../lib/content.ts';
import { contentKey, readCachedContent, sourceFingerprint, writeCachedContent } from '../lib/content-cache.ts';
import { toSnapshot } from '../lib/content-snapshot.ts';
import { writeWhole } from '../lib/files.ts';
import { describeFailure, wantsTrace } from '../lib/build-failure.ts';
import { loadImageVerdicts, mislabeledImages, saveImageVerdicts } from '../lib/image-check.ts';
import { pageReuse, siteCodeFiles } from '../lib/page-cache.ts';
import { imageProblems, linkProblems } from '../lib/reference-check.ts';
import { buildPages } from '../lib/pages.ts';
import { settings } from '../settings.ts';
import { reuseSearchIndex, writeSearchIndex } from './search-index.ts';
import { placeShareImages, renderShareImages } from './share-images.ts';

const { values } = parseArgs({ options: { preview: { type: 'boolean' }, force: { type: 'boolean' }, out: { type: 'string' }, verbose: { type: 'boolean' } } });
if (values.preview) process.env.PREVIEW = '1';
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const root = process.cwd();
const out = resolve(root, values.out ?? 'dist');
const shown = values.out ?? 'dist';
// Always the same name: Astro's hash of the code behind a page includes the
// output folder, and a new name each time would make it render every page.
const staging = join(dirname(out), `.${basename(out)}-staging`);
const started = performance.now();
const STEPS = 5;
let stepNumber = 0;
let stepName = '';
let stepStarted = performance.now();
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
// Each step says when it starts, and how long the one before it took.
const step = (text: string) => {
  if (stepNumber) console.log(`(${seconds(stepStarted)})`);
  stepStarted = performance.now();
  console.log(`\n[${++stepNumber}/${STEPS}] ${text}`);
  stepName = text;
};

async function main(): Promise<string> {
  step('Checking content');
  const env = buildEnv(settings, process.env);
  const cacheDir = resolve(root, env.cacheDir);
  const code = sourceFingerprint(siteCodeFiles(root));
  const codeFile = join(cacheDir, 'convoy-code.txt');
  const lastCode = readIfExists(codeFile);
  // Astro keeps a note's rendered Markdown while its text is unchanged, and
  // cannot see a change to the Markdown pipeline (src/lib): after a change of
  // code (or with no record of it) nothing of the last build may be reused.
  const codeChanged = lastCode !== code;
  const force = values.force || codeChanged;
  if (codeChanged && lastCode !== undefined && !values.force) console.log('The code changed since the last build: everything is checked and rendered again.');
  const { content, snapshot, unchanged } = await checkedContent(env, cacheDir, code, force);
  // Not cached with the rest: whether a linked note is published depends on the clock.
  content.problems.push(...linkProblems(content, referenceOptions(env)));
  for (const problem of content.problems) console.log(`${problem.severity}  ${formatProblem(problem)}`);
  const errors = content.problems.filter((p) => p.severity === 'error').length;
  if (errors) throw new BuildError(`${errors} content problem(s) above. Nothing was written`);
  console.log(`${content.notes.length} notes, ${content.stops.length} stops, ${Object.keys(content.topics).length} topics: OK${unchanged ? ' (no file changed since the last build)' : ''}`);
  const pages = buildPages(content, { languages: settings.languages, timeZone: settings.timeZone, now: env.now, preview: env.preview, pageSize: settings.pageSize });

  step('Share images');
  const images = await renderShareImages(pages);
  console.log(`${images.rendered} rendered, ${images.cached} from the cache`);

  step(`Building pages${env.preview ? ' (preview: drafts and embargoed notes included)' : ''}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // Astro's pages and sitemap reuse the content checked above instead of reading it again.
  process.env.CONTENT_SNAPSHOT = join(staging, '..', `.content-${process.pid}.json`);
  writeFileSync(process.env.CONTENT_SNAPSHOT, snapshot);
  const manifest = join(cacheDir, 'incremental-build.json');
  const before = force ? undefined : readIfExists(manifest);
  const { build } = await import('astro');
  await build({ root, outDir: staging, logLevel: 'warn', force });
  writeWhole(codeFile, code);
  refuseMislabeledImages(staging, content);
  placeShareImages(images, staging);
  const reuse = pageReuse(before, readIfExists(manifest) ?? '');
  if (reuse) console.log(`${reuse.rendered} pages rendered, ${reuse.reused} copied unchanged from the last build`);

  step('Search index');
  const search = (!force && reuseSearchIndex(out, staging)) || (await writeSearchIndex(staging));
  console.log(`${search.pages} pages indexed${search.reused ? ' (the same pages as the published site: its index is reused)' : ''}`);

  step(`Publishing to ${shown}/`);
  mkdirSync(dirname(out), { recursive: true });
  const old = `${staging}-old`;
  if (existsSync(out)) renameSync(out, old);
  renameSync(staging, out);
  // Deleting at once: on a disk where deleting is slow, deleting while Astro
  // writes the next site (tried) slowed that build by more than it saved.
  rmSync(old, { recursive: true, force: true });

  const html = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
  console.log(`(${seconds(stepStarted)})`);
  return `Done: ${html} pages, ${images.rendered} share images rendered (${images.cached} cached), ${search.pages} pages indexed, written to ${shown}/ in ${seconds(started)}.`;
}

/**
 * The checked content: the last build's result when no content file and no
 * line of `code` (see siteCodeFiles) changed since (src/lib/content-cache.ts),
 * else a full check, as with `force`. `npm run check` always checks everything.
 */
async function checkedContent(env: BuildEnv, cacheDir: string, code: string, force: boolean): Promise<{ content: Content; snapshot: string; unchanged: boolean }> {
  const options = { root, contentDir: env.contentDir, timeZone: settings.timeZone, lang: 'en' } as const;
  const key = contentKey(resolve(root, env.contentDir), code, options);
  const file = join(cacheDir, 'convoy-content-check.json');
  const cached = force ? undefined : readCachedContent(file, key);
  if (cached) return { ...cached, unchanged: true };
  const content = loadContent(options);
  // Photos unchanged since the last build are not decoded again.
  const verdicts = join(cacheDir, 'convoy-image-verdicts.json');
  loadImageVerdicts(verdicts);
  content.problems.push(...(await imageProblems(content, referenceOptions(env))));
  saveImageVerdicts(verdicts);
  const snapshot = toSnapshot(content);
  writeCachedContent(file, key, snapshot);
  return { content, snapshot, unchanged: false };
}

// A conversion sharp could not do leaves the original under the new format's name; never publish that.
function refuseMislabeledImages(dir: string, content: Content): void {
  const bad = mislabeledImages(dir);
  if (!bad.length) return;
  const notesOf = (source: string) =>
    content.notes.flatMap((note) => Object.values(note.versions)).filter((v) => v.image && basename(v.image.src).split('.')[0] === source).map((v) => v.file);
  for (const { file, kind, source } of bad) {
    console.error(`error  ${basename(file)} is ${kind.toUpperCase()} data under a .${file.split('.').pop()} name: Astro could not convert the image "${source}" of ${notesOf(source).join(', ') || 'a note'}. Open that image, export it again as JPEG or PNG, and build again.`);
  }
  throw new BuildError(`${bad.length} image(s) could not be converted`);
}

function referenceOptions(env: BuildEnv) {
  return { root, contentDir: env.contentDir, lang: 'en', ...settings, now: env.now, url: env.url, base: env.base } as const;
}

function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** A failure already explained to the reader; no stack trace needed. */
class BuildError extends Error {}

try {
  console.log(`\n${await main()}`);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  if (error instanceof BuildError) console.error(`\nBuild stopped: ${error.message}; ${shown}/ is unchanged.`);
  else {
    console.error(`\nBuild failed; ${shown}/ is unchanged.\n${describeFailure(error, stepName, root).lines.join('\n')}`);
    if (wantsTrace(values.verbose, process.env)) console.error('\n', error);
    else console.error('(The technical details: npm run build -- --verbose, or DEBUG=1.)');
  }
  if (process.env.CONTENT_SNAPSHOT) rmSync(process.env.CONTENT_SNAPSHOT, { force: true });
  process.exit(1);
}
if (process.env.CONTENT_SNAPSHOT) rmSync(process.env.CONTENT_SNAPSHOT, { force: true });
