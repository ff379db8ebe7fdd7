import { describe, expect, it } from 'vitest';
import { buildPages, pageMeta, related, type Page, type PageOptions } from '../src/lib/pages/pages.ts';
import type { Lang, Note, NoteVersion, Stop, Topics } from '../src/lib/content/types.ts';

const MX = 'America/Mexico_City';
// 06:00 in Mexico City on 18 April 2023: Los Angeles is over, Texas (17-19 April) under way.
const now = new Date('2023-04-18T12:00:00Z');

function version(folder: string, lang: Lang, over: Partial<NoteVersion> & Pick<NoteVersion, 'slug' | 'date' | 'stop'>): NoteVersion {
  return {
    id: `${folder}/${lang}`,
    folder,
    lang,
    file: `content/notes/${folder}/index.${lang}.md`,
    title: `${folder} (${lang})`,
    summary: `Summary of ${folder} in ${lang}`,
    dateOnly: false,
    topics: [],
    people: [],
    organizations: [],
    draft: false,
    source: `source of ${folder}/${lang}`,
    ...over,
  };
}

function note(folder: string, versions: Record<Lang, Partial<NoteVersion> & Pick<NoteVersion, 'slug' | 'date' | 'stop'>>): Note {
  return {
    folder,
    versions: Object.fromEntries(Object.entries(versions).map(([lang, over]) => [lang, version(folder, lang as Lang, over)])),
  };
}

const text = (name: string) => ({
  es: { name: `${name} (es)`, region: 'Región', country: 'País', summary: `Resumen de ${name}` },
  en: { name: `${name} (en)`, region: 'Region', country: 'Country', summary: `Summary of ${name}` },
});

const stops: Stop[] = [
  { id: 'los-angeles', file: 'content/stops/los-angeles.yaml', order: 1, start: '2023-02-27', end: '2023-03-03', text: text('Los Angeles') },
  { id: 'texas', file: 'content/stops/texas.yaml', order: 2, start: '2023-04-17', end: '2023-04-19', text: text('Texas') },
  { id: 'japan', file: 'content/stops/japan.yaml', order: 3, text: text('Japan') },
];

const topics: Topics = { economy: { es: 'Economía', en: 'Economy' }, film: { es: 'Cine', en: 'Film' } };

const notes: Note[] = [
  note('2023-02-27-arrival', {
    es: { slug: 'llegada', date: new Date('2023-02-27T20:00:00Z'), stop: 'los-angeles', topics: ['economy'], image: { src: 'hero.jpg', alt: 'Alt' } },
    en: { slug: 'arrival', date: new Date('2023-02-27T20:00:00Z'), stop: 'los-angeles', topics: ['economy'] },
  }),
  note('2023-02-28-netflix', {
    es: { slug: 'netflix', date: new Date('2023-02-28T20:00:00Z'), stop: 'los-angeles', topics: ['film'] },
  }),
  note('2023-03-01-draft', {
    es: { slug: 'borrador', date: new Date('2023-03-01T18:00:00Z'), stop: 'los-angeles', draft: true },
    en: { slug: 'draft', date: new Date('2023-03-01T18:00:00Z'), stop: 'los-angeles', draft: true },
  }),
  note('2023-03-02-partly', {
    es: { slug: 'en-parte', date: new Date('2023-03-02T18:00:00Z'), stop: 'los-angeles', topics: ['film'] },
    en: { slug: 'partly', date: new Date('2023-03-02T18:00:00Z'), stop: 'los-angeles', topics: ['film'], draft: true },
  }),
  note('2023-04-17-texas', {
    en: { slug: 'texas-visit', date: new Date('2023-04-17T16:00:00Z'), stop: 'texas', topics: ['economy'] },
  }),
  note('2023-05-01-future', {
    es: { slug: 'futura', date: new Date('2023-05-01T16:00:00Z'), stop: 'texas' },
    en: { slug: 'future', date: new Date('2023-05-01T16:00:00Z'), stop: 'texas' },
  }),
];

const options: PageOptions = { languages: ['es', 'en'], timeZone: MX, now, preview: false, pageSize: 2 };
const content = { notes, stops, topics };

const build = (over: Partial<PageOptions> = {}) => buildPages(content, { ...options, ...over });
const at = (pages: Page[], path: string) => pages.find((p) => p.path === path);

