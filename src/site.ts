/**
 * The site, loaded once per build: content, pages and settings for every
 * template. Templates import from here and never read content themselves.
 */
import { buildEnv } from './lib/build-env.ts';
import { formatProblem } from './lib/content.ts';
import { contentFrom } from './lib/content-snapshot.ts';
import { buildPages } from './lib/pages.ts';
import { settings } from './settings.ts';

export const env = buildEnv(settings, process.env);

export const content = contentFrom({ root: process.cwd(), contentDir: env.contentDir, timeZone: settings.timeZone }, process.env.CONTENT_SNAPSHOT);

const errors = content.problems.filter((p) => p.severity === 'error');
if (errors.length) {
  throw new Error(`The content has ${errors.length} problem(s):\n${errors.map(formatProblem).join('\n')}`);
}

export const pages = buildPages(content, {
  languages: settings.languages,
  timeZone: settings.timeZone,
  now: env.now,
  preview: env.preview,
  pageSize: settings.pageSize,
});

export { settings };
