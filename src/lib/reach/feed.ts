import type { Page } from '../pages/pages.ts';
import { languageTag } from '../i18n/languages.ts';
import { absoluteUrl, feedPath, shareImagePath } from '../pages/routes.ts';
import type { Lang, Topics } from '../content/types.ts';

/** One RSS item, in the shape `@astrojs/rss` takes. */
export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
  /** The share image, as a Media RSS element. */
  customData: string;
}

/**
 * The RSS items of one language: its own published notes, newest first,
 * with absolute links and topic labels as categories.
 */
export function feedItems(pages: readonly Page[], lang: Lang, topics: Topics, site: { url: string; base: string }, limit = 50): FeedItem[] {
  return pages
    .flatMap((page) => (page.kind === 'note' && page.lang === lang && !page.unpublished ? [page] : []))
    .sort((a, b) => b.version.date.getTime() - a.version.date.getTime())
    .slice(0, limit)
    .map(({ path, version }) => ({
      title: version.title,
      link: absoluteUrl(path, site),
      pubDate: version.date,
      description: version.summary,
      categories: version.topics.map((id) => topics[id]?.[lang] ?? id),
      customData: `<media:content url="${absoluteUrl(shareImagePath(lang, version.slug), site)}" medium="image" type="image/png" width="1200" height="630"/>`,
    }));
}

/** Namespaces the feed uses, for `@astrojs/rss`'s `xmlns` option. */
export const FEED_NAMESPACES = { atom: 'http://www.w3.org/2005/Atom', media: 'http://search.yahoo.com/mrss/' };

/** Channel elements beyond the basics: language and the `atom:link` self reference. */
export function feedChannelData(lang: Lang, site: { url: string; base: string }): string {
  return `<language>${languageTag(lang)}</language><atom:link href="${absoluteUrl(feedPath(lang), site)}" rel="self" type="application/rss+xml"/>`;
}
