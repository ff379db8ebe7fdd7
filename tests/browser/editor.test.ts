/**
 * The web editor at /admin/, driven through its interface in Chromium.
 *
 * The build ships the GitHub backend. Only here, the test swaps the page's
 * configuration for Sveltia's in-browser test backend (`test-repo`, files in
 * the origin private file system) by rewriting the response, so no switch
 * for it exists in the site. The file system is seeded with the fixture (or
 * the sample) content and read back after saving; what the editor wrote is
 * put into a copy of the fixture site, checked and built.
 *
 * Opening the editor (a new browser context, seeding, starting Sveltia) is
 * the costly part, so the tests of one content set share one signed-in
 * session, in the order they are written: each starts from the note list
 * and compares with the files as they were when it started. Every step waits
 * for a condition of its own (a field, a value, the editor's answer to Save),
 * with its own timeout, never for time.
 *
 * The browser runs in Tokyo's time zone, far from the site's (Mexico City): the
 * dates the editor shows and writes must be the site's wall-clock time anyway.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, relative } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/content.ts';
import { unpublishedReason } from '../../src/lib/content/publish.ts';
import { CONFIG_ELEMENT_ID } from '../../src/lib/editor/editor-page.ts';
import { ScratchSite } from '../helpers/scratch-site.ts';
import { openPage, siteUnderTest, takeProblems, type PageProblems } from './harness.ts';

const FIXTURE = 'tests/fixtures/site/content';
const MX = 'America/Mexico_City';
// The computer's zone in these tests: 15 hours ahead of the site's in November, so a day can differ too.
const BROWSER_ZONE = 'Asia/Tokyo';
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

// How long one step may take (a click, a field to appear, a value to stick) on a loaded machine, and
// how long Sveltia may take to answer Save (it writes every version and the image, then says so).
const STEP = 60_000;
const SAVING = { timeout: 120_000 };

/** A signed-in editor on the test backend: its page, the files it was seeded with, and what the page did wrong. */
interface Session {
  context: BrowserContext;
  page: Page;
  seeded: Files;
  problems: PageProblems;
}

/** Opens /admin/ of `run` on the test backend seeded with `dir`, signed in, the note list shown. */
async function openEditor(run: typeof fixture, dir: string): Promise<Session> {
  const context = await run.browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: BROWSER_ZONE });
  context.setDefaultTimeout(STEP);
  const { page, problems } = await openPage(context, new URL(run.site.url).origin);
  await useTestBackend(page, run.site.url);
  await page.goto(`${run.site.url}robots.txt`);
  const seeded = filesOf(dir);
  await seed(page, seeded);
  await page.goto(`${run.site.url}admin/`);
  await page.getByRole('button', { name: /Test Repository/ }).click();
  await noteList(page);
  return { context, page, seeded, problems };
}

/**
 * One session for the tests of the enclosing `describe`, opened before the first and closed after
 * the last. Each test gets it on the note list; a test that failed elsewhere (a form left open)
 * costs the next one a fresh session, seeded again, rather than its failure too.
 */
function sharedSession(run: typeof fixture, dir: string): () => Promise<Session> {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await openEditor(run, dir);
  }, 180_000);
  afterAll(async () => {
    await session?.context.close();
  });
  return async () => {
    if (!session) throw new Error('The editor did not open (see the error of beforeAll).');
    if (!(await session.page.getByRole('button', { name: 'Create New Entry' }).first().isVisible())) {
      await session.context.close();
      session = await openEditor(run, dir);
    }
    return session;
  };
}

/** Waits for the note list (back from an entry once it is saved or deleted). */
async function noteList(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Create New Entry' }).first().waitFor();
}

/** The pane of one language in the entry form. */
const pane = (page: Page, lang: 'Spanish' | 'English') => page.getByRole('group', { name: new RegExp(`Edit .*${lang}.* Content`) });

/**
 * Brings every field of `area` into being: Sveltia renders a field (and an object's sub-fields)
 * only once its placeholder has scrolled into view, so the placeholders are scrolled to in turn.
 */
