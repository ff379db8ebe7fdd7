import { isoInZone } from '../i18n/dates.ts';
import { cardHead, pageHead, type HeadTag } from './head.ts';
import type { StringKey } from '../i18n/i18n.ts';
import { pageMeta, type Page } from '../pages/pages.ts';
import { inLanguage } from '../i18n/languages.ts';
import { absoluteUrl, homePath, searchPath, shareImagePath } from '../pages/routes.ts';
import { breadcrumbs, newsArticle, website, type JsonLd } from './structured-data.ts';
import type { Lang, Stop, Topics } from '../content/types.ts';

/** The site facts the head needs, from the settings file and the build. */
export interface SeoContext {
  site: { url: string; base: string };
  name: Record<Lang, string>;
  description: Record<Lang, string>;
  publisher: { name: Record<Lang, string>; url: string };
  defaultLanguage: Lang;
  /** The site's languages: a site of one has no alternates at all. */
  languages: readonly Lang[];
  timeZone: string;
  topics: Topics;
  stops: readonly Stop[];
  preview: boolean;
  label: (lang: Lang, key: StringKey) => string;
}

/** Everything a page puts in its head: `<title>` text, tags and JSON-LD. */
export interface Seo {
  /** The `<title>`: the page's title and the site name, or the site name alone on the homes. */
  title: string;
  head: HeadTag[];
  jsonLd: JsonLd[];
}

/** Path of the preview card of pages that have none of their own. */
export const DEFAULT_CARD = '/og-default.png';

/**
 * The head of any page: canonical and hreflang, preview cards, and
 * structured data (`NewsArticle` and breadcrumbs on notes, `WebSite` on homes).
 */
export function pageSeo(page: Page, ctx: SeoContext): Seo {
  const { lang } = page;
  const url = (path: string) => absoluteUrl(path, ctx.site);
  const meta = pageMeta(page, ctx, (key) => ctx.label(lang, key));
  const note = page.kind === 'note' ? page : undefined;
  // On a site of one language, a page has no translations to announce, not even itself.
  const alternates = ctx.languages.length > 1 ? page.alternates : {};
  const head = pageHead({
    path: page.path,
    lang,
    alternates,
    description: meta.description,
    site: ctx.site,
    defaultLanguage: ctx.defaultLanguage,
    noindex: ctx.preview || Boolean(note?.unpublished),
  });
  // Unpublished notes (preview builds only) get no share image of their own.
  const image = note && !note.unpublished
    ? { url: url(shareImagePath(lang, note.version.slug)), width: 1200, height: 630, alt: note.version.title }
    : { url: url(DEFAULT_CARD), width: 1200, height: 630, alt: inLanguage(ctx.name, lang) };
  const published = note && isoInZone(note.version.date, ctx.timeZone);
  const modified = note && isoInZone(note.version.updated ?? note.version.date, ctx.timeZone);
  head.push(
    ...cardHead({
      lang,
      alternateLangs: Object.keys(alternates).filter((l) => l !== lang),
      title: meta.title,
      description: meta.description,
      url: url(page.path),
      siteName: inLanguage(ctx.name, lang),
      image,
      article: note && {
        published: published!,
        modified: modified!,
        section: note.stop.name,
        tags: note.version.topics.map((id) => ctx.topics[id]?.[lang] ?? id),
      },
    }),
  );
  const publisher = { name: inLanguage(ctx.publisher.name, lang), url: ctx.publisher.url, logo: url(DEFAULT_CARD) };
  const jsonLd: JsonLd[] = [];
  if (page.kind === 'home') {
    jsonLd.push(...website({ lang, name: inLanguage(ctx.name, lang), description: inLanguage(ctx.description, lang), url: url(page.path), searchUrl: url(searchPath(lang)), publisher }));
  }
  if (note) {
    const stop = ctx.stops.find((s) => s.id === note.version.stop);
    jsonLd.push(
      newsArticle({
        lang,
        url: url(page.path),
        headline: note.version.title,
        description: note.version.summary,
        published: published!,
        modified: modified!,
        image: image.url,
        publisher,
        isPartOf: { name: inLanguage(ctx.name, lang), url: url(homePath(lang)) },
        location: stop && { ...inLanguage(stop.text, lang), coordinates: stop.coordinates },
        people: note.version.people,
        organizations: note.version.organizations,
      }),
      breadcrumbs([
        [ctx.label(lang, 'nav.home'), url(homePath(lang))],
        [note.stop.name, url(note.stop.href)],
        [note.version.title, url(page.path)],
      ]),
    );
  }
  const siteName = inLanguage(ctx.name, lang);
  return { title: meta.title === siteName ? siteName : `${meta.title} | ${siteName}`, head, jsonLd };
}
