import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { painterFingerprint, painterSources, renderJob, stopWorker, writeShareImages, type RenderJob } from '../src/lib/share-image/share-images.ts';
import { buildPages } from '../src/lib/pages/pages.ts';
import type { Lang, Note, NoteVersion, Stop } from '../src/lib/content/types.ts';
import { settings } from '../src/settings.ts';

type Draft = Pick<NoteVersion, 'slug' | 'title'> & Partial<NoteVersion>;

function note(folder: string, date: string, versions: Record<Lang, Draft>): Note {
  const entries = Object.entries(versions).map(([lang, over]) => [lang, {
    id: `${folder}/${lang}`, folder, lang: lang as Lang, file: `content/notes/${folder}/index.${lang}.md`, summary: 'Resumen',
    date: new Date(date), dateOnly: false, stop: 'los-angeles', topics: [], people: [], organizations: [], draft: false, source: `source of ${folder}/${lang}`, ...over,
  } satisfies NoteVersion]);
  return { folder, versions: Object.fromEntries(entries) };
}

const stop: Stop = {
  id: 'los-angeles', file: 'content/stops/los-angeles.yaml', order: 1, start: '2023-02-27', end: '2023-03-03',
  text: { es: { name: 'Los Ángeles', region: 'California', country: 'Estados Unidos', summary: 'S' }, en: { name: 'Los Angeles', region: 'California', country: 'United States', summary: 'S' } },
};

/** Two bilingual notes, one in Spanish only, and one draft (bilingual). */
function notes(edit: (n: Note[]) => void = () => {}): Note[] {
  const list = [
    note('2023-02-27-llegada', '2023-02-27T18:00:00Z', { es: { slug: 'llegada', title: '¿Llegó el convoy a Los Ángeles? ¡Sí! 🎉' }, en: { slug: 'arrival', title: 'The convoy arrives in Los Angeles' } }),
    note('2023-02-28-netflix', '2023-02-28T18:00:00Z', { es: { slug: 'netflix', title: 'Visita a los estudios de Netflix' }, en: { slug: 'netflix', title: 'A visit to the Netflix studios' } }),
    note('2023-03-01-camara', '2023-03-01T18:00:00Z', { es: { slug: 'camara', title: 'Reunión con la Cámara de Comercio «US-México»' } }),
    note('2023-03-02-borrador', '2023-03-02T18:00:00Z', { es: { slug: 'borrador', title: 'Borrador', draft: true }, en: { slug: 'draft', title: 'Draft', draft: true } }),
  ];
  edit(list);
  return list;
}

const pagesOf = (list: Note[], preview = false) =>
  buildPages({ notes: list, stops: [stop], topics: {} }, { languages: ['es', 'en'], timeZone: settings.timeZone, now: new Date('2024-01-01'), preview, pageSize: 10 });

const PUBLISHED = ['/en/arrival.png', '/en/netflix.png', '/es/camara.png', '/es/llegada.png', '/es/netflix.png'];

let root: string;
const saved = { ...process.env };
const outDir = (name: string) => join(root, name);
const written = (dir: string) => readdirSync(join(dir, 'og'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.png')).map((f) => `/${f}`).sort();
const cacheFiles = () => readdirSync(process.env.SHARE_IMAGE_CACHE!).sort();

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'share-images-'));
  process.env.SHARE_IMAGE_CACHE = join(root, 'cache');
  // One thread unless a test is about the pool: a worker's start-up would dominate these small runs.
  process.env.SHARE_IMAGE_THREADS = '1';
});

afterEach(() => {
  process.env = { ...saved };
  rmSync(root, { recursive: true, force: true });
});

