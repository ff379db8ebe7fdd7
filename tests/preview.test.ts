import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attr, BuiltSite } from './helpers/built-site.ts';
import { ScratchSite } from './helpers/scratch-site.ts';
import { fixtureBuild } from './setup/fixture-builds.ts';

// The fixture content has a draft (2023-03-02-draft, slug "draft") and a note
// embargoed until 2099 (2099-01-01-embargo, slug "embargo"), both Spanish only.
const DRAFT = '/es/notas/draft/';
const EMBARGO = '/es/notas/embargo/';
const SECRETS = ['Borrador secreto', 'zanahoriaborrador', 'Nota embargada', 'pepinoembargo', '/notas/draft/', '/notas/embargo/', '2099-01-01'];

// And a note just scaffolded by `npm run new` (a draft in both languages): what staff preview first.
const SCAFFOLDED = {
  '/es/notas/alcaldes-se-reunen-con-inversionistas/': 'Borrador: esta nota no está publicada.',
  '/en/news/alcaldes-se-reunen-con-inversionistas/': 'Draft: this story is not published.',
};

const production = new BuiltSite(await fixtureBuild('root'));
const scratch = new ScratchSite('preview');
const preview = new BuiltSite(scratch.out);

beforeAll(() => {
  const made = scratch.run('new', ['--stop', 'los-angeles', '--title', 'Alcaldes se reúnen con inversionistas', '--date', '2023-03-05', '--lang', 'es,en']);
  if (made.status !== 0) throw new Error(`npm run new failed:\n${made.stdout}\n${made.stderr}`);
  const build = scratch.build(['--preview']);
  if (build.status !== 0) throw new Error(`preview build failed:\n${build.stdout}\n${build.stderr}`);
}, 240_000);
afterAll(() => scratch.remove());

describe('a preview build (npm run build -- --preview, PREVIEW=1, npm run dev)', () => {
  it('shows a draft with the "Borrador" banner and keeps it out of search engines', () => {
    const doc = preview.page(DRAFT);
    expect(doc.querySelector('h1')?.textContent).toBe('Borrador secreto');
    expect(doc.querySelector('.preview-banner')?.textContent?.trim()).toBe('Borrador: esta nota no está publicada.');
    expect(attr(doc, 'meta[name="robots"]', 'content')).toBe('noindex');
  });

  it('shows an embargoed note with the moment the embargo lifts, in the site time zone', () => {
    const doc = preview.page(EMBARGO);
    expect(doc.querySelector('h1')?.textContent).toBe('Nota embargada');
    expect(doc.querySelector('.preview-banner')?.textContent?.trim()).toBe('Embargo hasta 1 de enero de 2099 a las 9:00 a.m. GMT-6.');
    expect(attr(doc, 'meta[name="robots"]', 'content')).toBe('noindex');
  });

  it('shows a note scaffolded by npm run new, as it is, in both languages, with the draft banner', () => {
    for (const [path, banner] of Object.entries(SCAFFOLDED)) {
      const doc = preview.page(path);
      expect(doc.querySelector('h1')?.textContent, path).toBe('Alcaldes se reúnen con inversionistas');
      expect(doc.querySelector('.preview-banner')?.textContent?.trim(), path).toBe(banner);
    }
  });

  it('lists drafts and embargoed notes, so staff can find them', () => {
    const titles = [...preview.page('/es/notas/').querySelectorAll('.note-card a')].map((a) => a.textContent);
    expect(titles).toEqual(expect.arrayContaining(['Borrador secreto', 'Nota embargada']));
  });

  it('asks search engines not to index any of its pages', () => {
    for (const path of preview.htmlPaths()) expect(attr(preview.page(path), 'meta[name="robots"]', 'content'), path).toBe('noindex');
  });
});

describe('a production build of the same content', () => {
  it('has no page for a draft or an embargoed note', () => {
    expect(production.serves(DRAFT)).toBe(false);
    expect(production.serves(EMBARGO)).toBe(false);
  });

  it('shows no preview banner on any page', () => {
    for (const path of production.htmlPaths()) expect(production.page(path).querySelector('.preview-banner'), path).toBeNull();
  });

  it('keeps its notes and listings open to search engines: no preview noindex leaks in', () => {
    const pages = production.htmlPaths().filter((path) => /^\/(es|en)\/((notas|news|paradas|stops|temas|topics)\/.*)?$/.test(path));
    expect(pages.length).toBeGreaterThan(10);
    for (const path of pages) expect(attr(production.page(path), 'meta[name="robots"]', 'content'), path).toBeUndefined();
  });

  it('leaves no trace of them in any file: pages, listings, feeds, sitemaps, search index, share images', () => {
    const files = allFiles(production.dir);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      expect(/draft|embargo/.test(file), `file name ${file}`).toBe(false);
      const text = readable(join(production.dir, file));
      for (const secret of SECRETS) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
    }
  });

  it('has feeds that list only the published notes', () => {
    const items = (path: string) => [...production.text(path).matchAll(/<item>\s*<title>([^<]*)<\/title>/g)].map((m) => m[1]);
    expect(items('/es/rss.xml')).toEqual(['Solo en español', 'Nota bilingüe de prueba']);
  });
});

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

// Search index files are gzip-compressed; anything else is read as it is.
function readable(file: string): string {
  const bytes = readFileSync(file);
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return (gzipped ? gunzipSync(bytes) : bytes).toString('utf8');
}
