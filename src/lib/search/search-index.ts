/**
 * The search step of `npm run build`: Pagefind indexes the note pages Astro
 * just wrote into the staging folder, one index per `<html lang>`, and writes
 * the bundle to `<outDir>/pagefind/`. What a note page offers to the index
 * (its body, date, stop, topics, year) is decided by the `data-pagefind-*`
 * attributes of `src/views/NoteView.astro` and `src/lib/search/search-attributes.ts`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { linkOrCopy, linkTree, sameFiles } from '../build/files.ts';
import { readFragment, readIndexChunk, readIndexMeta, readPagefindFile } from './pagefind-files.ts';
import { META_WEIGHTS, scoreFiles, SCORES_DIR, type LanguageWords } from './search-scores.ts';
import { dateRank, indexedPage, SHARD_SIZE, shardCounts, shardFolder, shardPlan, SHARDS_FILE, type IndexedPage } from './search-shards.ts';
import { stemmedForms, VOCABULARY_DIR, vocabularyFiles } from './search-vocabulary.ts';

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

/** Pagefind's scripts, which a shard other than the first does without: the search page loads them (and the WebAssembly) from `pagefind/`. */
const SHARD_SCRIPTS = ['pagefind.js', 'pagefind-worker.js'];

/**
 * Builds the search index of the site written in `outDir` into
 * `outDir/pagefind/`, cut into shards of `shardSize` notes per language
 * (src/lib/search/search-shards.ts), with SHARDS_FILE saying how many each
 * language has. Only pages marked with `data-pagefind-body` (published
 * notes) are read; a site with none still gets a bundle, which finds nothing.
 */
