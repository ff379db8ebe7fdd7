import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FIXTURE_ENV, SHARED_SHARE_IMAGES } from '../setup/fixture-builds.ts';
import { scratchProject } from './scratch-project.ts';

/** What a command printed and how it ended. */
export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A throwaway copy of the project and of some content (the fixture's, unless
 * told), with its own build output and caches, so a test can change notes
 * and build without touching anyone else's files, at the same time as other
 * tests build theirs (see scratch-project.ts). Commands run in the copy, as a
 * press officer runs them in theirs: their messages name `content/...`.
 */
export class ScratchSite {
  /** The copy of the project: where commands run. */
  readonly dir: string;
  /** The content folder, relative to the test's working directory (for reading and editing notes). */
  readonly contentDir: string;
  readonly out: string;
  /** Its Astro cache (where the build also keeps its content check and its lock). */
  readonly astroCache: string;
  /**
   * Its share cards' cache: the project's own (`.cache/share-images`, which the
   * fixture builds fill), unless `ownShareImages` asks for one of its own. Sharing
   * is safe: a card's file is named by everything that makes its pixels and
   * written whole, and the fixture content's cards are then drawn once per run,
   * not again in every copy.
   */
  readonly shareImages: string;

  constructor(name: string, from = 'tests/fixtures/site/content', { ownShareImages = false } = {}) {
    this.dir = scratchProject(name, { content: from });
    this.contentDir = relative(process.cwd(), join(this.dir, 'content'));
    this.out = join(this.dir, 'dist');
    this.astroCache = join(this.dir, 'astro-cache');
    this.shareImages = ownShareImages ? join(this.dir, 'share-images') : SHARED_SHARE_IMAGES;
  }

  /** The environment of a command run here: the fixture clock and URL, this copy's content and caches. */
  env(extra: Record<string, string> = {}): Record<string, string | undefined> {
    return {
      ...process.env,
      ...FIXTURE_ENV,
      LANG: '',
      LC_ALL: '',
      LC_MESSAGES: '',
      NODE_ENV: 'production',
      CONTENT_DIR: 'content',
      ASTRO_CACHE_DIR: this.astroCache,
      SHARE_IMAGE_CACHE: this.shareImages,
      ...extra,
    };
  }

  /** Runs a `src/cli` command (`build`, `check`, `new`) in this copy. */
  run(command: string, args: string[] = [], env: Record<string, string> = {}): Run {
    const result = spawnSync(process.execPath, [`src/cli/${command}.ts`, ...args], { cwd: this.dir, encoding: 'utf8', env: this.env(env) });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  /** `npm run build -- --out <this.out>` plus `args` (and `env`). */
  build(args: string[] = [], env: Record<string, string> = {}): Run {
    return this.run('build', ['--out', this.out, ...args], env);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
