import { describe, expect, it } from 'vitest';
import { pageHead, type HeadInput, type HeadTag } from '../src/lib/reach/head.ts';

const site = { url: 'https://convoy.example.mx', base: '/convoy/' };

const input = (over: Partial<HeadInput> = {}): HeadInput => ({
  path: '/es/notas/llegada/',
  lang: 'es',
  alternates: { es: '/es/notas/llegada/', en: '/en/news/arrival/' },
  description: 'Llega el convoy a Los Ángeles.',
  site,
  defaultLanguage: 'es',
  ...over,
});

const hreflangs = (tags: HeadTag[]) =>
  Object.fromEntries(tags.filter((t) => t.attrs.rel === 'alternate').map((t) => [t.attrs.hreflang, t.attrs.href]));

describe('pageHead', () => {
  it('gives the meta description', () => {
    expect(pageHead(input())).toContainEqual({ tag: 'meta', attrs: { name: 'description', content: 'Llega el convoy a Los Ángeles.' } });
  });

  it('gives an absolute canonical URL under the base path', () => {
    const canonical = pageHead(input()).filter((t) => t.attrs.rel === 'canonical');
    expect(canonical).toEqual([{ tag: 'link', attrs: { rel: 'canonical', href: 'https://convoy.example.mx/convoy/es/notas/llegada/' } }]);
  });

  it('gives one absolute hreflang alternate per version plus x-default on the default language', () => {
    expect(hreflangs(pageHead(input()))).toEqual({
      es: 'https://convoy.example.mx/convoy/es/notas/llegada/',
      en: 'https://convoy.example.mx/convoy/en/news/arrival/',
      'x-default': 'https://convoy.example.mx/convoy/es/notas/llegada/',
    });
  });

  it('gives the same alternates on the English page, x-default still Spanish', () => {
    expect(hreflangs(pageHead(input({ path: '/en/news/arrival/', lang: 'en' })))).toEqual({
      es: 'https://convoy.example.mx/convoy/es/notas/llegada/',
      en: 'https://convoy.example.mx/convoy/en/news/arrival/',
      'x-default': 'https://convoy.example.mx/convoy/es/notas/llegada/',
    });
  });

  it('points x-default to the default language set in the settings', () => {
    expect(hreflangs(pageHead(input({ defaultLanguage: 'en' })))['x-default']).toBe('https://convoy.example.mx/convoy/en/news/arrival/');
  });

  it('points x-default to the only version when the default language has none', () => {
    const tags = pageHead(input({ path: '/en/news/only/', lang: 'en', alternates: { en: '/en/news/only/' } }));
    expect(hreflangs(tags)).toEqual({
      en: 'https://convoy.example.mx/convoy/en/news/only/',
      'x-default': 'https://convoy.example.mx/convoy/en/news/only/',
    });
  });

  it('adds no hreflang for a language without a version', () => {
    const tags = pageHead(input({ alternates: { es: '/es/notas/solo/' }, path: '/es/notas/solo/' }));
    expect(tags.some((t) => t.attrs.hreflang === 'en')).toBe(false);
  });

  it('adds robots noindex when asked', () => {
    expect(pageHead(input({ noindex: true }))).toContainEqual({ tag: 'meta', attrs: { name: 'robots', content: 'noindex' } });
  });

  it('adds no robots tag for a page to be indexed', () => {
    expect(pageHead(input()).some((t) => t.attrs.name === 'robots')).toBe(false);
  });
});
