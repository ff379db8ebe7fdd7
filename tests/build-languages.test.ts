import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { attr, BuiltSite } from './helpers/built-site.ts';
import { ScratchSite } from './helpers/scratch-site.ts';
import { FIXTURE_ENV, fixtureBuild } from './setup/fixture-builds.ts';

// The same language rules as the bilingual fixture (tests/build.test.ts),
// on a site of three languages and on a site of one: the languages are
// settings (tests/fixtures/*/settings.ts), not code.
const ORIGIN = FIXTURE_ENV.SITE_URL;
const three = new BuiltSite(await fixtureBuild('three'));
const one = new BuiltSite(await fixtureBuild('one'));

const hreflangs = (site: BuiltSite, path: string) =>
  Object.fromEntries([...site.page(path).querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.getAttribute('hreflang')!, l.getAttribute('href')!]));
const switcher = (site: BuiltSite, path: string) =>
  [...site.page(path).querySelectorAll('.lang-switch')].map((a) => [a.getAttribute('lang'), a.getAttribute('href'), a.textContent, a.getAttribute('aria-label')]);
const card = (site: BuiltSite, path: string, title: string) =>
  [...site.page(path).querySelectorAll('.note-card')].find((c) => c.querySelector('a')?.textContent === title);

describe('a site in three languages (es, en, fr)', () => {
  it('publishes every page in each language, with the French URL words of the settings', () => {
    for (const path of ['/es/', '/en/', '/fr/', '/fr/actualites/', '/fr/recherche/', '/fr/etapes/los-angeles/', '/fr/themes/film/', '/fr/actualites/trois-langues/', '/fr/actualites/sans-anglais/']) {
      expect(three.serves(path), path).toBe(true);
    }
    expect(three.serves('/en/news/sans-anglais/')).toBe(false);
  });

  it('writes French pages with the French strings file', () => {
    const doc = three.page('/fr/');
    expect(doc.documentElement.getAttribute('lang')).toBe('fr');
    expect(doc.querySelector('.skip-link')?.textContent).toBe('Aller au contenu');
    expect(three.page('/fr/actualites/trois-langues/').querySelector('time')?.textContent).toMatch(/27 février 2023/);
  });

  it('gives hreflang for every existing version plus x-default, the default language first', () => {
    expect(hreflangs(three, '/fr/actualites/trois-langues/')).toEqual({
      fr: `${ORIGIN}/fr/actualites/trois-langues/`,
      es: `${ORIGIN}/es/notas/trilingue/`,
      en: `${ORIGIN}/en/news/three-languages/`,
      'x-default': `${ORIGIN}/es/notas/trilingue/`,
    });
    expect(hreflangs(three, '/fr/actualites/sans-anglais/')).toEqual({
      fr: `${ORIGIN}/fr/actualites/sans-anglais/`,
      es: `${ORIGIN}/es/notas/sans-anglais/`,
      'x-default': `${ORIGIN}/es/notas/sans-anglais/`,
    });
  });

  it('lists both other languages in the switcher, each to the counterpart, else the nearest page', () => {
    expect(switcher(three, '/es/notas/trilingue/')).toEqual([
      ['en', '/en/news/three-languages/', 'English', 'Read this page in English'],
      ['fr', '/fr/actualites/trois-langues/', 'Français', 'Lire cette page en français'],
    ]);
    expect(switcher(three, '/fr/actualites/sans-anglais/')).toEqual([
      ['es', '/es/notas/sans-anglais/', 'Español', 'Leer esta página en español'],
      ['en', '/en/stops/los-angeles/', 'English', 'Read this page in English'],
    ]);
    for (const [, href] of switcher(three, '/fr/actualites/sans-anglais/')) expect(three.serves(href!), href!).toBe(true);
  });

  it('lists a note missing in a language there, naming the languages it has and linking to one', () => {
    const missing = card(three, '/en/news/', 'Nota sin inglés');
    expect(missing?.querySelector('.only-in')?.textContent).toBe('Available in Spanish and French only');
    expect(missing?.querySelector('a')?.getAttribute('href')).toBe('/es/notas/sans-anglais/');
    expect(card(three, '/fr/actualites/', 'English only')?.querySelector('.only-in')?.textContent).toBe('Disponible uniquement en anglais');
  });

  it('writes a feed, share images and a search index per language', () => {
    const feed = three.text('/fr/rss.xml');
    expect(feed).toContain('<language>fr-FR</language>');
    expect(feed).toContain(`${ORIGIN}/fr/actualites/trois-langues/`);
    expect(feed).not.toContain('/en/news/');
    for (const image of ['/og/fr/trois-langues.png', '/og/fr/sans-anglais.png', '/og/en/three-languages.png', '/og/es/trilingue.png']) expect(three.serves(image), image).toBe(true);
    const entry = JSON.parse(three.text('/pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'es', 'fr']);
    expect(entry.languages.fr!.page_count).toBe(2);
  });

  it('puts the French pages in the sitemap with their alternates', () => {
    const sitemap = three.text('/sitemap-0.xml');
    expect(sitemap).toContain(`<loc>${ORIGIN}/fr/actualites/trois-langues/</loc>`);
    expect(sitemap).toContain(`<xhtml:link rel="alternate" hreflang="fr" href="${ORIGIN}/fr/actualites/trois-langues/"/>`);
  });

  it('leaves no link to a page that does not exist', () => {
    const broken = three.htmlPaths().flatMap((path) =>
      [...three.page(path).querySelectorAll('a[href^="/"]')].map((a) => a.getAttribute('href')!.split('#')[0]!).filter((href) => href && !three.serves(href)).map((href) => `${path} -> ${href}`),
    );
    expect(broken).toEqual([]);
  });
});

describe('colours from the settings (the three-language fixture has its own)', () => {
  it('reach the built stylesheet, with no inline style', () => {
    const css = three.allText();
    expect(css).toMatch(/--guinda:#123456;--guinda-dark:#0a1b2c;--gold:#c0ffee;--gold-light:#f0e0d0/);
    expect(css).not.toContain('#9f2241');
    expect(three.page('/fr/').querySelectorAll('[style], style').length).toBe(0);
  });

  it('reach the share cards: the top band is the primary dark colour, the foot the primary', async () => {
    const png = readFileSync(join(three.dir, 'og/fr/trois-langues.png'));
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    expect(pixel(5, 5)).toEqual([0x0a, 0x1b, 0x2c]);
    expect(pixel(5, info.height - 5)).toEqual([0x12, 0x34, 0x56]);
  });
});

describe('a site in one language (es)', () => {
  it('has no language switcher and no alternates on any page', () => {
    for (const path of one.htmlPaths()) {
      const doc = one.page(path);
      expect(doc.querySelectorAll('.lang-switch').length, path).toBe(0);
      expect(doc.querySelectorAll('link[rel="alternate"][hreflang]').length, path).toBe(0);
      expect(doc.querySelectorAll('meta[property="og:locale:alternate"]').length, path).toBe(0);
    }
  });

  it('publishes only that language, with nothing broken', () => {
    expect(existsSync(join(one.dir, 'en'))).toBe(false);
    expect(one.serves('/es/notas/unica/')).toBe(true);
    expect(attr(one.page('/'), 'meta[http-equiv="refresh"]', 'content')).toBe('0; url=/es/');
    expect(one.page('/es/notas/').querySelectorAll('.only-in').length).toBe(0);
    expect(one.text('/es/rss.xml')).toContain(`${ORIGIN}/es/notas/unica/`);
    expect(one.serves('/og/es/unica.png')).toBe(true);
    expect(one.text('/sitemap-0.xml')).not.toContain('xhtml:link');
    const broken = one.htmlPaths().flatMap((path) => [...one.page(path).querySelectorAll('a[href^="/"]')].map((a) => a.getAttribute('href')!.split('#')[0]!).filter((h) => h && !one.serves(h)));
    expect(broken).toEqual([]);
  });

  it('writes a 404 page in that one language', () => {
    expect(one.page('/404.html').querySelectorAll('section[lang]').length).toBe(1);
    expect(readFileSync(join(one.dir, '404.html'), 'utf8')).not.toContain('English');
  });
});

describe('a language the share-card fonts cannot draw', () => {
  it('is refused at the start of the build, naming the letters and the font to add, and nothing is published', () => {
    const site = new ScratchSite('unsupported-script', 'tests/fixtures/unsupported-script/content');
    try {
      const run = site.build([], { SETTINGS_FILE: 'tests/fixtures/unsupported-script/settings.ts' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('Language "ja": the share-card fonts cannot draw 日, 本, 語');
      expect(run.stderr).toContain('Add a font for Japanese such as @fontsource/noto-sans-jp to the card fonts (src/lib/share-image/share-images.ts)');
      expect(existsSync(site.out)).toBe(false);
      expect(run.stdout, 'refused in the first step, before Astro starts').not.toContain('[2/5]');
    } finally {
      site.remove();
    }
  }, 240_000);
});
