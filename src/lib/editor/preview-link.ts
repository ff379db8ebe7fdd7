/**
 * The editor's links to a note's page on the site ("View on Live Site").
 *
 * Sveltia CMS builds the link from one `preview_path` template per
 * collection, with the language code as its only per-language part; the
 * site's note URLs also carry a word of each language (`/es/notas/…`,
 * `/en/news/…`). So the template writes a marked path holding the language,
 * the folder and the version's own `slug`, and the editor's script
 * (src/admin/editor.ts) turns it into the page's address before opening it.
 */
import type { Lang } from '../content/types.ts';

/** The path segment that marks a link still to be turned into a note address. */
export const PREVIEW_MARK = '_convoy-note';

/** What the template writes for a version without its own `slug` (never a slug: the check's slugs are kebab-case words). */
export const NO_SLUG = '-';

/**
 * The collection's `preview_path`: under the site's base, the language, the
 * mark, the note's folder and the version's `slug`, or `NO_SLUG` when the
 * file has none (Sveltia shows no link when a field of the template is empty).
 * @example previewPathTemplate('/convoy/') // "/convoy/{{locale}}/_convoy-note/{{slug}}/{{fields.slug | default('-')}}"
 */
export function previewPathTemplate(base: string): string {
  return `${base}{{locale}}/${PREVIEW_MARK}/{{slug}}/{{fields.slug | default('${NO_SLUG}')}}`;
}

// A note folder is its date and a slug: 2023-02-27-llegada-los-angeles.
const FOLDER = /^\d{4}-\d{2}-\d{2}-(.+)$/;

/**
 * The address of the page a marked link names, with each language's note
 * word (`{ es: 'notas', en: 'news' }`); any other URL is returned as it is.
 * A version without its own `slug` has the folder's, without the date, as the check says.
 * @example notePreviewUrl('https://a.mx/convoy/en/_convoy-note/2023-02-27-bilingue/bilingual-test', { en: 'news' }) // 'https://a.mx/convoy/en/news/bilingual-test/'
 */
export function notePreviewUrl(url: string, noteWords: Readonly<Record<Lang, string>>): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const parts = parsed.pathname.split('/');
  const at = parts.indexOf(PREVIEW_MARK);
  if (at < 1) return url;
  const lang = decodeURIComponent(parts[at - 1]!);
  const folder = decodeURIComponent(parts[at + 1] ?? '');
  const written = decodeURIComponent(parts[at + 2] ?? '');
  const own = written === NO_SLUG ? '' : written;
  const word = noteWords[lang];
  const slug = own || FOLDER.exec(folder)?.[1];
  if (!word || !slug) return url;
  parsed.pathname = [...parts.slice(0, at), word, slug, ''].join('/');
  return parsed.href;
}
