/**
 * The build's share-image step: one 1200x630 PNG per published note page,
 * laid out by src/lib/share-image/share-card.ts and painted by ./card-paint.ts with the
 * fonts shipped in npm, and cached by the hash of what is on it and of what
 * paints it (painterFingerprint), so an unchanged note never renders twice
 * and a change to the painter redraws every card.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { cardScriptProblems } from './card-scripts.ts';
import { formatDate } from '../i18n/dates.ts';
import { linkOrCopy, writeWhole } from '../build/files.ts';
import type { Page } from '../pages/pages.ts';
import { shareImagePath } from '../pages/routes.ts';
import { cardHash, cardLayout, FONT_WEIGHTS, shareCard, type Measure, type ShareCard } from './share-card.ts';
import { settings } from '../../settings.ts';
import { fontRuns, paintCard, shapeRun, type Face } from './card-paint.ts';

/** What the share-image step did, for the build summary. */
export interface ShareImageReport {
  rendered: number;
  cached: number;
}

/** The share images of a build, all in the cache: each cache file and where it goes in the output. */
export interface ShareImages extends ShareImageReport {
  images: { file: string; path: string }[];
}

/** One image to render: the card and the cache file it goes to. */
export interface RenderJob {
  card: ShareCard;
  file: string;
}

const require = createRequire(import.meta.url);
// opentype.js's ES build has no default export and its CommonJS build no named
// ones; require() gives the same object under Node and under vitest.
const opentype = require('opentype.js') as typeof import('opentype.js');

// Latin covers Spanish and English; Latin Extended adds names such as Łódź or
// Dvořák, drawn from the second font when the first lacks a glyph.
const SUBSETS = ['latin', 'latin-ext'] as const;

/** The bundled fonts, to lay out and to paint the cards with. */
export interface CardFonts {
  faces: Face[];
  measure: Measure;
}

let loaded: CardFonts | undefined;

/** The font files the cards are drawn with, in the order cardFonts loads them. */
function fontFiles(): string[] {
  return FONT_WEIGHTS.flatMap((weight) => SUBSETS.map((subset) => require.resolve(`@fontsource/montserrat/files/montserrat-${subset}-${weight}-normal.woff`)));
}

/** What decides a card's pixels besides its data: the code of these files, these fonts, these libraries. */
export interface PainterSources {
  /** Layout, painter, rasterizer and this renderer (which picks the fonts and how they are measured). */
  code: string[];
  fonts: string[];
  /** Package name to version: the font package, the shaper and the PNG encoder with its libvips. */
  versions: Record<string, string>;
}

