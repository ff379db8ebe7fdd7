import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { z } from 'zod';
import { bodyImages, folderPath, isFolderFile, type BodyImage } from './body-images.ts';
import { closest } from './closest.ts';
import { contentMessage, staffLanguage, type MessageCode } from '../check/content-messages.ts';
import { parseContentDate } from '../i18n/dates.ts';
import { normalizeText, parseYaml, splitFrontmatter, type ParsedYaml, type SplitFile } from './frontmatter.ts';
import { fieldIssues } from './schema-issues.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { KEBAB, noteFrontmatter, stopFileSchema, topicsFileSchema } from './schema.ts';
import type { Lang, Note, NoteVersion, Problem, Stop, StopText, Topics } from './types.ts';
import { aliasLine, fieldsCutByComments, yamlMistakes } from './yaml-mistakes.ts';

/** Kept here too: "did you mean" was first exported from this module. */
export { closest };

/** Everything under `content/`, validated, with every problem found on the way. */
export interface Content {
  notes: Note[];
  stops: Stop[];
  topics: Topics;
  problems: Problem[];
}

/** Where the content is, and the language and time zone of its messages and dates. */
export interface LoadOptions {
  /** Project root; files are reported relative to it. */
  root: string;
  /** The content folder, relative to `root` or absolute. Default `content`. */
  contentDir?: string;
  timeZone: string;
  /** Language of the messages for press staff (Spanish or English; any other falls back to English). Default: the site's first language's. */
  lang?: Lang;
  /** The site's language codes, the default first. Default: those of the settings file. */
  languages?: readonly Lang[];
}

const FOLDER_RE = /^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
/** A version file: `index.<language code>.md` or `.mdx`. */
const VERSION_RE = /^index\.([a-z0-9-]+)\.(md|mdx)$/;
/** A version named the old way (`es.md`), refused with its new name. */
const OLD_VERSION_RE = /^([a-z]{2,3}(?:-[a-z0-9]+)*)\.(md|mdx)$/;

/**
 * Reads and validates all content in one pass, collecting every problem
 * instead of stopping at the first, so press staff can fix them all at once.
 */
export function loadContent(options: LoadOptions): Content {
  const { root, timeZone, languages = LANGUAGES, lang = staffLanguage(languages[0]!) } = options;
  const dir = resolve(root, options.contentDir ?? 'content');
  const problems: Problem[] = [];
  const report = (file: string, line: number | undefined, field: string | undefined, code: MessageCode, params = {}, severity: Problem['severity'] = 'error') =>
    problems.push({ file: relative(root, file), line, field, message: contentMessage(lang, code, params), severity });

  const topics = loadTopics(join(dir, 'topics.yaml'), languages, report);
  const stops = loadStops(join(dir, 'stops'), timeZone, languages, report);
  const stopIds = new Set(stops.map((s) => s.id));
  const notes: Note[] = [];
  const slugLines = new Map<string, number>();
  const notesDir = join(dir, 'notes');
  for (const folder of listDir(notesDir)) {
    const path = join(notesDir, folder);
    if (!statSync(path).isDirectory()) {
      report(path, undefined, undefined, 'notContent', {}, 'warning');
      continue;
    }
    const note = loadNote(path, folder, { timeZone, stopIds, topics, report, root, slugLines, languages });
    if (note) notes.push(note);
  }
  checkSlugs(notes, languages, report, root, slugLines);
  notes.sort((a, b) => a.folder.localeCompare(b.folder));
  return { notes, stops, topics, problems };
}

type Report = (file: string, line: number | undefined, field: string | undefined, code: MessageCode, params?: Record<string, string | number>, severity?: Problem['severity']) => void;

// Hidden files (.DS_Store) and Windows thumbnails are the system's, not the staff's.
const SYSTEM_FILE = /^\.|^(Thumbs\.db|desktop\.ini)$/i;

function listDir(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => !SYSTEM_FILE.test(name)).sort() : [];
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
  return parseHeader(file, normalizeText(text), 1, report);
}

