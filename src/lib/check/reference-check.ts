/**
 * The checks of what a note's files point to, run after `loadContent`:
 * images judged by their bytes (async: they are decoded), and links checked
 * against the pages this build publishes. Each reads every version file of
 * every note folder, so a version with other problems is checked too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { bodyImages, folderPath, isFolderFile } from '../content/body-images.ts';
import type { Content } from '../content/content.ts';
import { contentMessage, type MessageCode } from './content-messages.ts';
import { formatDate } from '../i18n/dates.ts';
import { normalizeText, parseYaml, splitFrontmatter } from '../content/frontmatter.ts';
import { checkImage } from './image-check.ts';
import { checkLink, type LinkTargets, type UnpublishedTarget } from './link-check.ts';
import { bodyReferences } from './note-references.ts';
import { buildPages } from '../pages/pages.ts';
import { unpublishedReason } from '../content/publish.ts';
import { feedPath, notePath } from '../pages/routes.ts';
import type { Lang, Problem } from '../content/types.ts';

/** Where the content is, and what the build publishes it as. */
export interface ReferenceOptions {
  root: string;
  contentDir?: string;
  lang: Lang;
  timeZone: string;
  languages: readonly Lang[];
  now: Date;
  pageSize: number;
  url: string;
  base: string;
}

interface VersionFile {
  file: string;
  folder: string;
  body: string;
  bodyLine: number;
  yaml: string | undefined;
  yamlLine: number;
}

type Found = { file: string; line: number; field: string; code: MessageCode; params: Record<string, string | number>; severity: Problem['severity'] };

/**
 * Every image of every note (hero, Markdown and raw HTML): a JPEG, PNG, WebP
 * or AVIF by its bytes, of a sane size, that decodes (src/lib/check/image-check.ts).
 * Missing and remote Markdown images are `loadContent`'s to report.
 */
export async function imageProblems(content: Pick<Content, 'notes'>, options: ReferenceOptions): Promise<Problem[]> {
  const heroes = new Map<string, string | undefined>();
  for (const note of content.notes) for (const version of Object.values(note.versions)) heroes.set(resolve(options.root, version.file), version.image?.src);
  const found: Found[] = [];
  const checks: (() => Promise<void>)[] = [];
  for (const version of versionFiles(options)) {
    const images: { src: string; line: () => number; field: string; hero: boolean; html: boolean }[] = [];
    // A version that loaded has its hero at hand; only one that failed needs its header read again.
    const hero = heroes.has(version.file) ? heroes.get(version.file) : heroOf(version.yaml, version.yamlLine);
    if (hero) images.push({ src: hero, line: () => heroLine(version), field: 'image.src', hero: true, html: false });
    for (const image of bodyImages(version.body, version.bodyLine)) images.push({ src: image.src, line: () => image.line, field: 'body', hero: false, html: false });
    for (const ref of bodyReferences(version.body, version.bodyLine)) {
      if (ref.kind !== 'image') continue;
      const at = { file: version.file, line: ref.line, field: 'body', severity: 'error' as const };
      if (ref.url === undefined) found.push({ ...at, code: 'htmlImageNoSrc', params: {} });
      else if (!isFolderFile(ref.url)) found.push({ ...at, code: 'remoteImage', params: { value: ref.url } });
      else if (!existsSync(join(version.folder, folderPath(ref.url)))) found.push({ ...at, code: 'missingImage', params: { value: ref.url } });
      else images.push({ src: ref.url, line: () => ref.line, field: 'body', hero: false, html: true });
    }
    for (const image of images) {
      if (!isFolderFile(image.src) || !existsSync(join(version.folder, folderPath(image.src)))) continue;
      checks.push(async () => {
        const issues = await checkImage(join(version.folder, folderPath(image.src)), version.folder, image.src, image.hero);
        for (const issue of issues) found.push({ file: version.file, line: image.line(), field: image.field, ...issue });
        // Astro publishes the images of Markdown syntax only; an <img> of the folder would be a broken image.
        if (image.html && !issues.some((i) => i.severity === 'error')) found.push({ file: version.file, line: image.line(), field: 'body', code: 'htmlImageUseMarkdown', params: { value: image.src }, severity: 'error' });
      });
    }
  }
  // A few at a time: sharp decodes on its own threads, and one photo at a time left cores idle.
  const workers = Array.from({ length: 4 }, async () => {
    for (let check = checks.shift(); check; check = checks.shift()) await check();
  });
  await Promise.all(workers);
  return found.sort(byPlace).map((f) => toProblem(f, options));
}

