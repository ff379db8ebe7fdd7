import type { Page } from '../pages/pages.ts';
import { absoluteUrl } from '../pages/routes.ts';
import type { Lang } from '../content/types.ts';

/** What the sitemap says about one page: its translations and last change. */
export interface SitemapEntry {
  links: { lang: string; url: string }[];
  lastmod?: string;
}

/**
 * Sitemap facts per absolute URL: `xhtml:link` alternates for every
 * translated page (plus `x-default`) and `lastmod` where content dates it.
 */
export function sitemapEntries(pages: readonly Page[], site: { url: string; base: string }, defaultLanguage: Lang): Map<string, SitemapEntry> {
  const url = (path: string) => absoluteUrl(path, site);
  const entries = new Map<string, SitemapEntry>();
  for (const page of pages) {
    const alternates = Object.entries(page.alternates) as [Lang, string][];
    const links: SitemapEntry['links'] = alternates.length > 1 ? alternates.map(([lang, path]) => ({ lang, url: url(path) })) : [];
    const fallback = page.alternates[defaultLanguage];
    if (links.length && fallback) links.push({ lang: 'x-default', url: url(fallback) });
    entries.set(url(page.path), { links, lastmod: lastModified(page)?.toISOString() });
  }
  return entries;
}

function lastModified(page: Page): Date | undefined {
  if (page.kind === 'note') return page.version.updated ?? page.version.date;
  const dates = page.kind === 'home' ? page.latest : page.kind === 'list' ? page.items : [];
  return dates[0]?.date;
}

/**
 * Options for `@astrojs/sitemap`: only real pages (no root redirect, no 404,
 * no unpublished preview pages), each with its alternates and `lastmod`.
 * `entries` is called once, lazily, when the sitemap is written.
 */
export function sitemapOptions(entries: () => Map<string, SitemapEntry>, extraSitemaps: string[] = []) {
  let known: Map<string, SitemapEntry> | undefined;
  const lookup = (url: string) => (known ??= entries()).get(url);
  return {
    customSitemaps: extraSitemaps,
    filter: (url: string) => lookup(url) !== undefined,
    serialize: <T extends { url: string }>(item: T) => {
      const entry = lookup(item.url);
      return entry ? { ...item, links: entry.links, lastmod: entry.lastmod } : undefined;
    },
  };
}
