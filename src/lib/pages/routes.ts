import { language } from '../i18n/languages.ts';
import type { UrlWords } from '../settings/site-settings.ts';
import type { Lang } from '../content/types.ts';

/** The localized path words of a language's URLs, from the settings file. */
const words = (lang: Lang): UrlWords => language(lang).words;

const paged = (path: string, lang: Lang, page: number) => (page > 1 ? `${path}${words(lang).page}/${page}/` : path);

/** Path of a language's home, e.g. `/es/`. */
export const homePath = (lang: Lang): string => `/${lang}/`;

/** Path of a note page, e.g. `/es/notas/llegada-los-angeles/`. */
export const notePath = (lang: Lang, slug: string): string => `/${lang}/${words(lang).note}/${slug}/`;

/** Path of the paginated list of all notes, e.g. `/en/news/page/2/`. */
export const notesPath = (lang: Lang, page = 1): string => paged(`/${lang}/${words(lang).note}/`, lang, page);

/** Path of a stop page, e.g. `/es/paradas/los-angeles/`. */
export const stopPath = (lang: Lang, stop: string, page = 1): string => paged(`/${lang}/${words(lang).stop}/${stop}/`, lang, page);

/** Path of a topic page, e.g. `/en/topics/film/`. */
export const topicPath = (lang: Lang, topic: string, page = 1): string => paged(`/${lang}/${words(lang).topic}/${topic}/`, lang, page);

/** Path of the search page, e.g. `/es/buscar/`. */
export const searchPath = (lang: Lang): string => `/${lang}/${words(lang).search}/`;

/** Path of a language's RSS feed, e.g. `/es/rss.xml`. */
export const feedPath = (lang: Lang): string => `/${lang}/rss.xml`;

/**
 * Puts a site path under the base path the site is served from.
 * @example withBase('/es/', '/convoy/') // '/convoy/es/'
 */
export function withBase(path: string, base: string): string {
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
  return `${prefix}${path.startsWith('/') ? path : `/${path}`}`;
}

/**
 * The absolute URL of a site path, for canonical links, feeds and share links.
 * @example absoluteUrl('/es/', { url: 'https://a.mx', base: '/convoy/' }) // 'https://a.mx/convoy/es/'
 */
export function absoluteUrl(path: string, site: { url: string; base: string }): string {
  return new URL(withBase(path, site.base), `${site.url.replace(/\/+$/, '')}/`).href;
}

/** Path of a note's 1200x630 share image, e.g. `/og/es/llegada-los-angeles.png`. */
export const shareImagePath = (lang: Lang, slug: string): string => `/og/${lang}/${slug}.png`;
