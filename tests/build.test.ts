import { describe, expect, it } from 'vitest';
import { FIXTURE_ENV, fixtureBuild } from './setup/fixture-builds.ts';
import { attr, BuiltSite } from './helpers/built-site.ts';

const site = new BuiltSite(await fixtureBuild('root'));
const ORIGIN = FIXTURE_ENV.SITE_URL;
// The web editor's page (/admin/) is not a page of the site: tests/build-editor.test.ts covers it.
const pagesWithHead = () => site.htmlPaths().filter((p) => p !== '/' && p !== '/404.html' && p !== '/admin/');

describe('the URL table', () => {
  it('has every page of the design for the fixture content', () => {
    expect(site.htmlPaths()).toEqual(
      [
        '/', '/404.html', '/admin/',
        '/en/', '/en/news/', '/en/news/bilingual-test/', '/en/news/tricky-en/', '/en/search/',
        '/en/stops/japan/', '/en/stops/los-angeles/', '/en/topics/economy/', '/en/topics/film/',
        '/es/', '/es/buscar/', '/es/notas/', '/es/notas/bilingue/', '/es/notas/solo-espanol/',
        '/es/paradas/japan/', '/es/paradas/los-angeles/', '/es/temas/economy/', '/es/temas/film/',
      ].sort(),
    );
  });

  it('sends / to /es/ without JavaScript and keeps it out of search engines', () => {
    const doc = site.page('/');
    expect(attr(doc, 'meta[http-equiv="refresh"]', 'content')).toBe('0; url=/es/');
    expect(attr(doc, 'body a')).toBe('/es/');
    expect(attr(doc, 'meta[name="robots"]', 'content')).toBe('noindex');
    expect(doc.querySelectorAll('script')).toHaveLength(0);
  });

  it('has one 404 page in both languages', () => {
    const doc = site.page('/404.html');
    expect([...doc.querySelectorAll('main > section')].map((s) => s.getAttribute('lang'))).toEqual(['es', 'en']);
    expect(doc.body.textContent).toContain('Página no encontrada');
    expect(doc.body.textContent).toContain('Page not found');
  });
});

describe('bilingual rules on every page', () => {
  it('sets html lang from the path', () => {
    for (const path of pagesWithHead()) {
      expect(site.page(path).documentElement.getAttribute('lang'), path).toBe(path.slice(1, 3));
    }
  });

  it('gives every page an absolute canonical URL to itself', () => {
    for (const path of pagesWithHead()) {
      expect(attr(site.page(path), 'link[rel="canonical"]'), path).toBe(`${ORIGIN}${path}`);
    }
  });

  it('lists reciprocal hreflang alternates plus x-default', () => {
    for (const path of pagesWithHead()) {
      const alternates = hreflangs(path);
      expect(alternates[path.slice(1, 3)], `${path} names itself`).toBe(`${ORIGIN}${path}`);
      expect(alternates['x-default'], `${path} has x-default`).toBeDefined();
      for (const [lang, url] of Object.entries(alternates)) {
        const other = url.slice(ORIGIN.length);
        expect(site.serves(other), `${path} → ${lang} ${other} exists`).toBe(true);
        if (lang !== 'x-default') expect(hreflangs(other)[path.slice(1, 3)], `${other} points back to ${path}`).toBe(`${ORIGIN}${path}`);
      }
    }
  });

  it('points x-default at the Spanish version when there is one', () => {
    expect(hreflangs('/en/news/bilingual-test/')['x-default']).toBe(`${ORIGIN}/es/notas/bilingue/`);
    expect(hreflangs('/en/news/tricky-en/')['x-default']).toBe(`${ORIGIN}/en/news/tricky-en/`);
  });

  it('switches language to the counterpart, or the nearest page, never a missing one', () => {
    expect(switcher('/es/notas/bilingue/')).toBe('/en/news/bilingual-test/');
    expect(switcher('/en/news/bilingual-test/')).toBe('/es/notas/bilingue/');
    expect(switcher('/en/news/tricky-en/')).toBe('/es/paradas/los-angeles/');
    expect(switcher('/es/notas/solo-espanol/')).toBe('/en/stops/los-angeles/');
    expect(switcher('/es/temas/film/')).toBe('/en/topics/film/');
    for (const path of pagesWithHead()) expect(site.serves(switcher(path)), `${path} switcher`).toBe(true);
  });

  it('lists a one-language note in the other language with a label and a link to the version that exists', () => {
    const en = cardFor('/en/news/', 'Solo en español');
    expect(en.getAttribute('lang')).toBe('es');
    expect(en.querySelector('.only-in')?.textContent).toBe('Available in Spanish only');
    expect(attr(en as unknown as Document, 'a')).toBe('/es/notas/solo-espanol/');
    const es = cardFor('/es/notas/', 'Quotes "yes" & <b>angle</b> </script> 🎬 emoji');
    expect(es.querySelector('.only-in')?.textContent).toBe('Disponible solo en inglés');
    expect(attr(es as unknown as Document, 'a')).toBe('/en/news/tricky-en/');
    expect(site.serves('/en/news/solo-espanol/')).toBe(false);
  });
});

describe('dates', () => {
  it('keeps the day of a date without time and shows no clock time', () => {
    const time = site.page('/es/notas/solo-espanol/').querySelector('.note__dates time')!;
    expect(time.textContent).toBe('28 de febrero de 2023');
    expect(time.getAttribute('datetime')).toBe('2023-02-28T00:00:00-06:00');
  });

  it('shows the Mexico City date for a time written with another offset', () => {
    // 23:30 in Los Angeles (UTC-8) on 1 March is 01:30 on 2 March in Mexico City (UTC-6).
    const time = site.page('/en/news/tricky-en/').querySelector('.note__dates time')!;
    expect(time.getAttribute('datetime')).toBe('2023-03-02T01:30:00-06:00');
    expect(time.textContent).toMatch(/^March 2, 2023/);
  });
});

