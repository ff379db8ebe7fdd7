/**
 * `npm run dev` on a copy of the fixture: every kind of content edit reaches
 * the served page without a restart, and a mistake is served as an error (with
 * the check's message in the terminal) until it is fixed. The browser side of
 * the error (Astro's overlay) is in tests/browser/dev-preview.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { DevServer } from './helpers/dev-server.ts';

const NOTE = 'notes/2023-02-27-bilingue/index.es.md';
const PAGE = '/es/notas/bilingue/';
const server = new DevServer('dev-preview');

beforeAll(() => server.start(4412), 120_000);
afterAll(() => server.stop());

/** Polls the served page until it contains `text` (a generous limit: the machine is shared). */
async function pageShows(path: string, text: string): Promise<void> {
  await server.until(async () => (await server.get(path)).text.includes(text), `${path} to show "${text}"`);
}

describe('npm run dev shows every edit under content/ in the served page', { timeout: 120_000 }, () => {
  it('serves the fixture before any edit', async () => {
    const page = await server.get(PAGE);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Nota bilingüe de prueba');
  });

  it('a title in the frontmatter', async () => {
    server.edit(NOTE, (text) => text.replace('title: Nota bilingüe de prueba', 'title: Título corregido en vivo'));
    await pageShows(PAGE, 'Título corregido en vivo');
    // The listing follows too.
    await pageShows('/es/', 'Título corregido en vivo');
  });

  it('a stop’s name in its stop file', async () => {
    server.edit('stops/los-angeles.yaml', (text) => text.replace('name: Los Ángeles,', 'name: Los Ángeles del Río,'));
    await pageShows(PAGE, 'Los Ángeles del Río');
  });

  it('a topic’s label in topics.yaml', async () => {
    server.edit('topics.yaml', (text) => text.replace('es: Cine', 'es: Cinematografía'));
    await pageShows(PAGE, 'Cinematografía');
  });

  it('a new note folder: in the listings and at its own URL', async () => {
    server.write('notes/2023-03-05-nota-nueva/index.es.md', '---\ntitle: Una nota recién escrita\nsummary: Resumen.\ndate: 2023-03-05\nstop: japan\n---\nTexto de la nota nueva.\n');
    await pageShows('/es/', 'Una nota recién escrita');
    await pageShows('/es/notas/nota-nueva/', 'Texto de la nota nueva.');
  });

  it('a deleted note folder: gone from the listings and its URL', async () => {
    rmSync(join(server.content, 'notes/2023-03-05-nota-nueva'), { recursive: true });
    await server.until(async () => !(await server.get('/es/')).text.includes('Una nota recién escrita'), 'the home page to drop the deleted note');
    await server.until(async () => (await server.get('/es/notas/nota-nueva/')).status === 404, 'the deleted note’s URL to answer 404');
  });

  it('an added hero image, then the same file replaced by another picture', async () => {
    const photo = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#7a1f3d' } }).jpeg().toBuffer();
    server.write('notes/2023-02-27-bilingue/hero.jpg', await photo(1600, 900));
    server.edit(NOTE, (text) => text.replace('stop: los-angeles', 'stop: los-angeles\nimage:\n  src: hero.jpg\n  alt: "Foto"'));
    await pageShows(PAGE, 'origWidth%3D1600%26origHeight%3D900');
    server.write('notes/2023-02-27-bilingue/hero.jpg', await photo(2000, 1500));
    await pageShows(PAGE, 'origWidth%3D2000%26origHeight%3D1500');
  });

  it('a mistake: served as an error with the check’s message in the terminal, gone once fixed', async () => {
    server.edit(NOTE, (text) => text.replace('stop: los-angeles', 'stop: los-angels'));
    await server.until(async () => (await server.get(PAGE)).status === 500, 'the page to fail while the stop is unknown');
    const line = `error  content/${NOTE}:5  stop  No existe la parada «los-angels». ¿Quiso decir «los-angeles»? Use una de: los-angeles, japan.`;
    await server.until(() => server.log().includes(line), 'the terminal to show the problem');
    server.edit(NOTE, (text) => text.replace('stop: los-angels', 'stop: los-angeles'));
    await pageShows(PAGE, 'Título corregido en vivo');
    expect((await server.get(PAGE)).status).toBe(200);
  });
});
