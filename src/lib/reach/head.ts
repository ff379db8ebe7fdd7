import { language } from '../i18n/languages.ts';
import { absoluteUrl } from '../pages/routes.ts';
import type { Lang } from '../content/types.ts';

/** One element of `<head>`, as data; `Head.astro` renders the list. */
export interface HeadTag {
  tag: 'meta' | 'link';
  attrs: Record<string, string>;
}

export interface HeadInput {
  path: string;
  lang: Lang;
  /** Paths of the true translations of the page, including itself. */
  alternates: Partial<Record<Lang, string>>;
  description: string;
  site: { url: string; base: string };
  defaultLanguage: Lang;
  /** Keep the page out of search engines (previews, redirects). */
  noindex?: boolean;
}

/**
 * The head tags every page needs: description, absolute canonical, one
 * `hreflang` alternate per existing translation and `x-default`.
 * @example pageHead({ path: '/es/', alternates: { es: '/es/', en: '/en/' }, ... })
 */
export function pageHead(input: HeadInput): HeadTag[] {
  const url = (path: string) => absoluteUrl(path, input.site);
  const tags: HeadTag[] = [
    { tag: 'meta', attrs: { name: 'description', content: input.description } },
    { tag: 'link', attrs: { rel: 'canonical', href: url(input.path) } },
  ];
  if (input.noindex) tags.push({ tag: 'meta', attrs: { name: 'robots', content: 'noindex' } });
  const entries = Object.entries(input.alternates) as [Lang, string][];
  for (const [lang, path] of entries) tags.push({ tag: 'link', attrs: { rel: 'alternate', hreflang: lang, href: url(path) } });
  const fallback = input.alternates[input.defaultLanguage] ?? entries[0]?.[1];
  if (fallback) tags.push({ tag: 'link', attrs: { rel: 'alternate', hreflang: 'x-default', href: url(fallback) } });
  return tags;
}

/** Open Graph writes a locale with an underscore: `es_MX`. */
const ogLocale = (lang: Lang): string => language(lang).locale.replace('-', '_');

/** What a preview card shows; `article` is set on note pages only. */
export interface CardInput {
  lang: Lang;
  /** Languages the page also exists in, for `og:locale:alternate`. */
  alternateLangs: Lang[];
  title: string;
  description: string;
  /** Absolute canonical URL. */
  url: string;
  siteName: string;
  image: { url: string; width: number; height: number; alt: string };
  article?: { published: string; modified: string; section: string; tags: string[] };
}

/**
 * Open Graph and Twitter card tags, so shared links show a proper preview.
 * @example cardHead({ title: 'Hola', url: 'https://a.mx/es/', ... }) // [{ tag: 'meta', attrs: { property: 'og:title', content: 'Hola' } }, …]
 */
export function cardHead(input: CardInput): HeadTag[] {
  const og = (property: string, content: string): HeadTag => ({ tag: 'meta', attrs: { property, content } });
  const tw = (name: string, content: string): HeadTag => ({ tag: 'meta', attrs: { name, content } });
  const tags = [
    og('og:type', input.article ? 'article' : 'website'),
    og('og:site_name', input.siteName),
    og('og:title', input.title),
    og('og:description', input.description),
    og('og:url', input.url),
    og('og:locale', ogLocale(input.lang)),
    ...input.alternateLangs.map((lang) => og('og:locale:alternate', ogLocale(lang))),
    og('og:image', input.image.url),
    og('og:image:width', String(input.image.width)),
    og('og:image:height', String(input.image.height)),
    og('og:image:alt', input.image.alt),
    tw('twitter:card', 'summary_large_image'),
    tw('twitter:title', input.title),
    tw('twitter:description', input.description),
    tw('twitter:image', input.image.url),
    tw('twitter:image:alt', input.image.alt),
  ];
  if (input.article) {
    const { published, modified, section, tags: topics } = input.article;
    tags.push(og('article:published_time', published), og('article:modified_time', modified), og('article:section', section));
    tags.push(...topics.map((tag) => og('article:tag', tag)));
  }
  return tags;
}
