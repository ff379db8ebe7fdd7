import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { describeFailure, wantsTrace } from '../src/lib/build/build-failure.ts';
import { mislabeledImageLines, mislabeledImages } from '../src/lib/check/image-check.ts';

describe('describeFailure', () => {
  it('says which step failed, why (the innermost error), and which note', () => {
    const inner = Object.assign(new Error('7:7: Unexpected end of file in expression'), { id: '/site/content/notes/2023-02-20-x/index.es.mdx' });
    const outer = Object.assign(new Error('Build failed with 1 error:\n\n[plugin @mdx-js/rolldown] /site/content/notes/2023-02-20-x/index.es.mdx:7:7'), { errors: [inner] });
    expect(describeFailure(outer, 'Building pages', '/site').lines).toEqual([
      'What failed: Building pages: 7:7: Unexpected end of file in expression',
      'Note: content/notes/2023-02-20-x/index.es.mdx',
      'What to do: run `npm run check`, and check that file (and its images) opens on your computer; fix or replace it, then build again.',
    ]);
  });

  it('finds the note in a library’s message, and the page and hint when there are some', () => {
    const error = Object.assign(new Error('Could not process image /site/content/notes/2023-02-20-x/hero.jpg for /es/notas/x/'), { hint: 'Check the file.' });
    expect(describeFailure(error, 'Building pages', '/site').lines.slice(1, 4)).toEqual(['Note: content/notes/2023-02-20-x/hero.jpg', 'Page: /es/notas/x/', 'Hint: Check the file.']);
  });

  it('without a note, sends the reader to the check and to --verbose', () => {
    const lines = describeFailure(new Error('pagefind: spawn ENOENT'), 'Search index', '/site').lines;
    expect(lines[0]).toBe('What failed: Search index: pagefind: spawn ENOENT');
    expect(lines.at(-1)).toMatch(/--verbose` \(or DEBUG=1\)/);
  });
});

describe('wantsTrace', () => {
  it('is --verbose or DEBUG set to anything but 0', () => {
    expect(wantsTrace(true, {})).toBe(true);
    expect(wantsTrace(undefined, { DEBUG: '1' })).toBe(true);
    expect(wantsTrace(undefined, { DEBUG: '0' })).toBe(false);
    expect(wantsTrace(undefined, {})).toBe(false);
  });
});

describe('mislabeledImages', () => {
  it('finds an image whose bytes are not the format its name says (a failed conversion’s copy)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mislabeled-'));
    mkdirSync(join(dir, '_astro'));
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).png().toBuffer();
    writeFileSync(join(dir, '_astro', 'hero.Bx1_Z1.avif'), png);
    writeFileSync(join(dir, '_astro', 'hero.Bx1_Z2.webp'), await sharp(png).webp().toBuffer());
    writeFileSync(join(dir, 'og.png'), png);
    expect(mislabeledImages(dir)).toEqual([{ file: join(dir, '_astro', 'hero.Bx1_Z1.avif'), kind: 'png', source: 'hero' }]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the note files whose image it was, and what to do', () => {
    const bad = [{ file: 'dist/_astro/hero.Bx1_Z1.avif', kind: 'png' as const, source: 'hero' }];
    const versions = [
      { file: 'content/notes/2023-02-27-x/index.es.md', image: { src: './hero.png', alt: 'a' } },
      { file: 'content/notes/2023-02-27-x/index.en.md', image: { src: 'hero.png', alt: 'a' } },
      { file: 'content/notes/2023-02-28-y/index.es.md', image: { src: 'heroine.png', alt: 'a' } },
      { file: 'content/notes/2023-02-28-z/index.es.md' },
    ];
    expect(mislabeledImageLines(bad, versions)).toEqual([
      'error  hero.Bx1_Z1.avif is PNG data under a .avif name: Astro could not convert the image "hero" of content/notes/2023-02-27-x/index.es.md, content/notes/2023-02-27-x/index.en.md. Open that image, export it again as JPEG or PNG, and build again.',
    ]);
    expect(mislabeledImageLines(bad, [])).toEqual([expect.stringContaining('of a note.')]);
  });
});

// A real failure inside Astro (an MDX body that does not compile), as npm run build reports it: tests/build-atomic.test.ts.