// Parses YAML and reports its syntax mistakes; undefined when it cannot be read.
function parseHeader(file: string, yaml: string, firstLine: number, report: Report): ParsedYaml | undefined {
  let parsed: ParsedYaml;
  try {
    parsed = parseYaml(yaml, firstLine);
  } catch {
    report(file, aliasLine(yaml, firstLine), undefined, 'yamlReserved');
    return undefined;
  }
  for (const { line, code, detail } of yamlMistakes(parsed.errors, yaml, firstLine)) report(file, line, undefined, code, { detail });
  return parsed.errors.length ? undefined : parsed;
}

// Turns zod's issues into problems for press staff, each on its field's line.
function reportIssues(file: string, parsed: ParsedYaml, schema: z.ZodType, error: z.ZodError, report: Report): void {
  for (const { path, code, params } of fieldIssues(error, parsed.data, schema)) {
    report(file, parsed.lineOf(path), path.join('.') || undefined, code, params);
  }
}

function loadTopics(file: string, languages: readonly Lang[], report: Report): Topics {
  if (!existsSync(file)) return {};
  const parsed = readYamlFile(file, report);
  if (!parsed) return {};
  const topicsFile = topicsFileSchema(languages);
  const result = topicsFile.safeParse(parsed.data ?? {});
  if (!result.success) {
    reportIssues(file, parsed, topicsFile, result.error, report);
    return {};
  }
  return result.data as Topics;
}

