import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { attr, BuiltSite } from './helpers/built-site.ts';
import { FIXTURE_ENV, fixtureBuild } from './setup/fixture-builds.ts';

const site = new BuiltSite(await fixtureBuild('root'));
const ORIGIN = FIXTURE_ENV.SITE_URL;
const notePages = ['/es/notas/bilingue/', '/es/notas/solo-espanol/', '/en/news/bilingual-test/', '/en/news/tricky-en/'];
const TRICKY = 'Quotes "yes" & <b>angle</b> </script> 🎬 emoji';

const meta = (doc: Document, key: string) =>
  [...doc.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)].map((m) => m.getAttribute('content'));
const jsonLd = (doc: Document) => [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent!));
const xml = (path: string) => new DOMParser().parseFromString(site.text(path), 'text/xml') as unknown as Document;

describe('preview cards on note pages', () => {
  it('describe the note with absolute URLs and the article facts', () => {
    const doc = site.page('/en/news/tricky-en/');
    expect(meta(doc, 'og:title')).toEqual([TRICKY]);
    expect(meta(doc, 'og:description')).toEqual(['Tricky: & < > " ñ']);
    expect(meta(doc, 'og:url')).toEqual([`${ORIGIN}/en/news/tricky-en/`]);
    expect(meta(doc, 'og:type')).toEqual(['article']);
    expect(meta(doc, 'og:locale')).toEqual(['en_US']);
    expect(meta(doc, 'og:locale:alternate')).toEqual([]);
    expect(meta(doc, 'og:image')).toEqual([`${ORIGIN}/og/en/tricky-en.png`]);
    expect(meta(doc, 'og:image:width')).toEqual(['1200']);
    expect(meta(doc, 'og:image:height')).toEqual(['630']);
    expect(meta(doc, 'og:image:alt')).toEqual([TRICKY]);
    expect(meta(doc, 'twitter:card')).toEqual(['summary_large_image']);
    expect(meta(doc, 'article:published_time')).toEqual(['2023-03-02T01:30:00-06:00']);
    expect(meta(doc, 'article:section')).toEqual(['Los Angeles']);
    expect(meta(doc, 'article:tag')).toEqual(['Film']);
  });

  it('name the other language of a translated note', () => {
    const doc = site.page('/es/notas/bilingue/');
    expect(meta(doc, 'og:locale')).toEqual(['es_MX']);
    expect(meta(doc, 'og:locale:alternate')).toEqual(['en_US']);
    expect(meta(doc, 'article:tag')).toEqual(['Cine', 'Economía']);
  });

  it('use the canonical URL for og:url on every page, and site-level cards off notes', () => {
    for (const path of site.htmlPaths().filter((p) => p.startsWith('/es/') || p.startsWith('/en/'))) {
      const doc = site.page(path);
      expect(meta(doc, 'og:url'), path).toEqual([attr(doc, 'link[rel="canonical"]')]);
      if (!notePages.includes(path)) {
        expect(meta(doc, 'og:type'), path).toEqual(['website']);
        expect(meta(doc, 'og:image'), path).toEqual([`${ORIGIN}/og-default.png`]);
      }
    }
    expect(site.serves('/og-default.png')).toBe(true);
  });
});

describe('structured data', () => {
  it('gives each note a NewsArticle whose headline is the page title', () => {
    for (const path of notePages) {
      const doc = site.page(path);
      const [article, crumbs] = jsonLd(doc);
      expect(article['@type'], path).toBe('NewsArticle');
      expect(article.headline, path).toBe(doc.querySelector('h1')!.textContent);
      expect(article.url, path).toBe(`${ORIGIN}${path}`);
      expect(article.inLanguage, path).toBe(path.startsWith('/es/') ? 'es-MX' : 'en');
      expect(article.image, path).toEqual([meta(doc, 'og:image')[0]]);
      expect(article.publisher.name, path).toBeTruthy();
      expect(article.contentLocation.name, path).toMatch(/^Los (Á|A)ngeles$/);
      expect(crumbs['@type'], path).toBe('BreadcrumbList');
      expect(crumbs.itemListElement.at(-1).item, path).toBe(`${ORIGIN}${path}`);
    }
  });

  it('lists people and organizations as mentions, with dates in the site time zone', () => {
    const [article] = jsonLd(site.page('/es/notas/bilingue/'));
    expect(article.mentions).toEqual([
      { '@type': 'Person', name: 'Karen Bass' },
      { '@type': 'Organization', name: 'Netflix' },
      { '@type': 'Organization', name: 'Secretaría de Relaciones Exteriores' },
    ]);
    expect(article.datePublished).toBe('2023-02-27T12:00:00-06:00');
    expect(article.dateModified).toBe('2023-02-27T12:00:00-06:00');
  });

  it('keeps a title holding </script> inside the JSON', () => {
    const raw = site.text('/en/news/tricky-en/');
    const block = raw.slice(raw.indexOf('<script type="application/ld+json">'));
    expect(block.slice(0, block.indexOf('</script>'))).toContain('\\u003c/script\\u003e');
    expect(jsonLd(site.page('/en/news/tricky-en/'))[0].headline).toBe(TRICKY);
  });

  it('describes the site and its publisher on the homes', () => {
    for (const path of ['/es/', '/en/']) {
      expect(jsonLd(site.page(path)).map((d) => d['@type']), path).toEqual(['WebSite', 'GovernmentOrganization']);
    }
  });
});

