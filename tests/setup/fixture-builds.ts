import { join } from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    buildRoot: string;
  }
}

/** Environment shared by every fixture build: the fixture content and a fixed clock. */
export const FIXTURE_ENV = {
  CONTENT_DIR: 'tests/fixtures/site/content',
  SITE_URL: 'https://prensa.example.mx',
  BUILD_NOW: '2026-11-24T12:00:00Z',
};

/**
 * The fixture builds: the fixture content at the root and under a base path,
 * and the sample site (`content/`) under a base path for the static checks,
 * with a content cache of its own that outlives the run (its images are big).
 */
export const FIXTURE_VARIANTS = {
  root: { BASE_PATH: '/' },
  base: { BASE_PATH: '/convoy/' },
  sample: { BASE_PATH: '/convoy/', CONTENT_DIR: 'content', ASTRO_CACHE_DIR: '.cache/test-astro-cache-sample' },
} as const;

/** Where the global setup of this test run wrote a fixture build. */
export function fixtureBuild(name: keyof typeof FIXTURE_VARIANTS): string {
  return join(inject('buildRoot'), name);
}
