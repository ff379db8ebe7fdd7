import { extname, isAbsolute, join, relative, sep } from 'node:path';

/**
 * What a changed file under `content/` is to the live preview:
 * - `version`: a note's Markdown file, which Astro's content layer also reads
 *   (its body is rendered from Astro's store, so the preview waits for it);
 * - `noteFile`: another file of a note folder, usually an image;
 * - `data`: anything else under `content/` (stops, `topics.yaml`, folders);
 * - `ignored`: not under `content/`, or an editor's or the system's own file
 *   (`.DS_Store`, `.es.md.swp`, `es.md~`), which the site never reads.
 */
export type ContentChange = { kind: 'version' | 'noteFile'; folder: string } | { kind: 'data' } | { kind: 'ignored' };

/**
 * Classifies a path the file watcher reported.
 * @example contentChange('/site/content/notes/2023-02-27-x/hero.jpg', '/site/content') // { kind: 'noteFile', folder: '/site/content/notes/2023-02-27-x' }
 */
export function contentChange(path: string, contentDir: string): ContentChange {
  const rel = relative(contentDir, path);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return { kind: 'ignored' };
  const parts = rel.split(sep);
  if (parts.some((part) => part.startsWith('.') || part.endsWith('~'))) return { kind: 'ignored' };
  if (parts[0] !== 'notes' || parts.length !== 3) return { kind: 'data' };
  const folder = join(contentDir, 'notes', parts[1]!);
  return /^\.mdx?$/i.test(extname(parts[2]!)) ? { kind: 'version', folder } : { kind: 'noteFile', folder };
}
