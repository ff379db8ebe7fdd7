/**
 * `npm run check`: validates all content in one pass and lists every problem
 * as `file:line  field  what is wrong. How to fix it.`, then which notes lack
 * a translation, which translations are stale, and which notes are drafts or
 * embargoed (with the moment they publish, in the site time zone).
 *
 * Messages are in Spanish, or in English with `--lang en` or an English
 * terminal locale (LANG=en_US.UTF-8); any other language reads English. Exit status 1 on any error; warnings
 * alone do not fail.
 */
import { parseArgs } from 'node:util';
import { buildEnv } from '../lib/build/build-env.ts';
import { checkReport } from '../lib/check/check-report.ts';
import { cliMessage } from '../lib/check/cli-messages.ts';
import { messageLanguage } from '../lib/check/content-messages.ts';
import { loadContent } from '../lib/content/content.ts';
import { imageProblems, linkProblems } from '../lib/check/reference-check.ts';
import { noteStatuses } from '../lib/check/translation-status.ts';
import { settings } from '../settings.ts';

const { values } = parseArgs({ options: { lang: { type: 'string' } } });
if (values.lang !== undefined && !/^(es|en)$/i.test(values.lang) && !settings.languages.includes(values.lang)) {
  console.error(cliMessage(messageLanguage(undefined, process.env), 'badLangFlag', { value: values.lang }));
  process.exit(2);
}
const lang = messageLanguage(values.lang, process.env);

const env = buildEnv(settings, process.env);
const content = loadContent({ root: process.cwd(), contentDir: env.contentDir, timeZone: settings.timeZone, lang, languages: settings.languages });
const references = { root: process.cwd(), contentDir: env.contentDir, lang, ...settings, now: env.now, url: env.url, base: env.base };
content.problems.push(...(await imageProblems(content, references)), ...linkProblems(content, references));
const statuses = noteStatuses(content.notes, env.now, settings.languages);
console.log(checkReport(content, statuses, lang, settings.timeZone).join('\n'));
process.exit(content.problems.some((p) => p.severity === 'error') ? 1 : 0);