describe('writeShareImages', () => {
  it('writes one 1200x630 PNG per published note page, in the site colours', async () => {
    process.env.SHARE_IMAGE_THREADS = '2';
    expect(await writeShareImages(pagesOf(notes()), outDir('a'))).toEqual({ rendered: 5, cached: 0 });
    expect(written(outDir('a'))).toEqual(PUBLISHED);
    for (const file of PUBLISHED) {
      const png = join(outDir('a'), 'og', file);
      expect(await sharp(png).metadata(), file).toMatchObject({ width: 1200, height: 630, format: 'png' });
      // Not blank: the band, the white body and the dark title differ widely.
      const { channels } = await sharp(png).stats();
      expect(channels[0]!.stdev, file).toBeGreaterThan(40);
      const { data } = await sharp(png).extract({ left: 10, top: 10, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
      expect(`#${data.subarray(0, 3).toString('hex')}`, `${file} top band`).toBe(settings.colors.primaryDark);
    }
  });

  it('renders nothing on a second build and copies every image from the cache', async () => {
    await writeShareImages(pagesOf(notes()), outDir('a'));
    expect(await writeShareImages(pagesOf(notes()), outDir('b'))).toEqual({ rendered: 0, cached: 5 });
    for (const file of PUBLISHED) expect(readFileSync(join(outDir('b'), 'og', file)).equals(readFileSync(join(outDir('a'), 'og', file))), file).toBe(true);
  });

  it('re-renders only the image of a retitled version', async () => {
    await writeShareImages(pagesOf(notes()), outDir('a'));
    const retitled = notes((n) => { n[1]!.versions.es!.title = 'Visita a los estudios de Netflix en Hollywood'; });
    expect(await writeShareImages(pagesOf(retitled), outDir('b'))).toEqual({ rendered: 1, cached: 4 });
    expect(readFileSync(join(outDir('b'), 'og/es/netflix.png')).equals(readFileSync(join(outDir('a'), 'og/es/netflix.png')))).toBe(false);
    expect(readFileSync(join(outDir('b'), 'og/en/netflix.png')).equals(readFileSync(join(outDir('a'), 'og/en/netflix.png')))).toBe(true);
  });

  it('re-renders both images of a bilingual note whose date changed, and no other', async () => {
    await writeShareImages(pagesOf(notes()), outDir('a'));
    const redated = notes((n) => { for (const v of Object.values(n[0]!.versions)) v.date = new Date('2023-02-27T20:30:00Z'); });
    expect(await writeShareImages(pagesOf(redated), outDir('b'))).toEqual({ rendered: 2, cached: 3 });
    expect(cacheFiles()).toHaveLength(7);
  });

  it('does not re-render for an edit that the image does not show', async () => {
    await writeShareImages(pagesOf(notes()), outDir('a'));
    const edited = notes((n) => { n[2]!.versions.es!.summary = 'Otro resumen'; n[2]!.versions.es!.people = ['Alguien']; });
    expect(await writeShareImages(pagesOf(edited), outDir('b'))).toEqual({ rendered: 0, cached: 5 });
  });

  it('writes no image for a draft, even in a preview build', async () => {
    const preview = pagesOf(notes(), true);
    expect(preview.some((p) => p.kind === 'note' && p.unpublished === 'draft')).toBe(true);
    expect(await writeShareImages(preview, outDir('a'))).toEqual({ rendered: 5, cached: 0 });
    expect(written(outDir('a'))).toEqual(PUBLISHED);
    expect(existsSync(join(outDir('a'), 'og/es/borrador.png'))).toBe(false);
  });

  it('renders the same bytes on two threads as on one', async () => {
    process.env.SHARE_IMAGE_THREADS = '2';
    await writeShareImages(pagesOf(notes()), outDir('pool'));
    process.env.SHARE_IMAGE_CACHE = join(root, 'cache-single');
    process.env.SHARE_IMAGE_THREADS = '1';
    expect(await writeShareImages(pagesOf(notes()), outDir('single'))).toEqual({ rendered: 5, cached: 0 });
    for (const file of PUBLISHED) expect(readFileSync(join(outDir('single'), 'og', file)).equals(readFileSync(join(outDir('pool'), 'og', file))), file).toBe(true);
  });

  it('redraws every card with --force, into new cache files', async () => {
    await writeShareImages(pagesOf(notes()), outDir('a'));
    const before = cacheFiles().map((f) => statSync(join(process.env.SHARE_IMAGE_CACHE!, f)).ino);
    expect(await writeShareImages(pagesOf(notes()), outDir('b'), { force: true })).toEqual({ rendered: 5, cached: 0 });
    const after = cacheFiles().map((f) => statSync(join(process.env.SHARE_IMAGE_CACHE!, f)).ino);
    expect(after.filter((ino) => before.includes(ino)), 'every file written again').toEqual([]);
  });

  it("redraws every card when the painter's fingerprint changes, and only then", async () => {
    // A copy of the real painter, changed by one comment: another fingerprint, as any edit of card-paint.ts gives.
    const sources = painterSources();
    const painter = sources.code.find((file) => file.endsWith('card-paint.ts'))!;
    const edited = join(root, 'card-paint.ts');
    copyFileSync(painter, edited);
    expect(painterFingerprint({ ...sources, code: sources.code.map((f) => (f === painter ? edited : f)) })).toBe(painterFingerprint(sources));
    writeFileSync(edited, `${readFileSync(painter, 'utf8')}\n// a changed painter\n`);
    const changed = painterFingerprint({ ...sources, code: sources.code.map((f) => (f === painter ? edited : f)) });
    expect(changed).not.toBe(painterFingerprint(sources));

    await writeShareImages(pagesOf(notes()), outDir('a'));
    expect(await writeShareImages(pagesOf(notes()), outDir('b'))).toEqual({ rendered: 0, cached: 5 });
    expect(await writeShareImages(pagesOf(notes()), outDir('c'), { painter: changed })).toEqual({ rendered: 5, cached: 0 });
  });

  it('has a fingerprint that covers the layout, painter, rasterizer, fonts and library versions', () => {
    const sources = painterSources();
    expect(sources.code.map((f) => f.split(/[\\/]/).pop())).toEqual(['share-card.ts', 'outline-raster.ts', 'card-paint.ts', 'share-images.ts']);
    expect(sources.fonts).toHaveLength(4);
    expect(Object.keys(sources.versions)).toEqual(expect.arrayContaining(['@fontsource/montserrat', 'opentype.js', 'sharp', 'vips']));
    for (const [name, value] of Object.entries({ 'opentype.js': '0.0.1', vips: '0.0.1' })) {
      expect(painterFingerprint({ ...sources, versions: { ...sources.versions, [name]: value } }), name).not.toBe(painterFingerprint(sources));
    }
    expect(painterFingerprint({ ...sources, fonts: [...sources.fonts].reverse() }), 'the fonts and their order').not.toBe(painterFingerprint(sources));
  });

  it('re-renders an image whose cache file was deleted', async () => {
    await writeShareImages(pagesOf(notes()), outDir('a'));
    rmSync(join(process.env.SHARE_IMAGE_CACHE!, cacheFiles()[0]!));
    expect(await writeShareImages(pagesOf(notes()), outDir('b'))).toEqual({ rendered: 1, cached: 4 });
  });
});

describe('the share image worker', () => {
  const card = { lang: 'es' as const, title: 'Llegada a Los Ángeles', stop: 'Los Ángeles', date: '27 de febrero de 2023', site: settings.name.es!, colors: settings.colors };
  const ask = (worker: Worker, job?: RenderJob) => new Promise<{ error?: string }>((resolve, reject) => {
    worker.once('message', resolve).once('error', reject);
    if (job) worker.postMessage(job);
  });

  it('warms up, renders a job into its file, the same bytes as this thread, and reports a failure', async () => {
    const worker = new Worker(new URL('../src/lib/share-image/share-image-worker.ts', import.meta.url));
    try {
      expect(await ask(worker)).toEqual({});
      expect(await ask(worker, { card, file: join(root, 'worker.png') })).toEqual({});
      await renderJob({ card, file: join(root, 'here.png') });
      expect(readFileSync(join(root, 'worker.png')).equals(readFileSync(join(root, 'here.png')))).toBe(true);
      // A file below a file cannot be written.
      expect(await ask(worker, { card, file: join(root, 'here.png', 'bad.png') })).toEqual({ error: expect.stringContaining('here.png') });
    } finally {
      await stopWorker(worker);
    }
  });

  it('stops a worker in the middle of its warm-up by letting it end by itself, never by killing it', async () => {
    const worker = new Worker(new URL('../src/lib/share-image/share-image-worker.ts', import.meta.url));
    await new Promise((resolve) => worker.once('online', resolve));
    // Worker.terminate() ends a worker with exit code 1 (and at the wrong moment aborts the process: see stopWorker).
    expect(await stopWorker(worker)).toBe(0);
    expect(await stopWorker(worker), 'stopping it again is harmless').toBe(0);
  });
});