function pageOf<K extends Page['kind']>(pages: Page[], path: string, kind: K): Extract<Page, { kind: K }> {
  const page = at(pages, path);
  if (page?.kind !== kind) throw new Error(`no ${kind} page at ${path}; paths: ${pages.map((p) => p.path).join(' ')}`);
  return page as Extract<Page, { kind: K }>;
}

const notePaths = (pages: Page[]) => pages.filter((p) => p.kind === 'note').map((p) => p.path).sort();
const listItems = (pages: Page[], lang: Lang) =>
  pages.filter((p): p is Extract<Page, { kind: 'list' }> => p.kind === 'list' && p.list === 'news' && p.lang === lang).flatMap((p) => p.items);

describe('buildPages: note pages', () => {
  it('gives a note page only in the languages a published version exists in', () => {
    expect(notePaths(build())).toEqual(['/en/news/arrival/', '/en/news/texas-visit/', '/es/notas/en-parte/', '/es/notas/llegada/', '/es/notas/netflix/']);
  });

  it('gives reciprocal alternates to a translated note', () => {
    const pages = build();
    const es = pageOf(pages, '/es/notas/llegada/', 'note');
    const en = pageOf(pages, '/en/news/arrival/', 'note');
    expect(es.alternates).toEqual({ es: '/es/notas/llegada/', en: '/en/news/arrival/' });
    expect(en.alternates).toEqual(es.alternates);
  });

  it('switches language to the counterpart of a translated note', () => {
    const pages = build();
    expect(pageOf(pages, '/es/notas/llegada/', 'note').switcher).toEqual([{ lang: 'en', path: '/en/news/arrival/' }]);
    expect(pageOf(pages, '/en/news/arrival/', 'note').switcher).toEqual([{ lang: 'es', path: '/es/notas/llegada/' }]);
  });

  it('gives a one-language note only itself as alternate', () => {
    expect(pageOf(build(), '/es/notas/netflix/', 'note').alternates).toEqual({ es: '/es/notas/netflix/' });
  });

  it('switches from a note without counterpart to its stop page in the other language', () => {
    const pages = build();
    expect(pageOf(pages, '/es/notas/netflix/', 'note').switcher).toEqual([{ lang: 'en', path: '/en/stops/los-angeles/' }]);
    expect(pageOf(pages, '/en/news/texas-visit/', 'note').switcher).toEqual([{ lang: 'es', path: '/es/paradas/texas/' }]);
  });

  it('treats a translation that is still a draft as missing', () => {
    const page = pageOf(build(), '/es/notas/en-parte/', 'note');
    expect(page.alternates).toEqual({ es: '/es/notas/en-parte/' });
    expect(page.switcher).toEqual([{ lang: 'en', path: '/en/stops/los-angeles/' }]);
  });

  it('gives the note page its stop and its topics in the page language', () => {
    const page = pageOf(build(), '/es/notas/llegada/', 'note');
    expect(page.stop).toMatchObject({ id: 'los-angeles', name: 'Los Angeles (es)', href: '/es/paradas/los-angeles/' });
    expect(page.topics).toEqual([{ id: 'economy', label: 'Economía', href: '/es/temas/economy/' }]);
    expect(page.unpublished).toBeUndefined();
  });
});

