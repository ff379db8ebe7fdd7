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
import { cspDirectives, writeHeadersFile } from './src/lib/security/security-headers.ts';
import { settings } from './src/settings.ts';
import { THEME_MODULE, themeCss } from './src/lib/settings/theme.ts';

const env = buildEnv(settings, process.env);

/** Alternates and dates for the sitemap, from the same page model as the site. */
function siteMapEntries() {
  const content = contentFrom({ root: process.cwd(), contentDir: env.contentDir, timeZone: settings.timeZone }, process.env.CONTENT_SNAPSHOT);
  const pages = buildPages(content, { ...settings, now: env.now, preview: env.preview });
  return sitemapEntries(env.preview ? [] : pages, env, settings.defaultLanguage);
}

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
      writeHeadersFile(fileURLToPath(dir), env.base);
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
  integrations: [previewInDev, liveContentInDev, mdx(), securityHeaders, convoyBuild(), sitemap(sitemapOptions(siteMapEntries, [absoluteUrl('/news-sitemap.xml', env)]))],
  devToolbar: { enabled: false },
  vite: { plugins: [themeStylesheet] },
  // A page whose code and data (its cacheKey, src/lib/build/page-cache.ts) are unchanged is copied
  // from the last build's copy in cacheDir instead of rendered; `npm run build -- --force` renders all.
  experimental: { incrementalBuild: true },
  // A hashed CSP <meta> in every page (see src/lib/security/security-headers.ts); the search page adds 'wasm-unsafe-eval'.
  security: { csp: { directives: cspDirectives() } },
});
