import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './chromium.ts';
import { buildIn, scratchProject } from '../helpers/scratch-project.ts';
import type { BrowserBuild } from './harness.ts';

/** One fixed clock, so embargoes and "latest" lists never depend on the day the suite runs. */
const BUILD_NOW = '2026-11-24T12:00:00Z';

const BUILDS: Record<BrowserBuild, Record<string, string>> = {
  sample: { CONTENT_DIR: 'content' },
  fixture: { CONTENT_DIR: 'tests/fixtures/site/content' },
};

/**
 * Global setup of `npm run test:browser`: fails at once when there is no
 * Chromium, then builds the sample site and the fixture site with
 * `npm run build`'s script, both at once, each into a folder of this run.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  chromiumPath();
  // BROWSER_BUILDS=<dir> reuses <dir>/sample and <dir>/fixture from an earlier run (handy while writing tests).
  const reuse = process.env.BROWSER_BUILDS;
  if (reuse) {
    project.provide('browserBuilds', { sample: join(reuse, 'sample'), fixture: join(reuse, 'fixture') });
    return () => undefined;
  }
  const cache = join(process.cwd(), '.cache');
  mkdirSync(cache, { recursive: true });
  const root = mkdtempSync(join(cache, 'browser-builds-'));
  const dirs = {} as Record<BrowserBuild, string>;
  const projects: string[] = [];
  // Both at once, each in a copy of the project (tests/helpers/scratch-project.ts): Astro writes
  // generated modules (such as the map of content images) into <root>/.astro/, so two builds
  // of one root would overwrite each other's. A copy that keeps its name keeps its cache valid.
  await Promise.all(
    Object.entries(BUILDS).map(async ([name, env]) => {
      const out = join(root, name);
      const copy = scratchProject(`browser-project-${name}`, { fixed: true, content: env.CONTENT_DIR === 'content' ? 'content' : undefined });
      projects.push(copy);
      await buildIn(copy, out, {
        BUILD_NOW,
        BASE_PATH: '/',
        // A content cache per build that outlives the run: images are not optimized twice.
        ASTRO_CACHE_DIR: join(cache, `browser-astro-cache-${name}`),
        SHARE_IMAGE_CACHE: join(cache, 'share-images'),
        ...env,
      }).catch((error: Error) => {
        throw new Error(`Building the ${name} site for the browser suite failed:\n${error.message}`);
      });
      dirs[name as BrowserBuild] = out;
    }),
  );
  project.provide('browserBuilds', dirs);
  return () => {
    for (const dir of [root, ...projects]) rmSync(dir, { recursive: true, force: true });
  };
}
