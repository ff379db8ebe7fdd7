import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkReport, statusLine } from '../src/lib/check/check-report.ts';
import { lastChange, noteStatuses, type NoteStatus } from '../src/lib/check/translation-status.ts';
import type { Lang, Note, NoteVersion } from '../src/lib/content/types.ts';

const MX = 'America/Mexico_City';
const NOW = new Date('2026-11-24T12:00:00Z');

/** A valid version of `folder` in `lang`; `extra` overrides any field. */
const version = (folder: string, lang: Lang, extra: Partial<NoteVersion> = {}): NoteVersion => ({
  id: `${folder}/${lang}`,
  folder,
  lang,
  file: `content/notes/${folder}/index.${lang}.md`,
  slug: folder.slice(11),
  title: 'Título',
  summary: 'Resumen',
  date: new Date('2023-03-01T15:00:00Z'),
  dateOnly: false,
  stop: 'los-angeles',
  topics: [],
  people: [],
  organizations: [],
  draft: false,
  source: 'source',
  ...extra,
});

const note = (folder: string, versions: Partial<Record<Lang, Partial<NoteVersion>>>): Note => ({
  folder,
  versions: Object.fromEntries(Object.entries(versions).map(([lang, extra]) => [lang, version(folder, lang as Lang, extra)])),
});

describe('noteStatuses', () => {
  it('says nothing about a published note with both versions up to date', () => {
    expect(noteStatuses([note('2023-03-01-x', { es: {}, en: {} })], NOW)).toEqual([]);
  });

  it('names the missing language, on the version that exists', () => {
    expect(noteStatuses([note('2023-03-01-x', { es: {} })], NOW)).toEqual([{ kind: 'missing', file: 'content/notes/2023-03-01-x/index.es.md', lang: 'en' }]);
    expect(noteStatuses([note('2023-03-01-x', { en: {} })], NOW)).toEqual([{ kind: 'missing', file: 'content/notes/2023-03-01-x/index.en.md', lang: 'es' }]);
  });

  it('marks the English version stale when the Spanish one was updated after it', () => {
    const updated = new Date('2023-03-02T18:00:00Z');
    expect(noteStatuses([note('2023-03-01-x', { es: { updated }, en: {} })], NOW)).toEqual([
      {
        kind: 'stale',
        file: 'content/notes/2023-03-01-x/index.en.md',
        changed: new Date('2023-03-01T15:00:00Z'),
        newer: 'content/notes/2023-03-01-x/index.es.md',
        newerChanged: updated,
      },
    ]);
  });

  it('marks the Spanish version stale when the English one is the newer', () => {
    const statuses = noteStatuses([note('2023-03-01-x', { es: { updated: new Date('2023-03-02T00:00:00Z') }, en: { updated: new Date('2023-03-03T00:00:00Z') } })], NOW);
    expect(statuses.map((s) => [s.kind, s.file])).toEqual([['stale', 'content/notes/2023-03-01-x/index.es.md']]);
  });

  it('does not call a translation updated at the same moment stale', () => {
    const updated = new Date('2023-03-02T18:00:00Z');
    expect(noteStatuses([note('2023-03-01-x', { es: { updated }, en: { updated } })], NOW)).toEqual([]);
  });

  it('lists a draft version', () => {
    expect(noteStatuses([note('2023-03-01-x', { es: { draft: true }, en: {} })], NOW)).toEqual([{ kind: 'draft', file: 'content/notes/2023-03-01-x/index.es.md' }]);
  });

  it('lists an embargoed version with the moment it publishes', () => {
    const date = new Date('2099-01-01T15:00:00Z');
    expect(noteStatuses([note('2099-01-01-x', { es: { date }, en: { date } })], NOW)).toEqual([
      { kind: 'embargo', file: 'content/notes/2099-01-01-x/index.es.md', publishAt: date },
      { kind: 'embargo', file: 'content/notes/2099-01-01-x/index.en.md', publishAt: date },
    ]);
  });

  it('calls a future draft a draft: it waits for its author, not for the clock', () => {
    const statuses = noteStatuses([note('2099-01-01-x', { es: { date: new Date('2099-01-01T15:00:00Z'), draft: true } })], NOW);
    expect(statuses.map((s) => s.kind)).toEqual(['missing', 'draft']);
  });

  it('treats a note dated exactly now as published', () => {
    expect(noteStatuses([note('2026-11-24-x', { es: { date: NOW }, en: { date: NOW } })], NOW)).toEqual([]);
  });
});

describe('lastChange', () => {
  it('is the update when there is one, else the publication', () => {
    expect(lastChange({ date: new Date(1), updated: new Date(2) })).toEqual(new Date(2));
    expect(lastChange({ date: new Date(1) })).toEqual(new Date(1));
  });
});

