/**
 * `npm run build`: checks the content, runs Astro's build into a staging
 * folder (whose hooks, ./build-hooks.ts, draw the share images and write the
 * search index, as they do for plain `astro build`) and only then publishes
 * it as `dist/`, a link switched in one atomic step
 * (src/lib/build/output-folder.ts), so a failed, interrupted or killed build
 * leaves the last good site exactly as it was, and the next build cleans up
 * after it. One build at a time: a second one waits for the first
 * (src/lib/build/build-lock.ts).
 *
 *   npm run build                  production build into dist/
 *   npm run build -- --preview     also drafts and embargoed notes, with a banner
 *   npm run build -- --force       check every note and render every page again
 *   npm run build -- --no-wait     refuse at once while another build runs, instead of waiting
 *   npm run build -- --out DIR     write somewhere else (tests)
 *   npm run build -- --verbose     on a failure inside Astro, sharp, Vite or Pagefind, also print its stack trace (or DEBUG=1)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildEnv, type BuildEnv } from '../lib/build/build-env.ts';
import { describeFailure, wantsTrace } from '../lib/build/build-failure.ts';
import { LockHeld, takeLock, type Lock, type LockHolder } from '../lib/build/build-lock.ts';
import { formatProblem, loadContent, type Content } from '../lib/content/content.ts';
import { contentKey, readCachedContent, sourceFingerprint, writeCachedContent } from '../lib/content/content-cache.ts';
import { toSnapshot } from '../lib/content/content-snapshot.ts';
import { removeDeadWrites, writeWhole } from '../lib/build/files.ts';
import { loadImageVerdicts, mislabeledImageLines, mislabeledImages, saveImageVerdicts } from '../lib/check/image-check.ts';
import { buildName, outputFolders, publish, tidyOutput } from '../lib/build/output-folder.ts';
import { siteCodeFiles } from '../lib/build/page-cache.ts';
import { imageProblems, linkProblems } from '../lib/check/reference-check.ts';
import { reached } from '../lib/build/test-points.ts';
import { settings } from '../settings.ts';
import { setNpmBuild, type NpmBuild } from '../integrations/build-hooks.ts';
import { assertCardScripts, cacheDir as shareImageCache } from '../lib/share-image/share-images.ts';

const { values } = parseArgs({ options: { preview: { type: 'boolean' }, force: { type: 'boolean' }, out: { type: 'string' }, wait: { type: 'boolean', default: true }, verbose: { type: 'boolean' } }, allowNegative: true });
if (values.preview) process.env.PREVIEW = '1';
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const root = process.cwd();
const out = resolve(root, values.out ?? 'dist');
const shown = values.out ?? 'dist';
const folders = outputFolders(out);
const snapshotFile = join(folders.builds, `content-${process.pid}.json`);
/** How long a build waits, before it publishes, for a signal already sent to reach its handler. */
const SIGNAL_WAIT_MS = 100;
/** What the code fingerprint file says while a build's Astro step runs: a build killed then left Astro's caches half written. */
const UNFINISHED = 'unfinished build';
const locks: Lock[] = [];
/** Holding the output's lock: its staging folder is this build's to delete. */
let ownsOutput = false;
let published = false;
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
  const env = buildEnv(settings, process.env);
  const cacheDir = resolve(root, env.cacheDir);
  // The cache folder first, then the output: every build takes them in this order, so two never wait for each other.
  locks.push(await lock(join(cacheDir, 'convoy-build.lock')));
  locks.push(await lock(folders.lock));
  ownsOutput = true;
  reached('locked');
  if (tidyOutput(folders)) console.log(`${shown}/ was missing (a build was stopped while publishing): the last complete site is back.`);
  removeDeadWrites(cacheDir);
  removeDeadWrites(shareImageCache());

  step('Checking content');
  // Before Astro starts: a language the share cards cannot draw is refused in a second, not after the pages.
  assertCardScripts();
  const code = sourceFingerprint(siteCodeFiles(root));
  const codeFile = join(cacheDir, 'convoy-code.txt');
  const lastCode = readIfExists(codeFile);
  // Astro keeps a note's rendered Markdown while its text is unchanged, and
  // cannot see a change to the Markdown pipeline (src/lib): after a change of
  // code (or with no record of it) nothing of the last build may be reused.
  // Nor after a build stopped inside Astro: it may have written page copies
  // and images into its cache that its manifest does not describe.
  const codeChanged = lastCode !== code;
  const force = values.force || codeChanged;
  if (lastCode === UNFINISHED) {
    if (!values.force) console.log('The last build did not finish: everything is checked and rendered again.');
    forgetImagesSince(join(cacheDir, 'assets'), statSync(codeFile).mtimeMs);
  } else if (codeChanged && lastCode !== undefined && !values.force) console.log('The code changed since the last build: everything is checked and rendered again.');
  const { content, snapshot, unchanged } = await checkedContent(env, cacheDir, code, force);
  // Not cached with the rest: whether a linked note is published depends on the clock.
  content.problems.push(...linkProblems(content, referenceOptions(env)));
  for (const problem of content.problems) console.log(`${problem.severity}  ${formatProblem(problem)}`);
  const errors = content.problems.filter((p) => p.severity === 'error').length;
  if (errors) throw new BuildError(`${errors} content problem(s) above. Nothing was written`);
  console.log(`${content.notes.length} notes, ${content.stops.length} stops, ${Object.keys(content.topics).length} topics: OK${unchanged ? ' (no file changed since the last build)' : ''}`);

  // Astro's pages and sitemap, and the hooks, reuse the content checked above instead of reading it again.
  process.env.CONTENT_SNAPSHOT = snapshotFile;
  writeFileSync(snapshotFile, snapshot);
  reached('snapshot-written');
  // Steps 2 to 4 are the hooks', inside Astro's build.
  const run: NpmBuild = { force, redrawCards: Boolean(values.force), published: out, step, say: (text) => console.log(text) };
  setNpmBuild(run);
  const { build } = await import('astro');
  mkdirSync(folders.staging, { recursive: true });
  writeWhole(codeFile, UNFINISHED);
  await build({ root, outDir: folders.staging, logLevel: 'warn', force });
  writeWhole(codeFile, code);
  refuseMislabeledImages(folders.staging, content);
  const { images, search } = run.result!;
  reached('indexed');

  step(`Publishing to ${shown}/`);
  // A signal that came during the steps above stops the build here, before it publishes. Node runs
  // signal handlers between turns of its event loop, once the thread the kernel gave the signal to
  // has passed it on; that thread may be another one, run later than this one on a busy machine
  // (seen in CI: a SIGTERM sent before this point, and the site published). So this waits a
  // moment in the loop, which wakes at once when the signal is passed on.
  await new Promise((resolve) => setTimeout(resolve, SIGNAL_WAIT_MS));
  publish(folders, buildName(new Date(), process.pid));
  published = true;

  const html = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
  console.log(`(${seconds(stepStarted)})`);
  return `Done: ${html} pages, ${images.rendered} share images rendered (${images.cached} cached), ${search.pages} pages indexed, written to ${shown}/ in ${seconds(started)}.`;
}

