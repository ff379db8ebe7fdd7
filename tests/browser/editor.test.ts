/**
 * The web editor at /admin/, driven through its interface in Chromium.
 *
 * The build ships the GitHub backend. Only here, the test swaps the page's
 * configuration for Sveltia's in-browser test backend (`test-repo`, files in
 * the origin private file system) by rewriting the response, so no switch
 * for it exists in the site. The file system is seeded with the fixture
 * content and read back after saving.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/content.ts';
import { CONFIG_ELEMENT_ID } from '../../src/lib/editor/editor-page.ts';
import { openPage, siteUnderTest, takeProblems } from './harness.ts';

const FIXTURE = 'tests/fixtures/site/content';
const run = siteUnderTest('fixture');
const scratch = mkdtempSync(join(process.cwd(), '.cache', 'editor-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The fixture content as repository paths and base64 bytes, as the test backend keeps them. */
function fixtureFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(process.cwd(), path).replace(/\\/g, '/')] = readFileSync(path).toString('base64');
    }
  };
  walk(FIXTURE);
  return files;
}

/** Serves /admin/ with the test backend instead of the configured git host. */
async function useTestBackend(page: Page): Promise<void> {
  const pattern = new RegExp(`<script type="application/json" id="${CONFIG_ELEMENT_ID}"([^>]*)>(.*?)</script>`, 's');
  await page.route(/\/admin\/$/, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(pattern, (_, attributes: string, json: string) => {
      const config = { ...JSON.parse(json), backend: { name: 'test-repo' } };
      return `<script type="application/json" id="${CONFIG_ELEMENT_ID}"${attributes}>${JSON.stringify(config).replace(/</g, '\\u003c')}</script>`;
    });
    await route.fulfill({ response, body: html });
  });
}

/** Writes `files` into the test backend's folder of the origin private file system. */
async function seed(page: Page, files: Record<string, string>): Promise<void> {
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
function readBack(page: Page): Promise<Record<string, string>> {
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

/** Writes files read back from the editor into a folder of their own, as a working copy would hold them. */
function toDisk(files: Record<string, string>, root: string): void {
  for (const [path, base64] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), Buffer.from(base64, 'base64'));
  }
}

const text = (files: Record<string, string>, path: string) => Buffer.from(files[path]!, 'base64').toString('utf8');
// The interface can take a while to open a form on a loaded machine: wait for elements, never for time.
const SLOW = { timeout: 90_000 };