describe('statusLine', () => {
  const line = (status: NoteStatus, lang: Lang) => statusLine(status, lang, MX);
  const file = 'content/notes/2023-03-01-x/index.en.md';

  it('explains a missing version and what readers see meanwhile', () => {
    expect(line({ kind: 'missing', file: 'content/notes/2023-03-01-x/index.es.md', lang: 'en' }, 'es')).toBe(
      'content/notes/2023-03-01-x/index.es.md  Falta la versión en inglés (index.en.md). Mientras tanto, las listas en inglés enlazan a esta.',
    );
    expect(line({ kind: 'missing', file, lang: 'es' }, 'en')).toBe(
      `${file}  The Spanish version (index.es.md) is missing. Until it exists, Spanish listings link to this one.`,
    );
  });

  it('gives both moments of a stale translation in the site time zone', () => {
    const stale: NoteStatus = {
      kind: 'stale',
      file,
      changed: new Date('2023-03-01T15:00:00Z'),
      newer: 'content/notes/2023-03-01-x/index.es.md',
      newerChanged: new Date('2023-03-03T00:30:00Z'),
    };
    expect(line(stale, 'es')).toBe(
      `${file}  Traducción desactualizada: cambió por última vez el 1 de marzo de 2023 a las 9:00 a.m. GMT-6, y index.es.md el 2 de marzo de 2023 a las 6:30 p.m. GMT-6. Revísela y ponga en \`updated\` la fecha de su revisión.`,
    );
    expect(line(stale, 'en')).toBe(
      `${file}  Stale translation: it last changed on March 1, 2023 at 9:00 AM CST, and index.es.md on March 2, 2023 at 6:30 PM CST. Review it and set \`updated\` to the time of your review.`,
    );
  });

  it('says how a draft gets published', () => {
    expect(line({ kind: 'draft', file }, 'es')).toBe(`${file}  Borrador: no se publica mientras tenga \`draft: true\`.`);
    expect(line({ kind: 'draft', file }, 'en')).toBe(`${file}  Draft: it is not published while it has \`draft: true\`.`);
  });

  it('gives the moment an embargo lifts, in the site time zone, and that a build publishes it', () => {
    const embargo: NoteStatus = { kind: 'embargo', file, publishAt: new Date('2099-01-01T15:00:00Z') };
    expect(line(embargo, 'es')).toBe(`${file}  Embargo: se publica con la primera compilación después del 1 de enero de 2099 a las 9:00 a.m. GMT-6 (America/Mexico_City).`);
    expect(line(embargo, 'en')).toBe(`${file}  Embargoed: it is published by the first build after January 1, 2099 at 9:00 AM CST (America/Mexico_City).`);
  });
});

describe('checkReport', () => {
  it('says so when every note is translated, current and published', () => {
    expect(checkReport({ notes: [note('2023-03-01-x', { es: {}, en: {} })], problems: [] }, [], 'es', MX)).toEqual([
      'Traducciones y publicación: todas las notas tienen todas sus versiones al día; no hay borradores ni embargos.',
      '',
      '1 nota (2 versiones), 0 errores, 0 avisos.',
    ]);
  });

  it('lists problems, then the status, then the counts', () => {
    const problems = [
      { file: 'content/notes/2023-03-01-x/index.es.md', line: 2, field: 'title', message: 'Está vacío. Escriba un texto.', severity: 'error' as const },
      { file: 'content/notes/2023-03-01-x/notas.txt', message: 'Ninguna versión de la nota usa este archivo.', severity: 'warning' as const },
    ];
    const statuses: NoteStatus[] = [{ kind: 'draft', file: 'content/notes/2023-03-01-x/index.en.md' }];
    expect(checkReport({ notes: [note('2023-03-01-x', { en: { draft: true } })], problems }, statuses, 'es', MX)).toEqual([
      'error  content/notes/2023-03-01-x/index.es.md:2  title  Está vacío. Escriba un texto.',
      'aviso  content/notes/2023-03-01-x/notas.txt  -  Ninguna versión de la nota usa este archivo.',
      '',
      'Traducciones y publicación:',
      '  content/notes/2023-03-01-x/index.en.md  Borrador: no se publica mientras tenga `draft: true`.',
      '',
      '1 nota (1 versión), 1 error, 1 aviso.',
    ]);
  });
});

describe('npm run check: translation status', () => {
  it('lists missing, stale, draft and embargoed versions of the status fixture', () => {
    const result = spawnSync(process.execPath, ['src/cli/check.ts', '--lang', 'en'], {
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: 'tests/fixtures/problems/status/content', BUILD_NOW: '2026-11-24T12:00:00Z' },
    });
    const notes = 'tests/fixtures/problems/status/content/notes';
    const start = result.stdout.indexOf('Translations and publication:');
    expect(result.stdout.slice(start).split('\n').slice(0, 7)).toEqual([
      'Translations and publication:',
      `  ${notes}/2023-02-28-spanish-only/index.es.md  The English version (index.en.md) is missing. Until it exists, English listings link to this one.`,
      `  ${notes}/2023-03-01-stale/index.en.md  Stale translation: it last changed on March 1, 2023 at 9:00 AM CST, and index.es.md on March 2, 2023 at 6:30 PM CST. Review it and set \`updated\` to the time of your review.`,
      `  ${notes}/2023-03-02-draft/index.es.md  Draft: it is not published while it has \`draft: true\`.`,
      `  ${notes}/2023-03-02-draft/index.en.md  Draft: it is not published while it has \`draft: true\`.`,
      `  ${notes}/2099-01-01-embargo/index.es.md  The English version (index.en.md) is missing. Until it exists, English listings link to this one.`,
      `  ${notes}/2099-01-01-embargo/index.es.md  Embargoed: it is published by the first build after January 1, 2099 at 9:00 AM CST (America/Mexico_City).`,
    ]);
  });
});
