import { robotsTxt } from '../lib/reach/news-sitemap.ts';
import { env } from '../site.ts';

export const GET = () => new Response(robotsTxt(env), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
