// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { buildEnv } from './src/lib/build-env.ts';
import { sanitizeMarkdownPlugin } from './src/lib/markdown-sanitize.ts';
import { settings } from './src/settings.ts';

const env = buildEnv(settings, process.env);

/** The dev server previews drafts and embargoed notes, with their banner. @type {import('astro').AstroIntegration} */
const previewInDev = {
  name: 'convoy:preview-in-dev',
  hooks: {
    'astro:config:setup': ({ command }) => {
      if (command === 'dev') process.env.PREVIEW = '1';
    },
  },
};

export default defineConfig({
  site: env.url,
  base: env.base,
  trailingSlash: 'always',
  output: 'static',
  // Fixture builds keep their own content cache so they never evict the real one.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  // Raw HTML in .md notes goes through an allowlist; .mdx is for trusted editors.
  markdown: { processor: satteri({ hastPlugins: [sanitizeMarkdownPlugin()] }) },
  integrations: [previewInDev, mdx()],
  devToolbar: { enabled: false },
});
