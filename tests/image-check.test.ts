import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkImage, IMAGE_LIMITS, loadImageVerdicts, saveImageVerdicts } from '../src/lib/check/image-check.ts';

const PROBLEMS = 'tests/fixtures/problems/content/notes';
let dir: string;
let folder: string;
const photo = (width: number, height: number, format: 'jpeg' | 'png' | 'webp' | 'avif' | 'gif' = 'jpeg') =>
  sharp({ create: { width, height, channels: 3, background: '#7a1f3d' } }).toFormat(format).toBuffer();
const put = async (name: string, data: Buffer | Promise<Buffer> | string) => {
  writeFileSync(join(folder, name), await data);
  return join(folder, name);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'image-check-'));
  folder = join(dir, '2023-03-01-nota');
  mkdirSync(folder);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkImage', () => {
  it('accepts a JPEG, PNG, WebP or AVIF that decodes, whatever its name', async () => {
    for (const format of ['jpeg', 'png', 'webp', 'avif'] as const) {
      expect(await checkImage(await put(`hero-${format}.img`, photo(1600, 900, format)), folder, `hero-${format}.img`, true), format).toEqual([]);
    }
  });

  it('refuses a GIF, an SVG, a HEIC or a text file named .jpg, saying what it is', async () => {
    expect(await checkImage(await put('anim.jpg', photo(40, 40, 'gif')), folder, 'anim.jpg', false)).toEqual([{ code: 'imageNotPhoto', params: { value: 'anim.jpg', kind: 'gif' }, severity: 'error' }]);
    expect(await checkImage(await put('dibujo.jpg', '<svg xmlns="http://www.w3.org/2000/svg"/>'), folder, 'dibujo.jpg', false)).toMatchObject([{ code: 'imageNotPhoto', params: { kind: 'svg' } }]);
    expect(await checkImage(join(PROBLEMS, '2023-03-01-image-heic/hero.jpg'), join(PROBLEMS, '2023-03-01-image-heic'), 'hero.jpg', true)).toMatchObject([{ code: 'imageNotPhoto', params: { kind: 'heic' } }]);
    expect(await checkImage(await put('nota.jpg', 'Foto pendiente'), folder, 'nota.jpg', false)).toMatchObject([{ code: 'imageNotPhoto', params: { kind: 'text' } }]);
  });

  it('refuses a file cut short or damaged', async () => {
    const full = await sharp(Buffer.alloc(400 * 300 * 3, 0).map((_, i) => (i * 7919) % 251), { raw: { width: 400, height: 300, channels: 3 } }).jpeg().toBuffer();
    expect(await checkImage(await put('corta.jpg', full.subarray(0, full.length / 2)), folder, 'corta.jpg', false)).toEqual([{ code: 'imageBroken', params: { value: 'corta.jpg', kind: 'JPEG' }, severity: 'error' }]);
    const png = await photo(50, 50, 'png');
    expect(await checkImage(await put('rota.png', Buffer.concat([png.subarray(0, 40), Buffer.alloc(200, 1)])), folder, 'rota.png', false)).toMatchObject([{ code: 'imageBroken', params: { kind: 'PNG' } }]);
  });

  it('refuses a pixel bomb from its header, before decoding it', async () => {
    expect(await checkImage(join(PROBLEMS, '2023-03-01-image-pixel-bomb/hero.png'), join(PROBLEMS, '2023-03-01-image-pixel-bomb'), 'hero.png', true)).toEqual([
      { code: 'imageTooManyPixels', params: { value: 'hero.png', width: 20000, height: 20000, megapixels: 400, max: 100 }, severity: 'error' },
    ]);
  });

  it('refuses a file over the size limit', async () => {
    const file = await put('enorme.jpg', photo(1600, 900));
    appendFileSync(file, Buffer.alloc(IMAGE_LIMITS.maxBytes));
    expect(await checkImage(file, folder, 'enorme.jpg', false)).toMatchObject([{ code: 'imageTooBig', params: { value: 'enorme.jpg', max: '30 MB' } }]);
  });

  it('warns when a hero is narrower than the widest size served, and not for a body image', async () => {
    const file = await put('estrecha.jpg', photo(800, 450));
    expect(await checkImage(file, folder, 'estrecha.jpg', true)).toEqual([{ code: 'heroNarrow', params: { value: 'estrecha.jpg', width: 800, min: 1600 }, severity: 'warning' }]);
    expect(await checkImage(file, folder, 'estrecha.jpg', false)).toEqual([]);
  });

  it('refuses a link that leads out of the note folder', async () => {
    const outside = join(dir, 'secreto.jpg');
    copyFileSync(await put('tmp.jpg', photo(1600, 900)), outside);
    symlinkSync(outside, join(folder, 'enlace.jpg'));
    expect(await checkImage(join(folder, 'enlace.jpg'), folder, 'enlace.jpg', true)).toEqual([{ code: 'imageOutside', params: { value: 'enlace.jpg' }, severity: 'error' }]);
  });

  it('refuses a folder named like an image', async () => {
    mkdirSync(join(folder, 'carpeta.jpg'));
    expect(await checkImage(join(folder, 'carpeta.jpg'), folder, 'carpeta.jpg', true)).toEqual([{ code: 'missingImage', params: { value: 'carpeta.jpg' }, severity: 'error' }]);
  });

  it('names the image as each note writes it, even when the verdict is remembered', async () => {
    const file = await put('dos.jpg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(await checkImage(file, folder, 'dos.jpg', false)).toMatchObject([{ params: { value: 'dos.jpg' } }]);
    expect(await checkImage(file, folder, './dos.jpg', false)).toMatchObject([{ params: { value: './dos.jpg' } }]);
  });

  it('reuses the verdicts a build kept for an unchanged file, and judges a changed one again', async () => {
    const file = await put('guardada.jpg', photo(1600, 900));
    const stat = statSync(realpathSync(file));
    const kept = join(dir, 'verdicts.json');
    // A verdict no decoding of this fine photo would give: seeing it proves the file was not decoded again.
    writeFileSync(kept, JSON.stringify({ [realpathSync(file)]: { stamp: `${stat.size}:${stat.mtimeMs}:${stat.ino}`, verdict: { kind: 'jpeg', issues: [{ code: 'imageBroken', params: { kind: 'JPEG' }, severity: 'error' }] } } }));
    loadImageVerdicts(kept);
    expect(await checkImage(file, folder, 'guardada.jpg', true)).toMatchObject([{ code: 'imageBroken' }]);
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(await checkImage(file, folder, 'guardada.jpg', true)).toEqual([]);
    saveImageVerdicts(kept);
    expect(JSON.parse(readFileSync(kept, 'utf8'))[realpathSync(file)].verdict).toEqual({ kind: 'jpeg', width: 1600, height: 900, issues: [] });
  });

  it('judges a replaced file again rather than trusting what it was', async () => {
    const file = await put('cambia.jpg', photo(1600, 900));
    expect(await checkImage(file, folder, 'cambia.jpg', true)).toEqual([]);
    await put('cambia.jpg', '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>');
    expect(await checkImage(file, folder, 'cambia.jpg', true)).toMatchObject([{ code: 'imageNotPhoto', params: { kind: 'svg' } }]);
  });
});
