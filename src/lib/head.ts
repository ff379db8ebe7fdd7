import { absoluteUrl } from './routes.ts';
import type { Lang } from './types.ts';

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
