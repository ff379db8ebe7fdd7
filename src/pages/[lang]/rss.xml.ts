import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { FEED_NAMESPACES, feedChannelData, feedItems } from '../../lib/reach/feed.ts';
import { inLanguage } from '../../lib/i18n/languages.ts';
import { absoluteUrl, homePath } from '../../lib/pages/routes.ts';
import type { Lang } from '../../lib/content/types.ts';
import { content, env, pages, settings } from '../../site.ts';

export const getStaticPaths = () => settings.languages.map((lang) => ({ params: { lang } }));

export function GET({ params }: APIContext) {
  const lang = params.lang as Lang;
  return rss({
    title: inLanguage(settings.name, lang),
    description: inLanguage(settings.description, lang),
    site: absoluteUrl(homePath(lang), env),
    items: feedItems(pages, lang, content.topics, env),
    xmlns: FEED_NAMESPACES,
    customData: feedChannelData(lang, env),
  });
}
