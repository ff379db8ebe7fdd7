import { isAbsolute, join } from 'node:path';
import { problemLine } from './check-report.ts';
import { cliMessage } from './cli-messages.ts';
import type { Lang, Problem } from '../content/types.ts';

/**
 * The error `npm run dev` throws while the content has errors. Astro shows it
 * in the page (its error overlay) and in the terminal: the message is every
 * problem exactly as `npm run check` prints it, the code frame is the file of
 * the first error at its line, and no stack trace points into the site's code,
 * which press staff have nothing to do with.
 */
export class ContentError extends Error {
  /** The overlay's heading. */
  readonly title: string;
  /** Shown under the message: what to do. */
  readonly hint: string;
  /** Where the first error is; Astro shows that file around this line. */
  readonly loc?: { file: string; line: number; column: number };

  constructor(problems: readonly Problem[], lang: Lang, root: string) {
    const lines = problems.map((p) => problemLine(p, lang));
    super(lines.join('\n'));
    this.name = 'ContentError';
    const errors = problems.filter((p) => p.severity === 'error');
    this.title = cliMessage(lang, 'devProblemsTitle', { errors: errors.length });
    this.hint = cliMessage(lang, 'devProblemsHint');
    const first = errors[0];
    if (first) this.loc = { file: isAbsolute(first.file) ? first.file : join(root, first.file), line: first.line ?? 1, column: 1 };
    // The trace would point into src/site.ts; the message is all there is to say.
    this.stack = `${this.title}\n${this.message}`;
  }
}
