/**
 * The web editor at /admin/, driven through its interface in Chromium.
 *
 * The build ships the GitHub backend. Only here, the test swaps the page's
 * configuration for Sveltia's in-browser test backend (`test-repo`, files in
 * the origin private file system) by rewriting the response, so no switch
 * for it exists in the site. The file system is seeded with the fixture (or
 * the sample) content and read back after saving; what the editor wrote is
 * put into a copy of the fixture site, checked and built.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/content.ts';
import { unpublishedReason } from '../../src/lib/content/publish.ts';
import { CONFIG_ELEMENT_ID } from '../../src/lib/editor/editor-page.ts';
import { ScratchSite } from '../helpers/scratch-site.ts';
import { openPage, siteUnderTest, takeProblems } from './harness.ts';

const FIXTURE = 'tests/fixtures/site/content';
const MX = 'America/Mexico_City';
const fixture = siteUnderTest('fixture');
const sample = siteUnderTest('sample');
const scratch: ScratchSite[] = [];
afterAll(() => scratch.forEach((s) => s.remove()));

type Files = Record<string, string>;

/** A content folder as repository paths and base64 bytes, as the test backend keeps them. */
function filesOf(dir: string): Files {
  const files: Files = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(process.cwd(), path).replace(/\\/g, '/')] = readFileSync(path).toString('base64');
    }
  };
  walk(dir);
  return files;
}

/** Serves /admin/ with the test backend instead of the configured git host, and `site_url` as the site under test. */
async function useTestBackend(page: Page, siteUrl: string): Promise<void> {
  const pattern = new RegExp(`<script type="application/json" id="${CONFIG_ELEMENT_ID}"([^>]*)>(.*?)</script>`, 's');
  await page.route(/\/admin\/$/, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(pattern, (_, attributes: string, json: string) => {
      const config = { ...JSON.parse(json), backend: { name: 'test-repo' }, site_url: siteUrl.replace(/\/$/, '') };
      return `<script type="application/json" id="${CONFIG_ELEMENT_ID}"${attributes}>${JSON.stringify(config).replace(/</g, '\\u003c')}</script>`;
    });
    await route.fulfill({ response, body: html });
  });
}

/** Writes `files` into the test backend's folder of the origin private file system. */
async function seed(page: Page, files: Files): Promise<void> {
  await page.evaluate(async (entries) => {
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test', { create: true });
    for (const [path, base64] of Object.entries(entries)) {
      const parts = path.split('/');
      let dir = root;
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
      await writable.write(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
      await writable.close();
    }
  }, files);
}

/** Every file the test backend holds, as repository paths and base64 bytes. */
function readBack(page: Page): Promise<Files> {
  return page.evaluate(async () => {
    const out: Record<string, string> = {};
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string) => {
      for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
        else {
          const bytes = new Uint8Array(await (await (handle as FileSystemFileHandle).getFile()).arrayBuffer());
          let binary = '';
          for (const byte of bytes) binary += String.fromCharCode(byte);
          out[`${prefix}${name}`] = btoa(binary);
        }
      }
    };
    await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test'), '');
    return out;
  });
}

const text = (files: Files, path: string) => Buffer.from(files[path]!, 'base64').toString('utf8');
// The interface can take a while to open a form on a loaded machine: wait for elements, never for time.
const SLOW = { timeout: 90_000 };

/** Opens /admin/ of `run` on the test backend seeded with `dir`, signed in, the note list shown. */
async function openEditor(run: typeof fixture, dir: string): Promise<{ context: BrowserContext; page: Page; before: Files; problems: Awaited<ReturnType<typeof openPage>>['problems'] }> {
  const context = await run.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await openPage(context, new URL(run.site.url).origin);
  await useTestBackend(page, run.site.url);
  await page.goto(`${run.site.url}robots.txt`);
  const before = filesOf(dir);
  await seed(page, before);
  await page.goto(`${run.site.url}admin/`);
  await page.getByRole('button', { name: /Test Repository/ }).click(SLOW);
  await page.getByRole('button', { name: 'Create New Entry' }).first().waitFor(SLOW);
  return { context, page, before, problems };
}

