/**
 * The search step of `npm run build`: Pagefind indexes the note pages Astro
 * just wrote into the staging folder, one index per `<html lang>`, and writes
 * the bundle to `<outDir>/pagefind/`. What a note page offers to the index
 * (its body, date, stop, topics, year) is decided by the `data-pagefind-*`
 * attributes of `src/views/NoteView.astro` and `src/lib/search/search-attributes.ts`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { linkTree, sameFiles } from '../build/files.ts';
import { VOCABULARY_DIR, vocabularyFiles } from './search-vocabulary.ts';

/** What the search step did, for the build summary. */
export interface SearchReport {
  pages: number;
  /** The index was the published site's, whose pages were the same. */
  reused?: boolean;
}

const ENTRY = join('pagefind', 'pagefind-entry.json');

/**
 * Pagefind's own search interfaces, written with every bundle; the search
 * page talks to `pagefind.js` directly, so these would only be dead weight.
 */
const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js', 'pagefind-ui.css',
  'pagefind-modular-ui.js', 'pagefind-modular-ui.css',
  'pagefind-component-ui.js', 'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/**
 * Builds the search index of the site written in `outDir` into
 * `outDir/pagefind/`. Only pages marked with `data-pagefind-body` (published
 * notes) are read; a site with none still gets a bundle, which finds nothing.
 */
export async function writeSearchIndex(outDir: string): Promise<SearchReport> {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // Pagefind reads the folder natively, far faster than one call per page;
    // once any page has `data-pagefind-body`, it skips the pages without it.
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
    for (const name of UNUSED_BUNDLE_FILES) rmSync(join(outDir, 'pagefind', name), { force: true });
    writeVocabulary(outDir);
    return { pages: indexedPages(outDir) };
  } finally {
    await pagefind.close();
  }
}

/**
 * Gives `outDir` the search index of the `published` site when both have
 * exactly the same HTML pages, byte for byte: Pagefind reads nothing else,
 * so it would write the same index again. Returns undefined (index it)
 * otherwise. The caller must not reuse across a change of the indexing
 * code: the build only calls this when its code fingerprint is unchanged.
 */
export function reuseSearchIndex(published: string, outDir: string): SearchReport | undefined {
  if (!existsSync(join(published, ENTRY)) || !sameFiles(published, outDir, '.html')) return undefined;
  linkTree(join(published, 'pagefind'), join(outDir, 'pagefind'));
  return { pages: indexedPages(outDir), reused: true };
}

/**
 * Writes the vocabulary files of each language (`src/lib/search/search-vocabulary.ts`)
 * into `outDir/pagefind/vocabulary/<lang>/`, from the text Pagefind indexed:
 * each fragment's title and content, filed under its page's `<html lang>`.
 */
function writeVocabulary(outDir: string): void {
  const fragments = join(outDir, 'pagefind', 'fragment');
  const texts = new Map<string, string[]>();
  for (const name of readdirSync(fragments)) {
    // A fragment is gzipped JSON behind Pagefind's 12-byte signature.
    const fragment = JSON.parse(gunzipSync(readFileSync(join(fragments, name))).subarray(12).toString('utf8')) as { url: string; content: string; meta: { title?: string } };
    const lang = pageLang(outDir, fragment.url);
    if (!lang) continue;
    if (!texts.has(lang)) texts.set(lang, []);
    texts.get(lang)!.push(`${fragment.meta.title ?? ''}\n${fragment.content}`);
  }
  for (const [lang, notes] of texts) {
    const dir = join(outDir, 'pagefind', VOCABULARY_DIR, lang);
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(vocabularyFiles(notes))) writeFileSync(join(dir, name), text);
  }
}

/** The `<html lang>` of the page at site path `url` (Pagefind's fragment URL), lower case. */
function pageLang(outDir: string, url: string): string | undefined {
  const file = join(outDir, decodeURI(url).replace(/\/$/, '/index.html'));
  if (!existsSync(file)) return undefined;
  const head = readFileSync(file, 'utf8').slice(0, 2000);
  return /<html[^>]*\slang="([^"]+)"/i.exec(head)?.[1]?.toLowerCase();
}

/** How many pages the index in `outDir` holds (addDirectory counts every page it read). */
function indexedPages(outDir: string): number {
  const entry = JSON.parse(readFileSync(join(outDir, ENTRY), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}
