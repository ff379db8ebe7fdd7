import { join } from 'node:path';

/** Where the global setup writes each fixture build, shared with the build tests. */
export const BUILD_ROOT = join(process.cwd(), '.cache', 'test-builds');

/** The fixture builds: the fixture content at the root and under a base path. */
export const FIXTURE_BUILDS = {
  root: { out: join(BUILD_ROOT, 'root'), env: { BASE_PATH: '/' } },
  base: { out: join(BUILD_ROOT, 'base'), env: { BASE_PATH: '/convoy/' } },
} as const;

/** Environment shared by every fixture build: the fixture content and a fixed clock. */
export const FIXTURE_ENV = {
  CONTENT_DIR: 'tests/fixtures/site/content',
  SITE_URL: 'https://prensa.example.mx',
  BUILD_NOW: '2026-11-24T12:00:00Z',
  ASTRO_CACHE_DIR: join(BUILD_ROOT, 'astro-cache'),
};
