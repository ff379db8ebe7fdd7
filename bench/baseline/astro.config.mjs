// The bare baseline: Astro 7 with its defaults, nothing of ours.
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://baseline.example',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  devToolbar: { enabled: false },
});