/** Writes the files the editor holds into a copy of the fixture site (the paths under FIXTURE), as a working copy would. */
function scratchWith(files: Files, name: string): ScratchSite {
  const site = new ScratchSite(name);
  scratch.push(site);
  for (const [path, base64] of Object.entries(files)) {
    if (!path.startsWith(`${FIXTURE}/`)) continue;
    const target = join(site.contentDir, path.slice(FIXTURE.length + 1));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, Buffer.from(base64, 'base64'));
  }
  return site;
}

/** Scrolls the form until `field` is there: Sveltia renders fields as they scroll into view. */
async function reveal(page: Page, field: ReturnType<Page['locator']>): Promise<void> {
  await page.mouse.move(640, 450);
  await expect
    .poll(async () => {
      if (await field.count()) return true;
      await page.mouse.wheel(0, 150);
      return false;
    }, SLOW)
    .toBe(true);
  await field.scrollIntoViewIfNeeded();
}

const frontmatter = (file: string) => parse(file.slice(4, file.indexOf('\n---\n', 4))) as Record<string, unknown>;

describe('the web editor on the sample notes', () => {
  // A note with an image, lists, people and an English slug, and one with a date alone.
  it.each(['2023-02-27-llegada-los-angeles', '2023-03-01-proximas-paradas'])('saves %s back byte for byte, once a change is undone', async (name) => {
    const { context, page, before } = await openEditor(sample, 'content');
    const files = [`content/notes/${name}/index.es.md`, `content/notes/${name}/index.en.md`];
    const title = frontmatter(text(before, files[0]!)).title as string;
    const retitle = async (from: string, to: string) => {
      await page.getByText(from).first().click(SLOW);
      const spanish = page.getByRole('group', { name: /Edit .*Spanish.* Content/ });
      await spanish.getByRole('textbox', { name: 'Título / Title' }).fill(to, SLOW);
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(async () => frontmatter(text(await readBack(page), files[0]!)).title, { timeout: 200_000 }).toBe(to);
      await page.getByRole('button', { name: 'Create New Entry' }).first().waitFor(SLOW);
    };
    await retitle(title, `${title} (x)`);
    await retitle(`${title} (x)`, title);
    const after = await readBack(page);
    await context.close();
    // Written by the note format (src/lib/editor/note-format.ts) in the sample notes' own form: byte for byte.
    for (const file of files) expect(text(after, file), file).toBe(text(before, file));
    const site = new ScratchSite('editor-round-trip', 'content');
    scratch.push(site);
    for (const file of files) writeFileSync(join(site.contentDir, file.slice('content/'.length)), Buffer.from(after[file]!, 'base64'));
    const check = site.run('check');
    expect(check.status, check.stdout + check.stderr).toBe(0);
  }, 400_000);
});

