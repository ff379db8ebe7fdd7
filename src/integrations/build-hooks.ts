/**
 * The steps that make the site whole, as an Astro integration, so that plain
 * `astro build` writes the same complete site as `npm run build` (as
 * Starlight runs Pagefind from `astro:build:done`):
 *
 *   astro:config:setup   one build at a time: the locks of src/lib/build/build-lock.ts
 *   astro:build:start    share images drawn into their cache, before Astro renders
 *                        pages, so the painter's memory is never held on top of Astro's
 *   astro:build:done     share images placed, pages reused counted, search index written
 *
 * `npm run build` runs these same hooks inside its own Astro build and adds
 * only the content check first, the progress lines and the atomic publish;
 * it talks to them through `npmBuild()`, a global, since Astro loads this
 * file through its own module loader, not as the same module.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { buildEnv } from '../lib/build/build-env.ts';
import { takeLock, type Lock } from '../lib/build/build-lock.ts';
import { formatProblem } from '../lib/content/content.ts';
import { contentFrom } from '../lib/content/content-snapshot.ts';
import { outputFolders } from '../lib/build/output-folder.ts';
import { pageReuse } from '../lib/build/page-cache.ts';
import { buildPages } from '../lib/pages/pages.ts';
import { reached } from '../lib/build/test-points.ts';
import { settings } from '../settings.ts';
import type { SearchReport } from '../lib/search/search-index.ts';
import type { ShareImageReport, ShareImages } from '../lib/share-image/share-images.ts';

/** What `npm run build` tells the hooks, and what they tell it back. */
export interface NpmBuild {
  /** Astro renders every page (`--force`, or the code changed): nothing of the last build is reused, not its search index either. */
  force: boolean;
  /** `--force` itself: every share card drawn again too (their cache key covers the code that draws them). */
  redrawCards: boolean;
  /** The published site, whose search index is reused when the new pages are the same. */
  published: string;
  /** Starts a numbered progress step. */
  step(text: string): void;
  /** A line under the current step. */
  say(text: string): void;
  result?: { images: ShareImageReport; search: SearchReport };
}

const KEY = Symbol.for('convoy:npm-run-build');
type Global = { [KEY]?: NpmBuild };

/** Tells the hooks that `npm run build` runs them (undefined: plain `astro build`). */
export function setNpmBuild(build: NpmBuild | undefined): void {
  (globalThis as Global)[KEY] = build;
}

/** The `npm run build` running these hooks, if it is one. */
export function npmBuild(): NpmBuild | undefined {
  return (globalThis as Global)[KEY];
}

/** The integration; astro.config.mjs lists it. */
export function convoyBuild(): AstroIntegration {
  const locks: Lock[] = [];
  let cacheDir = '';
  let images: ShareImages | undefined;
  let before: string | undefined;
  const manifest = () => join(cacheDir, 'incremental-build.json');
  const release = () => locks.splice(0).reverse().forEach((lock) => lock.release());
  return {
    name: 'convoy:build',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build' || npmBuild()) return; // npm run build holds the locks already
        const out = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
        const options = { building: out, onWait: (holder: { pid: number }) => logger.warn(`Waiting for the build running as process ${holder.pid} to finish...`) };
        // In the order npm run build takes them: the cache folder, then the output.
        locks.push(await takeLock(join(fileURLToPath(config.cacheDir), 'convoy-build.lock'), options));
        locks.push(await takeLock(outputFolders(out).lock, options));
      },
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': async ({ logger }) => {
        const run = npmBuild();
        const report = reporter(run, logger);
        const env = buildEnv(settings, process.env);
        report.step('Share images');
        const { renderShareImages } = await import('../lib/share-image/share-images.ts');
        images = await renderShareImages(sitePages(env), { force: run?.redrawCards });
        report.say(`${images.rendered} rendered, ${images.cached} from the cache`);
        report.step(`Building pages${env.preview ? ' (preview: drafts and embargoed notes included)' : ''}`);
        before = run?.force ? undefined : readIfExists(manifest());
      },
      'astro:build:generated': () => reached('astro-generated'),
      'astro:build:done': async ({ dir, logger }) => {
        const run = npmBuild();
        const report = reporter(run, logger);
        const out = fileURLToPath(dir);
        const { placeShareImages } = await import('../lib/share-image/share-images.ts');
        placeShareImages(images!, out);
        const reuse = pageReuse(before, readIfExists(manifest()) ?? '');
        if (reuse) report.say(`${reuse.rendered} pages rendered, ${reuse.reused} copied unchanged from the last build`);
        report.step('Search index');
        const { reuseSearchIndex, writeSearchIndex } = await import('../lib/search/search-index.ts');
        const search = (run && !run.force && reuseSearchIndex(run.published, out)) || (await writeSearchIndex(out));
        report.say(`${search.pages} pages indexed${search.reused ? ' (the same pages as the published site: its index is reused)' : ''}`);
        if (run) run.result = { images: { rendered: images!.rendered, cached: images!.cached }, search };
        release();
      },
    },
  };
}

/** Where the hooks' progress goes: npm run build's numbered steps, or Astro's log for plain `astro build`. */
function reporter(run: NpmBuild | undefined, logger: AstroIntegrationLogger): Pick<NpmBuild, 'step' | 'say'> {
  return run ?? { step: (text) => logger.info(text), say: (text) => logger.info(text) };
}

/** The pages of the site: from npm run build's checked snapshot, else read and checked here. */
function sitePages(env: ReturnType<typeof buildEnv>) {
  const content = contentFrom({ root: process.cwd(), contentDir: env.contentDir, timeZone: settings.timeZone }, process.env.CONTENT_SNAPSHOT);
  const errors = content.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`The content has ${errors.length} problem(s); run npm run check:\n${errors.map(formatProblem).join('\n')}`);
  return buildPages(content, { languages: settings.languages, timeZone: settings.timeZone, now: env.now, preview: env.preview, pageSize: settings.pageSize });
}

function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