describe('tricky and hostile notes', () => {
  it('shows a title with quotes, ampersands, angle brackets and emoji as text', () => {
    const doc = site.page('/en/news/tricky-en/');
    expect(doc.querySelector('h1')?.textContent).toBe('Quotes "yes" & <b>angle</b> </script> 🎬 emoji');
    expect(doc.querySelector('title')?.textContent).toMatch(/^Quotes "yes" & <b>angle<\/b> <\/script> 🎬 emoji \| /);
    expect(doc.querySelector('h1 b')).toBeNull();
  });

  it('renders raw HTML inert: no script, no event handler, no javascript: link', () => {
    const prose = site.page('/en/news/tricky-en/').querySelector('.prose')!;
    expect(prose.textContent).toContain('Hostile');
    expect(prose.querySelectorAll('script')).toHaveLength(0);
    for (const el of prose.querySelectorAll('*')) {
      for (const { name, value } of el.attributes) {
        expect(name.toLowerCase().startsWith('on'), `${el.tagName} ${name}`).toBe(false);
        expect(/^\s*javascript:/i.test(value), `${el.tagName} ${name}=${value}`).toBe(false);
      }
    }
  });

  it('leaves no trace of drafts or embargoed notes anywhere in the build', () => {
    const everything = site.allText();
    for (const secret of ['Borrador secreto', 'zanahoriaborrador', 'Nota embargada', 'pepinoembargo', '2099-01-01']) {
      expect(everything.includes(secret), secret).toBe(false);
    }
  });
});

describe('links', () => {
  it('never links to a page or asset the build does not have', () => {
    for (const path of site.htmlPaths()) {
      for (const url of localUrls(site.page(path))) expect(site.serves(url), `${path} → ${url}`).toBe(true);
    }
  });
});

describe('stylesheets', () => {
  const sheets = (path: string) => [...site.page(path).querySelectorAll('link[rel="stylesheet"]')].map((link) => link.getAttribute('href')!);
  it('gives the search pages a stylesheet of their own, which no other page fetches', () => {
    const searchPages = ['/es/buscar/', '/en/search/'];
    const own = sheets('/es/buscar/').filter((href) => /^\/_astro\/search\.[\w-]+\.css$/.test(href));
    expect(own).toHaveLength(1);
    expect(sheets('/en/search/')).toContain(own[0]);
    expect(site.text(own[0]!)).toContain('.search-result');
    const others = pagesWithHead().filter((path) => !searchPages.includes(path));
    expect(others.length).toBeGreaterThan(10);
    for (const path of others) {
      expect(sheets(path).length, path).toBeGreaterThan(0);
      for (const href of sheets(path)) expect(site.text(href), `${path} ${href}`).not.toContain('.search-result');
    }
  });
});

// The sample site is built under /convoy/ (tests/setup/fixture-builds.ts); its links are checked in tests/static-checks.test.ts.
const based = new BuiltSite(await fixtureBuild('sample'), '/convoy/');

describe('under a base path', () => {
  it('uses the base path in every canonical and alternate URL, each a page of the build, and in the root redirect', () => {
    const notes = based.htmlPaths().filter((path) => /^\/(es\/notas|en\/news)\/[^/]+\/$/.test(path));
    expect(notes.length).toBeGreaterThan(4);
    for (const path of notes) {
      const doc = based.page(path);
      expect(attr(doc, 'link[rel="canonical"]'), path).toBe(`${ORIGIN}/convoy${path}`);
      const alternates = [...doc.querySelectorAll('link[rel="alternate"][hreflang]')].map((link) => link.getAttribute('href')!);
      expect(alternates.length, path).toBeGreaterThan(0);
      for (const url of alternates) {
        expect(url.startsWith(`${ORIGIN}/convoy/`), `${path} → ${url}`).toBe(true);
        expect(based.serves(url.slice(ORIGIN.length)), `${path} → ${url}`).toBe(true);
      }
    }
    expect(attr(based.page('/'), 'meta[http-equiv="refresh"]', 'content')).toBe('0; url=/convoy/es/');
  });
});

function hreflangs(path: string): Record<string, string> {
  const links = site.page(path).querySelectorAll('link[rel="alternate"][hreflang]');
  return Object.fromEntries([...links].map((l) => [l.getAttribute('hreflang')!, l.getAttribute('href')!]));
}

function switcher(path: string): string {
  return attr(site.page(path), '.lang-switch')!;
}

function cardFor(path: string, title: string): Element {
  const card = [...site.page(path).querySelectorAll('.note-card')].find((c) => c.querySelector('a')?.textContent === title);
  if (!card) throw new Error(`${path} lists no note titled ${title}`);
  return card;
}

function localUrls(doc: Document): string[] {
  const urls = [
    ...[...doc.querySelectorAll('a[href], link[href]')].map((e) => e.getAttribute('href')!),
    ...[...doc.querySelectorAll('img[src], script[src]')].map((e) => e.getAttribute('src')!),
    ...[...doc.querySelectorAll('[srcset]')].flatMap((e) => e.getAttribute('srcset')!.split(',').map((s) => s.trim().split(/\s+/)[0]!)),
  ];
  return urls.filter((u) => u.startsWith('/') && !u.startsWith('//')).map((u) => u.split('#')[0]!).filter(Boolean);
}