async function revealFields(area: Locator): Promise<void> {
  const waiting = area.locator('div.placeholder:empty');
  await expect
    .poll(
      async () => {
        await waiting.evaluateAll((placeholders) => placeholders[0]?.scrollIntoView({ block: 'nearest' }));
        return waiting.count();
      },
      { timeout: STEP, message: `fields of ${area} still not rendered` },
    )
    .toBe(0);
}

/** Types `value` into `field` and waits until the field holds it (a form still starting can reset a value typed too early). */
async function enter(field: Locator, value: string): Promise<void> {
  await expect
    .poll(
      async () => {
        if ((await field.inputValue()) !== value) await field.fill(value);
        return field.inputValue();
      },
      { timeout: STEP, message: `${field} does not keep "${value}"` },
    )
    .toBe(value);
}

/**
 * Presses Save and waits for the editor's answer. When it refuses (a field in error), fails at
 * once naming the fields, rather than waiting for files that will never come.
 */
async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save' }).click();
  const saved = page.getByText(/Entry saved\./);
  const refused = page.getByText(/has an error|have errors/);
  await saved.or(refused).first().waitFor(SAVING);
  if (await refused.count()) {
    const fields = await page.locator('[aria-invalid="true"]').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? el.closest('section')?.querySelector('h4')?.textContent ?? el.outerHTML.slice(0, 80)));
    throw new Error(`The editor refused to save: "${await refused.first().textContent()}" Fields in error: ${fields.join('; ')}`);
  }
}

/** Opens the entry whose list row shows `title`. */
async function openNote(page: Page, title: string): Promise<void> {
  await noteList(page);
  await page.getByText(title, { exact: false }).first().click();
  await pane(page, 'Spanish').waitFor();
}

