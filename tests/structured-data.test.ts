import { describe, expect, it } from 'vitest';
import { breadcrumbs, newsArticle, serializeJsonLd, website } from '../src/lib/reach/structured-data.ts';

const publisher = { name: 'SRE', url: 'https://sre.example', logo: 'https://a.mx/logo.png' };
const article = (over = {}) =>
  newsArticle({
    lang: 'es', url: 'https://a.mx/es/notas/x/', headline: 'Hola', description: 'Resumen',
    published: '2023-02-27T12:00:00-06:00', modified: '2023-02-28T12:00:00-06:00', image: 'https://a.mx/og/es/x.png',
    publisher, isPartOf: { name: 'Convoy', url: 'https://a.mx/es/' },
    location: { name: 'Los Ángeles', region: 'California', country: 'Estados Unidos', coordinates: [34, -118] },
    people: ['Karen Bass'], organizations: ['Netflix'], ...over,
  });

describe('newsArticle', () => {
  it('carries the fields news readers and search engines use', () => {
    const a = article();
    expect(a).toMatchObject({
      '@type': 'NewsArticle', headline: 'Hola', description: 'Resumen', inLanguage: 'es-MX',
      datePublished: '2023-02-27T12:00:00-06:00', dateModified: '2023-02-28T12:00:00-06:00',
      image: ['https://a.mx/og/es/x.png'], isPartOf: { '@type': 'WebSite', name: 'Convoy' },
      mentions: [{ '@type': 'Person', name: 'Karen Bass' }, { '@type': 'Organization', name: 'Netflix' }],
    });
    expect(a.contentLocation).toMatchObject({ name: 'Los Ángeles', geo: { latitude: 34, longitude: -118 } });
    expect(a.publisher).toEqual(a.author);
  });

  it('leaves out the place when the stop is unknown', () => {
    expect(article({ location: undefined })).not.toHaveProperty('contentLocation');
    expect(article({ lang: 'en' }).inLanguage).toBe('en');
  });
});

describe('breadcrumbs and website', () => {
  it('numbers the trail from 1', () => {
    expect(breadcrumbs([['Inicio', 'https://a.mx/es/'], ['Nota', 'https://a.mx/es/notas/x/']]).itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Inicio', item: 'https://a.mx/es/' },
      { '@type': 'ListItem', position: 2, name: 'Nota', item: 'https://a.mx/es/notas/x/' },
    ]);
  });

  it('describes the site with a search action and the publisher', () => {
    const [site, org] = website({ lang: 'en', name: 'Convoy', description: 'D', url: 'https://a.mx/en/', searchUrl: 'https://a.mx/en/search/', publisher });
    expect(site).toMatchObject({ '@type': 'WebSite', inLanguage: 'en', potentialAction: { target: 'https://a.mx/en/search/?q={search_term_string}' } });
    expect(org).toMatchObject({ '@type': 'GovernmentOrganization', name: 'SRE' });
  });
});

describe('serializeJsonLd', () => {
  it('escapes what could end the script element, and still parses back', () => {
    const data = { headline: '</script><script>alert(1)</script> & <!-- \u2028' };
    const text = serializeJsonLd(data);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(data);
  });
});