describe('the web editor', () => {
  it('loads from the site alone: no request to another origin, no CSP violation before signing in', async () => {
    const context = await run.browser.newContext();
    const { page, problems } = await openPage(context, new URL(run.site.url).origin);
    await page.goto(`${run.site.url}admin/`);
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
    await context.close();
  });

  it('creates a note in Spanish and English with a stop and two topics, which the content check accepts', async () => {
    const context = await run.browser.newContext();
    const origin = new URL(run.site.url).origin;
    const { page, problems } = await openPage(context, origin);
    await useTestBackend(page);
    await page.goto(`${run.site.url}robots.txt`);
    const before = fixtureFiles();
    await seed(page, before);
    await page.goto(`${run.site.url}admin/`);
    await page.getByRole('button', { name: /Test Repository/ }).click(SLOW);
    await page.getByRole('treeitem', { name: /Notas \/ Notes/ }).waitFor(SLOW);

    await page.getByRole('button', { name: 'Create New Entry' }).first().click(SLOW);
    const spanish = page.getByRole('group', { name: /Edit .*Spanish.* Content/ });
    await spanish.getByRole('textbox', { name: 'Título / Title' }).fill('Alcaldes visitan el puerto de Yokohama', SLOW);
    await spanish.getByRole('textbox', { name: 'Resumen / Summary' }).fill('La delegación conoce la logística del puerto.');
    // Two stops and two topics: Sveltia shows so few options as radio buttons and checkboxes.
    await spanish.getByRole('radio', { name: 'Japón · Japan' }).click();
    await spanish.getByRole('checkbox', { name: 'Economía · Economy' }).click();
    await spanish.getByRole('checkbox', { name: 'Cine · Film' }).click();
    // Sveltia renders the fields below the fold as they scroll into view.
    await spanish.getByRole('switch', { name: 'Borrador / Draft' }).scrollIntoViewIfNeeded();
    await spanish.getByRole('textbox', { name: /Dirección \(slug\)/ }).scrollIntoViewIfNeeded(SLOW);
    await spanish.getByRole('textbox', { name: 'Texto / Text' }).fill('La delegación recorrió el puerto de Yokohama.');

    await page.getByRole('radio', { name: /English/ }).first().click();
    await page.getByRole('button', { name: /Enable .*English/ }).click(SLOW);
    const english = page.getByRole('group', { name: /Edit .*English.* Content/ });
    await english.getByRole('textbox', { name: 'Título / Title' }).fill('Mayors visit the port of Yokohama', SLOW);
    await english.getByRole('textbox', { name: 'Resumen / Summary' }).fill('The delegation learns about the port logistics.');
    await english.getByRole('switch', { name: 'Borrador / Draft' }).scrollIntoViewIfNeeded();
    // Each language may have its own URL slug.
    await english.getByRole('textbox', { name: /Dirección \(slug\)/ }).fill('mayors-visit-yokohama', SLOW);
    await english.getByRole('textbox', { name: 'Texto / Text' }).fill('The delegation toured the port of Yokohama.');

    await page.getByRole('button', { name: 'Save' }).click();
    const written = async () => Object.keys(await readBack(page)).filter((path) => /alcaldes-visitan-el-puerto-de-yokohama\/index\.(es|en)\.md$/.test(path)).sort();
    await expect.poll(written, { timeout: 200_000 }).toHaveLength(2);

    const after = await readBack(page);
    const [es, en] = (await written()).sort().reverse();
    expect(es).toMatch(new RegExp(`^${FIXTURE}/notes/\\d{4}-\\d{2}-\\d{2}-alcaldes-visitan-el-puerto-de-yokohama/index\\.es\\.md$`));
    expect(en).toBe(es!.replace('index.es.md', 'index.en.md'));
    const spanishFile = text(after, es!);
    expect(spanishFile).toContain('title: "Alcaldes visitan el puerto de Yokohama"');
    expect(spanishFile).toContain('stop: "japan"');
    expect(spanishFile).toMatch(/topics:\n\s+- "economy"\n\s+- "film"/);
    expect(spanishFile).toContain('draft: true');
    expect(text(after, en!)).toContain('title: "Mayors visit the port of Yokohama"');
    expect(text(after, en!)).toContain('slug: "mayors-visit-yokohama"');

    // What the editor wrote passes the content check, unchanged.
    const copy = join(scratch, 'created');
    toDisk(after, copy);
    const content = loadContent({ root: copy, contentDir: FIXTURE, timeZone: 'America/Mexico_City', lang: 'en' });
    expect(content.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const note = content.notes.find((n) => n.folder.endsWith('alcaldes-visitan-el-puerto-de-yokohama'))!;
    expect(Object.keys(note.versions).sort()).toEqual(['en', 'es']);
    expect(note.versions.es).toMatchObject({ stop: 'japan', topics: ['economy', 'film'], draft: true, slug: 'alcaldes-visitan-el-puerto-de-yokohama' });
    expect(note.versions.en).toMatchObject({ stop: 'japan', topics: ['economy', 'film'], draft: true, slug: 'mayors-visit-yokohama' });
    // The folder is named from the note's date.
    expect(note.folder.slice(0, 10)).toBe(note.versions.es!.file.split('/').at(-2)!.slice(0, 10));

    // Nothing else changed.
    for (const [path, bytes] of Object.entries(before)) expect(after[path], path).toBe(bytes);
    const seen = takeProblems(problems);
    expect(seen.foreignRequests).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
    await context.close();
  }, 400_000);

  it("changes an existing note's English title, keeping its other fields and body", async () => {
    const context = await run.browser.newContext();
    const { page } = await openPage(context, new URL(run.site.url).origin);
    await useTestBackend(page);
    await page.goto(`${run.site.url}robots.txt`);
    const before = fixtureFiles();
    await seed(page, before);
    await page.goto(`${run.site.url}admin/`);
    await page.getByRole('button', { name: /Test Repository/ }).click(SLOW);
    await page.getByText('Nota bilingüe de prueba').click(SLOW);
    await page.getByRole('radio', { name: /English/ }).first().click(SLOW);
    const english = page.getByRole('group', { name: /Edit .*English.* Content/ });
    await english.getByRole('textbox', { name: 'Título / Title' }).fill('Bilingual test note, revised', SLOW);
    await page.getByRole('button', { name: 'Save' }).click();
    const en = `${FIXTURE}/notes/2023-02-27-bilingue/index.en.md`;
    await expect.poll(async () => text(await readBack(page), en), { timeout: 200_000 }).toContain('Bilingual test note, revised');
    const after = await readBack(page);
    // The body and the other fields are kept; the file still passes the check.
    const saved = text(after, en);
    expect(saved).toContain('Body **in English**.');
    // What saving changes (content/README.md says so): double quotes, block lists, and, for a note
    // whose file did not say, `draft: true`, the editor's default for new notes.
    expect(saved).toContain('topics:\n  - "film"\n  - "economy"\n');
    expect(saved).toContain('draft: true');
    expect(text(after, en)).toContain('slug: "bilingual-test"');
    const copy = join(scratch, 'edited');
    toDisk(after, copy);
    const content = loadContent({ root: copy, contentDir: FIXTURE, timeZone: 'America/Mexico_City', lang: 'en' });
    expect(content.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const note = content.notes.find((n) => n.folder === '2023-02-27-bilingue')!;
    expect(note.versions.en).toMatchObject({ title: 'Bilingual test note, revised', slug: 'bilingual-test', stop: 'los-angeles', topics: ['film', 'economy'] });
    expect(note.versions.es).toMatchObject({ title: 'Nota bilingüe de prueba', people: ['Karen Bass'] });
    expect(note.versions.en!.date.toISOString()).toBe('2023-02-27T18:00:00.000Z');
    await context.close();
  }, 400_000);
});