/** This project's painter: the files and packages that draw its share cards. */
export function painterSources(): PainterSources {
  const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  const version = (name: string) => (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  return {
    code: [here('./share-card.ts'), here('./outline-raster.ts'), here('./card-paint.ts'), here('./share-images.ts')],
    fonts: fontFiles(),
    versions: { '@fontsource/montserrat': version('@fontsource/montserrat'), 'opentype.js': version('opentype.js'), ...sharp.versions },
  };
}

/**
 * A hash of everything that changes a card's pixels besides its data (which
 * holds the settings it shows: site name, colours, the date in the site's
 * time zone): part of every cache key, so no cached card outlives a change
 * to its painter.
 */
export function painterFingerprint(sources: PainterSources = painterSources()): string {
  const hash = createHash('sha256').update(JSON.stringify(Object.entries(sources.versions).sort()));
  for (const file of [...sources.code, ...sources.fonts]) hash.update(`\n${file.split(/[\\/]/).pop()}\0`).update(readFileSync(file));
  return hash.digest('hex');
}

/** Loads the card fonts (Montserrat, from the @fontsource package) once per thread. */
export function cardFonts(): CardFonts {
  if (loaded) return loaded;
  const weights = FONT_WEIGHTS.flatMap((weight) => SUBSETS.map(() => weight));
  const faces = fontFiles().map((file, i) => ({ weight: weights[i]!, font: opentype.parse(new Uint8Array(readFileSync(file)).buffer) }));
  const first = faces[0]!.font;
  loaded = {
    faces,
    measure: {
      has: (char) => FONT_WEIGHTS.every((weight) => faces.some((face) => face.weight === weight && face.font.charToGlyphIndex(char) > 0)),
      // Runs of characters from one font, measured together so kerning counts: exactly as they are painted.
      width: (text, size, weight) => fontRuns(faces, text, weight).reduce((total, run) => total + shapeRun(run.font, run.text, size).advance, 0),
      ascent: first.ascender / first.unitsPerEm,
      descent: -first.descender / first.unitsPerEm,
    },
  };
  return loaded;
}

/** Throws, naming the font to add, when a site language has letters the card fonts cannot draw. */
export function assertCardScripts(): void {
  const sample = new Date(Date.UTC(2023, 1, 27, 18));
  const samples = settings.languages.map((code) => ({
    code,
    texts: [settings.language[code]!.name, settings.name[code]!, formatDate(sample, code, settings.timeZone)],
  }));
  const problems = cardScriptProblems(samples, cardFonts().measure.has);
  if (problems.length) throw new Error(problems.join('\n'));
}

/** Renders a card to PNG bytes. */
export async function renderCard(card: ShareCard): Promise<Buffer> {
  const fonts = cardFonts();
  return paintCard(cardLayout(card, fonts.measure), fonts.faces);
}

/** Renders one throw-away card, so that a worker's first real image costs no more than the others. */
export async function warmUp(): Promise<void> {
  const colors = { primary: '#000000', primaryDark: '#000000', accent: '#000000', accentLight: '#000000' };
  await renderCard({ lang: 'es', title: '¿Año «único»?', stop: 'Sí', date: '1', site: 'Ñ', colors });
}

/** Renders a card into its cache file, written whole or not at all. */
export async function renderJob({ card, file }: RenderJob): Promise<void> {
  writeWhole(file, await renderCard(card));
}

/** The cache folder: survives builds; `SHARE_IMAGE_CACHE` moves it (tests). */
export function cacheDir(): string {
  return process.env.SHARE_IMAGE_CACHE ?? join(process.cwd(), '.cache', 'share-images');
}

/** How renderShareImages renders: `force` redraws every card; `painter` overrides painterFingerprint (tests). */
export interface RenderOptions {
  force?: boolean;
  painter?: string;
}

/**
 * Renders into the cache the share image of every published note page that
 * is not there yet (every one, with `force`). The build does this before
 * Astro renders pages, so the renderer's memory is never held on top of Astro's.
 */
export async function renderShareImages(pages: readonly Page[], options: RenderOptions = {}): Promise<ShareImages> {
  assertCardScripts();
  const cache = cacheDir();
  const painter = options.painter ?? painterFingerprint();
  const images = pages.flatMap((page) => {
    // Preview builds pass unpublished pages too; their images must not ship.
    if (page.kind !== 'note' || page.unpublished) return [];
    const card = shareCard(page, settings);
    return [{ card, file: join(cache, `${cardHash(card, painter)}.png`), path: shareImagePath(page.lang, page.version.slug) }];
  });
  const missing = [...new Map(images.filter((i) => options.force || !existsSync(i.file)).map((i) => [i.file, i])).values()];
  await renderAll(missing.map(({ card, file }) => ({ card, file })), threadCount(missing.length));
  return { rendered: missing.length, cached: images.length - missing.length, images: images.map(({ file, path }) => ({ file, path })) };
}

/** Puts rendered share images in their places under `outDir` (once Astro has written it). */
export function placeShareImages({ images }: ShareImages, outDir: string): void {
  const out = images.map((image) => ({ file: image.file, out: join(outDir, image.path) }));
  for (const dir of new Set(out.map((i) => dirname(i.out)))) mkdirSync(dir, { recursive: true });
  for (const image of out) linkOrCopy(image.file, image.out);
}

/** Renders what the cache lacks and writes every share image into `outDir`. */
export async function writeShareImages(pages: readonly Page[], outDir: string, options: RenderOptions = {}): Promise<ShareImageReport> {
  const images = await renderShareImages(pages, options);
  placeShareImages(images, outDir);
  return { rendered: images.rendered, cached: images.cached };
}

/** Threads to render `jobs` images with: one per core (`SHARE_IMAGE_THREADS` overrides), at most one per image. */
function threadCount(jobs: number): number {
  const wanted = Number(process.env.SHARE_IMAGE_THREADS ?? availableParallelism());
  return Math.min(Number.isInteger(wanted) && wanted > 0 ? wanted : 1, jobs);
}

/**
 * Renders the jobs on `threads` threads: this one and `threads - 1` workers,
 * all taking from one queue. This thread starts at once; a worker takes jobs
 * only once warmed up (loading its modules and the fonts), so a handful of
 * images never waits for a pool.
 */
async function renderAll(jobs: RenderJob[], threads: number): Promise<void> {
  const queue = [...jobs];
  const drain = async (render: (job: RenderJob) => Promise<void>) => {
    try {
      for (let job = queue.shift(); job; job = queue.shift()) await render(job);
    } catch (error) {
      queue.length = 0; // the build fails: stop the other threads too
      throw error;
    }
  };
  const workers = Array.from({ length: Math.max(0, threads - 1) }, () => new Worker(new URL('./share-image-worker.ts', import.meta.url)));
  try {
    const here = drain(renderJob);
    await Promise.all([
      here,
      ...workers.map(async (worker) => {
        // Once this thread has emptied the queue, a worker still warming up has nothing left to take.
        await Promise.race([answer(worker, 'warming up'), here]);
        await drain((job) => answer(worker, `rendering "${job.card.title}"`, job));
      }),
    ]);
  } finally {
    await Promise.all(workers.map(stopWorker));
  }
}

/**
 * Asks a pool worker to end once its current task is done, and resolves
 * with its exit code (0, also for a worker that had already exited). Never
 * Worker.terminate(): a worker stopped that way in the middle of its warm-up
 * aborted the whole build with a V8 fatal error ("Check failed: (location_)
 * != nullptr", Node 24; seen in test runs, and in 2 of 3 runs of a script
 * stopping 40 workers at moments spread over their warm-up).
 */
export function stopWorker(worker: Worker): Promise<number> {
  // A worker that has already exited has no more 'exit' to wait for.
  if (worker.threadId === -1) return Promise.resolve(0);
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  worker.postMessage('stop');
  return exited;
}

/** The worker's next answer (to `job`, when given): settles on its reply, its error or its exit. */
function answer(worker: Worker, doing: string, job?: RenderJob): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      worker.off('message', onMessage).off('error', settle).off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const onMessage = (reply: { error?: string }) => settle(reply.error ? new Error(`Share image worker, ${doing}: ${reply.error}`) : undefined);
    const onExit = (code: number) => settle(new Error(`Share image worker stopped (exit code ${code}) while ${doing}`));
    worker.on('message', onMessage).on('error', settle).on('exit', onExit);
    if (job) worker.postMessage(job);
  });
}