/** Waits until `condition` holds for the files the test backend holds, then returns them. */
async function filesWhen(page: Page, condition: (files: Files) => boolean, what: string): Promise<Files> {
  let files: Files = {};
  await expect
    .poll(
      async () => {
        files = await readBack(page);
        return condition(files);
      },
      { timeout: STEP, message: `the test backend never held ${what}` },
    )
    .toBe(true);
  return files;
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

/** Now as the wall-clock time of `timeZone`, `YYYY-MM-DDTHH:mm`. */
function wallClockNow(timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date()).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const frontmatter = (file: string) => parse(file.slice(4, file.indexOf('\n---\n', 4))) as Record<string, unknown>;

describe('the web editor on the sample notes', () => {
  const session = sharedSession(sample, 'content');

  // A note with an image, lists, people and an English slug, and one with a date alone.
  it.each(['2023-02-27-llegada-los-angeles', '2023-03-01-proximas-paradas'])('saves %s back byte for byte, once a change is undone', async (name) => {
    const { page, seeded } = await session();
    const files = [`content/notes/${name}/index.es.md`, `content/notes/${name}/index.en.md`];
    const title = frontmatter(text(seeded, files[0]!)).title as string;
    const retitle = async (from: string, to: string) => {
      await openNote(page, from);
      await enter(pane(page, 'Spanish').getByRole('textbox', { name: 'Título / Title' }), to);
      await save(page);
      await filesWhen(page, (now) => frontmatter(text(now, files[0]!)).title === to, `${files[0]} titled "${to}"`);
      await noteList(page);
    };
    await retitle(title, `${title} (x)`);
    await retitle(`${title} (x)`, title);
    const after = await readBack(page);
    // Written by the note format (src/lib/editor/note-format.ts) in the sample notes' own form: byte for byte.
    for (const file of files) expect(text(after, file), file).toBe(text(seeded, file));
    const site = new ScratchSite('editor-round-trip', 'content');
    scratch.push(site);
    for (const file of files) writeFileSync(join(site.contentDir, file.slice('content/'.length)), Buffer.from(after[file]!, 'base64'));
    const check = site.run('check');
    expect(check.status, check.stdout + check.stderr).toBe(0);
  }, 240_000);
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
    await page.getByRole('button', { name: /Sign In with .*GitHub/ }).waitFor({ timeout: STEP });
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
});

describe('the web editor on the fixture content', () => {
  const session = sharedSession(fixture, FIXTURE);
  // What the creation test saved, for the tests that check it; undefined when it failed.
  let created: { files: Files; folder: string } | undefined;
  const createdNote = () => {
    if (!created) throw new Error('No note was created (see the failure of "creates a note in Spanish and English…").');
    return created;
  };
  const NEW_FOLDER = /\/notes\/[^/]+-alcaldes-visitan-el-puerto-de-yokohama\/index\.en\.md$/;

  it('creates a note in Spanish and English with a hero image, a stop and two topics, through the interface, and saves it', async () => {
    const { page, problems } = await session();
    await noteList(page);
    await page.getByRole('button', { name: 'Create New Entry' }).first().click();
    const spanish = pane(page, 'Spanish');
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(BROWSER_ZONE);
    // A new note is dated now, in the site's time (not Tokyo's, 15 hours ahead), and the field says which zone.
    const date = spanish.getByRole('textbox', { name: /Fecha de publicación/ });
    const minutesFromNow = (wall: string) => Math.abs(Date.parse(`${wall}:00Z`) - Date.parse(`${wallClockNow(MX)}:00Z`)) / 60_000;
    await expect.poll(async () => minutesFromNow(await date.inputValue()), { timeout: STEP }).toBeLessThan(5);
    expect(await spanish.getByRole('group', { name: /Fecha de publicación/ }).textContent()).toContain('Mexico City');
    // 23:30 in Mexico City on 23 November is already the 24th in Tokyo: the file and the folder say the 23rd.
    await enter(date, '2026-11-23T23:30');
    await enter(spanish.getByRole('textbox', { name: 'Título / Title' }), 'Alcaldes visitan el puerto de Yokohama');
    await enter(spanish.getByRole('textbox', { name: 'Resumen / Summary' }), 'La delegación conoce la logística del puerto.');
    // Two stops and two topics: Sveltia shows so few options as radio buttons and checkboxes.
    await spanish.getByRole('radio', { name: 'Japón · Japan' }).check();
    await spanish.getByRole('checkbox', { name: 'Economía · Economy' }).check();
    await spanish.getByRole('checkbox', { name: 'Cine · Film' }).check();
    // The hero image, uploaded through the field; it is shared by both versions, its alt text is per language.
    await revealFields(spanish);
    const image = spanish.getByRole('group', { name: /Imagen principal/ });
    await image.getByText(/Add .*Imagen principal/).click();
    await revealFields(image);
    await image.locator('input[type=file]').first().setInputFiles('content/notes/2023-02-27-netflix-estudios/hero.jpg');
    await spanish.getByRole('button', { name: 'Replace Image' }).waitFor();
    await revealFields(spanish);
    await enter(spanish.getByRole('textbox', { name: /Texto alternativo/ }), 'El puerto de Yokohama al atardecer');
    // A new note starts as a draft; publishing it is unticking Draft.
    const draft = spanish.getByRole('switch', { name: 'Borrador / Draft' });
    await expect.poll(() => draft.getAttribute('aria-checked'), { timeout: STEP }).toBe('true');
    await draft.click();
    await expect.poll(() => draft.getAttribute('aria-checked'), { timeout: STEP }).toBe('false');
    await enter(spanish.getByRole('textbox', { name: 'Texto / Text' }), 'La delegación recorrió el puerto de Yokohama.');

    await page.getByRole('radio', { name: /English/ }).first().click();
    await page.getByRole('button', { name: /Enable .*English/ }).click();
    const english = pane(page, 'English');
    await enter(english.getByRole('textbox', { name: 'Título / Title' }), 'Mayors visit the port of Yokohama');
    await enter(english.getByRole('textbox', { name: 'Resumen / Summary' }), 'The delegation learns about the port logistics.');
    await revealFields(english);
    await enter(english.getByRole('textbox', { name: /Texto alternativo/ }), 'The port of Yokohama at dusk');
    const englishDraft = english.getByRole('switch', { name: 'Borrador / Draft' });
    if ((await englishDraft.getAttribute('aria-checked')) === 'true') await englishDraft.click();
    await expect.poll(() => englishDraft.getAttribute('aria-checked'), { timeout: STEP }).toBe('false');
    // Each language may have its own URL slug.
    await enter(english.getByRole('textbox', { name: /Dirección \(slug\)/ }), 'mayors-visit-yokohama');
    await enter(english.getByRole('textbox', { name: 'Texto / Text' }), 'The delegation toured the port of Yokohama.');

    await save(page);
    const files = await filesWhen(page, (now) => Object.keys(now).some((p) => NEW_FOLDER.test(p)), 'the new note');
    created = { files, folder: Object.keys(files).find((p) => NEW_FOLDER.test(p))!.replace(/\/index\.en\.md$/, '') };
    const seen = takeProblems(problems);
    expect(seen.foreignRequests).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
  }, 300_000);

  it('writes the new note as the contract says: its folder, both versions with their fields, the image; nothing else changes', async () => {
    const { seeded } = await session();
    const { files, folder } = createdNote();
    // The folder from the date in the site's zone and the Spanish title.
    expect(folder).toBe(`${FIXTURE}/notes/2026-11-23-alcaldes-visitan-el-puerto-de-yokohama`);
    expect(Object.keys(files).filter((p) => p.startsWith(`${folder}/`)).sort()).toEqual([`${folder}/hero.jpg`, `${folder}/index.en.md`, `${folder}/index.es.md`]);
    expect(files[`${folder}/hero.jpg`]).toBe(readFileSync('content/notes/2023-02-27-netflix-estudios/hero.jpg').toString('base64'));
    const es = frontmatter(text(files, `${folder}/index.es.md`));
    const en = frontmatter(text(files, `${folder}/index.en.md`));
    expect(es).toMatchObject({ title: 'Alcaldes visitan el puerto de Yokohama', stop: 'japan', topics: ['economy', 'film'], draft: false, image: { src: 'hero.jpg', alt: 'El puerto de Yokohama al atardecer' } });
    expect(en).toMatchObject({ title: 'Mayors visit the port of Yokohama', stop: 'japan', topics: ['economy', 'film'], draft: false, slug: 'mayors-visit-yokohama', image: { src: 'hero.jpg', alt: 'The port of Yokohama at dusk' } });
    // The time as typed, the site's time: without a zone, which the check reads as Mexico City's.
    expect(es.date).toBe('2026-11-23T23:30');
    expect(en.date).toBe(es.date);
    for (const [path, bytes] of Object.entries(seeded)) expect(files[path], path).toBe(bytes);
  });

  it('the files as written pass the content check and build into both pages, each with its image', () => {
    const { files, folder } = createdNote();
    const site = scratchWith(files, 'editor-created');
    const check = site.run('check');
    expect(check.status, check.stdout + check.stderr).toBe(0);
    // On the fixture clock (2026-11-24T12:00Z) the note (2026-11-24T05:30Z) is published.
    const build = site.build();
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const slug = folder.split('/').at(-1)!.slice(11);
    for (const [path, alt] of [[`es/notas/${slug}/`, 'El puerto de Yokohama al atardecer'], ['en/news/mayors-visit-yokohama/', 'The port of Yokohama at dusk']] as const) {
      const html = readFileSync(join(site.out, path, 'index.html'), 'utf8');
      expect(html, path).toContain(`alt="${alt}"`);
      const src = /<img[^>]+src="([^"]+)"[^>]*alt="[^"]*"/.exec(html.slice(html.indexOf('<main')))?.[1];
      expect(src, path).toBeTruthy();
      expect(existsSync(join(site.out, decodeURI(src!).replace(/^\//, ''))), src).toBe(true);
    }
  }, 300_000);

  it("shows an existing note's date in the site's time, not the computer's", async () => {
    const { page, seeded } = await session();
    // 2023-02-27T10:00:00-08:00 is noon in Mexico City, and already 3 a.m. on the 28th in Tokyo.
    expect(text(seeded, `${FIXTURE}/notes/2023-02-27-bilingue/index.es.md`)).toContain('date: 2023-02-27T10:00:00-08:00');
    await expect.poll(() => page.getByText('2023-02-27 · Nota bilingüe de prueba').count(), { timeout: STEP }).toBe(1);
    await openNote(page, 'Nota bilingüe de prueba');
    await revealFields(pane(page, 'Spanish'));
    expect(await pane(page, 'Spanish').getByRole('textbox', { name: /Fecha de publicación/ }).inputValue()).toBe('2023-02-27T12:00');
    await page.getByRole('button', { name: 'Cancel Editing' }).click();
  }, 240_000);

  it("changes an existing note's English title, keeping its other fields, its body and its published state", async () => {
    const { page } = await session();
    const before = await readBack(page);
    await openNote(page, 'Nota bilingüe de prueba');
    await page.getByRole('radio', { name: /English/ }).first().click();
    await enter(pane(page, 'English').getByRole('textbox', { name: 'Título / Title' }), 'Bilingual test note, revised');
    await save(page);
    const en = `${FIXTURE}/notes/2023-02-27-bilingue/index.en.md`;
    const after = await filesWhen(page, (now) => text(now, en).includes('Bilingual test note, revised'), `${en} retitled`);
    await noteList(page);
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
  }, 240_000);

  it("links each version to its page on the site, in its language's URL words, and previews it with the site's stylesheet", async () => {
    const { context, page } = await session();
    await openNote(page, 'Nota bilingüe de prueba');
    const opened = async (lang: 'Spanish' | 'English') => {
      await page.getByRole('radio', { name: new RegExp(lang) }).first().click();
      await page.getByRole('button', { name: new RegExp(`Show .*${lang}.* Content Options`) }).click();
      const [popup] = await Promise.all([context.waitForEvent('page'), page.getByRole('menuitem', { name: 'View on Live Site' }).click()]);
      await popup.waitForLoadState();
      const found = { path: new URL(popup.url()).pathname, title: await popup.title() };
      await popup.close();
      return found;
    };
    // The preview pane shows the version with the site's own stylesheet.
    const style = await page.evaluate((id) => document.getElementById(id)?.dataset.previewStyle, CONFIG_ELEMENT_ID);
    expect(style).toMatch(/^\/_astro\/.+\.css$/);
    await expect.poll(() => page.frameLocator('iframe').first().locator(`link[rel="stylesheet"][href$="${style}"]`).count(), { timeout: STEP }).toBe(1);
    expect(await opened('Spanish')).toMatchObject({ path: '/es/notas/bilingue/', title: expect.stringContaining('Nota bilingüe de prueba') });
    expect(await opened('English')).toMatchObject({ path: '/en/news/bilingual-test/', title: expect.stringContaining('Bilingual test note') });
    // Back to the list, nothing changed.
    await page.getByRole('button', { name: 'Cancel Editing' }).click();
  }, 240_000);

  it('deletes a note: its folder and files are gone, the others stay', async () => {
    const { page } = await session();
    const before = await readBack(page);
    await openNote(page, 'Solo en español');
    await page.getByRole('button', { name: 'Show Editor Options' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    const folder = `${FIXTURE}/notes/2023-02-28-solo-espanol/`;
    const after = await filesWhen(page, (now) => !Object.keys(now).some((p) => p.startsWith(folder)), `no file under ${folder}`);
    expect(Object.keys(before).some((p) => p.startsWith(folder))).toBe(true);
    for (const path of Object.keys(before).filter((p) => !p.startsWith(folder))) expect(after[path], path).toBe(before[path]);
  }, 240_000);
});
