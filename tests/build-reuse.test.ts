import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScratchSite, type Run } from './helpers/scratch-site.ts';

/** The hash of every page, feed and sitemap of a build, and the names of its images. */
function pages(dir: string, include = (f: string) => /\.(html|xml)$|^_astro\/.*\.(avif|webp|jpe?g)$/.test(f)): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => include(f) && statSync(join(dir, f)).isFile());
  return Object.fromEntries(files.sort().map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

/** The hash of every file of a build's search index. */
function searchIndex(dir: string): Record<string, string> {
  return pages(join(dir, 'pagefind'), () => true);
}

const INDEX_REUSED = 'the same pages as the published site: its index is reused';

/** "N pages rendered, M copied unchanged from the last build" as numbers. */
function reuse(run: Run): { rendered: number; copied: number } {
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  const match = /^(\d+) pages rendered, (\d+) copied unchanged from the last build$/m.exec(run.stdout);
  if (!match) throw new Error(`no page count in:\n${run.stdout}`);
  return { rendered: Number(match[1]), copied: Number(match[2]) };
}

const images = (files: Record<string, string>) => Object.keys(files).filter((f) => f.startsWith('_astro/'));
const photo = (background: string) => sharp({ create: { width: 320, height: 180, channels: 3, background } }).jpeg().toBuffer();

describe('a build copies the pages that did not change from the last one', () => {
  const site = new ScratchSite('reuse');
  const note = (path: string) => join(site.contentDir, 'notes', path);
  const edit = (path: string, from: string, to: string) => {
    const text = readFileSync(note(path), 'utf8');
    if (!text.includes(from)) throw new Error(`${path} has no "${from}"`);
    writeFileSync(note(path), text.replace(from, to));
  };
  let first: { rendered: number; copied: number };
  let firstPages: Record<string, string>;
  let firstRun: Run;
  let firstIndex: Record<string, string>;

  beforeAll(async () => {
    writeFileSync(note('2023-02-27-bilingue/hero.jpg'), await photo('#b03020'));
    edit('2023-02-27-bilingue/index.es.md', 'people: [Karen Bass]', 'people: [Karen Bass]\nimage: { src: hero.jpg, alt: Foto de prueba }');
    firstRun = site.build();
    first = reuse(firstRun);
    firstPages = pages(site.out);
    firstIndex = searchIndex(site.out);
  }, 240_000);
  afterAll(() => site.remove());

  it('renders every page on the first build', () => {
    expect(first.copied).toBe(0);
    expect(firstRun.stdout).not.toContain(INDEX_REUSED);
    expect(Object.keys(firstIndex)).toContain('pagefind-entry.json');
    expect(first.rendered).toBeGreaterThan(10);
    expect(images(firstPages), 'the hero photo is published').not.toEqual([]);
  });

  it('checks and renders nothing again when nothing changed, and publishes the same site with the same search index', () => {
    const run = site.build();
    expect(run.stdout, 'the content check is reused').toMatch(/topics: OK \(no file changed since the last build\)\n/);
    expect(reuse(run)).toEqual({ rendered: 0, copied: first.rendered });
    expect(pages(site.out)).toEqual(firstPages);
    expect(run.stdout, 'the index is not made again').toContain(INDEX_REUSED);
    expect(searchIndex(site.out)).toEqual(firstIndex);
  }, 240_000);

  it('renders again exactly what an edit changed: the same site a full build, after a change of code, makes', async () => {
    // A new title shows on many pages; a new body on one; a new photo under the same name on one.
    edit('2023-02-27-bilingue/index.es.md', 'title: Nota bilingüe de prueba', 'title: Nota bilingüe corregida');
    edit('2023-03-01-tricky/index.en.md', 'Hostile', 'Edited hostile');
    writeFileSync(note('2023-02-27-bilingue/hero.jpg'), await photo('#2050b0'));
    const incrementalRun = site.build();
    const incremental = reuse(incrementalRun);
    const edited = pages(site.out);
    const editedIndex = searchIndex(site.out);
    expect(incrementalRun.stdout, 'pages changed: the index is made again').not.toContain(INDEX_REUSED);
    expect(editedIndex).not.toEqual(firstIndex);
    expect(incremental.rendered).toBeGreaterThan(2);
    expect(incremental.copied).toBeGreaterThan(0);
    expect(incremental.rendered + incremental.copied).toBe(first.rendered);

    // The full build to compare with: what a change of code (say, to the Markdown allowlist) leaves, another fingerprint,
    // renders and indexes everything again (tests/build-kill.test.ts shows --force doing the same, and drawing every card again).
    writeFileSync(join(site.dir, 'astro-cache', 'convoy-code.txt'), 'the code of an older version');
    const full = site.build();
    expect(full.stdout).toContain('The code changed since the last build: everything is checked and rendered again.');
    expect(full.stdout, 'and indexed again').not.toContain(INDEX_REUSED);
    expect(reuse(full)).toEqual({ rendered: first.rendered, copied: 0 });
    expect(edited).toEqual(pages(site.out));
    expect(editedIndex, 'the same index a full build makes').toEqual(searchIndex(site.out));
    expect(readFileSync(join(site.out, 'es/notas/bilingue/index.html'), 'utf8')).toContain('Nota bilingüe corregida');
    expect(readFileSync(join(site.out, 'en/news/tricky-en/index.html'), 'utf8')).toContain('Edited hostile');
    expect(images(edited), 'the new photo has new file names').not.toEqual(images(firstPages));
  }, 480_000);
});
