/**
 * The site, loaded once per build (and again after each content edit in
 * `npm run dev`): content, pages and settings for every template. Templates
 * import from here and never read content themselves.
 */
import { buildEnv } from './lib/build/build-env.ts';
import { ContentError } from './lib/check/content-error.ts';
import { messageLanguage } from './lib/check/content-messages.ts';
import { contentFrom } from './lib/content/content-snapshot.ts';
import { buildPages } from './lib/pages/pages.ts';
import { imageProblems, linkProblems } from './lib/check/reference-check.ts';
import { settings } from './settings.ts';

export const env = buildEnv(settings, process.env);

// In the language `npm run check` would use in this terminal.
const lang = messageLanguage(undefined, process.env);

export const content = contentFrom({ root: process.cwd(), contentDir: env.contentDir, timeZone: settings.timeZone, lang }, process.env.CONTENT_SNAPSHOT);

// `npm run build` checked images and links before it started Astro; `npm run dev` and a bare `astro build` check them here.
if (!process.env.CONTENT_SNAPSHOT) {
  const references = { root: process.cwd(), contentDir: env.contentDir, lang, ...settings, now: env.now, url: env.url, base: env.base };
  content.problems.push(...(await imageProblems(content, references)), ...linkProblems(content, references));
}

// `npm run dev` shows this in the page and the terminal until the files are fixed
// (src/integrations/live-content.ts loads this module again on every change).
if (content.problems.some((p) => p.severity === 'error')) throw new ContentError(content.problems, lang, process.cwd());

export const pages = buildPages(content, {
  languages: settings.languages,
  timeZone: settings.timeZone,
  now: env.now,
  preview: env.preview,
  pageSize: settings.pageSize,
});

export { settings };
