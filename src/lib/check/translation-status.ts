import { LANGUAGES } from '../i18n/languages.ts';
import { unpublishedReason } from '../content/publish.ts';
import type { Lang, Note, NoteVersion } from '../content/types.ts';

/** Something press staff should know about a note that is not an error. */
export type NoteStatus =
  /** The note has no version in `lang`; `file` is the version that exists. */
  | { kind: 'missing'; file: string; lang: Lang }
  /** `file` was last changed before its translation `newer` was. */
  | { kind: 'stale'; file: string; changed: Date; newer: string; newerChanged: Date }
  /** `file` has `draft: true`. */
  | { kind: 'draft'; file: string }
  /** `file` is dated in the future and appears with the first build after `publishAt`. */
  | { kind: 'embargo'; file: string; publishAt: Date };

/**
 * The translation and publication status of every note at `now`: missing
 * languages, stale translations (one version's `updated`, or `date`, later
 * than the other's), drafts and embargoed versions.
 * @example noteStatuses(notes, new Date())[0] // { kind: 'missing', file: 'content/notes/x/index.es.md', lang: 'en' }
 */
export function noteStatuses(notes: readonly Note[], now: Date, languages: readonly Lang[] = LANGUAGES): NoteStatus[] {
  return notes.flatMap((note) => [...translationStatuses(note, languages), ...publicationStatuses(note, now, languages)]);
}

function translationStatuses(note: Note, languages: readonly Lang[]): NoteStatus[] {
  const present = languages.flatMap((lang) => (note.versions[lang] ? [note.versions[lang]] : []));
  const first = present[0];
  if (!first) return [];
  const missing = languages.filter((lang) => !note.versions[lang]).map((lang): NoteStatus => ({ kind: 'missing', file: first.file, lang }));
  const newest = present.reduce((a, b) => (lastChange(b) > lastChange(a) ? b : a));
  const stale = present
    .filter((v) => lastChange(v) < lastChange(newest))
    .map((v): NoteStatus => ({ kind: 'stale', file: v.file, changed: lastChange(v), newer: newest.file, newerChanged: lastChange(newest) }));
  return [...missing, ...stale];
}

function publicationStatuses(note: Note, now: Date, languages: readonly Lang[]): NoteStatus[] {
  return languages.flatMap((lang): NoteStatus[] => {
    const version = note.versions[lang];
    const reason = version && unpublishedReason(version, now);
    if (reason === 'draft') return [{ kind: 'draft', file: version!.file }];
    if (reason === 'embargo') return [{ kind: 'embargo', file: version!.file, publishAt: version!.date }];
    return [];
  });
}

/** When a version last changed: its `updated`, or else its `date`. */
export const lastChange = (version: Pick<NoteVersion, 'date' | 'updated'>): Date => version.updated ?? version.date;
