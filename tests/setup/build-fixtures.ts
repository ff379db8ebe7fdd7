import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { FIXTURE_ENV, FIXTURE_VARIANTS } from './fixture-builds.ts';

/**
 * Builds the fixture site once per test run, the way `npm run build` does,
 * into a folder of its own so that parallel runs never share output.
 */
export default function setup(project: TestProject): () => void {
  mkdirSync(join(process.cwd(), '.cache'), { recursive: true });
  const root = mkdtempSync(join(process.cwd(), '.cache', 'test-builds-'));
  for (const [name, env] of Object.entries(FIXTURE_VARIANTS)) {
    execFileSync(process.execPath, ['src/cli/build.ts', '--out', join(root, name)], {
      env: { ...process.env, NODE_ENV: 'production', ASTRO_CACHE_DIR: join(root, 'astro-cache'), ...FIXTURE_ENV, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  project.provide('buildRoot', root);
  return () => rmSync(root, { recursive: true, force: true });
}
