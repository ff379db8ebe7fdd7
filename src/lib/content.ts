import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { contentMessage, type MessageCode } from './content-messages.ts';
import { parseContentDate } from './dates.ts';
import { parseYaml, splitFrontmatter, type ParsedYaml } from './frontmatter.ts';
import { KEBAB, noteFrontmatter, stopFile, topicsFile } from './schema.ts';
import type { Lang, Note, NoteVersion, Problem, Stop, Topics } from './types.ts';

/** Everything under `content/`, validated, with every problem found on the way. */
export interface Content {
  notes: Note[];
  stops: Stop[];
  topics: Topics;
  problems: Problem[];
}

export interface LoadOptions {
  /** Project root; files are reported relative to it. */
  root: string;
  /** The content folder, relative to `root` or absolute. Default `content`. */
  contentDir?: string;
  timeZone: string;
  /** Language of the messages for press staff. */
  lang?: Lang;
}

const LANGS: readonly Lang[] = ['es', 'en'];
const FOLDER_RE = /^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const VERSION_RE = /^(es|en)\.(md|mdx)$/;

/**
 * Reads and validates all content in one pass, collecting every problem
 * instead of stopping at the first, so press staff can fix them all at once.
 */
export function loadContent(options: LoadOptions): Content {
  const { root, timeZone, lang = 'es' } = options;
  const dir = join(root, options.contentDir ?? 'content');
  const problems: Problem[] = [];
  const report = (file: string, line: number | undefined, field: string | undefined, code: MessageCode, params = {}, severity: Problem['severity'] = 'error') =>
    problems.push({ file: relative(root, file), line, field, message: contentMessage(lang, code, params), severity });

  const topics = loadTopics(join(dir, 'topics.yaml'), report);
  const stops = loadStops(join(dir, 'stops'), timeZone, report);
  const stopIds = new Set(stops.map((s) => s.id));
  const notes: Note[] = [];
  const notesDir = join(dir, 'notes');
  for (const folder of listDir(notesDir)) {
    const path = join(notesDir, folder);
    if (!statSync(path).isDirectory()) continue;
    const note = loadNote(path, folder, { timeZone, stopIds, topics, report, root });
    if (note) notes.push(note);
  }
  checkSlugs(notes, report, root);
  notes.sort((a, b) => a.folder.localeCompare(b.folder));
  return { notes, stops, topics, problems };
}

type Report = (file: string, line: number | undefined, field: string | undefined, code: MessageCode, params?: Record<string, string | number>, severity?: Problem['severity']) => void;

function listDir(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

function readUtf8(file: string, report: Report): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
  } catch {
    report(file, undefined, undefined, 'notUtf8');
    return undefined;
  }
}

function readYamlFile(file: string, report: Report): ParsedYaml | undefined {
  const text = readUtf8(file, report);
  if (text === undefined) return undefined;
  const parsed = parseYaml(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  for (const error of parsed.errors) report(file, error.line, undefined, 'yaml', { detail: error.message });
  return parsed.errors.length ? undefined : parsed;
}

// Turns zod's issues into messages for press staff, one per field.
function reportIssues(file: string, parsed: ParsedYaml, error: z.ZodError, report: Report): void {
  for (const issue of error.issues) {
    const field = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const name of issue.keys) {
        const known = knownKeys(issue.path.length ? undefined : 'note');
        report(file, parsed.lineOf([...issue.path, name]), [...issue.path, name].join('.'), 'unknownField', { name, suggestion: closest(name, known) ?? '' });
      }
      continue;
    }
    const line = parsed.lineOf(issue.path);
    const value = valueAt(parsed.data, issue.path);
    if (value === undefined) report(file, line, field, 'required');
    else if (issue.code === 'too_small' && typeof value === 'string') report(file, line, field, 'empty');
    else if (issue.code === 'too_big' && typeof value === 'string') report(file, line, field, 'tooLong', { actual: value.trim().length, max: Number(issue.maximum) });
    else if (issue.code === 'invalid_format' && typeof value === 'string') report(file, line, field, 'badSlug', { value });
    else report(file, line, field, 'wrongType', { expected: expectedOf(issue) });
  }
}

