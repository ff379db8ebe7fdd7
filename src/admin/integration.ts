/**
 * The Astro integration that serves the web editor at /admin/.
 *
 * - `astro build`: bundles src/admin/editor.ts (Sveltia CMS from node_modules)
 *   with Vite into `<out>/admin/assets/`, and writes `<out>/admin/index.html`
 *   with the configuration and the editor's own CSP. The bundle does not
 *   depend on the content, so it is kept in node_modules/.cache and copied
 *   while the package and the script are unchanged.
 * - `astro dev`: serves the same page, with a configuration read afresh on
 *   each load, and lets Vite serve the script; on localhost Sveltia offers
 *   its local-repository mode (Chromium and Edge).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'vite';
import { EDITOR_PATH, editorPageHtml } from '../lib/editor/editor-page.ts';
import { takeLock } from '../lib/build/build-lock.ts';
import { linkTree } from '../lib/build/files.ts';

/** What the integration needs from the site. */
export interface EditorOptions {
  /** The site's base path (`/`, `/convoy/`). */
  base: string;
  /** The editor's configuration, computed when the page is written (see src/lib/editor/editor-config.ts); `dev` on the dev server. */
  config: (where: { dev: boolean }) => unknown;
  /** Each language's URL word for notes (`{ es: 'notas', en: 'news' }`), for the links to a note's page (src/lib/editor/preview-link.ts). */
  noteWords: Readonly<Record<string, string>>;
  /** The page's Content Security Policy (see src/lib/editor/editor-page.ts). */
  csp: string;
}

const ENTRY = fileURLToPath(new URL('./editor.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The integration; put it before the one that writes `_headers`, which copies the page's policy. */
export function editorIntegration(options: EditorOptions): AstroIntegration {
  return {
    name: 'convoy:editor',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const page = `${options.base}${EDITOR_PATH}`;
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0];
          if (path !== page && path !== page.slice(0, -1)) return next();
          const script = `${options.base}@fs${ENTRY.startsWith('/') ? '' : '/'}${ENTRY}`;
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.end(editorPageHtml({ script, config: options.config({ dev: true }), noteWords: options.noteWords }));
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), EDITOR_PATH);
        const { script, reused } = await editorBundle(out);
        logger.info(`${reused ? 'reused' : 'bundled'} the web editor into ${EDITOR_PATH}${script}`);
        const previewStyle = siteStylesheet(fileURLToPath(dir), options.base);
        writeFileSync(join(out, 'index.html'), editorPageHtml({ script, config: options.config({ dev: false }), csp: options.csp, previewStyle, noteWords: options.noteWords }));
      },
    },
  };
}

/**
 * Sveltia's interface registers its fonts from the package's own files, and
 * also declares them with @font-face rules pointing at a CDN, which a browser
 * may fetch as well. Those rules are dropped from the bundle: the editor
 * fetches nothing from another origin (a build fails if one is left).
 */
const CDN_FONT_FACE = /@font-face\s*\{[^}]*https:\/\/cdn\.jsdelivr\.net[^}]*\}/g;
const localFontsOnly = {
  name: 'convoy:editor-local-fonts',
  transform(code: string, id: string) {
    if (!id.includes('@sveltia')) return undefined;
    const out = code.replace(CDN_FONT_FACE, '');
    return out === code ? undefined : { code: out, map: null };
  },
  generateBundle(_options: unknown, bundle: Record<string, { type: string; code?: string; fileName: string }>) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type === 'chunk' && chunk.code?.includes('cdn.jsdelivr.net/fontsource')) throw new Error(`${chunk.fileName} still loads fonts from a CDN: update CDN_FONT_FACE in src/admin/integration.ts.`);
    }
  },
};

