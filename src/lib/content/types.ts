/**
 * A language code of the site (`es`, `en`, …): one of those the settings file
 * lists, checked where content and settings are read (src/lib/i18n/languages.ts).
 */
export type Lang = string;

/** One language version of a press note, validated and normalized. */
export interface NoteVersion {
  /** `<folder>/<lang>`, the same id Astro's glob loader is told to give the entry. */
  id: string;
  folder: string;
  lang: Lang;
  /** Path from the project root, e.g. `content/notes/2023-02-27-x/index.es.md`. */
  file: string;
  slug: string;
  title: string;
  summary: string;
  /** The publication instant. */
  date: Date;
  /** True when `date` had no time: it is shown as a day, never with a clock time. */
  dateOnly: boolean;
  updated?: Date;
  stop: string;
  topics: string[];
  people: string[];
  organizations: string[];
  image?: NoteImage;
  draft: boolean;
  /**
   * A fingerprint of the files the version is made from: its text and the
   * images it shows. Its page is rendered again only when this (or anything
   * else the page shows) changes; see src/lib/page-cache.ts.
   */
  source: string;
}

/** A hero image; `src` is relative to the note folder. */
export interface NoteImage {
  src: string;
  alt: string;
  credit?: string;
}

/** A note bundle: one folder, one version per language it is written in. */
export interface Note {
  folder: string;
  /** The versions it is written in, by language code (a language it lacks is absent). */
  versions: Record<Lang, NoteVersion>;
}

/** Per-language text of a convoy stop. */
export interface StopText {
  name: string;
  region: string;
  country: string;
  summary: string;
}

/** A stop of the convoy. Dates are calendar days (`YYYY-MM-DD`); a planned stop has none. */
export interface Stop {
  id: string;
  file: string;
  order: number;
  start?: string;
  end?: string;
  coordinates?: [number, number];
  text: Record<Lang, StopText>;
}

/** Topic id to its label per language code. */
export type Topics = Record<string, Record<Lang, string>>;

/** A problem found in the content, reported as `file:line  field  message`. */
export interface Problem {
  file: string;
  line?: number;
  field?: string;
  message: string;
  severity: 'error' | 'warning';
}
