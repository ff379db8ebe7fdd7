import type { Page } from './pages.ts';
import { absoluteUrl } from './routes.ts';
import type { Lang, Topics } from './types.ts';

/** One RSS item, in the shape `@astrojs/rss` takes. */
export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
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
    }));
}