function loadStops(dir: string, timeZone: string, languages: readonly Lang[], report: Report): Stop[] {
  const stops: Stop[] = [];
  const stopFile = stopFileSchema(languages);
  for (const name of listDir(dir)) {
    const file = join(dir, name);
    const id = name.replace(/\.ya?ml$/, '');
    if (id === name) {
      report(file, undefined, undefined, 'notContent', {}, 'warning');
      continue;
    }
    if (!KEBAB.test(id)) report(file, undefined, undefined, 'badSlug', { value: id });
    const parsed = readYamlFile(file, report);
    if (!parsed) continue;
    const result = stopFile.safeParse(parsed.data ?? {});
    if (!result.success) {
      reportIssues(file, parsed, stopFile, result.error, report);
      continue;
    }
    const { order, coordinates } = result.data;
    const text = Object.fromEntries(languages.map((code) => [code, (result.data as Record<string, unknown>)[code] as StopText]));
    const day = (field: 'start' | 'end') => {
      const value = result.data[field] as string | undefined;
      if (value === undefined) return undefined;
      const parsedDay = parseContentDate(value, timeZone);
      if (!parsedDay?.dateOnly) report(file, parsed.lineOf([field]), field, 'badDate', { value });
      return parsedDay?.dateOnly ? value.trim() : undefined;
    };
    const start = day('start');
    const end = day('end');
    if ((result.data.start === undefined) !== (result.data.end === undefined)) report(file, parsed.lineOf(['start']), 'start', 'halfDates');
    if (start && end && start > end) report(file, parsed.lineOf(['end']), 'end', 'startAfterEnd');
    stops.push({ id, file: file, order, start, end, coordinates, text });
  }
  return stops.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

interface NoteContext {
  timeZone: string;
  stopIds: Set<string>;
  topics: Topics;
  report: Report;
  root: string;
  /** Version id to the line of its `slug` field, where one is written. */
  slugLines: Map<string, number>;
  languages: readonly Lang[];
}

/** A version that passed every check, with what the cross-version checks need. */
interface LoadedVersion {
  version: NoteVersion;
  parsed: ParsedYaml;
  /** `date` as the author wrote it, to show in messages. */
  writtenDate: string;
}

function loadNote(path: string, folder: string, ctx: NoteContext): Note | undefined {
  const { report } = ctx;
  const folderMatch = FOLDER_RE.exec(folder);
  if (!folderMatch || !parseContentDate(folderMatch[1]!, ctx.timeZone)) {
    report(path, undefined, undefined, 'badFolder');
    return undefined;
  }
  const files = listDir(path);
  const versionFiles = files.filter((f) => VERSION_RE.test(f) && ctx.languages.includes(VERSION_RE.exec(f)![1]!));
  const used = new Set(versionFiles);
  const seen = new Set<Lang>();
  const loaded = new Map<Lang, LoadedVersion>();
  // In the settings' order, so that the default language's version is the reference.
  versionFiles.sort((a, b) => ctx.languages.indexOf(VERSION_RE.exec(a)![1]!) - ctx.languages.indexOf(VERSION_RE.exec(b)![1]!));
  for (const name of versionFiles) {
    const lang = VERSION_RE.exec(name)![1]!;
    if (seen.has(lang)) {
      report(join(path, name), undefined, undefined, 'twoFormats');
      continue;
    }
    seen.add(lang);
    const version = loadVersion(join(path, name), folder, folderMatch[2]!, lang, ctx, used);
    if (version) loaded.set(lang, version);
  }
  reportStrayFiles(path, files, used, ctx.languages, report);
  if (!versionFiles.length) report(path, undefined, undefined, 'noVersion', { valid: ctx.languages.map((l) => `index.${l}.md`).join(', ') });
  checkAgreement([...loaded.values()], report, ctx.root);
  if (!loaded.size) return undefined;
  return { folder, versions: Object.fromEntries([...loaded].map(([lang, v]) => [lang, v.version])) };
}

// A file nothing uses is probably a leftover or a typo in an image name; a
// Markdown file that is not a version is an error, never silently skipped.
function reportStrayFiles(path: string, files: string[], used: Set<string>, languages: readonly Lang[], report: Report): void {
  const isUsed = (name: string) => used.has(name) || [...used].some((u) => u.startsWith(`${name}/`));
  const valid = languages.map((l) => `index.${l}.md`).join(', ');
  for (const name of files) {
    if (isUsed(name)) continue;
    const file = join(path, name);
    const old = OLD_VERSION_RE.exec(name);
    const version = VERSION_RE.exec(name);
    if (old && languages.includes(old[1]!)) report(file, undefined, undefined, 'oldVersionName', { value: name, name: `index.${name}` });
    else if (version) report(file, undefined, undefined, 'unknownLanguage', { value: version[1]!, valid });
    else if (/\.mdx?$/i.test(name) || /^[a-z]{2}\.[a-z]+$/i.test(name)) report(file, undefined, undefined, 'badFileName', { value: name, valid });
    else report(file, undefined, undefined, 'strayFile', {}, 'warning');
  }
}

function loadVersion(file: string, folder: string, folderSlug: string, lang: Lang, ctx: NoteContext, used: Set<string>): LoadedVersion | undefined {
  const { report } = ctx;
  const text = readUtf8(file, report);
  if (text === undefined) return undefined;
  const split = splitFrontmatter(text);
  if (split.yaml === undefined) {
    report(file, 1, undefined, 'noFrontmatter');
    return undefined;
  }
  const parsed = parseHeader(file, split.yaml, split.yamlLine, report);
  if (!parsed) return undefined;
  for (const { path, line } of fieldsCutByComments(parsed, split.yaml, split.yamlLine)) report(file, line, path.join('.'), 'yamlComment', {}, 'warning');
  const images = bodyImages(split.body, split.bodyLine);
  // Mark the images as used before validating, so a mistake elsewhere in the
  // header does not also make them look stray.
  for (const src of [imageSrcOf(parsed.data), ...images.map((i) => i.src)]) if (src && isFolderFile(src)) used.add(folderPath(src));
  const bodyOk = checkBody(file, split, images, report);
  const result = noteFrontmatter.safeParse(parsed.data ?? {});
  if (!result.success) {
    reportIssues(file, parsed, noteFrontmatter, result.error, report);
    return undefined;
  }
  const data = result.data;
  let ok = bodyOk;
  const fail = (field: string, code: MessageCode, params = {}, path: PropertyKey[] = [field]) => {
    report(file, parsed.lineOf(path), field, code, params);
    ok = false;
  };
  const date = parseContentDate(data.date, ctx.timeZone);
  if (!date) fail('date', 'badDate', { value: data.date });
  const updated = data.updated === undefined ? undefined : parseContentDate(data.updated, ctx.timeZone);
  if (data.updated !== undefined && !updated) fail('updated', 'badDate', { value: data.updated });
  if (date && updated && updated.date < date.date) fail('updated', 'updatedBeforeDate');
  const stops = [...ctx.stopIds];
  if (!ctx.stopIds.has(data.stop)) fail('stop', 'unknownStop', { value: data.stop, valid: stops.join(', '), suggestion: closest(data.stop, stops) ?? '' });
  const topicIds = Object.keys(ctx.topics);
  data.topics.forEach((topic, i) => {
    if (!(topic in ctx.topics)) fail('topics', 'unknownTopic', { value: topic, valid: topicIds.join(', '), suggestion: closest(topic, topicIds) ?? '' }, ['topics', i]);
  });
  if (data.image) {
    const src = data.image.src;
    if (!isFolderFile(src)) fail('image.src', 'remoteImage', { value: src }, ['image', 'src']);
    else if (!existsSync(join(file, '..', src))) fail('image.src', 'missingImage', { value: src }, ['image', 'src']);
  }
  if (!ok || !date) return undefined;
  if (data.slug !== undefined) ctx.slugLines.set(`${folder}/${lang}`, parsed.lineOf(['slug']));
  return {
    parsed,
    writtenDate: data.date.trim(),
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
      source: versionSource(file, text, [data.image?.src, ...images.map((i) => i.src)]),
    },
  };
}