function knownKeys(kind: 'note' | undefined): string[] {
  return kind === 'note' ? Object.keys(noteFrontmatter.shape) : ['src', 'alt', 'credit', 'name', 'region', 'country', 'summary'];
}

function expectedOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return String(issue.expected);
  return issue.message;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), data);
}

/** The known name closest to a typo, if it is close enough to be a good guess. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

function loadTopics(file: string, report: Report): Topics {
  if (!existsSync(file)) return {};
  const parsed = readYamlFile(file, report);
  if (!parsed) return {};
  const result = topicsFile.safeParse(parsed.data ?? {});
  if (!result.success) {
    reportIssues(file, parsed, result.error, report);
    return {};
  }
  return result.data;
}

function loadStops(dir: string, timeZone: string, report: Report): Stop[] {
  const stops: Stop[] = [];
  for (const name of listDir(dir)) {
    const file = join(dir, name);
    const id = name.replace(/\.ya?ml$/, '');
    if (id === name) continue;
    if (!KEBAB.test(id)) report(file, undefined, undefined, 'badSlug', { value: id });
    const parsed = readYamlFile(file, report);
    if (!parsed) continue;
    const result = stopFile.safeParse(parsed.data ?? {});
    if (!result.success) {
      reportIssues(file, parsed, result.error, report);
      continue;
    }
    const { order, coordinates, es, en } = result.data;
    const day = (field: 'start' | 'end') => {
      const value = result.data[field];
      if (value === undefined) return undefined;
      const parsedDay = parseContentDate(value, timeZone);
      if (!parsedDay?.dateOnly) report(file, parsed.lineOf([field]), field, 'badDate', { value });
      return parsedDay?.dateOnly ? value.trim() : undefined;
    };
    const start = day('start');
    const end = day('end');
    if ((result.data.start === undefined) !== (result.data.end === undefined)) report(file, parsed.lineOf(['start']), 'start', 'halfDates');
    if (start && end && start > end) report(file, parsed.lineOf(['end']), 'end', 'startAfterEnd');
    stops.push({ id, file: file, order, start, end, coordinates, text: { es, en } });
  }
  return stops.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

interface NoteContext {
  timeZone: string;
  stopIds: Set<string>;
  topics: Topics;
  report: Report;
  root: string;
}

function loadNote(path: string, folder: string, ctx: NoteContext): Note | undefined {
  const { report } = ctx;
  const folderMatch = FOLDER_RE.exec(folder);
  if (!folderMatch || !parseContentDate(folderMatch[1]!, ctx.timeZone)) {
    report(path, undefined, undefined, 'badFolder');
    return undefined;
  }
  const files = listDir(path);
  const versionFiles = files.filter((f) => VERSION_RE.test(f));
  const note: Note = { folder, versions: {} };
  const used = new Set(versionFiles);
  const lines = new Map<Lang, ParsedYaml>();
  for (const name of versionFiles) {
    const lang = name.slice(0, 2) as Lang;
    if (note.versions[lang]) {
      report(join(path, name), undefined, undefined, 'twoFormats');
      continue;
    }
    const loaded = loadVersion(join(path, name), folder, folderMatch[2]!, lang, ctx);
    if (!loaded) continue;
    note.versions[lang] = loaded.version;
    lines.set(lang, loaded.parsed);
    if (loaded.version.image) used.add(loaded.version.image.src);
  }
  for (const name of files) {
    if (used.has(name)) continue;
    if (/^[a-z]{2}\.[a-z]+$/i.test(name) && !VERSION_RE.test(name)) report(join(path, name), undefined, undefined, 'badFileName', { value: name });
    else report(join(path, name), undefined, undefined, 'strayFile', {}, 'warning');
  }
  if (!versionFiles.length) report(path, undefined, undefined, 'noVersion');
  checkAgreement(note, lines, report, ctx.root);
  return Object.keys(note.versions).length ? note : undefined;
}

function loadVersion(file: string, folder: string, folderSlug: string, lang: Lang, ctx: NoteContext): { version: NoteVersion; parsed: ParsedYaml } | undefined {
  const { report } = ctx;
  const text = readUtf8(file, report);
  if (text === undefined) return undefined;
  const split = splitFrontmatter(text);
  if (split.yaml === undefined) {
    report(file, 1, undefined, 'noFrontmatter');
    return undefined;
  }
  const parsed = parseYaml(split.yaml, split.yamlLine);
  for (const error of parsed.errors) report(file, error.line, undefined, 'yaml', { detail: error.message });
  if (parsed.errors.length) return undefined;
  const result = noteFrontmatter.safeParse(parsed.data ?? {});
  if (!result.success) {
    reportIssues(file, parsed, result.error, report);
    return undefined;
  }
  const data = result.data;
  let ok = true;
  const fail = (field: string, code: MessageCode, params = {}, path: PropertyKey[] = [field]) => {
    report(file, parsed.lineOf(path), field, code, params);
    ok = false;
  };
  const date = parseContentDate(data.date, ctx.timeZone);
  if (!date) fail('date', 'badDate', { value: data.date });
  const updated = data.updated === undefined ? undefined : parseContentDate(data.updated, ctx.timeZone);
  if (data.updated !== undefined && !updated) fail('updated', 'badDate', { value: data.updated });
  if (date && updated && updated.date < date.date) fail('updated', 'updatedBeforeDate');
  if (!ctx.stopIds.has(data.stop)) fail('stop', 'unknownStop', { value: data.stop, valid: [...ctx.stopIds].join(', ') });
  data.topics.forEach((topic, i) => {
    if (!(topic in ctx.topics)) fail('topics', 'unknownTopic', { value: topic, valid: Object.keys(ctx.topics).join(', ') }, ['topics', i]);
  });
  if (data.image) {
    const src = data.image.src;
    if (/^[a-z][a-z0-9+.-]*:|^\/\/|^\/|(^|\/)\.\.(\/|$)/i.test(src)) fail('image.src', 'remoteImage', { value: src }, ['image', 'src']);
    else if (!existsSync(join(file, '..', src))) fail('image.src', 'missingImage', { value: src }, ['image', 'src']);
  }
  if (!split.body.trim()) fail('body', 'emptyBody', {}, []);
  if (!ok || !date) return undefined;
  return {
    parsed,
    version: {
      id: `${folder}/${lang}`,
      folder,
      lang,
      file: relative(ctx.root, file),
      slug: data.slug ?? folderSlug,
      title: data.title,
      summary: data.summary,
      date: date.date,
      dateOnly: date.dateOnly,
      updated: updated?.date,
      stop: data.stop,
      topics: data.topics,
      people: data.people,
      organizations: data.organizations,
      image: data.image,
      draft: data.draft,
    },
  };
}

// The two versions of a note describe one event: same time, place and topics.
function checkAgreement(note: Note, lines: Map<Lang, ParsedYaml>, report: Report, root: string): void {
  const { es, en } = note.versions;
  if (!es || !en) return;
  const fields: [keyof NoteVersion, (v: NoteVersion) => string][] = [
    ['date', (v) => v.date.toISOString()],
    ['stop', (v) => v.stop],
    ['topics', (v) => [...v.topics].sort().join(', ') || '—'],
  ];
  for (const [field, show] of fields) {
    if (show(es) === show(en)) continue;
    report(join(root, en.file), lines.get('en')?.lineOf([field]), field, 'versionsDisagree', { other: es.file, mine: show(en), theirs: show(es) });
  }
}

function checkSlugs(notes: Note[], report: Report, root: string): void {
  for (const lang of LANGS) {
    const bySlug = new Map<string, NoteVersion[]>();
    for (const note of notes) {
      const version = note.versions[lang];
      if (version) bySlug.set(version.slug, [...(bySlug.get(version.slug) ?? []), version]);
    }
    for (const [slug, versions] of bySlug) {
      if (versions.length < 2) continue;
      for (const version of versions) {
        const others = versions.filter((v) => v !== version).map((v) => v.file).join(', ');
        report(join(root, version.file), undefined, 'slug', 'duplicateSlug', { value: slug, others });
      }
    }
  }
}

/**
 * Formats a problem the way press staff read it:
 * `path:line  field  what is wrong. How to fix it.`
 */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return [where, problem.field ?? '-', problem.message].join('  ');
}

/** The language versions in the order the site lists languages. */
export const LANGUAGES = LANGS;