export async function writeSearchIndex(outDir: string, shardSize: number = SHARD_SIZE): Promise<SearchReport> {
  const pages = notePages(outDir);
  const plan = shardPlan(pages, shardSize);
  // Each shard's pages, linked (not copied) into a folder of their own at
  // the same paths, so that Pagefind reads them natively, far faster than
  // one call per page, and gives them the same URLs.
  const staging = join(outDir, '.search-shards');
  try {
    for (const [n, paths] of (plan.length ? plan : [[]]).entries()) {
      const source = join(staging, String(n));
      mkdirSync(source, { recursive: true });
      for (const path of paths) {
        mkdirSync(dirname(join(source, path)), { recursive: true });
        linkOrCopy(join(outDir, path), join(source, path));
      }
      const output = join(outDir, 'pagefind', shardFolder(n));
      await writeIndex(source, output);
      const unused = n === 0 ? UNUSED_BUNDLE_FILES : [...UNUSED_BUNDLE_FILES, ...SHARD_SCRIPTS, ...readdirSync(output).filter((f) => f.startsWith('wasm.'))];
      for (const name of unused) rmSync(join(output, name), { force: true });
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
    await pagefind.close();
  }
  writeFileSync(join(outDir, 'pagefind', SHARDS_FILE), `${JSON.stringify(shardCounts(pages, shardSize))}\n`);
  writeSearchWords(outDir);
  return { pages: indexedPages(outDir) };
}

/** One Pagefind index of the pages under `source`, written to `output`. */
async function writeIndex(source: string, output: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: source });
  if (added.errors.length) throw new Error(`Pagefind could not index ${source}: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  await index.deleteIndex();
}

/** The pages of the build in `outDir` that Pagefind indexes (the notes), with their language and date. */
function notePages(outDir: string): IndexedPage[] {
  const pages: IndexedPage[] = [];
  for (const path of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
    if (!path.endsWith('.html') || path.startsWith('pagefind')) continue;
    const page = indexedPage(path, readFileSync(join(outDir, path), 'utf8'));
    if (page) pages.push(page);
  }
  return pages;
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
 * Writes, for each language, the vocabulary files (`src/lib/search/search-vocabulary.ts`)
 * into `outDir/pagefind/vocabulary/<lang>/` and the score files
 * (`src/lib/search/search-scores.ts`) into `outDir/pagefind/scores/<lang>/`,
 * from what Pagefind indexed: each note's title and text (its fragment),
 * length, and place newest first (its shard's meta file), and every word's
 * places (the index chunks), filed under the page's `<html lang>`.
 */
function writeSearchWords(outDir: string): void {
  const shards = JSON.parse(readFileSync(join(outDir, 'pagefind', SHARDS_FILE), 'utf8')) as Record<string, number>;
  const languages = new Map<string, { texts: string[]; words: LanguageWords; stems: Map<string, Map<string, number>> }>();
  for (const [n, folder] of shardFolders(outDir).entries()) {
    const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
    for (const { hash } of Object.values(entry.languages)) {
      const meta = readIndexMeta(readPagefindFile(readFileSync(join(folder, `pagefind.${hash}.pf_meta`))));
      const fragments = meta.pages.map((page) => readFragment(readFileSync(join(folder, 'fragment', `${page.id}.pf_fragment`))) as Fragment);
      const lang = fragments[0] && pageLang(outDir, fragments[0].url);
      if (!lang) continue;
      if (!languages.has(lang)) languages.set(lang, { texts: [], words: { lengths: [], words: new Map() }, stems: new Map() });
      const { texts, words, stems } = languages.get(lang)!;
      // Each page's place in the whole language's date order, as the search page counts it.
      const rank = new Map(meta.newestFirst.map((page, place) => [page, dateRank(place, n, shards[lang] ?? 1)]));
      const tokens = fragments.map((f) => ({ text: f.content.split(/\s+/), meta: Object.fromEntries(Object.entries(f.meta).map(([k, v]) => [k, (v ?? '').split(/\s+/)])) }));
      for (const [page, fragment] of fragments.entries()) {
        texts.push(`${fragment.meta.title ?? ''}\n${fragment.content}`);
        if (rank.has(page)) words.lengths[rank.get(page)!] = meta.pages[page]!.words;
      }
      for (const chunk of meta.chunks) {
        for (const [word, pages] of readIndexChunk(readPagefindFile(readFileSync(join(folder, 'index', `${chunk}.pf_index`))))) {
          if (!words.words.has(word)) words.words.set(word, new Map());
          for (const found of pages) {
            const place = rank.get(found.page);
            if (place === undefined) continue;
            const fields = found.meta.map(({ field }) => meta.metaFields[field] ?? '');
            words.words.get(word)!.set(place, {
              text: found.text.reduce((sum, { weight }) => sum + weight, 0),
              meta: fields.reduce((sum, field) => sum + (META_WEIGHTS[field] ?? 1), 0),
            });
            // Which of the site's words this indexed word stands for: those written at its places.
            const written = [
              ...found.text.map(({ position }) => tokens[found.page]!.text[position]),
              ...found.meta.flatMap(({ position }, i) => (fields[i] === 'title' ? [tokens[found.page]!.meta.title?.[position]] : [])),
            ];
            for (const form of written.flatMap((token) => stemmedForms(token ?? '', word))) {
              if (!stems.has(form)) stems.set(form, new Map());
              stems.get(form)!.set(word, (stems.get(form)!.get(word) ?? 0) + 1);
            }
          }
        }
      }
    }
  }
  for (const [lang, { texts, words, stems }] of languages) {
    // A form written at the places of more than one indexed word (rare) takes the one it stands for most.
    const stemOf = new Map([...stems].map(([form, counts]) => [form, [...counts].sort((a, b) => b[1] - a[1])[0]![0]]));
    writeFolder(join(outDir, 'pagefind', VOCABULARY_DIR, lang), vocabularyFiles(texts, stemOf));
    writeFolder(join(outDir, 'pagefind', SCORES_DIR, lang), scoreFiles(words));
  }
}

/** What the build reads of a Pagefind fragment. */
interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
}

function writeFolder(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

/** The `<html lang>` of the page at site path `url` (Pagefind's fragment URL), lower case. */
function pageLang(outDir: string, url: string): string | undefined {
  const file = join(outDir, decodeURI(url).replace(/\/$/, '/index.html'));
  if (!existsSync(file)) return undefined;
  const head = readFileSync(file, 'utf8').slice(0, 2000);
  return /<html[^>]*\slang="([^"]+)"/i.exec(head)?.[1]?.toLowerCase();
}

/** The folder of each shard of the index in `outDir`, the bundle's own first. */
function shardFolders(outDir: string): string[] {
  const counts = JSON.parse(readFileSync(join(outDir, 'pagefind', SHARDS_FILE), 'utf8')) as Record<string, number>;
  return Array.from({ length: Math.max(1, ...Object.values(counts)) }, (_, n) => join(outDir, 'pagefind', shardFolder(n)));
}

/** How many pages the index in `outDir` holds, over its shards (addDirectory counts every page it read). */
function indexedPages(outDir: string): number {
  return shardFolders(outDir).reduce((pages, folder) => {
    const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    return pages + Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  }, 0);
}
