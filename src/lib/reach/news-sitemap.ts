import { inLanguage } from '../i18n/languages.ts';
import type { Page } from '../pages/pages.ts';
import { absoluteUrl } from '../pages/routes.ts';
import { EDITOR_PATH } from '../editor/editor-page.ts';
import type { Lang } from '../content/types.ts';

const WINDOW_MS = 48 * 60 * 60 * 1000;

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/**
 * A Google News sitemap of the notes published in the 48 hours before `now`,
 * all languages; valid and empty when there are none.
 */
export function newsSitemap(pages: readonly Page[], site: { url: string; base: string }, name: Record<Lang, string>, now: Date): string {
  const recent = pages.flatMap((page) => {
    if (page.kind !== 'note' || page.unpublished) return [];
    const age = now.getTime() - page.version.date.getTime();
    return age >= 0 && age <= WINDOW_MS ? [page] : [];
  });
  const urls = recent.map(
    ({ path, lang, version }) => `<url><loc>${xml(absoluteUrl(path, site))}</loc><news:news><news:publication><news:name>${xml(inLanguage(name, lang))}</news:name><news:language>${lang}</news:language></news:publication><news:publication_date>${version.date.toISOString()}</news:publication_date><news:title>${xml(version.title)}</news:title></news:news></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${urls.join('')}</urlset>\n`;
}

/** `robots.txt`: everything may be crawled but the web editor; names both sitemaps. */
export function robotsTxt(site: { url: string; base: string }): string {
  return `User-agent: *\nAllow: /\nDisallow: ${site.base}${EDITOR_PATH}\n\nSitemap: ${absoluteUrl('/sitemap-index.xml', site)}\nSitemap: ${absoluteUrl('/news-sitemap.xml', site)}\n`;
}