/**
 * Every link of every note (Markdown and raw HTML): an internal one must lead
 * to a page this build publishes (not a draft, not an embargoed note), an
 * external one must be http, https, mailto or tel. Links are not fetched.
 */
export function linkProblems(content: Pick<Content, 'notes' | 'stops' | 'topics'>, options: ReferenceOptions): Problem[] {
  const targets = linkTargets(content, options);
  const pageOf = new Map<string, string>();
  for (const note of content.notes) for (const version of Object.values(note.versions)) pageOf.set(resolve(options.root, version.file), notePath(version.lang, version.slug));
  const found: Found[] = [];
  for (const version of versionFiles(options)) {
    // A version that failed its own checks has no page yet to resolve relative links from.
    const from = pageOf.get(version.file);
    if (!from) continue;
    for (const ref of bodyReferences(version.body, version.bodyLine)) {
      if (ref.kind !== 'link' || ref.url === undefined) continue;
      const issue = checkLink(ref.url, from, targets);
      if (issue) found.push({ file: version.file, line: ref.line, field: 'body', ...issue, severity: 'error' });
    }
  }
  return found.map((f) => toProblem(f, options));
}

function linkTargets(content: Pick<Content, 'notes' | 'stops' | 'topics'>, options: ReferenceOptions): LinkTargets {
  const published = new Set(buildPages(content, { languages: options.languages, timeZone: options.timeZone, now: options.now, pageSize: options.pageSize, preview: false }).map((p) => p.path));
  for (const lang of options.languages) published.add(feedPath(lang));
  for (const file of ['/', '/404.html', '/robots.txt', '/sitemap-index.xml', '/news-sitemap.xml']) published.add(file);
  const publicDir = join(options.root, 'public');
  if (existsSync(publicDir)) for (const file of readdirSync(publicDir, { recursive: true, encoding: 'utf8' })) published.add(`/${file.replace(/\\/g, '/')}`);
  const unpublished = new Map<string, UnpublishedTarget>();
  for (const note of content.notes) {
    for (const version of Object.values(note.versions)) {
      const reason = unpublishedReason(version, options.now);
      const path = notePath(version.lang, version.slug);
      if (reason && !published.has(path)) unpublished.set(path, { file: version.file, reason, date: formatDate(version.date, options.lang, options.timeZone) });
    }
  }
  return { url: options.url, base: options.base, published, unpublished };
}

// Every Markdown file of every note folder, with its hero and body located.
function versionFiles(options: ReferenceOptions): VersionFile[] {
  const notes = join(resolve(options.root, options.contentDir ?? 'content'), 'notes');
  if (!existsSync(notes)) return [];
  const files: VersionFile[] = [];
  for (const name of readdirSync(notes).sort()) {
    const folder = join(notes, name);
    if (name.startsWith('.') || !isDir(folder)) continue;
    for (const entry of readdirSync(folder).sort()) {
      if (!/\.mdx?$/i.test(entry)) continue;
      const file = join(folder, entry);
      let text: string;
      try {
        text = normalizeText(new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file)));
      } catch {
        continue;
      }
      const split = splitFrontmatter(text);
      files.push({ file, folder, body: split.body, bodyLine: split.bodyLine, yaml: split.yaml, yamlLine: split.yamlLine });
    }
  }
  return files;
}

function parsedHeader(yaml: string | undefined, firstLine: number) {
  if (yaml === undefined) return undefined;
  try {
    return parseYaml(yaml, firstLine);
  } catch {
    return undefined;
  }
}

function heroOf(yaml: string | undefined, firstLine: number): string | undefined {
  const src = (parsedHeader(yaml, firstLine)?.data as { image?: { src?: unknown } } | null | undefined)?.image?.src;
  return typeof src === 'string' ? src : undefined;
}

// Only wanted for a message, so the header is parsed only then.
function heroLine(version: VersionFile): number {
  return parsedHeader(version.yaml, version.yamlLine)?.lineOf(['image', 'src']) ?? version.yamlLine;
}

const byPlace = (a: Found, b: Found) => a.file.localeCompare(b.file) || a.line - b.line;

const isDir = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

function toProblem(found: Found, options: ReferenceOptions): Problem {
  return { file: relative(options.root, found.file), line: found.line, field: found.field, message: contentMessage(options.lang, found.code, found.params), severity: found.severity };
}
