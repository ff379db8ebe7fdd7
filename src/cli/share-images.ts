/**
 * The build's share-image step: one 1200x630 PNG per published note page,
 * rendered with satori (text as paths, from fonts shipped in npm) and sharp,
 * and cached by the hash of what is on it, so an unchanged note never renders
 * twice.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { threadId, Worker } from 'node:worker_threads';
import type { Font } from 'opentype.js';
import satori, { type SatoriOptions } from 'satori';
import sharp from 'sharp';
import type { Page } from '../lib/pages.ts';
import { shareImagePath } from '../lib/routes.ts';
import { CARD_SIZE, cardHash, cardTree, FONT_FAMILY, FONT_WEIGHTS, shareCard, type FontWeight, type Measure, type ShareCard } from '../lib/share-card.ts';
import { settings } from '../settings.ts';

/** What the share-image step did, for the build summary. */
export interface ShareImageReport {
  rendered: number;
  cached: number;
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
// Dvořák, drawn by satori from the second font when the first lacks a glyph.
const SUBSETS = ['latin', 'latin-ext'] as const;

/** The bundled fonts, for satori and for measuring text before layout. */
export interface CardFonts {
  satori: SatoriOptions['fonts'];
  measure: Measure;
}

let loaded: CardFonts | undefined;

/** Loads the card fonts from the @fontsource package once per thread. */
export function cardFonts(): CardFonts {
  if (loaded) return loaded;
  const faces = FONT_WEIGHTS.flatMap((weight) =>
    SUBSETS.map((subset, i) => {
      const data = readFileSync(require.resolve(`@fontsource/montserrat/files/montserrat-${subset}-${weight}-normal.woff`));
      // Distinct names: satori falls back between fonts of different names only.
      return { name: i === 0 ? FONT_FAMILY : `${FONT_FAMILY} ${subset}`, weight, data, font: opentype.parse(new Uint8Array(data).buffer) };
    }),
  );
  loaded = {
    satori: faces.map(({ name, weight, data }) => ({ name, weight, data, style: 'normal' as const })),
    measure: measureWith(faces),
  };
  return loaded;
}

function measureWith(faces: { weight: FontWeight; font: Font }[]): Measure {
  const fontsOf = (weight: FontWeight) => faces.filter((f) => f.weight === weight).map((f) => f.font);
  const fontFor = (char: string, weight: FontWeight) => fontsOf(weight).find((font) => font.charToGlyphIndex(char) > 0);
  return {
    has: (char) => FONT_WEIGHTS.every((weight) => fontFor(char, weight) !== undefined),
    width(text, size, weight) {
      // Runs of characters from one font, measured together so kerning counts.
      let total = 0;
      let run = '';
      let runFont: Font | undefined;
      for (const char of text) {
        const font = fontFor(char, weight) ?? fontsOf(weight)[0]!;
        if (font !== runFont) {
          if (run) total += runFont!.getAdvanceWidth(run, size);
          run = '';
          runFont = font;
        }
        run += char;
      }
      return run ? total + runFont!.getAdvanceWidth(run, size) : total;
    },
  };
}

/** Renders a card to PNG bytes. */
export async function renderCard(card: ShareCard): Promise<Buffer> {
  const fonts = cardFonts();
  const svg = await satori(cardTree(card, fonts.measure), { ...CARD_SIZE, fonts: fonts.satori });
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Renders one throw-away card, so that a worker's first real image costs no more than the others. */
export async function warmUp(): Promise<void> {
  const colors = { primary: '#000000', primaryDark: '#000000', accent: '#000000', accentLight: '#000000' };
  await renderCard({ lang: 'es', title: '¿Año «único»?', stop: 'Sí', date: '1', site: 'Ñ', colors });
}

/** Renders a card into its cache file, written whole or not at all. */
export async function renderJob({ card, file }: RenderJob): Promise<void> {
  const png = await renderCard(card);
  // Write then rename: a build killed mid-write must not leave a truncated
  // file that later builds would take for a cache hit.
  const partial = `${file}.${process.pid}-${threadId}.tmp`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(partial, png);
  renameSync(partial, file);
}

/** The cache folder: survives builds; `SHARE_IMAGE_CACHE` moves it (tests). */
export function cacheDir(): string {
  return process.env.SHARE_IMAGE_CACHE ?? join(process.cwd(), '.cache', 'share-images');
}

/**
 * Writes the share image of every published note page into `outDir`,
 * rendering only the cards not in the cache.
 */
export async function writeShareImages(pages: readonly Page[], outDir: string): Promise<ShareImageReport> {
  const cache = cacheDir();
  const images = pages.flatMap((page) => {
    // Preview builds pass unpublished pages too; their images must not ship.
    if (page.kind !== 'note' || page.unpublished) return [];
    const card = shareCard(page, settings);
    return [{ card, file: join(cache, `${cardHash(card)}.png`), out: join(outDir, shareImagePath(page.lang, page.version.slug)) }];
  });
  const missing = [...new Map(images.filter((i) => !existsSync(i.file)).map((i) => [i.file, i])).values()];
  await renderAll(missing.map(({ card, file }) => ({ card, file })), threadCount(missing.length));
  for (const dir of new Set(images.map((i) => dirname(i.out)))) mkdirSync(dir, { recursive: true });
  for (const image of images) place(image.file, image.out);
  return { rendered: missing.length, cached: images.length - missing.length };
}

// A hard link costs no copy and no disk; a cache on another disk falls back to copying.
function place(file: string, out: string): void {
  try {
    linkSync(file, out);
  } catch {
    copyFileSync(file, out);
  }
}

/** Threads to render `jobs` images with: one per core (`SHARE_IMAGE_THREADS` overrides), at most one per image. */
function threadCount(jobs: number): number {
  const wanted = Number(process.env.SHARE_IMAGE_THREADS ?? availableParallelism());
  return Math.min(Number.isInteger(wanted) && wanted > 0 ? wanted : 1, jobs);
}

/**
 * Renders the jobs on `threads` threads: this one and `threads - 1` workers,
 * all taking from one queue. This thread starts at once; a worker takes jobs
 * only once warmed up (about a second of loading fonts and compiling
 * satori's WebAssembly), so a handful of images never waits for a pool.
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
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
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
