import { readFileSync } from 'node:fs';
import { loadContent, type Content, type LoadOptions } from './content.ts';

/**
 * Content checked once, passed on as text: `npm run build` loads and checks
 * `content/` and hands the result to Astro's build through a file, so the
 * pages and the sitemap need not read and parse every note again.
 */
export function toSnapshot(content: Content): string {
  return JSON.stringify(content);
}

/**
 * Reads a snapshot back, with its dates as `Date` again.
 * @example fromSnapshot(toSnapshot(content)).notes[0].versions.es.date instanceof Date // true
 */
export function fromSnapshot(text: string): Content {
  const content = JSON.parse(text) as Content;
  for (const note of content.notes) {
    for (const version of Object.values(note.versions)) {
      version.date = new Date(version.date);
      if (version.updated) version.updated = new Date(version.updated);
    }
  }
  return content;
}

/** The content from a snapshot file when the build left one, else read from disk. */
export function contentFrom(options: LoadOptions, snapshot: string | undefined): Content {
  return snapshot ? fromSnapshot(readFileSync(snapshot, 'utf8')) : loadContent(options);
}
