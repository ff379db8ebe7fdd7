import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FIXTURE_ENV } from '../setup/fixture-builds.ts';
import { oneAtATime } from './build-lock.ts';

/** What a command printed and how it ended. */
export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A throwaway copy of the fixture content with its own build output and
 * Astro cache, so a test can change notes and build without touching anyone
 * else's files. Lives under `.cache/` because CONTENT_DIR is relative to the
 * project root.
 */
export class ScratchSite {
  readonly dir: string;
  /** The content folder, relative to the project root (for CONTENT_DIR). */
  readonly contentDir: string;
  readonly out: string;

  constructor(name: string, from = 'tests/fixtures/site/content') {
    mkdirSync(join(process.cwd(), '.cache'), { recursive: true });
    this.dir = mkdtempSync(join(process.cwd(), '.cache', `${name}-`));
    this.contentDir = relative(process.cwd(), join(this.dir, 'content'));
    this.out = join(this.dir, 'dist');
    cpSync(from, this.contentDir, { recursive: true });
  }

  /** Runs a `src/cli` command (`build`, `check`, `new`) on this content, with the fixture clock and URL. */
  run(command: string, args: string[] = [], env: Record<string, string> = {}): Run {
    const result = spawnSync(process.execPath, [`src/cli/${command}.ts`, ...args], {
      encoding: 'utf8',
      env: {
        ...process.env,
        ...FIXTURE_ENV,
        LANG: '',
        LC_ALL: '',
        LC_MESSAGES: '',
        NODE_ENV: 'production',
        CONTENT_DIR: this.contentDir,
        ASTRO_CACHE_DIR: join(this.dir, 'astro-cache'),
        ...env,
      },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  /** `npm run build -- --out <this.out>` plus `args` (and `env`), one test build at a time (see build-lock.ts). */
  build(args: string[] = [], env: Record<string, string> = {}): Run {
    return oneAtATime(join(process.cwd(), '.cache', 'test-build.lock'), () => this.run('build', ['--out', this.out, ...args], env));
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