describe('the web editor', () => {
  it('loads from the site alone: no request to another origin and no CSP violation before signing in', async () => {
    const context = await fixture.browser.newContext();
    const { page, problems } = await openPage(context, new URL(fixture.site.url).origin);
    const scripts: { url: string; gzip: number }[] = [];
    page.on('response', async (response) => {
      if (response.url().endsWith('.js')) scripts.push({ url: response.url(), gzip: gzipSync(await response.body().catch(() => Buffer.alloc(0))).length });
    });
    await page.goto(`${fixture.site.url}admin/`);
    await page.getByRole('button', { name: /Sign In with .*GitHub/ }).waitFor(SLOW);
    // The interface's fonts (its icons are a font) come from the site, not from a CDN.
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, ''));
    });
    expect(fonts).toContain('Material Symbols Outlined');
    const seen = takeProblems(problems);
    expect(seen.foreignRequests).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    // Every script it loads is the site's own, under admin/.
    expect(scripts.length).toBeGreaterThan(0);
    for (const { url } of scripts) expect(new URL(url).pathname.startsWith('/admin/assets/'), url).toBe(true);
    const total = scripts.reduce((n, s) => n + s.gzip, 0);
    console.log(`web editor: ${scripts.length} scripts loaded before sign-in, ${(total / 1024).toFixed(0)} KiB gzip`);
    await context.close();
  });

  it('creates a note in Spanish and English with a hero image, a stop and two topics; the check accepts it and a build publishes it in both languages', async () => {
    const { context, page, before, problems } = await openEditor(fixture, FIXTURE);
    await page.getByRole('button', { name: 'Create New Entry' }).first().click(SLOW);
    const spanish = page.getByRole('group', { name: /Edit .*Spanish.* Content/ });
    await spanish.getByRole('textbox', { name: 'Título / Title' }).fill('Alcaldes visitan el puerto de Yokohama', SLOW);
    await spanish.getByRole('textbox', { name: 'Resumen / Summary' }).fill('La delegación conoce la logística del puerto.');
    // Two stops and two topics: Sveltia shows so few options as radio buttons and checkboxes.
    await spanish.getByRole('radio', { name: 'Japón · Japan' }).click();
    await spanish.getByRole('checkbox', { name: 'Economía · Economy' }).click();
    await spanish.getByRole('checkbox', { name: 'Cine · Film' }).click();
    // The hero image, uploaded through the field; it is shared by both versions, its alt text is per language.
    const image = spanish.getByRole('group', { name: /Imagen principal/ });
    await image.scrollIntoViewIfNeeded();
    await image.getByText(/Add .*Imagen principal/).click();
    await image.locator('input[type=file]').first().setInputFiles('content/notes/2023-02-27-netflix-estudios/hero.jpg');
    await spanish.getByRole('button', { name: 'Replace Image' }).scrollIntoViewIfNeeded(SLOW);
    await reveal(page, spanish.getByRole('textbox', { name: /Texto alternativo/ }));
    await spanish.getByRole('textbox', { name: /Texto alternativo/ }).fill('El puerto de Yokohama al atardecer', SLOW);
    // A new note starts as a draft; publishing it is unticking Draft.
    const draft = spanish.getByRole('switch', { name: 'Borrador / Draft' });
    await draft.scrollIntoViewIfNeeded();
    await expect.poll(() => draft.getAttribute('aria-checked')).toBe('true');
    await draft.click();
    await spanish.getByRole('textbox', { name: /Dirección \(slug\)/ }).scrollIntoViewIfNeeded(SLOW);
    await spanish.getByRole('textbox', { name: 'Texto / Text' }).fill('La delegación recorrió el puerto de Yokohama.');

    await page.getByRole('radio', { name: /English/ }).first().click();
    await page.getByRole('button', { name: /Enable .*English/ }).click(SLOW);
    const english = page.getByRole('group', { name: /Edit .*English.* Content/ });
    await english.getByRole('textbox', { name: 'Título / Title' }).fill('Mayors visit the port of Yokohama', SLOW);
    await english.getByRole('textbox', { name: 'Resumen / Summary' }).fill('The delegation learns about the port logistics.');
    await english.getByRole('group', { name: /Imagen principal/ }).scrollIntoViewIfNeeded(SLOW);
    await reveal(page, english.getByRole('textbox', { name: /Texto alternativo/ }));
    await english.getByRole('textbox', { name: /Texto alternativo/ }).fill('The port of Yokohama at dusk', SLOW);
    const englishDraft = english.getByRole('switch', { name: 'Borrador / Draft' });
    await englishDraft.scrollIntoViewIfNeeded();
    if ((await englishDraft.getAttribute('aria-checked')) === 'true') await englishDraft.click();
    // Each language may have its own URL slug.
    await english.getByRole('textbox', { name: /Dirección \(slug\)/ }).fill('mayors-visit-yokohama', SLOW);
    await english.getByRole('textbox', { name: 'Texto / Text' }).fill('The delegation toured the port of Yokohama.');

    await page.getByRole('button', { name: 'Save' }).click();
    const folderOf = (files: Files) => Object.keys(files).find((p) => /\/notes\/\d{4}-\d{2}-\d{2}-alcaldes-visitan-el-puerto-de-yokohama\/index\.en\.md$/.test(p))?.replace(/\/index\.en\.md$/, '');
    await expect.poll(async () => folderOf(await readBack(page)) ?? '', { timeout: 200_000 }).not.toBe('');

    const after = await readBack(page);
    const folder = folderOf(after)!;
    expect(folder.startsWith(`${FIXTURE}/notes/`)).toBe(true);
    expect(Object.keys(after).filter((p) => p.startsWith(`${folder}/`)).sort()).toEqual([`${folder}/hero.jpg`, `${folder}/index.en.md`, `${folder}/index.es.md`]);
    expect(after[`${folder}/hero.jpg`]).toBe(readFileSync('content/notes/2023-02-27-netflix-estudios/hero.jpg').toString('base64'));
    const es = frontmatter(text(after, `${folder}/index.es.md`));
    const en = frontmatter(text(after, `${folder}/index.en.md`));
    expect(es).toMatchObject({ title: 'Alcaldes visitan el puerto de Yokohama', stop: 'japan', topics: ['economy', 'film'], draft: false, image: { src: 'hero.jpg', alt: 'El puerto de Yokohama al atardecer' } });
    expect(en).toMatchObject({ title: 'Mayors visit the port of Yokohama', stop: 'japan', topics: ['economy', 'film'], draft: false, slug: 'mayors-visit-yokohama', image: { src: 'hero.jpg', alt: 'The port of Yokohama at dusk' } });
    expect(es.date).toBe(en.date);
    // Nothing else changed.
    for (const [path, bytes] of Object.entries(before)) expect(after[path], path).toBe(bytes);
    const seen = takeProblems(problems);
    expect(seen.foreignRequests).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
    await context.close();

    // The files as written pass the content check and build into both pages, each with its image.
    const site = scratchWith(after, 'editor-created');
    const check = site.run('check');
    expect(check.status, check.stdout + check.stderr).toBe(0);
    // The note is dated now (the editor's default), after the fixture clock: the build runs an hour later.
    const build = site.build([], { BUILD_NOW: new Date(Date.now() + 3_600_000).toISOString() });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const slug = folder.split('/').at(-1)!.slice(11);
    for (const [path, alt] of [[`es/notas/${slug}/`, 'El puerto de Yokohama al atardecer'], ['en/news/mayors-visit-yokohama/', 'The port of Yokohama at dusk']] as const) {
      const html = readFileSync(join(site.out, path, 'index.html'), 'utf8');
      expect(html, path).toContain(`alt="${alt}"`);
      const src = /<img[^>]+src="([^"]+)"[^>]*alt="[^"]*"/.exec(html.slice(html.indexOf('<main')))?.[1];
      expect(src, path).toBeTruthy();
      expect(existsSync(join(site.out, decodeURI(src!).replace(/^\//, ''))), src).toBe(true);
    }
  }, 600_000);

  it("changes an existing note's English title, keeping its other fields, its body and its published state", async () => {
    const { context, page, before } = await openEditor(fixture, FIXTURE);
    await page.getByText('Nota bilingüe de prueba').click(SLOW);
    await page.getByRole('radio', { name: /English/ }).first().click(SLOW);
    const english = page.getByRole('group', { name: /Edit .*English.* Content/ });
    await english.getByRole('textbox', { name: 'Título / Title' }).fill('Bilingual test note, revised', SLOW);
    await page.getByRole('button', { name: 'Save' }).click();
    const en = `${FIXTURE}/notes/2023-02-27-bilingue/index.en.md`;
    await expect.poll(async () => text(await readBack(page), en), { timeout: 200_000 }).toContain('Bilingual test note, revised');
    const after = await readBack(page);
    await context.close();
    const saved = text(after, en);
    // The file says no `draft:`: it opened as published (not with the new-note default) and is saved so.
    expect(text(before, en)).not.toContain('draft:');
    expect(saved).toBe(
      [
        '---',
        'title: "Bilingual test note, revised"',
        'summary: "English summary."',
        'date: 2023-02-27T10:00:00-08:00',
        'stop: los-angeles',
        'topics: [film, economy]',
        'draft: false',
        'slug: bilingual-test',
        '---',
        '',
        'Body **in English**.',
        '',
      ].join('\n'),
    );
    // The Spanish version, saved with it, keeps its values and stays published too.
    const es = `${FIXTURE}/notes/2023-02-27-bilingue/index.es.md`;
    expect(frontmatter(text(after, es))).toEqual({ ...frontmatter(text(before, es)), draft: false });
    const site = scratchWith(after, 'editor-edited');
    const check = site.run('check', ['--lang', 'en']);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const note = loadContent({ root: process.cwd(), contentDir: site.contentDir, timeZone: MX }).notes.find((n) => n.versions.en?.slug === 'bilingual-test');
    for (const version of [note?.versions.es, note?.versions.en]) expect(version && unpublishedReason(version, new Date())).toBeUndefined();
    expect(note?.versions.en?.title).toBe('Bilingual test note, revised');
  }, 400_000);

  it("links each version to its page on the site, in its language's URL words, and previews it with the site's stylesheet", async () => {
    const { context, page } = await openEditor(fixture, FIXTURE);
    await page.getByText('Nota bilingüe de prueba').click(SLOW);
    const opened = async (lang: 'Spanish' | 'English') => {
      await page.getByRole('radio', { name: new RegExp(lang) }).first().click(SLOW);
      await page.getByRole('button', { name: new RegExp(`Show .*${lang}.* Content Options`) }).click(SLOW);
      const [popup] = await Promise.all([context.waitForEvent('page', SLOW), page.getByRole('menuitem', { name: 'View on Live Site' }).click(SLOW)]);
      await popup.waitForLoadState();
      const found = { path: new URL(popup.url()).pathname, title: await popup.title() };
      await popup.close();
      return found;
    };
    // The preview pane shows the version with the site's own stylesheet.
    const style = await page.evaluate((id) => document.getElementById(id)?.dataset.previewStyle, CONFIG_ELEMENT_ID);
    expect(style).toMatch(/^\/_astro\/.+\.css$/);
    await expect.poll(() => page.frameLocator('iframe').first().locator(`link[rel="stylesheet"][href$="${style}"]`).count(), SLOW).toBe(1);
    expect(await opened('Spanish')).toMatchObject({ path: '/es/notas/bilingue/', title: expect.stringContaining('Nota bilingüe de prueba') });
    expect(await opened('English')).toMatchObject({ path: '/en/news/bilingual-test/', title: expect.stringContaining('Bilingual test note') });
    await context.close();
  }, 400_000);

  it('deletes a note: its folder and files are gone, the others stay', async () => {
    const { context, page, before } = await openEditor(fixture, FIXTURE);
    await page.getByText('Solo en español').click(SLOW);
    await page.getByRole('button', { name: 'Show Editor Options' }).click(SLOW);
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click(SLOW);
    const folder = `${FIXTURE}/notes/2023-02-28-solo-espanol/`;
    await expect.poll(async () => Object.keys(await readBack(page)).filter((p) => p.startsWith(folder)), { timeout: 200_000 }).toEqual([]);
    const after = await readBack(page);
    await context.close();
    for (const path of Object.keys(before).filter((p) => !p.startsWith(folder))) expect(after[path], path).toBe(before[path]);
  }, 400_000);
});
