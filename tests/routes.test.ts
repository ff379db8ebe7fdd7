import { describe, expect, it } from 'vitest';
import { absoluteUrl, feedPath, homePath, notePath, notesPath, searchPath, stopPath, topicPath, withBase } from '../src/lib/pages/routes.ts';

describe('homePath', () => {
  it('is /es/ and /en/', () => {
    expect(homePath('es')).toBe('/es/');
    expect(homePath('en')).toBe('/en/');
  });
});

describe('notePath', () => {
  it('uses notas in Spanish', () => {
    expect(notePath('es', 'llegada-los-angeles')).toBe('/es/notas/llegada-los-angeles/');
  });

  it('uses news in English', () => {
    expect(notePath('en', 'arrival-los-angeles')).toBe('/en/news/arrival-los-angeles/');
  });
});

describe('stopPath', () => {
  it('uses paradas in Spanish and stops in English', () => {
    expect(stopPath('es', 'los-angeles')).toBe('/es/paradas/los-angeles/');
    expect(stopPath('en', 'los-angeles')).toBe('/en/stops/los-angeles/');
  });

  it('adds the localized page segment after page 1', () => {
    expect(stopPath('es', 'texas', 2)).toBe('/es/paradas/texas/pagina/2/');
    expect(stopPath('en', 'texas', 3)).toBe('/en/stops/texas/page/3/');
  });
});

describe('topicPath', () => {
  it('uses temas in Spanish and topics in English', () => {
    expect(topicPath('es', 'film')).toBe('/es/temas/film/');
    expect(topicPath('en', 'film')).toBe('/en/topics/film/');
  });

  it('adds the localized page segment after page 1', () => {
    expect(topicPath('es', 'film', 2)).toBe('/es/temas/film/pagina/2/');
    expect(topicPath('en', 'film', 2)).toBe('/en/topics/film/page/2/');
  });
});

describe('searchPath', () => {
  it('is /es/buscar/ and /en/search/', () => {
    expect(searchPath('es')).toBe('/es/buscar/');
    expect(searchPath('en')).toBe('/en/search/');
  });
});

describe('feedPath', () => {
  it('is /es/rss.xml and /en/rss.xml', () => {
    expect(feedPath('es')).toBe('/es/rss.xml');
    expect(feedPath('en')).toBe('/en/rss.xml');
  });
});

describe('notesPath', () => {
  it('lists all notes under the note segment', () => {
    expect(notesPath('es')).toBe('/es/notas/');
    expect(notesPath('en')).toBe('/en/news/');
  });

  it('has no page segment for page 1', () => {
    expect(notesPath('es', 1)).toBe('/es/notas/');
  });

  it('paginates as /es/notas/pagina/2/ and /en/news/page/2/', () => {
    expect(notesPath('es', 2)).toBe('/es/notas/pagina/2/');
    expect(notesPath('en', 2)).toBe('/en/news/page/2/');
  });
});

describe('withBase', () => {
  it('leaves a path unchanged under the root base /', () => {
    expect(withBase('/es/', '/')).toBe('/es/');
  });

  it('prefixes a /convoy/ base once, without a double slash', () => {
    expect(withBase('/es/notas/x/', '/convoy/')).toBe('/convoy/es/notas/x/');
  });

  it('accepts a base without a trailing slash', () => {
    expect(withBase('/es/', '/convoy')).toBe('/convoy/es/');
  });

  it('accepts a path without a leading slash', () => {
    expect(withBase('es/rss.xml', '/convoy/')).toBe('/convoy/es/rss.xml');
  });

  it('accepts a nested base', () => {
    expect(withBase('/en/', '/prensa/convoy/')).toBe('/prensa/convoy/en/');
  });
});

describe('absoluteUrl', () => {
  it('joins the site URL, the base and the path', () => {
    expect(absoluteUrl('/es/', { url: 'https://a.mx', base: '/convoy/' })).toBe('https://a.mx/convoy/es/');
  });

  it('does not double the slash when the site URL ends with one', () => {
    expect(absoluteUrl('/en/news/x/', { url: 'https://a.mx/', base: '/' })).toBe('https://a.mx/en/news/x/');
  });

  it('accepts a base written without slashes', () => {
    expect(absoluteUrl('/es/', { url: 'https://a.mx', base: 'convoy' })).toBe('https://a.mx/convoy/es/');
  });

  it('percent-encodes characters that are not allowed in a URL path', () => {
    expect(absoluteUrl('/es/buscar/ñ/', { url: 'https://a.mx', base: '/' })).toBe('https://a.mx/es/buscar/%C3%B1/');
  });
});

describe('withBase with a base written without slashes', () => {
  it('still gives a root-relative path', () => {
    expect(withBase('/es/', 'convoy')).toBe('/convoy/es/');
    expect(withBase('/es/', '')).toBe('/es/');
  });
});
