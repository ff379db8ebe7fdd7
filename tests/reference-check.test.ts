import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, loadContent } from '../src/lib/content/content.ts';
import { imageProblems, linkProblems } from '../src/lib/check/reference-check.ts';

let root: string;
const options = () => ({ root, contentDir: 'content', lang: 'en' as const, timeZone: 'America/Mexico_City', languages: ['es', 'en'] as const, now: new Date('2026-11-24T12:00:00Z'), pageSize: 12, url: 'https://prensa.example.mx', base: '/' });
const NOTE = 'content/notes/2023-02-27-bilingue';

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'reference-check-'));
  cpSync('tests/fixtures/site/content', join(root, 'content'), { recursive: true });
  writeFileSync(join(root, NOTE, 'foto.jpg'), await sharp({ create: { width: 64, height: 36, channels: 3, background: '#333' } }).jpeg().toBuffer());
  writeFileSync(join(root, NOTE, 'dibujo.jpg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(
    join(root, NOTE, 'index.es.md'),
    ['---', 'title: Nota', 'summary: Resumen.', 'date: 2023-02-27T10:00:00-08:00', 'stop: los-angeles', 'topics: [film, economy]', '---', '![Foto](foto.jpg) ![Dibujo](dibujo.jpg)', '', '<img src="foto.jpg" alt="Foto">', '', 'Vea [la nota en español](../solo-espanol/), [la inglesa](/en/news/bilingual-test/) y [el borrador](../draft/).'].join('\n'),
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('imageProblems', () => {
  it('judges Markdown and raw-HTML images of the body by their bytes, and asks for Markdown syntax for an <img> of the folder', async () => {
    expect((await imageProblems(loadContent(options()), options())).map(formatProblem)).toEqual([
      `${NOTE}/index.es.md:8  body  "dibujo.jpg" is an SVG drawing, not a JPEG, PNG, WebP or AVIF photo. Open it in an image editor and export it as JPEG or PNG.`,
      `${NOTE}/index.es.md:10  body  The image "foto.jpg" is written as <img>, which is not published. Write it in Markdown syntax: ![description](foto.jpg).`,
    ]);
  });
});

describe('linkProblems', () => {
  it('resolves relative links from the note’s own page and refuses the one to a draft', () => {
    const content = loadContent(options());
    expect(linkProblems(content, options()).map(formatProblem)).toEqual([
      `${NOTE}/index.es.md:12  body  The link "../draft/" leads to content/notes/2023-03-02-draft/index.es.md, which is a draft and is not published. Remove the link or publish that note first; the closest published page is /es/notas/.`,
    ]);
  });
});
