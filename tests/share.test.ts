import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NETWORKS, networkLabel, shareLinks } from '../src/lib/reach/share.ts';

const URL_ = 'https://prensa.example.mx/es/notas/llegada-los-angeles/';
const link = (network: string, url: string, title: string) => shareLinks(url, title).find((l) => l.network === network)!.href;
const query = (href: string) => {
  const search = href.slice(href.indexOf('?') + 1);
  // Decode by hand: URLSearchParams would turn a literal '+' into a space.
  return Object.fromEntries(search.split('&').map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]));
};

// Titles with everything that breaks naive concatenation, plus any Unicode.
const hostile = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('"Comillas" & <b>', 'a#b?c=d&e+f%20g', '100% ¿listo? ¡sí!', '🎬 Año nuevo «México»', 'ñ + ü', '%E2%82%AC', ''),
);

describe('shareLinks', () => {
  it('gives one link per network, in order', () => {
    expect(shareLinks(URL_, 't').map((l) => l.network)).toEqual([...NETWORKS]);
  });

  it('builds the documented URL for each network', () => {
    const title = 'Año & más';
    expect(link('facebook', URL_, title)).toBe(`https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fprensa.example.mx%2Fes%2Fnotas%2Fllegada-los-angeles%2F`);
    expect(link('x', URL_, title)).toBe('https://x.com/intent/post?text=A%C3%B1o%20%26%20m%C3%A1s&url=https%3A%2F%2Fprensa.example.mx%2Fes%2Fnotas%2Fllegada-los-angeles%2F');
    expect(link('email', URL_, title)).toBe('mailto:?subject=A%C3%B1o%20%26%20m%C3%A1s&body=A%C3%B1o%20%26%20m%C3%A1s%0A%0Ahttps%3A%2F%2Fprensa.example.mx%2Fes%2Fnotas%2Fllegada-los-angeles%2F');
  });

  it('carries any title and URL so that they decode back exactly', () => {
    fc.assert(
      fc.property(hostile, fc.webUrl({ withQueryParameters: true, withFragments: true }), (title, url) => {
        expect(query(link('x', url, title))).toEqual({ text: title, url });
        expect(query(link('telegram', url, title))).toEqual({ url, text: title });
        expect(query(link('facebook', url, title))).toEqual({ u: url });
        expect(query(link('linkedin', url, title))).toEqual({ url });
        expect(query(link('whatsapp', url, title))).toEqual({ text: `${title} ${url}` });
        expect(query(link('bluesky', url, title))).toEqual({ text: `${title} ${url}` });
        expect(query(link('email', url, title))).toEqual({ subject: title, body: `${title}\n\n${url}` });
      }),
      { numRuns: 500 },
    );
  });

  it('never leaves a character in the link that could end the attribute or the query', () => {
    fc.assert(
      fc.property(hostile, (title) => {
        for (const { href } of shareLinks(URL_, title)) {
          const search = href.slice(href.indexOf('?') + 1);
          expect(search).not.toMatch(/[\s"<>#+]/);
          expect(search.split('&')).toHaveLength(href.includes('text=') && href.includes('url=') || href.startsWith('mailto:') ? 2 : 1);
        }
      }),
    );
  });
});

describe('networkLabel', () => {
  it('translates only e-mail', () => {
    expect(networkLabel('email', 'es')).toBe('Correo');
    expect(networkLabel('email', 'en')).toBe('E-mail');
    expect(networkLabel('linkedin', 'es')).toBe('LinkedIn');
  });
});
