import { basename } from 'node:path';
import { cliMessage } from './cli-messages.ts';
import { formatProblem, type Content } from '../content/content.ts';
import { formatDate } from '../i18n/dates.ts';
import type { NoteStatus } from './translation-status.ts';
import type { Lang, Problem } from '../content/types.ts';

/**
 * One problem as `npm run check` and the build print it:
 * `error  path:line  field  message` (`aviso` / `warning` for warnings).
 * @example problemLine({ file: 'a.md', line: 2, field: 'title', message: 'Bad.', severity: 'error' }, 'es') // 'error  a.md:2  title  Bad.'
 */
export function problemLine(problem: Problem, lang: Lang): string {
  const severity = cliMessage(lang, problem.severity === 'error' ? 'severityError' : 'severityWarning');
  return `${severity}  ${formatProblem(problem)}`;
}

/**
 * One status line: `path  what it means and what to do`, dates in the site
 * time zone.
 */
export function statusLine(status: NoteStatus, lang: Lang, timeZone: string): string {
  const when = (date: Date) => formatDate(date, lang, timeZone);
  const text = (() => {
    switch (status.kind) {
      case 'missing':
        return cliMessage(lang, 'statusMissing', { lang: status.lang });
      case 'stale':
        return cliMessage(lang, 'statusStale', { changed: when(status.changed), newer: basename(status.newer), newerChanged: when(status.newerChanged) });
      case 'draft':
        return cliMessage(lang, 'statusDraft');
      case 'embargo':
        return cliMessage(lang, 'statusEmbargo', { date: when(status.publishAt), zone: timeZone });
    }
  })();
  return `${status.file}  ${text}`;
}

/**
 * Everything `npm run check` prints: every problem, then the translation and
 * publication status, then a one-line summary.
 */
export function checkReport(content: Pick<Content, 'notes' | 'problems'>, statuses: readonly NoteStatus[], lang: Lang, timeZone: string): string[] {
  const errors = content.problems.filter((p) => p.severity === 'error').length;
  const versions = content.notes.reduce((n, note) => n + Object.keys(note.versions).length, 0);
  const status = statuses.length
    ? [cliMessage(lang, 'statusHeading'), ...statuses.map((s) => `  ${statusLine(s, lang, timeZone)}`)]
    : [cliMessage(lang, 'statusClean')];
  return [
    ...content.problems.map((p) => problemLine(p, lang)),
    ...(content.problems.length ? [''] : []),
    ...status,
    '',
    cliMessage(lang, 'summary', { notes: content.notes.length, versions, errors, warnings: content.problems.length - errors }),
  ];
}
