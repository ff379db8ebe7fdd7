import { describe, expect, it } from 'vitest';
import { pageCacheKeys, pageReuse, siteCodeFiles, type SiteData } from '../src/lib/build/page-cache.ts';
import type { Page } from '../src/lib/pages/pages.ts';
import type { Note } from '../src/lib/content/types.ts';
import { samplePages, STOPS, TOPICS, version } from './helpers/sample-content.ts';

const SITE_DATA: SiteData = { env: { url: 'https://a.mx', base: '/convoy/', preview: false }, stops: STOPS, topics: TOPICS };

const notes = (over: Partial<Record<'bothEs' | 'soloEs', Parameters<typeof version>[2]>> = {}): Note[] => [
  { folder: '2023-02-27-both', versions: { es: version('2023-02-27-both', 'es', over.bothEs), en: version('2023-02-27-both', 'en') } },
  { folder: '2023-02-28-solo', versions: { es: version('2023-02-28-solo', 'es', over.soloEs) } },
  { folder: '2023-03-01-only', versions: { en: version('2023-03-01-only', 'en') } },
];

/** Paths of the pages whose key differs between two builds of the same pages. */
function changed(before: Page[], after: Page[], site: SiteData = SITE_DATA, siteAfter: SiteData = site): string[] {
  const a = pageCacheKeys(before, site);
  const b = pageCacheKeys(after, siteAfter);
  expect(after.map((p) => p.path)).toEqual(before.map((p) => p.path));
  return before.flatMap((page, i) => (a[i] === b[i] ? [] : [page.path]));
}

describe('pageCacheKeys', () => {
  const pages = samplePages(notes());

  it('gives every page its own key, the same on every build of the same content', () => {
    const keys = pageCacheKeys(pages, SITE_DATA);
    expect(new Set(keys).size).toBe(pages.length);
    expect(pageCacheKeys(samplePages(notes()), SITE_DATA)).toEqual(keys);
  });

  it('changes only the page of a note whose text or images changed', () => {
    expect(changed(pages, samplePages(notes({ soloEs: { source: 'edited' } })))).toEqual(['/es/notas/solo-es/']);
  });

  it('changes every page that shows a retitled note, and no other', () => {
    const retitled = changed(pages, samplePages(notes({ soloEs: { title: 'Nuevo título' } })));
    // Its own page; the Spanish note that links to it (related, previous); the
    // homes and lists of both languages, since a note in one language only is
    // listed in the other too. Not the English notes, the search pages.
    expect(retitled.sort()).toEqual([
      '/en/', '/en/news/', '/en/stops/los-angeles/', '/en/topics/film/',
      '/es/', '/es/notas/', '/es/notas/both-es/', '/es/notas/solo-es/', '/es/paradas/los-angeles/', '/es/temas/film/',
    ]);
  });

  it('changes every page when what all pages show changes: address, base path, preview, stops or topics', () => {
    const all = pages.map((p) => p.path);
    const with_ = (over: Partial<SiteData>, env: Partial<SiteData['env']> = {}): SiteData => ({ ...SITE_DATA, ...over, env: { ...SITE_DATA.env, ...env } });
    expect(changed(pages, pages, SITE_DATA, with_({}, { url: 'https://b.mx' }))).toEqual(all);
    expect(changed(pages, pages, SITE_DATA, with_({}, { base: '/' }))).toEqual(all);
    expect(changed(pages, pages, SITE_DATA, with_({}, { preview: true }))).toEqual(all);
    expect(changed(pages, pages, SITE_DATA, with_({ topics: { film: { es: 'Cinematografía', en: 'Film' } } }))).toEqual(all);
    expect(changed(pages, pages, SITE_DATA, with_({ stops: [{ ...STOPS[0]!, coordinates: [0, 0] }] }))).toEqual(all);
  });

  it('does not depend on the moment of the build, only on what it decides', () => {
    const site = { ...SITE_DATA, env: { ...SITE_DATA.env, now: new Date('2030-01-01T00:00:00Z') } };
    expect(changed(pages, pages, SITE_DATA, site)).toEqual([]);
    // The clock does change a page when it publishes a note: here the embargoed one appears.
    const embargoed = notes({ soloEs: { date: new Date('2027-01-01T18:00:00Z') } });
    const later = changed(samplePages(embargoed).filter((p) => p.kind !== 'note'), samplePages(embargoed, new Date('2027-02-01T00:00:00Z')).filter((p) => p.kind !== 'note'));
    expect(later).toContain('/es/notas/');
  });
});

/** An incremental-build manifest as Astro writes it, with one route. */
function manifest(paths: Record<string, string>, over: { configHash?: string; dependencyHash?: string; contentHashes?: Record<string, string> } = {}): string {
  return JSON.stringify({
    version: 1,
    configHash: over.configHash ?? 'config',
    lockfileHash: 'lock',
    keyDigest: 'changes every build',
    routes: {
      'src/pages/[...path].astro': {
        dependencyHash: over.dependencyHash ?? 'code',
        paths: Object.fromEntries(Object.entries(paths).map(([path, cacheKey]) => [path, { cacheKey, outputFile: `${path}index.html`, contentHashes: over.contentHashes }])),
      },
    },
  });
}

describe('pageReuse', () => {
  const last = manifest({ '/es/': 'a', '/en/': 'b', '/es/notas/x/': 'c' });

  it('counts every page as rendered on a first build, or when forced', () => {
    expect(pageReuse(undefined, last)).toEqual({ rendered: 3, reused: 0 });
  });

  it('counts pages with the same key as copied, and new or changed ones as rendered', () => {
    expect(pageReuse(last, last)).toEqual({ rendered: 0, reused: 3 });
    expect(pageReuse(last, manifest({ '/es/': 'a', '/en/': 'B', '/es/notas/x/': 'c', '/es/notas/y/': 'd' }))).toEqual({ rendered: 2, reused: 2 });
  });

  it('counts every page as rendered when the code, the configuration or an entry Astro rendered changed', () => {
    const keys = { '/es/': 'a', '/en/': 'b', '/es/notas/x/': 'c' };
    expect(pageReuse(last, manifest(keys, { dependencyHash: 'edited code' }))).toEqual({ rendered: 3, reused: 0 });
    expect(pageReuse(last, manifest(keys, { configHash: 'edited config' }))).toEqual({ rendered: 3, reused: 0 });
    expect(pageReuse(last, manifest(keys, { contentHashes: { 'x.mdx': 'edited' } }))).toEqual({ rendered: 3, reused: 0 });
  });

  it('says nothing about a manifest it cannot read', () => {
    expect(pageReuse(last, '{"version": 2, "routes": {}}')).toBeUndefined();
    expect(pageReuse(last, '')).toBeUndefined();
    expect(pageReuse('not json', last)).toEqual({ rendered: 3, reused: 0 });
  });
});

describe('siteCodeFiles', () => {
  it('covers the Markdown pipeline Astro does not hash, the search indexer and its hooks, the settings, the configuration and the lockfile', () => {
    const files = siteCodeFiles(process.cwd()).map((file) => file.slice(process.cwd().length + 1));
    expect(files).toEqual(expect.arrayContaining([
      'src/lib/security/markdown-sanitize.ts', 'src/lib/security/sanitize-html.ts', 'src/lib/content/content.ts', 'src/lib/search/search-index.ts', 'src/integrations/build-hooks.ts', 'src/settings.ts', 'astro.config.mjs', 'package-lock.json',
    ]));
  });
});