describe('buildPages: drafts and embargoes', () => {
  it('leaves drafts and future-dated notes out of pages', () => {
    const paths = build().map((p) => p.path);
    for (const slug of ['/es/notas/borrador/', '/en/news/draft/', '/es/notas/futura/', '/en/news/future/', '/en/news/partly/']) {
      expect(paths).not.toContain(slug);
    }
  });

  it('leaves drafts and future-dated notes out of every listing', () => {
    const listed = build().flatMap((p) => (p.kind === 'list' ? p.items : p.kind === 'home' ? p.latest : []));
    const folders = new Set(listed.map((item) => item.versionId.split('/')[0]));
    expect([...folders].sort()).toEqual(['2023-02-27-arrival', '2023-02-28-netflix', '2023-03-02-partly', '2023-04-17-texas']);
  });

  it('does not count unpublished notes on the stop', () => {
    const home = pageOf(build(), '/es/', 'home');
    expect(home.stops.find((s) => s.id === 'texas')?.notes).toBe(1);
  });

  it('shows drafts and future-dated notes in a preview, marked why', () => {
    const pages = build({ preview: true });
    expect(pageOf(pages, '/es/notas/borrador/', 'note').unpublished).toBe('draft');
    expect(pageOf(pages, '/en/news/future/', 'note').unpublished).toBe('embargo');
    expect(pageOf(pages, '/en/news/partly/', 'note').unpublished).toBe('draft');
  });

  it('links a draft translation in a preview', () => {
    expect(pageOf(build({ preview: true }), '/es/notas/en-parte/', 'note').alternates).toEqual({ es: '/es/notas/en-parte/', en: '/en/news/partly/' });
  });

  it('treats a note whose date has just been reached as published', () => {
    const pages = build({ now: new Date('2023-05-01T16:00:00Z') });
    expect(pageOf(pages, '/es/notas/futura/', 'note').unpublished).toBeUndefined();
  });
});

describe('buildPages: listings', () => {
  it('lists notes newest first', () => {
    expect(listItems(build(), 'es').map((n) => n.versionId)).toEqual([
      '2023-04-17-texas/en',
      '2023-03-02-partly/es',
      '2023-02-28-netflix/es',
      '2023-02-27-arrival/es',
    ]);
  });

  it('lists a note that exists only in the other language, marked and linked to that version', () => {
    const item = listItems(build(), 'en').find((n) => n.versionId === '2023-02-28-netflix/es');
    expect(item).toMatchObject({ onlyIn: 'es', lang: 'es', href: '/es/notas/netflix/', title: '2023-02-28-netflix (es)' });
  });

  it('does not mark a note in the reader’s language', () => {
    const item = listItems(build(), 'en').find((n) => n.versionId === '2023-02-27-arrival/en');
    expect(item).toMatchObject({ href: '/en/news/arrival/', lang: 'en' });
    expect(item?.onlyIn).toBeUndefined();
  });

  it('lists the published version when the reader’s translation is a draft', () => {
    const item = listItems(build(), 'en').find((n) => n.versionId.startsWith('2023-03-02-partly'));
    expect(item).toMatchObject({ versionId: '2023-03-02-partly/es', onlyIn: 'es', href: '/es/notas/en-parte/' });
  });

  it('says whether the listed version has an image', () => {
    const items = listItems(build(), 'es');
    expect(items.find((n) => n.versionId === '2023-02-27-arrival/es')?.hasImage).toBe(true);
    expect(items.find((n) => n.versionId === '2023-02-28-netflix/es')?.hasImage).toBe(false);
  });

  it('paginates the news listing with localized paths', () => {
    const pages = build();
    expect(pageOf(pages, '/es/notas/', 'list').items).toHaveLength(2);
    expect(pageOf(pages, '/es/notas/pagina/2/', 'list').items).toHaveLength(2);
    expect(pageOf(pages, '/en/news/page/2/', 'list').items).toHaveLength(2);
    expect(at(pages, '/es/notas/pagina/3/')).toBeUndefined();
  });

  it('gives a listing page its counterpart page as alternate and switch target', () => {
    const page = pageOf(build(), '/es/notas/pagina/2/', 'list');
    expect(page.alternates).toEqual({ es: '/es/notas/pagina/2/', en: '/en/news/page/2/' });
    expect(page.switcher).toEqual([{ lang: 'en', path: '/en/news/page/2/' }]);
  });

  it('links listing pages to each other', () => {
    const pages = build();
    expect(pageOf(pages, '/es/notas/', 'list').pager).toEqual({ page: 1, pages: 2, previous: undefined, next: '/es/notas/pagina/2/' });
    expect(pageOf(pages, '/es/notas/pagina/2/', 'list').pager).toEqual({ page: 2, pages: 2, previous: '/es/notas/', next: undefined });
  });

  it('lists a stop’s notes on its paginated stop page, with the stop on page 1 only', () => {
    const pages = build();
    const first = pageOf(pages, '/es/paradas/los-angeles/', 'list');
    const second = pageOf(pages, '/es/paradas/los-angeles/pagina/2/', 'list');
    expect(first.title).toBe('Los Angeles (es)');
    expect(first.stop?.id).toBe('los-angeles');
    expect(second.stop).toBeUndefined();
    expect([...first.items, ...second.items].map((n) => n.versionId)).toEqual(['2023-03-02-partly/es', '2023-02-28-netflix/es', '2023-02-27-arrival/es']);
    expect(second.alternates).toEqual({ es: '/es/paradas/los-angeles/pagina/2/', en: '/en/stops/los-angeles/page/2/' });
  });

  it('gives a stop without notes one empty page', () => {
    expect(pageOf(build(), '/en/stops/japan/', 'list').items).toEqual([]);
  });

  it('lists a topic’s notes under its label', () => {
    const page = pageOf(build(), '/en/topics/economy/', 'list');
    expect(page.title).toBe('Economy');
    expect(page.items.map((n) => n.versionId)).toEqual(['2023-04-17-texas/en', '2023-02-27-arrival/en']);
  });
});