// The text itself, and the size and time of each image file: replacing a
// photo under the same name changes the page as much as editing the text.
function versionSource(file: string, text: string, images: (string | undefined)[]): string {
  const hash = createHash('sha256').update(text);
  for (const src of images) {
    if (!src || !isFolderFile(src)) continue;
    const stat = statSync(join(file, '..', src), { throwIfNoEntry: false });
    hash.update(`\0${folderPath(src)}\0${stat ? `${stat.size}\0${stat.mtimeMs}` : 'missing'}`);
  }
  return hash.digest('base64url');
}

function imageSrcOf(data: unknown): string | undefined {
  const src = (data as { image?: { src?: unknown } } | null | undefined)?.image?.src;
  return typeof src === 'string' ? src : undefined;
}

// The body must have text, and its images must be files of the folder with alt text.
function checkBody(file: string, split: SplitFile, images: BodyImage[], report: Report): boolean {
  let ok = true;
  const fail = (line: number, code: MessageCode, params = {}) => {
    report(file, line, 'body', code, params);
    ok = false;
  };
  if (!split.body.trim()) fail(split.bodyLine - 1, 'emptyBody');
  for (const { src, alt, line } of images) {
    if (!isFolderFile(src)) fail(line, 'remoteImage', { value: src });
    else if (!existsSync(join(file, '..', folderPath(src)))) fail(line, 'missingImage', { value: src });
    if (!alt) fail(line, 'bodyImageAlt', { value: src });
  }
  return ok;
}

// The versions of a note describe one event: same time, place and topics.
// Each is compared with the first (the default language's, when it exists).
function checkAgreement(loaded: LoadedVersion[], report: Report, root: string): void {
  const [first, ...rest] = loaded;
  if (!first) return;
  const topics = (v: LoadedVersion) => [...v.version.topics].sort().join(', ') || '—';
  const fields: [string, (v: LoadedVersion) => string, (v: LoadedVersion) => string][] = [
    ['date', (v) => v.version.date.toISOString(), (v) => v.writtenDate],
    ['stop', (v) => v.version.stop, (v) => v.version.stop],
    ['topics', topics, topics],
  ];
  for (const other of rest) {
    for (const [field, compare, show] of fields) {
      if (compare(first) === compare(other)) continue;
      report(join(root, other.version.file), other.parsed.lineOf([field]), field, 'versionsDisagree', { other: first.version.file, mine: show(other), theirs: show(first) });
    }
  }
}

function checkSlugs(notes: Note[], languages: readonly Lang[], report: Report, root: string, slugLines: Map<string, number>): void {
  for (const lang of languages) {
    const bySlug = new Map<string, NoteVersion[]>();
    for (const note of notes) {
      const version = note.versions[lang];
      if (version) bySlug.set(version.slug, [...(bySlug.get(version.slug) ?? []), version]);
    }
    for (const [slug, versions] of bySlug) {
      if (versions.length < 2) continue;
      for (const version of versions) {
        const others = versions.filter((v) => v !== version).map((v) => v.file).join(', ');
        report(join(root, version.file), slugLines.get(version.id), 'slug', 'duplicateSlug', { value: slug, others });
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