/** What decides the bundle's bytes: the package versions and the source of src/admin/, src/lib/editor/ and what they import from src/lib/content/. */
export function bundleKey(): string {
  // Read from node_modules: @sveltia/cms exports no package.json.
  const version = (name: string) => (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  const hash = createHash('sha256');
  for (const name of ['@sveltia/cms', 'vite', 'yaml']) hash.update(`${name}@${version(name)}\0`);
  // The entry, what it imports (src/lib/editor/) and this file's Vite options.
  for (const dir of [fileURLToPath(new URL('.', import.meta.url)), fileURLToPath(new URL('../lib/editor/', import.meta.url))]) {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) hash.update(`${name}\0`).update(readFileSync(join(dir, name)));
  }
  // The note format (src/lib/editor/note-format.ts) reads files with the check's own splitter and parser.
  hash.update(readFileSync(fileURLToPath(new URL('../lib/content/frontmatter.ts', import.meta.url))));
  return hash.digest('hex').slice(0, 16);
}

/** Where the editor's bundles are kept, one folder per bundleKey(). */
const BUNDLE_CACHE = join(ROOT, 'node_modules', '.cache', 'convoy-editor');

/**
 * Bundles the editor into `out` (or links the bundle kept in `cache`);
 * returns its entry script, relative to `out`, and whether it was kept.
 */
export async function editorBundle(out: string, cache: string = BUNDLE_CACHE): Promise<{ script: string; reused: boolean }> {
  const key = bundleKey();
  const kept = join(cache, key);
  let reused = existsSync(join(kept, 'entry.txt'));
  if (!reused) {
    // One bundler at a time: builds of other copies of the project that share node_modules (the
    // tests' scratch projects) wait for it and reuse its bundle, instead of each making its own.
    const lock = await takeLock(join(cache, `${key}.lock`), { building: 'the web editor' });
    try {
      reused = existsSync(join(kept, 'entry.txt'));
      if (!reused) await bundleInto(cache, kept);
    } finally {
      lock.release();
    }
  }
  // Linked, not copied: the kept bundle is never changed once renamed into place, and its 17 MB
  // copied into every build cost each build a fifth of a second of CPU and as much disk.
  linkTree(join(kept, 'assets'), join(out, 'assets'));
  return { script: readFileSync(join(kept, 'entry.txt'), 'utf8').trim(), reused };
}

/** Bundles the editor with Vite into `kept`: built apart, then renamed, so a build that stops halfway never leaves half a bundle. */
async function bundleInto(cache: string, kept: string): Promise<void> {
  const temp = join(cache, `tmp-${process.pid}-${Date.now()}`);
  const result = await build({
    configFile: false,
    root: ROOT,
    base: './',
    logLevel: 'warn',
    publicDir: false,
    plugins: [localFontsOnly],
    build: {
      outDir: temp,
      emptyOutDir: true,
      assetsDir: 'assets',
      // Minified: the package's own build keeps its whitespace and long names.
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 4096,
      rollupOptions: { input: { editor: ENTRY }, output: { entryFileNames: 'assets/[name]-[hash].js' } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as { output: { type: string; isEntry?: boolean; fileName: string }[] }[];
  const entry = outputs.flatMap((r) => r.output).find((o) => o.type === 'chunk' && o.isEntry);
  if (!entry) throw new Error('Bundling the web editor wrote no entry script.');
  writeFileSync(join(temp, 'entry.txt'), entry.fileName);
  try {
    renameSync(temp, kept);
  } catch {
    // Another build kept the same bundle first.
    rmSync(temp, { recursive: true, force: true });
  }
}

/** The site's own stylesheet (the one the home page links), as an absolute path, for the preview pane. */
function siteStylesheet(dist: string, base: string): string | undefined {
  const css = readdirSync(join(dist, '_astro')).filter((f) => f.endsWith('.css'));
  if (css.length === 0) return undefined;
  const linked = readdirSync(dist, { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith('index.html') && !f.startsWith(EDITOR_PATH));
  const html = linked ? readFileSync(join(dist, linked), 'utf8') : '';
  const file = css.find((f) => html.includes(`_astro/${f}`)) ?? css[0]!;
  return `${base}${relative(dist, join(dist, '_astro', file)).replace(/\\/g, '/')}`;
}