describe('buildPages: home and search', () => {
  it('shows the latest notes on the home page, up to homeSize', () => {
    const home = pageOf(build({ homeSize: 3 }), '/en/', 'home');
    expect(home.latest.map((n) => n.versionId)).toEqual(['2023-04-17-texas/en', '2023-03-02-partly/es', '2023-02-28-netflix/es']);
  });

  it('links the two home pages to each other', () => {
    const home = pageOf(build(), '/es/', 'home');
    expect(home.alternates).toEqual({ es: '/es/', en: '/en/' });
    expect(home.switcher).toEqual([{ lang: 'en', path: '/en/' }]);
  });

  it('links the two search pages to each other', () => {
    const search = pageOf(build(), '/en/search/', 'search');
    expect(search.alternates).toEqual({ es: '/es/buscar/', en: '/en/search/' });
    expect(search.switcher).toEqual([{ lang: 'es', path: '/es/buscar/' }]);
  });

  it('gives every stop its status on the build day, in itinerary order', () => {
    const home = pageOf(build(), '/es/', 'home');
    expect(home.stops.map((s) => [s.id, s.status])).toEqual([
      ['los-angeles', 'completed'],
      ['texas', 'underway'],
      ['japan', 'planned'],
    ]);
  });

  it('takes the build day in the site time zone for the stop status', () => {
    // 03:00 UTC on 17 April is still 16 April in Mexico City: Texas has not started.
    const home = pageOf(build({ now: new Date('2023-04-17T03:00:00Z') }), '/es/', 'home');
    expect(home.stops.find((s) => s.id === 'texas')?.status).toBe('planned');
  });

  it('gives each stop its localized name, link and note count', () => {
    const home = pageOf(build(), '/en/', 'home');
    expect(home.stops[0]).toMatchObject({ id: 'los-angeles', name: 'Los Angeles (en)', href: '/en/stops/los-angeles/', notes: 3, start: '2023-02-27', end: '2023-03-03' });
  });
});

describe('buildPages: related and previous / next', () => {
  it('relates notes in the same language by topic and stop', () => {
    const pages = build();
    expect(pageOf(pages, '/en/news/arrival/', 'note').related.map((n) => n.versionId)).toEqual(['2023-04-17-texas/en']);
    // Both share only the stop; the one closest in time comes first.
    expect(pageOf(pages, '/es/notas/llegada/', 'note').related.map((n) => n.versionId)).toEqual(['2023-02-28-netflix/es', '2023-03-02-partly/es']);
  });

  it('links a note to the older note as previous and the newer as next, in its language', () => {
    const page = pageOf(build(), '/es/notas/netflix/', 'note');
    expect(page.previous?.versionId).toBe('2023-02-27-arrival/es');
    expect(page.next?.versionId).toBe('2023-03-02-partly/es');
  });

  it('gives the oldest note no previous and the newest no next', () => {
    const pages = build();
    expect(pageOf(pages, '/es/notas/llegada/', 'note').previous).toBeUndefined();
    expect(pageOf(pages, '/es/notas/en-parte/', 'note').next).toBeUndefined();
  });
});

