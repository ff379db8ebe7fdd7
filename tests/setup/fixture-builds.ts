import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
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

/** The share cards' cache of the fixture builds and of the scratch sites (tests/helpers/scratch-site.ts), kept between runs. */
export const SHARED_SHARE_IMAGES = join(process.cwd(), '.cache', 'share-images');

/**
 * The fixture builds: the fixture content at the root; the sample site
 * (`content/`) under a base path, which the static checks and every test
 * of base paths read, with a content cache of its own that outlives the run (its images are big),
 * and sites in one and in three languages, each with its own settings file.
 */
export const FIXTURE_VARIANTS = {
  root: { BASE_PATH: '/' },
  sample: { BASE_PATH: '/convoy/', CONTENT_DIR: 'content', ASTRO_CACHE_DIR: join(process.cwd(), '.cache', 'test-astro-cache-sample') },
  // Languages are settings: the same generator with one language and with three (tests/build-languages.test.ts).
  one: { BASE_PATH: '/', CONTENT_DIR: 'tests/fixtures/one-language/content', SETTINGS_FILE: 'tests/fixtures/one-language/settings.ts' },
  three: { BASE_PATH: '/', CONTENT_DIR: 'tests/fixtures/three-languages/content', SETTINGS_FILE: 'tests/fixtures/three-languages/settings.ts' },
} as const;

/** The file the global setup writes when the build of a fixture ends: `ok`, or what the failed build printed. */
export function buildStatusFile(dir: string): string {
  return `${dir}.status`;
}

/**
 * Where the global setup of this test run wrote a fixture build, once that
 * build is complete: the builds run while the tests that need none do.
 * Throws what the build printed if it failed.
 */
export function fixtureBuild(name: keyof typeof FIXTURE_VARIANTS): Promise<string> {
  return builtSite(join(inject('buildRoot'), name));
}

/** `dir` once the build writing it has ended well (see buildStatusFile); rejects with what it printed if it failed. */
export async function builtSite(dir: string): Promise<string> {
  const status = buildStatusFile(dir);
  while (!existsSync(status)) await sleep(100);
  const text = readFileSync(status, 'utf8');
  if (text !== 'ok') throw new Error(text);
  return dir;
}
