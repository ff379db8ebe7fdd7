/**
 * `npm run check`: validates all content in one pass and lists every problem
 * as `file:line  field  what is wrong. How to fix it.` Messages are in
 * Spanish; `--lang en` gives them in English. Exit status 1 on any error.
 */
import { parseArgs } from 'node:util';
import { buildEnv } from '../lib/build-env.ts';
import { formatProblem, loadContent } from '../lib/content.ts';
import { settings } from '../settings.ts';

const { values } = parseArgs({ options: { lang: { type: 'string', default: 'es' } } });
const lang = values.lang === 'en' ? 'en' : 'es';
const env = buildEnv(settings, process.env);
const content = loadContent({ root: process.cwd(), contentDir: env.contentDir, timeZone: settings.timeZone, lang });
for (const problem of content.problems) console.log(`${problem.severity === 'error' ? 'error' : lang === 'es' ? 'aviso' : 'warning'}  ${formatProblem(problem)}`);
const errors = content.problems.filter((p) => p.severity === 'error').length;
const warnings = content.problems.length - errors;
const versions = content.notes.reduce((n, note) => n + Object.keys(note.versions).length, 0);
console.log(
  lang === 'es'
    ? `${content.notes.length} notas (${versions} versiones), ${errors} errores, ${warnings} avisos.`
    : `${content.notes.length} notes (${versions} versions), ${errors} errors, ${warnings} warnings.`,
);
process.exit(errors ? 1 : 0);
