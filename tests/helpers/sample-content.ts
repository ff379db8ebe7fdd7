import { buildPages, type Page } from '../../src/lib/pages/pages.ts';
import type { Lang, Note, NoteVersion, Stop, Topics } from '../../src/lib/content/types.ts';

/** A note version with sensible defaults, for tests that build pages in memory. */
export function version(folder: string, lang: Lang, over: Partial<NoteVersion> = {}): NoteVersion {
  return {
    id: `${folder}/${lang}`, folder, lang, file: `content/notes/${folder}/index.${lang}.md`,
    slug: `${folder.slice(11)}-${lang}`, title: `Title ${folder} ${lang}`, summary: `Summary ${lang}`,
    date: new Date(`${folder.slice(0, 10)}T18:00:00Z`), dateOnly: false, stop: 'los-angeles',
    topics: ['film'], people: [], organizations: [], draft: false, source: `source of ${folder}/${lang}`, ...over,
  };
}

export const STOPS: Stop[] = [
  {
    id: 'los-angeles', file: 'content/stops/los-angeles.yaml', order: 1, start: '2023-02-27', end: '2023-03-03', coordinates: [34.05, -118.24],
    text: {
      es: { name: 'Los Ángeles', region: 'California', country: 'Estados Unidos', summary: 'Primera parada.' },
      en: { name: 'Los Angeles', region: 'California', country: 'United States', summary: 'First stop.' },
    },
  },
];

export const TOPICS: Topics = { film: { es: 'Cine', en: 'Film' } };

/** Pages of a small site: one bilingual note, one Spanish-only, one English-only. */
export function samplePages(notes?: Note[], now = new Date('2026-11-24T12:00:00Z')): Page[] {
  const content = {
    notes: notes ?? [
      { folder: '2023-02-27-both', versions: { es: version('2023-02-27-both', 'es'), en: version('2023-02-27-both', 'en') } },
      { folder: '2023-02-28-solo', versions: { es: version('2023-02-28-solo', 'es') } },
      { folder: '2023-03-01-only', versions: { en: version('2023-03-01-only', 'en') } },
    ],
    stops: STOPS,
    topics: TOPICS,
  };
  return buildPages(content, { languages: ['es', 'en'], timeZone: 'America/Mexico_City', now, preview: false, pageSize: 10 });
}

export const SITE = { url: 'https://a.mx', base: '/convoy/' };
