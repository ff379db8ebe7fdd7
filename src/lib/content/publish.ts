import type { NoteVersion } from './types.ts';

/** Why a version is not public yet, if it is not. */
export type Unpublished = 'draft' | 'embargo' | undefined;

/**
 * Whether a note version is public at `now`: not a draft and not dated in
 * the future. Unpublished versions appear nowhere in a production build.
 * @example unpublishedReason({ draft: false, date: new Date('2099-01-01') }, new Date()) // 'embargo'
 */
export function unpublishedReason(version: Pick<NoteVersion, 'draft' | 'date'>, now: Date): Unpublished {
  if (version.draft) return 'draft';
  if (version.date.getTime() > now.getTime()) return 'embargo';
  return undefined;
}

/** True when the version is public at `now`. */
export const isPublished = (version: Pick<NoteVersion, 'draft' | 'date'>, now: Date): boolean =>
  unpublishedReason(version, now) === undefined;
