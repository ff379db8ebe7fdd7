/**
 * The search step of `npm run build`: Pagefind indexes the note pages Astro
 * just wrote into the staging folder, one index per `<html lang>`, and writes
 * the bundle to `<outDir>/pagefind/`. What a note page offers to the index
 * (its body, date, stop, topics, year) is decided by the `data-pagefind-*`
 * attributes of `src/views/NoteView.astro` and `src/lib/search-attributes.ts`.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** What the search step did, for the build summary. */
export interface SearchReport {
  pages: number;
}

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
    // addDirectory counts every page it read; the entry file counts what was indexed.
    const entry = JSON.parse(readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    return { pages: Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0) };
  } finally {
    await pagefind.close();
  }
}
