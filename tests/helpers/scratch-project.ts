import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** What a build, a check or a dev server reads besides the content: copied into every scratch project. */
const PROJECT_FILES = ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'src', 'public', 'tests/fixtures'];

/**
 * A throwaway copy of the project (its code, settings and test fixtures,
 * with `node_modules` linked) under `.cache/`, for a test to build, check or
 * serve in. A copy, not just another CONTENT_DIR: Astro writes the content
 * modules of a build, and the content store of its dev server, into
 * `<root>/.astro/`, so two builds on one root could read each other's. Each
 * copy has its own, so test builds can run at the same time.
 *
 * `name` is the folder's prefix; with `fixed`, the folder is exactly
 * `.cache/<name>/`, made afresh, so caches kept between test runs (which
 * name the project's files by their full path) stay valid. `content` is a
 * content folder to copy in as the copy's `content/`.
 */
export function scratchProject(name: string, { fixed = false, content }: { fixed?: boolean; content?: string } = {}): string {
  const project = process.cwd();
  const cache = join(project, '.cache');
  mkdirSync(cache, { recursive: true });
  let root = join(cache, name);
  if (fixed) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root);
  } else root = mkdtempSync(`${root}-`);
  for (const entry of PROJECT_FILES) cpSync(join(project, entry), join(root, entry), { recursive: true });
  symlinkSync(join(project, 'node_modules'), join(root, 'node_modules'), 'dir');
  if (content) cpSync(content, join(root, 'content'), { recursive: true });
  return root;
}

/**
 * Runs `npm run build`'s script in a project copy, writing the site to `out`
 * with `env` over the test's own environment; rejects with everything the
 * build printed when it fails.
 */
export function buildIn(project: string, out: string, env: Readonly<Record<string, string>>): Promise<void> {
  const child = spawn(process.execPath, ['src/cli/build.ts', '--out', out], { cwd: project, env: { ...process.env, NODE_ENV: 'production', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((resolve, reject) => child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(output)))));
}
