import { closeSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join, sep } from 'node:path';
import sharp from 'sharp';
import type { MessageCode } from './content-messages.ts';
import { writeWhole } from '../build/files.ts';
import { fileKind, PUBLISHABLE, SNIFF_BYTES, type FileKind } from './image-format.ts';

/** The limits an image of a note must keep (named in content/README.md). */
export const IMAGE_LIMITS = {
  /** Bigger files are refused: no photo for the web needs more. */
  maxBytes: 30 * 1024 * 1024,
  /** Width x height; more is a "pixel bomb" that a phone would have to decode. */
  maxPixels: 100_000_000,
  /** The widest hero the site serves (the `widths` of src/views/NoteView.astro); a narrower one is upscaled by no one and looks soft. */
  heroWidth: 1600,
} as const;

/** The widths a hero is served at (src/views/NoteView.astro). */
export const HERO_WIDTHS = [480, 800, 1200, 1600] as const;

/** One thing wrong with an image, as a message code of content-messages.ts. */
export interface ImageIssue {
  code: MessageCode;
  params: Record<string, string | number>;
  severity: 'error' | 'warning';
}

/** What a check found out about a file, kept while the file is unchanged. */
interface Verdict {
  kind: FileKind;
  width?: number;
  height?: number;
  issues: ImageIssue[];
}

// `npm run dev` checks the whole content again after each edit: decoding
// every photo again each time would make the preview slow.
const verdicts = new Map<string, { stamp: string; verdict: Verdict }>();

/**
 * Checks an image file of a note folder before anything is written: it must
 * stay inside the folder, be a JPEG, PNG, WebP or AVIF by its bytes, be of a
 * sane size, and decode to the end. `hero` adds the warning for a hero
 * narrower than the widest size served.
 * @example await checkImage('/c/notes/2023-02-27-x/hero.jpg', '/c/notes/2023-02-27-x', 'hero.jpg', true) // []
 */