/**
 * The checked content: the last build's result when no content file and no
 * line of `code` (see siteCodeFiles) changed since (src/lib/content/content-cache.ts),
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
  for (const line of mislabeledImageLines(bad, content.notes.flatMap((note) => Object.values(note.versions)))) console.error(line);
  throw new BuildError(`${bad.length} image(s) could not be converted`);
}

function referenceOptions(env: BuildEnv) {
  return { root, contentDir: env.contentDir, lang: 'en', ...settings, now: env.now, url: env.url, base: env.base } as const;
}

/** Takes a build lock, saying whom it waits for; with --no-wait, refuses at once. */
function lock(file: string): Promise<Lock> {
  return takeLock(file, { building: shown, wait: values.wait, onWait: (holder) => console.log(`Waiting for the build running as ${running(holder)} to finish...`) }).catch((error: unknown) => {
    if (error instanceof LockHeld) throw new BuildError(`another build is running as ${running(error.holder)}. Wait for it, or build again without --no-wait to wait`);
    throw error;
  });
}

/** A running build, for people: `process 4242 (building dist/, since 10:15:00)`. */
function running(holder: LockHolder): string {
  return `process ${holder.pid} (building ${holder.building}/, since ${new Date(holder.started).toTimeString().slice(0, 8)})`;
}

/**
 * Deletes the images Astro put in its cache folder since `since`: a build
 * killed while writing one leaves it truncated, and Astro would copy it into
 * every later site as it is (its image cache has no check of its own).
 */
function forgetImagesSince(dir: string, since: number): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (statSync(file).mtimeMs >= since - 1000) rmSync(file, { force: true });
  }
}

function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Removes what this build made outside the published site, and lets the next build in. */
function cleanUp(): void {
  if (ownsOutput) rmSync(folders.staging, { recursive: true, force: true });
  rmSync(snapshotFile, { force: true });
  for (const held of locks.reverse()) held.release();
  locks.length = 0;
}

/** A failure already explained to the reader; no stack trace needed. */
class BuildError extends Error {}

// Ctrl-C or a cancelled job: stop at once, clean, and say what the reader now has in dist/.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => {
    cleanUp();
    console.error(`\nBuild interrupted (${signal}); ${published ? `the new site was already published to ${shown}/` : `${shown}/ is unchanged`}.`);
    process.exit(code);
  });
}

try {
  console.log(`\n${await main()}`);
  cleanUp();
} catch (error) {
  cleanUp();
  if (error instanceof BuildError) console.error(`\nBuild stopped: ${error.message}; ${shown}/ is unchanged.`);
  else {
    console.error(`\nBuild failed; ${shown}/ is unchanged.\n${describeFailure(error, stepName, root).lines.join('\n')}`);
    if (wantsTrace(values.verbose, process.env)) console.error('\n', error);
    else console.error('(The technical details: npm run build -- --verbose, or DEBUG=1.)');
  }
  process.exit(1);
}