describe('share bar', () => {
  it('carries the canonical URL and the title on every network, without JavaScript', () => {
    const doc = site.page('/en/news/tricky-en/');
    const links = [...doc.querySelectorAll('.share-bar a[data-share]')];
    expect(links.map((a) => a.getAttribute('data-share'))).toEqual(['whatsapp', 'facebook', 'x', 'linkedin', 'bluesky', 'telegram', 'email']);
    const x = new URL(attr(doc, 'a[data-share="x"]')!);
    expect(x.searchParams.get('text')).toBe(TRICKY);
    expect(x.searchParams.get('url')).toBe(`${ORIGIN}/en/news/tricky-en/`);
    for (const a of links.filter((l) => l.getAttribute('data-share') !== 'email')) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('adds copy and native share only through one small script', () => {
    const doc = site.page('/es/notas/bilingue/');
    expect(doc.querySelector('[data-share-copy]')!.hasAttribute('hidden')).toBe(true);
    expect(doc.querySelector('[data-share-native]')!.hasAttribute('hidden')).toBe(true);
    const scripts = [...doc.querySelectorAll('script:not([type="application/ld+json"])')];
    const bytes = scripts.reduce((n, s) => n + (s.textContent?.length ?? 0), 0);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(2048);
    expect(site.text('/es/notas/bilingue/')).not.toMatch(/<script[^>]+src="https?:/);
  });
});

describe('feeds', () => {
  it('has an RSS feed per language with its own published notes, newest first', () => {
    const es = xml('/es/rss.xml');
    expect([...es.querySelectorAll('item > title')].map((t) => t.textContent)).toEqual(['Solo en español', 'Nota bilingüe de prueba']);
    const en = xml('/en/rss.xml');
    expect([...en.querySelectorAll('item > title')].map((t) => t.textContent)).toEqual([TRICKY, 'Bilingual test note']);
    const item = en.querySelector('item')!;
    expect(item.querySelector('link')!.textContent).toBe(`${ORIGIN}/en/news/tricky-en/`);
    expect(item.querySelector('guid')!.textContent).toBe(`${ORIGIN}/en/news/tricky-en/`);
    expect(item.querySelector('category')!.textContent).toBe('Film');
    expect(new Date(item.querySelector('pubDate')!.textContent!).toISOString()).toBe('2023-03-02T07:30:00.000Z');
    expect(item.querySelector('media\\:content')!.getAttribute('url')).toBe(`${ORIGIN}/og/en/tricky-en.png`);
    expect(en.querySelector('atom\\:link')!.getAttribute('href')).toBe(`${ORIGIN}/en/rss.xml`);
  });

  it('is announced in the head of every page', () => {
    for (const path of site.htmlPaths().filter((p) => p.startsWith('/es/') || p.startsWith('/en/'))) {
      expect(attr(site.page(path), 'link[type="application/rss+xml"]'), path).toBe(`/${path.slice(1, 3)}/rss.xml`);
    }
  });
});

describe('sitemaps and robots.txt', () => {
  const urls = () => [...xml('/sitemap-0.xml').querySelectorAll('url')];

  it('lists every real page once, without the root redirect, the 404 or the web editor', () => {
    const locs = urls().map((u) => u.querySelector('loc')!.textContent!.slice(ORIGIN.length)).sort();
    const pages = site.htmlPaths().filter((p) => p !== '/' && p !== '/404.html' && p !== '/admin/');
    expect(locs).toEqual(pages);
  });

  it('links translated pages to each other with xhtml:link and gives notes their date', () => {
    const entry = urls().find((u) => u.querySelector('loc')!.textContent === `${ORIGIN}/es/notas/bilingue/`)!;
    const links = [...entry.querySelectorAll('xhtml\\:link')].map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]);
    expect(links).toEqual([
      ['es', `${ORIGIN}/es/notas/bilingue/`],
      ['en', `${ORIGIN}/en/news/bilingual-test/`],
      ['x-default', `${ORIGIN}/es/notas/bilingue/`],
    ]);
    expect(entry.querySelector('lastmod')!.textContent).toBe('2023-02-27T18:00:00.000Z');
    const single = urls().find((u) => u.querySelector('loc')!.textContent === `${ORIGIN}/en/news/tricky-en/`)!;
    expect(single.querySelectorAll('xhtml\\:link')).toHaveLength(0);
  });

  it('has a sitemap index naming both sitemaps, and a Google News sitemap that is empty when nothing is recent', () => {
    const index = [...xml('/sitemap-index.xml').querySelectorAll('loc')].map((l) => l.textContent);
    expect(index).toEqual([`${ORIGIN}/news-sitemap.xml`, `${ORIGIN}/sitemap-0.xml`]);
    const news = xml('/news-sitemap.xml');
    expect(news.querySelector('urlset')!.getAttribute('xmlns:news')).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(news.querySelectorAll('url')).toHaveLength(0);
  });

  it('names both sitemaps in robots.txt', () => {
    expect(site.text('/robots.txt')).toBe(`User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: ${ORIGIN}/sitemap-index.xml\nSitemap: ${ORIGIN}/news-sitemap.xml\n`);
  });
});
