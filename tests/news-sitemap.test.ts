import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { newsSitemap, robotsTxt } from '../src/lib/reach/news-sitemap.ts';
import { samplePages, SITE, version } from './helpers/sample-content.ts';

const NAME = { es: 'Convoy', en: 'Convoy & Co' };
const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;

describe('newsSitemap', () => {
  it('lists notes of the last 48 hours, in every language, with escaped titles', () => {
    const now = new Date('2023-03-02T12:00:00Z');
    const pages = samplePages(
      [
        { folder: '2023-03-01-new', versions: { en: version('2023-03-01-new', 'en', { title: 'A & B <c>' }) } },
        { folder: '2023-02-27-old', versions: { es: version('2023-02-27-old', 'es') } },
      ],
      now,
    );
    const doc = parse(newsSitemap(pages, SITE, NAME, now));
    const urls = [...doc.querySelectorAll('url')];
    expect(urls).toHaveLength(1);
    expect(urls[0]!.querySelector('loc')!.textContent).toBe('https://a.mx/convoy/en/news/new-en/');
    expect(urls[0]!.querySelector('news\\:title')!.textContent).toBe('A & B <c>');
    expect(urls[0]!.querySelector('news\\:name')!.textContent).toBe('Convoy & Co');
    expect(urls[0]!.querySelector('news\\:language')!.textContent).toBe('en');
    expect(urls[0]!.querySelector('news\\:publication_date')!.textContent).toBe('2023-03-01T18:00:00.000Z');
  });

  it('is a valid, empty urlset when nothing is recent', () => {
    const xml = newsSitemap(samplePages(), SITE, NAME, new Date('2026-11-24T12:00:00Z'));
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"></urlset>\n');
  });
});

describe('robotsTxt', () => {
  it('names both sitemaps with absolute URLs under the base path, and keeps crawlers out of the web editor', () => {
    expect(robotsTxt(SITE)).toBe('User-agent: *\nAllow: /\nDisallow: /convoy/admin/\n\nSitemap: https://a.mx/convoy/sitemap-index.xml\nSitemap: https://a.mx/convoy/news-sitemap.xml\n');
  });
});