describe('related', () => {
  const base = { stop: 'los-angeles', date: new Date('2023-03-01T00:00:00Z') };
  const me = version('me', 'es', { ...base, slug: 'me', topics: ['economy', 'film'] });
  const oneTopic = version('one-topic', 'es', { slug: 'a', stop: 'texas', date: new Date('2023-01-01T00:00:00Z'), topics: ['economy'] });
  const sameStop = version('same-stop', 'es', { ...base, slug: 'b', topics: [] });
  const twoTopics = version('two-topics', 'es', { slug: 'c', stop: 'texas', date: new Date('2023-01-01T00:00:00Z'), topics: ['economy', 'film'] });
  const nothing = version('nothing', 'es', { slug: 'd', stop: 'texas', date: new Date('2023-03-01T00:00:00Z'), topics: [] });

  it('ranks shared topics (two points each) above the same stop (one point)', () => {
    expect(related(me, [sameStop, nothing, oneTopic, me, twoTopics], 5).map((v) => v.folder)).toEqual(['two-topics', 'one-topic', 'same-stop']);
  });

  it('stops at the size asked for', () => {
    expect(related(me, [sameStop, oneTopic, twoTopics], 2).map((v) => v.folder)).toEqual(['two-topics', 'one-topic']);
  });

  it('breaks ties with the note closest in time', () => {
    const older = version('older', 'es', { slug: 'o', stop: 'texas', date: new Date('2022-01-01T00:00:00Z'), topics: ['film'] });
    const newer = version('newer', 'es', { slug: 'n', stop: 'texas', date: new Date('2023-02-01T00:00:00Z'), topics: ['economy'] });
    expect(related(me, [older, newer], 3).map((v) => v.folder)).toEqual(['newer', 'older']);
  });
});

describe('pageMeta', () => {
  const site = { name: { es: 'Convoy (es)', en: 'Convoy (en)' }, description: { es: 'Sitio de prensa', en: 'Press site' } };
  const label = (key: 'news.title' | 'search.title') => `label:${key}`;
  const pages = build();

  it('uses the site name and description on the home page', () => {
    expect(pageMeta(pageOf(pages, '/en/', 'home'), site, label)).toEqual({ title: 'Convoy (en)', description: 'Press site' });
  });

  it('uses the note title and summary on a note page', () => {
    expect(pageMeta(pageOf(pages, '/es/notas/llegada/', 'note'), site, label)).toEqual({
      title: '2023-02-27-arrival (es)',
      description: 'Summary of 2023-02-27-arrival in es',
    });
  });

  it('uses the news label on the news listing', () => {
    expect(pageMeta(pageOf(pages, '/es/notas/', 'list'), site, label)).toEqual({ title: 'label:news.title', description: 'Sitio de prensa' });
  });

  it('uses the stop name and summary on a stop page', () => {
    expect(pageMeta(pageOf(pages, '/en/stops/texas/', 'list'), site, label)).toEqual({ title: 'Texas (en)', description: 'Summary of Texas' });
  });

  it('uses the topic label on a topic page', () => {
    expect(pageMeta(pageOf(pages, '/es/temas/film/', 'list'), site, label)).toEqual({ title: 'Cine', description: 'Sitio de prensa' });
  });

  it('uses the search label on the search page', () => {
    expect(pageMeta(pageOf(pages, '/es/buscar/', 'search'), site, label)).toEqual({ title: 'label:search.title', description: 'Sitio de prensa' });
  });
});

describe('buildPages: related notes in a large archive', () => {
  it('finds the neighbours in time that share a topic, among thousands of notes', () => {
    const many: Note[] = Array.from({ length: 3000 }, (_, i) => {
      const day = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000);
      const folder = `${day.toISOString().slice(0, 10)}-n${i}`;
      return note(folder, { es: { slug: `n${i}`, date: day, stop: i % 2 ? 'texas' : 'japan', topics: i % 3 ? ['film'] : ['economy'] } });
    });
    const pages = buildPages({ notes: many, stops, topics }, { languages: ['es', 'en'], timeZone: MX, now, preview: false, pageSize: 50 });
    // n1001 is texas + film. Odd numbers are texas; multiples of 3 are economy. Sharing both:
    // n1003 (2 days away), n997 (4 days), then n995 and n1007 (6 days each; the newer wins).
    expect(pageOf(pages, '/es/notas/n1001/', 'note').related.map((n) => n.versionId.split('-').pop())).toEqual(['n1003/es', 'n997/es', 'n1007/es']);
  });
});
