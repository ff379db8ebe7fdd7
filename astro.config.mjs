// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { buildEnv } from './src/lib/build-env.ts';
import { settings } from './src/settings.ts';

const env = buildEnv(settings, process.env, process.argv.includes('dev'));

export default defineConfig({
  site: env.url,
  base: env.base,
  trailingSlash: 'always',
  output: 'static',
  // Fixture builds keep their own content cache so they never evict the real one.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
