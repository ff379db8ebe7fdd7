import { newsSitemap } from '../lib/reach/news-sitemap.ts';
import { env, pages, settings } from '../site.ts';

export const GET = () =>
  new Response(newsSitemap(pages, env, settings.name, env.now), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
