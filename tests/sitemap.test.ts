import { describe, expect, it } from 'vitest';
import { sitemapEntries, sitemapOptions } from '../src/lib/reach/sitemap.ts';
import { samplePages, SITE } from './helpers/sample-content.ts';

const entries = () => sitemapEntries(samplePages(), SITE, 'es');

describe('sitemapEntries', () => {
  it('links a translated note to both versions and x-default, with its date', () => {
    expect(entries().get('https://a.mx/convoy/es/notas/both-es/')).toEqual({
      links: [
        { lang: 'es', url: 'https://a.mx/convoy/es/notas/both-es/' },
        { lang: 'en', url: 'https://a.mx/convoy/en/news/both-en/' },
        { lang: 'x-default', url: 'https://a.mx/convoy/es/notas/both-es/' },
      ],
      lastmod: '2023-02-27T18:00:00.000Z',
    });
  });

  it('gives a one-language note no alternates', () => {
    expect(entries().get('https://a.mx/convoy/en/news/only-en/')?.links).toEqual([]);
  });

  it('dates a listing by its newest note', () => {
    expect(entries().get('https://a.mx/convoy/es/')?.lastmod).toBe('2023-03-01T18:00:00.000Z');
  });
});

describe('sitemapOptions', () => {
  it('keeps only known pages and adds their facts', () => {
    let calls = 0;
    const options = sitemapOptions(() => (calls++, entries()), ['https://a.mx/convoy/news-sitemap.xml']);
    expect(options.filter('https://a.mx/convoy/')).toBe(false);
    expect(options.filter('https://a.mx/convoy/404.html')).toBe(false);
    expect(options.filter('https://a.mx/convoy/en/')).toBe(true);
    expect(options.serialize({ url: 'https://a.mx/convoy/en/news/only-en/' })).toEqual({ url: 'https://a.mx/convoy/en/news/only-en/', links: [], lastmod: '2023-03-01T18:00:00.000Z' });
    expect(options.serialize({ url: 'https://a.mx/convoy/' })).toBeUndefined();
    expect(options.customSitemaps).toEqual(['https://a.mx/convoy/news-sitemap.xml']);
    expect(calls).toBe(1);
  });
});
