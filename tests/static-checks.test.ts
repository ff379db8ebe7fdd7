/**
 * Static quality gates over the built sample site (under a base path, where
 * links break most easily) and the fixture site: valid HTML, no broken
 * internal link or asset, XML that parses, JSON-LD that parses, and a
 * `_headers` policy for every page. Then each check, shown failing on a
 * deliberately broken page.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, test } from 'vitest';
import { parseCsp } from '../src/lib/security/security-headers.ts';
import { parseHeadersFile } from './browser/serve.ts';
import { BuiltSite } from './helpers/built-site.ts';
import { brokenLinks, filesOf, htmlErrors, jsonLdErrors, xmlError } from './helpers/static-checks.ts';
import { FIXTURE_ENV, fixtureBuild } from './setup/fixture-builds.ts';

const ORIGIN = FIXTURE_ENV.SITE_URL;
const sample = new BuiltSite(await fixtureBuild('sample'), '/convoy/');

describe('the sample site, built under /convoy/', () => {
  test('every page is valid HTML', async () => {
    const pages = filesOf(sample.dir, '.html');
    expect(pages.length).toBeGreaterThan(40);
    const errors = (await Promise.all(pages.map((file) => htmlErrors(readFileSync(join(sample.dir, file), 'utf8'), join(sample.dir, file))))).flat();
    expect(errors).toEqual([]);
  });

  test('no internal link, asset, alternate, feed or sitemap entry is broken', () => {
    expect(brokenLinks(sample, ORIGIN)).toEqual([]);
  });

  test('every XML output parses', () => {
    const files = filesOf(sample.dir, '.xml');
    expect(files).toEqual(expect.arrayContaining(['sitemap-index.xml', 'es/rss.xml', 'en/rss.xml']));
    expect(files.map((file) => [file, xmlError(readFileSync(join(sample.dir, file), 'utf8'))])).toEqual(files.map((file) => [file, undefined]));
  });

  test('every JSON-LD block parses as schema.org data, and each note has one', () => {
    const problems = sample.htmlPaths().flatMap((path) => jsonLdErrors(sample.page(path)).map((problem) => `${path} ${problem}`));
    expect(problems).toEqual([]);
    const note = sample.htmlPaths().find((path) => /^\/es\/notas\/[^/]+\/$/.test(path))!;
    const types = [...sample.page(note).querySelectorAll('script[type="application/ld+json"]')].map((block) => JSON.parse(block.textContent!)['@type']);
    expect(types).toContain('NewsArticle');
  });

  test('_headers gives every page a policy allowing what its own allows, with WebAssembly only for search', () => {
    const rules = parseHeadersFile(readFileSync(join(sample.dir, '_headers'), 'utf8'));
    const policyFor = (path: string) =>
      rules.filter((rule) => rule.pattern.test(path)).flatMap((rule) => rule.headers.filter(([name]) => name === 'Content-Security-Policy').map(([, value]) => value))[0];
    for (const path of sample.htmlPaths()) {
      const page = `/convoy${path}`;
      const meta = sample.page(path).querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content');
      expect(meta, `${page} has a CSP <meta>`).toBeTruthy();
      const header = policyFor(page);
      expect(header, `${page} has a CSP in _headers`).toBeTruthy();
      const allowed = parseCsp(header!);
      for (const [directive, sources] of parseCsp(meta!)) {
        for (const source of sources.filter((s) => s !== "'none'")) expect(allowed.get(directive), `${page}: ${directive} ${source}`).toContain(source);
      }
      expect(header).toContain("frame-ancestors 'none'");
      expect(meta!.includes("'wasm-unsafe-eval'"), `${page}: WebAssembly only on the search pages`).toBe(/\/(buscar|search)\/$/.test(page));
      expect(header!.includes("'wasm-unsafe-eval'"), `${page}: WebAssembly only on the search pages`).toBe(/\/(buscar|search)\/$/.test(page));
      // Only the web editor's page allows inline styles (its components inject them); tests/build-editor.test.ts checks its policy.
      expect(meta!.includes("'unsafe-inline'"), `${page}: inline styles only in the web editor`).toBe(page === '/convoy/admin/');
    }
  });
});

describe('the fixture site', () => {
  test('no internal link or asset is broken', async () => {
    expect(brokenLinks(new BuiltSite(await fixtureBuild('root')), ORIGIN)).toEqual([]);
  });
});

describe('each check fails on a broken page', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'static-checks-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const doc = (body: string, head = '') =>
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Page</title>${head}</head><body>${body}</body></html>`;

  test('html-validate reports an implicitly closed tag, an image without alt and a duplicate id', async () => {
    const errors = await htmlErrors(doc('<div id="a"><p>open</div><span id="a"></span><img src="/x.png">'), join(process.cwd(), 'broken.html'));
    expect(errors.map((line) => line.split('  ')[1])).toEqual(['no-implicit-close', 'no-dup-id', 'wcag/h37']);
    expect(await htmlErrors(doc('<main><h1>Fine</h1></main>'), join(process.cwd(), 'fine.html'))).toEqual([]);
  });

  test('the link checker reports missing pages, assets, fragments and links that forget the base path', () => {
    const dir = join(scratch, 'links');
    mkdirSync(join(dir, 'es'), { recursive: true });
    writeFileSync(join(dir, 'es', 'index.html'), doc(
      [
        '<h1 id="top">Home</h1>',
        '<a href="/convoy/es/">fine</a> <a href="#top">fine</a> <a href="https://elsewhere.example/x">external, not checked</a>',
        '<a href="/convoy/es/missing/">missing page</a>',
        '<a href="/es/">forgot the base</a>',
        '<a href="/convoy/es/#nowhere">missing fragment</a>',
        `<a href="${ORIGIN}/convoy/en/">absolute, missing</a>`,
        '<img alt="" src="/convoy/_astro/gone.webp" srcset="/convoy/_astro/gone-2x.webp 2x">',
        '<a href="javascript:alert(1)">script</a>',
      ].join(''),
      `<meta property="og:image" content="${ORIGIN}/convoy/og/missing.png"><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","image":"${ORIGIN}/convoy/og/ld.png"}</script>`,
    ));
    writeFileSync(join(dir, 'sitemap-0.xml'), `<urlset><url><loc>${ORIGIN}/convoy/es/</loc></url><url><loc>${ORIGIN}/convoy/es/old/</loc></url></urlset>`);
    expect(brokenLinks(new BuiltSite(dir, '/convoy/'), ORIGIN)).toEqual([
      '/convoy/es/ -> /convoy/es/missing/',
      '/convoy/es/ -> /es/',
      '/convoy/es/ -> /convoy/es/#nowhere (no id "nowhere")',
      `/convoy/es/ -> ${ORIGIN}/convoy/en/`,
      '/convoy/es/ -> javascript:alert(1) (javascript: URL)',
      '/convoy/es/ -> /convoy/_astro/gone.webp',
      `/convoy/es/ -> ${ORIGIN}/convoy/og/missing.png`,
      '/convoy/es/ -> /convoy/_astro/gone-2x.webp',
      `/convoy/es/ -> ${ORIGIN}/convoy/og/ld.png`,
      `/convoy/sitemap-0.xml -> ${ORIGIN}/convoy/es/old/`,
    ]);
  });

  test('the XML check reports a document that is not well-formed', () => {
    expect(xmlError('<?xml version="1.0"?><urlset><url><loc>x</loc></urlset>')).toMatch(/^line 1: /);
    expect(xmlError('<rss><channel><title>A &amp; B</title></channel></rss>')).toBeUndefined();
  });

  test('the JSON-LD check reports JSON that does not parse and data that is not schema.org', () => {
    const page = parseHTML(doc('<script type="application/ld+json">{"@type": "NewsArticle",}</script><script type="application/ld+json">{"headline": "x"}</script>')).document as unknown as Document;
    expect(jsonLdErrors(page)).toEqual([
      expect.stringMatching(/^block 1: .*JSON/),
      'block 2: @context is not https://schema.org',
      'block 2: no @type',
    ]);
  });
});
