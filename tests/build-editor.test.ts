import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EDITOR_OPENER_POLICY } from '../src/lib/editor/editor-page.ts';
import { NOTE_FORMAT } from '../src/lib/editor/note-format.ts';
import { parseCsp } from '../src/lib/security/security-headers.ts';
import { attr, BuiltSite } from './helpers/built-site.ts';
import { parseHeadersFile } from './browser/serve.ts';
import { fixtureBuild } from './setup/fixture-builds.ts';

const site = new BuiltSite(await fixtureBuild('root'));
// The sample site, built under /convoy/.
const based = new BuiltSite(await fixtureBuild('sample'), '/convoy/');
const admin = () => site.page('/admin/');
const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
const publicFiles = () => files(site.dir).filter((f) => !f.startsWith('admin/'));

describe('the web editor at /admin/', () => {
  it('is a page of its own that loads the bundled editor from the site itself', () => {
    const doc = admin();
    const scripts = [...doc.querySelectorAll('script[src]')].map((s) => s.getAttribute('src')!);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/^assets\/editor-[\w-]+\.js$/);
    expect(site.serves(`/admin/${scripts[0]}`)).toBe(true);
    const code = files(join(site.dir, 'admin/assets')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(site.dir, 'admin/assets', f), 'utf8')).join('\n');
    expect(code).toContain('Sveltia CMS');
    // No font from a CDN: the package's own files are served with the editor.
    expect(code).not.toContain('cdn.jsdelivr.net/fontsource');
    expect(files(join(site.dir, 'admin/assets')).filter((f) => f.endsWith('.woff2'))).toHaveLength(3);
  });

  it('carries the configuration generated from the content, and the site stylesheet for previews', () => {
    const element = admin().querySelector('script#editor-config[type="application/json"]')!;
    const config = JSON.parse(element.textContent!) as { collections: { folder: string; format: string; fields: { name: string; options?: { value: string }[] }[] }[] };
    expect(config.collections[0]!.folder).toBe('tests/fixtures/site/content/notes');
    // Notes are read and written by our own format, which the bundle registers under the same name.
    expect(config.collections[0]!.format).toBe(NOTE_FORMAT);
    const code = files(join(site.dir, 'admin/assets')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(site.dir, 'admin/assets', f), 'utf8')).join('\n');
    expect(code).toContain(NOTE_FORMAT);
    expect(config.collections[0]!.fields.find((f) => f.name === 'stop')!.options!.map((o) => o.value).sort()).toEqual(['japan', 'los-angeles']);
    const style = element.getAttribute('data-preview-style')!;
    expect(style).toMatch(/^\/_astro\/.+\.css$/);
    expect(site.serves(style)).toBe(true);
  });

  it('is kept out of search engines: noindex, disallowed in robots.txt, in no sitemap', () => {
    expect(attr(admin(), 'meta[name="robots"]', 'content')).toBe('noindex');
    expect(site.text('/robots.txt')).toContain('\nDisallow: /admin/\n');
    const sitemaps = files(site.dir).filter((f) => f.endsWith('.xml')).map((f) => readFileSync(join(site.dir, f), 'utf8'));
    expect(sitemaps.length).toBeGreaterThan(1);
    for (const xml of sitemaps) expect(xml).not.toContain('/admin');
  });

  it('is not in the search index', () => {
    expect(admin().querySelector('[data-pagefind-body]')).toBeNull();
    const index = JSON.parse(site.text('/pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    // The fixture publishes four note versions; the editor page adds none.
    expect(Object.values(index.languages).reduce((n, l) => n + l.page_count, 0)).toBe(4);
  });

  it('has its own policy: its origin, inline styles, uploads as blob:/data:, and the git host API only', () => {
    const meta = parseCsp(attr(admin(), 'meta[http-equiv="content-security-policy"]', 'content')!);
    expect(meta.get('default-src')).toEqual(["'none'"]);
    expect(meta.get('script-src')).toEqual(["'self'"]);
    expect(meta.get('connect-src')).toEqual(["'self'", 'blob:', 'data:', 'https://api.github.com']);
    expect(meta.get('font-src')).toEqual(["'self'"]);
    const rules = parseHeadersFile(site.text('/_headers'));
    const header = rules.filter((r) => r.pattern.test('/admin/')).flatMap((r) => r.headers).find(([name]) => name === 'Content-Security-Policy')![1];
    expect(parseCsp(header).get('connect-src')).toEqual(meta.get('connect-src'));
    expect(parseCsp(header).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it("keeps the sign-in pop-up's link to the editor: its own opener policy, the site's pages keep same-origin", () => {
    const rules = parseHeadersFile(site.text('/_headers'));
    const opener = (path: string) => rules.filter((r) => r.pattern.test(path)).flatMap((r) => r.headers).filter(([name]) => name === 'Cross-Origin-Opener-Policy').map(([, value]) => value);
    expect(opener('/admin/')).toEqual([EDITOR_OPENER_POLICY]);
    expect(EDITOR_OPENER_POLICY).toBe('unsafe-none');
    for (const path of site.htmlPaths().filter((p) => p !== '/admin/')) expect(opener(path.replace(/index\.html$/, '')), path).toEqual(['same-origin']);
    const basedRules = parseHeadersFile(based.text('/_headers'));
    expect(basedRules.filter((r) => r.pattern.test('/convoy/admin/')).flatMap((r) => r.headers).filter(([name]) => name === 'Cross-Origin-Opener-Policy')).toEqual([['Cross-Origin-Opener-Policy', EDITOR_OPENER_POLICY]]);
  });

  it('ships a minified bundle: its code has no indented lines', () => {
    const entry = attr(admin(), 'script[src]', 'src')!;
    const code = readFileSync(join(site.dir, 'admin', entry), 'utf8');
    expect(code.split('\n').filter((line) => /^\s{2,}\S/.test(line))).toEqual([]);
  });

  it('follows the base path', () => {
    expect(based.serves('/convoy/admin/')).toBe(true);
    expect(based.text('/robots.txt')).toContain('\nDisallow: /convoy/admin/\n');
    const config = JSON.parse(based.page('/admin/').querySelector('#editor-config')!.textContent!) as { logo: { src: string } };
    expect(config.logo.src).toBe('/convoy/favicon.svg');
  });
});

describe('the public pages are as they were', () => {
  it('never load, link or bundle the editor', () => {
    for (const file of publicFiles().filter((f) => /\.(html|js|css)$/.test(f))) {
      const text = readFileSync(join(site.dir, file), 'utf8');
      expect(text.includes('admin/'), file).toBe(false);
      expect(/sveltia/i.test(text), file).toBe(false);
    }
  });

  it('keep their strict policy: no inline styles, no other origin', () => {
    for (const path of site.htmlPaths().filter((p) => p !== '/admin/')) {
      const csp = attr(site.page(path), 'meta[http-equiv="content-security-policy"]', 'content') ?? '';
      expect(csp.includes("'unsafe-inline'"), path).toBe(false);
      expect(csp.includes('github'), path).toBe(false);
    }
  });

  it('weigh what they weighed: the editor adds files only under admin/', () => {
    const scripts = publicFiles().filter((f) => f.endsWith('.js') && f.startsWith('_astro/'));
    const bytes = scripts.reduce((n, f) => n + gzipSync(readFileSync(join(site.dir, f))).length, 0);
    // The site's own scripts (share bar, search page) are a few kilobytes; the editor is hundreds.
    expect(bytes).toBeLessThan(20_000);
  });
});
