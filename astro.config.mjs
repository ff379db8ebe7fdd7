// @ts-check
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { convoyBuild } from './src/integrations/build-hooks.ts';
import { liveContent } from './src/integrations/live-content.ts';
import { buildEnv } from './src/lib/build/build-env.ts';
import { contentFrom } from './src/lib/content/content-snapshot.ts';
import { buildPages } from './src/lib/pages/pages.ts';
import { absoluteUrl } from './src/lib/pages/routes.ts';
import { sitemapEntries, sitemapOptions } from './src/lib/reach/sitemap.ts';
import { sanitizeMarkdownPlugin } from './src/lib/security/markdown-sanitize.ts';
import { cspDirectives, WORKER_FOLDER, writeHeadersFile } from './src/lib/security/security-headers.ts';
import { settings } from './src/settings.ts';
import { THEME_MODULE, themeCss } from './src/lib/settings/theme.ts';
import { editorIntegration } from './src/admin/integration.ts';
import { editorApiOrigins, editorConfig } from './src/lib/editor/editor-config.ts';
import { EDITOR_OPENER_POLICY, EDITOR_PATH, editorCsp } from './src/lib/editor/editor-page.ts';

const env = buildEnv(settings, process.env);

/** Alternates and dates for the sitemap, from the same page model as the site. */
function siteMapEntries() {
  const content = contentFrom({ root: process.cwd(), contentDir: env.contentDir, timeZone: settings.timeZone }, process.env.CONTENT_SNAPSHOT);
  const pages = buildPages(content, { ...settings, now: env.now, preview: env.preview });
  return sitemapEntries(env.preview ? [] : pages, env, settings.defaultLanguage);
}

/** The web editor at /admin/ (src/admin/), configured from the same schema, settings and content as the check. */
const editorBackend = settings.editor ?? { name: 'github', repo: 'owner/repository', branch: 'main' };
const noteWords = Object.fromEntries(settings.languages.map((code) => [code, settings.language[code]?.words.note ?? code]));
const editor = editorIntegration({
  base: env.base,
  csp: editorCsp(editorApiOrigins(editorBackend)),
  noteWords,
  config: (/** @type {{ dev: boolean }} */ { dev }) => {
    const { stops, topics } = contentFrom({ root: process.cwd(), contentDir: env.contentDir, timeZone: settings.timeZone }, process.env.CONTENT_SNAPSHOT);
    // On the dev server the preview links go to the dev server itself (the editor's own origin).
    const site = dev ? { base: env.base } : { url: env.url, base: env.base };
    return editorConfig({ languages: settings.languages, timeZone: settings.timeZone, contentDir: env.contentDir, stops, topics, backend: editorBackend, site });
  },
});

/** The dev server previews drafts and embargoed notes, with their banner. @type {import('astro').AstroIntegration} */
const previewInDev = {
  name: 'convoy:preview-in-dev',
  hooks: {
    'astro:config:setup': ({ command }) => {
      if (command === 'dev') process.env.PREVIEW = '1';
    },
  },
};

/** Writes dist/_headers from the CSP Astro put in each page, plus the other security headers. @type {import('astro').AstroIntegration} */
const securityHeaders = {
  name: 'convoy:security-headers',
  hooks: {
    'astro:build:done': ({ dir }) => {
      // The web editor's sign-in pop-up needs its own opener policy (src/lib/editor/editor-page.ts).
      writeHeadersFile(fileURLToPath(dir), env.base, { [`${env.base}${EDITOR_PATH}`]: EDITOR_OPENER_POLICY });
    },
  },
};

/**
 * The settings' colours as a stylesheet pages import (`virtual:convoy-theme.css`):
 * Vite bundles it with global.css, so no inline style is needed.
 */
const themeStylesheet = {
  name: 'convoy:theme',
  resolveId: (/** @type {string} */ id) => (id === THEME_MODULE ? `\0${THEME_MODULE}` : undefined),
  load: (/** @type {string} */ id) => (id === `\0${THEME_MODULE}` ? themeCss(settings.colors) : undefined),
};

/** `npm run dev` shows every edit under content/ at once; see src/integrations/live-content.ts. */
const liveContentInDev = liveContent({
  contentDir: resolve(process.cwd(), env.contentDir),
  siteModule: fileURLToPath(new URL('./src/site.ts', import.meta.url)),
});

export default defineConfig({
  site: env.url,
  base: env.base,
  trailingSlash: 'always',
  output: 'static',
  // Fixture builds keep their own content cache so they never evict the real one.
  cacheDir: env.cacheDir,
  // Raw HTML in .md notes goes through an allowlist; .mdx is for trusted editors.
  // No Shiki: its inline styles would need 'unsafe-inline' in the CSP; code blocks stay plain <pre><code>.
  markdown: { syntaxHighlight: false, processor: satteri({ hastPlugins: [sanitizeMarkdownPlugin()] }) },
  integrations: [previewInDev, liveContentInDev, mdx(), editor, securityHeaders, convoyBuild(), sitemap(sitemapOptions(siteMapEntries, [absoluteUrl('/news-sitemap.xml', env)]))],
  devToolbar: { enabled: false },
  // The search page's worker (src/scripts/search-worker.ts) as a module, in a folder of its own: `_headers` gives it the workers' policy.
  vite: { plugins: [themeStylesheet], worker: { format: 'es', rolldownOptions: { output: { entryFileNames: `${WORKER_FOLDER}[name].[hash].js` } } } },
  // A page whose code and data (its cacheKey, src/lib/build/page-cache.ts) are unchanged is copied
  // from the last build's copy in cacheDir instead of rendered; `npm run build -- --force` renders all.
  experimental: { incrementalBuild: true },
  // A hashed CSP <meta> in every page (see src/lib/security/security-headers.ts); the search page adds 'wasm-unsafe-eval'.
  security: { csp: { directives: cspDirectives() } },
});
