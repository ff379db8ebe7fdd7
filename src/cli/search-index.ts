/**
 * The search step of `npm run build`: Pagefind indexes the note pages Astro
 * just wrote into the staging folder, one index per `<html lang>`, and writes
 * the bundle to `<outDir>/pagefind/`. What a note page offers to the index
 * (its body, date, stop, topics, year) is decided by the `data-pagefind-*`
 * attributes of `src/views/NoteView.astro` and `src/lib/search-attributes.ts`.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, sep } from 'node:path';
import * as pagefind from 'pagefind';

/** What the search step did, for the build summary. */
export interface SearchReport {
  pages: number;
}

/** A page that asks to be indexed: only published notes carry the attribute. */
const INDEXED = /<[a-z][^>]*\sdata-pagefind-body[\s=>]/i;

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
    let pages = 0;
    for (const file of htmlFiles(outDir)) {
      const content = readFileSync(join(outDir, file), 'utf8');
      if (!INDEXED.test(content)) continue;
      const added = await index.addHTMLFile({ sourcePath: file.split(sep).join('/'), content });
      if (added.errors.length) throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
      pages++;
    }
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
    for (const name of UNUSED_BUNDLE_FILES) rmSync(join(outDir, 'pagefind', name), { force: true });
    return { pages };
  } finally {
    await pagefind.close();
  }
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith(`pagefind${sep}`))
    .sort();
}
