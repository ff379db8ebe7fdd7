import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeWhole } from '../../src/lib/build/files.ts';
import { buildIn, scratchProject } from '../helpers/scratch-project.ts';
import { buildStatusFile, FIXTURE_ENV, FIXTURE_VARIANTS, SHARED_SHARE_IMAGES } from './fixture-builds.ts';

/** Builds one fixture variant in its own copy of the project; rejects with its output when it fails. */
async function buildVariant(name: string, env: Readonly<Record<string, string>>, out: string, projects: string[]): Promise<void> {
  // The sample site keeps its Astro cache between runs (its images take longest): a project folder that keeps its name keeps that cache valid.
  const project = scratchProject(`test-project-${name}`, { fixed: name === 'sample', content: env.CONTENT_DIR === 'content' ? 'content' : undefined });
  projects.push(project);
  // The share cards' cache is the project's own, shared by the variants and kept between runs, as before the copies.
  const caches = { ASTRO_CACHE_DIR: join(project, 'astro-cache'), SHARE_IMAGE_CACHE: SHARED_SHARE_IMAGES };
  await buildIn(project, out, { ...caches, ...FIXTURE_ENV, ...env }).catch((error: Error) => {
    throw new Error(`The fixture build "${name}" failed:\n${error.message}`);
  });
}

/**
 * Builds every fixture variant once per test run, the way `npm run build`
 * does, each in a copy of the project and into a folder of its own, so that
 * parallel runs never share output; as many at once as there are cores.
 * Returns at once: the tests that need no fixture start while the builds
 * run, and fixtureBuild() waits for the one a test reads.
 */
export default function setup(project: TestProject): () => Promise<void> {
  mkdirSync(join(process.cwd(), '.cache'), { recursive: true });
  const root = mkdtempSync(join(process.cwd(), '.cache', 'test-builds-'));
  const projects: string[] = [];
  const waiting = Object.entries(FIXTURE_VARIANTS);
  const worker = async () => {
    for (let next = waiting.shift(); next; next = waiting.shift()) {
      const out = join(root, next[0]);
      const ended = await buildVariant(next[0], next[1], out, projects).then(() => 'ok', (error: Error) => error.message);
      // Whole or not at all: a test never reads half a status.
      writeWhole(buildStatusFile(out), ended);
    }
  };
  const builds = Promise.all(Array.from({ length: Math.min(availableParallelism(), waiting.length) }, worker));
  project.provide('buildRoot', root);
  return async () => {
    await builds;
    for (const dir of [root, ...projects]) rmSync(dir, { recursive: true, force: true });
  };
}