export async function checkImage(file: string, folder: string, src: string, hero: boolean): Promise<ImageIssue[]> {
  const real = realpathSync(file);
  if (!`${real}${sep}`.startsWith(`${realpathSync(folder)}${sep}`) || real === realpathSync(folder)) {
    return [{ code: 'imageOutside', params: { value: src }, severity: 'error' }];
  }
  const stat = statSync(real);
  // A folder named like an image: there is no image file to judge.
  if (!stat.isFile()) return [{ code: 'missingImage', params: { value: src }, severity: 'error' }];
  const stamp = `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
  let cached = verdicts.get(real);
  if (cached?.stamp !== stamp) {
    cached = { stamp, verdict: await judge(real, stat.size) };
    verdicts.set(real, cached);
  }
  const { verdict } = cached;
  // Kept without the name, which each note may write its own way (`./hero.jpg`).
  const issues: ImageIssue[] = verdict.issues.map((issue) => ({ ...issue, params: { value: src, ...issue.params } }));
  if (hero && !issues.length && verdict.width !== undefined && verdict.width < IMAGE_LIMITS.heroWidth) {
    issues.push({ code: 'heroNarrow', params: { value: src, width: verdict.width, min: IMAGE_LIMITS.heroWidth }, severity: 'warning' });
  }
  return issues;
}

async function judge(file: string, size: number): Promise<Verdict> {
  const kind = fileKind(readStart(file));
  const fail = (code: MessageCode, params: Record<string, string | number> = {}): Verdict => ({ kind, issues: [{ code, params, severity: 'error' }] });
  if (!PUBLISHABLE.includes(kind)) return fail('imageNotPhoto', { kind });
  if (size > IMAGE_LIMITS.maxBytes) return fail('imageTooBig', { size: megabytes(size), max: megabytes(IMAGE_LIMITS.maxBytes) });
  let width: number | undefined;
  let height: number | undefined;
  try {
    // The header alone, before decoding anything: a pixel bomb is refused unread.
    ({ width, height } = await sharp(file, { limitInputPixels: false }).metadata());
  } catch {
    return fail('imageBroken', { kind: kind.toUpperCase() });
  }
  if (!width || !height) return fail('imageBroken', { kind: kind.toUpperCase() });
  if (width * height > IMAGE_LIMITS.maxPixels) {
    return fail('imageTooManyPixels', { width, height, megapixels: Math.round((width * height) / 1e6), max: IMAGE_LIMITS.maxPixels / 1e6 });
  }
  try {
    // Decoding to the last pixel finds a damaged file; libjpeg only warns about a
    // missing end, which sharp did not always turn into an error, so the end
    // marker is looked for too. Decoded into an 8 x 8 copy, which keeps memory
    // flat: stats() decoded as much but also computed each channel's
    // statistics, 47 ms against 3 ms for a 1600 x 900 JPEG.
    await sharp(file, { failOn: 'truncated', limitInputPixels: IMAGE_LIMITS.maxPixels, sequentialRead: true }).resize(8, 8, { fit: 'fill' }).raw().toBuffer();
    if (!endsWell(file, size, kind)) throw new Error('cut short');
  } catch {
    return fail('imageBroken', { kind: kind.toUpperCase() });
  }
  return { kind, width, height, issues: [] };
}

// A JPEG ends with its EOI marker (FF D9) and a PNG with its IEND chunk; some
// cameras append data after them, hence a look at the last few kilobytes.
function endsWell(file: string, size: number, kind: FileKind): boolean {
  if (kind !== 'jpeg' && kind !== 'png') return true;
  const length = Math.min(size, 64 * 1024);
  const fd = openSync(file, 'r');
  try {
    const tail = Buffer.alloc(length);
    readSync(fd, tail, 0, length, size - length);
    return kind === 'jpeg' ? tail.includes(Buffer.from([0xff, 0xd9])) : tail.includes('IEND');
  } finally {
    closeSync(fd);
  }
}

function readStart(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, SNIFF_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads the verdicts a build kept in `file`, so that photos unchanged since
 * (same path, size and time) are not decoded again; a missing or unreadable
 * file just means every photo is judged.
 */
export function loadImageVerdicts(file: string): void {
  try {
    for (const [path, entry] of Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, { stamp: string; verdict: Verdict }>)) verdicts.set(path, entry);
  } catch {
    // Nothing kept yet.
  }
}

/** Keeps the verdicts for the next build (see {@link loadImageVerdicts}). */
export function saveImageVerdicts(file: string): void {
  writeWhole(file, JSON.stringify(Object.fromEntries(verdicts)));
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

const KIND_OF_EXTENSION: Record<string, FileKind> = { '.avif': 'avif', '.webp': 'webp', '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg' };

/** A file of a built site whose bytes are another format than its name says. */
export interface MislabeledImage {
  file: string;
  kind: FileKind;
  /** The name of the image it was made from, without extension (`hero`). */
  source: string;
}

/**
 * Images of a built site whose bytes are not what their name says. When sharp
 * cannot convert an image, Astro copies the original under the new name (a PNG
 * called `.avif`): the build must stop rather than publish that.
 * @example mislabeledImages('dist') // [{ file: 'dist/_astro/hero.Bx1.avif', kind: 'png', source: 'hero' }]
 */
export function mislabeledImages(dir: string): MislabeledImage[] {
  const found: MislabeledImage[] = [];
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const expected = KIND_OF_EXTENSION[extname(name).toLowerCase()];
    if (!expected) continue;
    const file = join(dir, name);
    if (!statSync(file).isFile()) continue;
    const kind = fileKind(readStart(file));
    // Astro names a converted image after its source: `hero.<hash>_<hash>.avif`.
    if (kind !== expected) found.push({ file, kind, source: basename(name).split('.')[0]! });
  }
  return found;
}

/**
 * What the build says of each mislabeled image: what it is, the note files
 * whose hero it came from, and what to do.
 * @example mislabeledImageLines([{ file: 'dist/_astro/hero.B1.avif', kind: 'png', source: 'hero' }], [{ file: 'content/notes/x/index.es.md', image: { src: 'hero.png' } }])
 * // ['error  hero.B1.avif is PNG data under a .avif name: Astro could not convert the image "hero" of content/notes/x/index.es.md. …']
 */
export function mislabeledImageLines(bad: readonly MislabeledImage[], versions: readonly { file: string; image?: { src: string } | undefined }[]): string[] {
  return bad.map(({ file, kind, source }) => {
    const notes = versions.filter((v) => v.image && basename(v.image.src).split('.')[0] === source).map((v) => v.file);
    return `error  ${basename(file)} is ${kind.toUpperCase()} data under a .${extname(file).slice(1)} name: Astro could not convert the image "${source}" of ${notes.join(', ') || 'a note'}. Open that image, export it again as JPEG or PNG, and build again.`;
  });
}
