import { isAbsolute, relative } from 'node:path';

/** What the build says when something inside Astro, sharp, Vite or Pagefind fails. */
export interface FailureReport {
  /** The lines to print, in the order read: what failed, where, what to do. */
  lines: string[];
}

interface Details {
  message?: unknown;
  name?: unknown;
  title?: unknown;
  hint?: unknown;
  id?: unknown;
  file?: unknown;
  path?: unknown;
  loc?: { file?: unknown; line?: unknown };
  cause?: unknown;
  errors?: unknown;
  stack?: unknown;
}

const CONTENT_FILE = /(?:^|[\s'"(])((?:\/[^\s'"():]+\/)?content\/notes\/[^\s'"():]+)/;
const PAGE = /(?:^|[\s'"(])(\/(?:[a-z]{2})\/[^\s'"():]*)/;

/**
 * Turns an error from inside the build into what press staff and operators
 * can act on: which step failed and why (the first line of the library's
 * message), the note or page it concerns when the error names one, and what
 * to do. The raw stack trace is left to `--verbose` / `DEBUG=1`.
 * @example describeFailure(new Error('Input file is missing: /s/content/notes/x/hero.jpg'), 'Building pages', '/s').lines[0] // 'What failed: Building pages: Input file is missing: …'
 */
export function describeFailure(error: unknown, step: string, root: string): FailureReport {
  const chain = causes(error);
  // The innermost error says what went wrong; the outer ones only that something did ("Build failed with 1 error:").
  const message = [...chain].reverse().flatMap((e) => [...reasons(e.message), ...reasons(e.title)])[0] ?? String(error);
  const where = chain.map(location).find(Boolean);
  const text = chain.map((e) => `${String(e.message ?? '')}\n${String(e.stack ?? '')}`).join('\n');
  const note = where && where.includes('content/notes/') ? where : CONTENT_FILE.exec(text)?.[1];
  const page = PAGE.exec(chain.map((e) => String(e.message ?? '')).join('\n'))?.[1];
  const hint = chain.map((e) => firstLine(e.hint)).find(Boolean);
  const lines = [`What failed: ${step}: ${message}`];
  if (note) lines.push(`Note: ${shown(note, root)}`);
  else if (where) lines.push(`File: ${shown(where, root)}`);
  if (page) lines.push(`Page: ${page}`);
  if (hint) lines.push(`Hint: ${hint}`);
  lines.push(
    note
      ? 'What to do: run `npm run check`, and check that file (and its images) opens on your computer; fix or replace it, then build again.'
      : 'What to do: run `npm run check` and fix what it lists; if it lists nothing, build again with `npm run build -- --verbose` (or DEBUG=1) and send the output to the site’s developers.',
  );
  return { lines };
}

/** Whether the raw trace was asked for: `--verbose`, or `DEBUG` set to anything but 0. */
export function wantsTrace(verbose: boolean | undefined, env: Record<string, string | undefined>): boolean {
  return Boolean(verbose) || (env.DEBUG !== undefined && env.DEBUG !== '' && env.DEBUG !== '0');
}

// The error and what it wraps (`cause`, an AggregateError's `errors`), outermost first.
function causes(error: unknown): Details[] {
  const found: Details[] = [];
  const queue = [error];
  while (queue.length && found.length < 10) {
    const next = queue.shift();
    if (!next || typeof next !== 'object') continue;
    const e = next as Details;
    found.push(e);
    if (e.cause) queue.push(e.cause);
    if (Array.isArray(e.errors)) queue.push(...e.errors);
  }
  return found;
}

function location(e: Details): string | undefined {
  for (const value of [e.loc?.file, e.file, e.id, e.path]) {
    if (typeof value === 'string' && value && !value.includes('node_modules')) return value.split('?')[0];
  }
  return undefined;
}

function reasons(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.endsWith(':') && !/^\[plugin /.test(line) && !/^at /.test(line));
}

function firstLine(value: unknown): string {
  return typeof value === 'string' ? (value.split('\n').find((line) => line.trim()) ?? '').trim() : '';
}

function shown(file: string, root: string): string {
  return isAbsolute(file) ? relative(root, file) : file;
}
