/**
 * Where `npm run build` writes and how it publishes. The output (`dist/`) is
 * a symbolic link to one complete build under a hidden folder beside it:
 *
 *   dist -> .dist-builds/site-20261201T101500123Z-4242
 *   .dist-builds/staging/   the build in progress (always this name: Astro's
 *                           incremental cache keys include the output folder)
 *   .dist-builds/lock       the running build (src/lib/build/build-lock.ts)
 *
 * A finished build is renamed from `staging/` to a folder of its own and the
 * link is switched by renaming a new link over it, one atomic step: at every
 * instant `dist/` is the whole previous site or the whole new one. Anything
 * a killed build left in `.dist-builds/` is deleted by the next one.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, type Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { reached } from './test-points.ts';

/** The paths of one output and its hidden folder. */
export interface OutputFolders {
  /** What hosts publish: a link to the current build (a real folder before the first build of this kind). */
  out: string;
  builds: string;
  staging: string;
  lock: string;
}

/** A published build's folder name starts with this. */
const SITE = 'site-';
/** The name a real `dist/` folder gets when the first linked build replaces it; sorts before every build. */
const FORMER = `${SITE}0-former-folder`;

/**
 * The folders of output `out`.
 * @example outputFolders('/p/dist').staging // '/p/.dist-builds/staging'
 */
export function outputFolders(out: string): OutputFolders {
  const builds = join(dirname(out), `.${basename(out)}-builds`);
  return { out, builds, staging: join(builds, 'staging'), lock: join(builds, 'lock') };
}

/**
 * A new build's folder name: its time, then the process, so names sort by age.
 * @example buildName(new Date('2026-12-01T10:15:00.123Z'), 42) // 'site-20261201T101500123Z-42'
 */
export function buildName(now: Date, pid: number): string {
  return `${SITE}${now.toISOString().replace(/[-:.]/g, '')}-${pid}`;
}

/** The build folder name `out` links to, if it is a link into its builds folder that resolves. */
export function currentBuild(folders: OutputFolders): string | undefined {
  const stat = lstatOrUndefined(folders.out);
  if (!stat?.isSymbolicLink()) return undefined;
  const target = resolve(dirname(folders.out), readlinkSync(folders.out));
  return dirname(target) === folders.builds && existsSync(target) ? basename(target) : undefined;
}

/**
 * Makes the output folder ready for a build, whatever a killed build left:
 * when `out` is missing (a kill during the one-time move of a real folder)
 * it links the newest complete build again, then deletes every other entry
 * of the builds folder except the locks (staging, old builds, temporary
 * links, content snapshots) and the leftovers of the layout before links.
 * Call it holding the output's lock. Returns whether `out` was restored.
 */
export function tidyOutput(folders: OutputFolders): boolean {
  mkdirSync(folders.builds, { recursive: true });
  const prefix = `.${basename(folders.out)}-`;
  for (const legacy of ['staging', 'staging-old']) rmSync(join(dirname(folders.out), prefix + legacy), { recursive: true, force: true });
  let current = currentBuild(folders);
  let restored = false;
  if (!current && !lstatOrUndefined(folders.out)) {
    const newest = readdirSync(folders.builds).filter((name) => name.startsWith(SITE)).sort().at(-1);
    if (newest) {
      switchLink(folders, newest);
      current = newest;
      restored = true;
    }
  }
  const lockName = basename(folders.lock);
  for (const name of readdirSync(folders.builds)) {
    if (name !== current && !name.startsWith(lockName)) rmSync(join(folders.builds, name), { recursive: true, force: true });
  }
  return restored;
}

/**
 * Publishes the finished build in `staging` as `out`: renamed to a folder of
 * its own (`name`), linked by an atomic switch of `out`, then every older
 * build deleted. A real `out` folder (from before this layout) is first
 * moved into the builds folder, the one moment without an `out`, which the
 * next build's tidyOutput heals if the build is killed right then.
 */
export function publish(folders: OutputFolders, name: string): void {
  reached('publish:start');
  renameSync(folders.staging, join(folders.builds, name));
  reached('publish:renamed');
  const existing = lstatOrUndefined(folders.out);
  if (existing && !existing.isSymbolicLink()) {
    if (!existing.isDirectory()) throw new Error(`${folders.out} is a file, not the site's folder; move it away and build again.`);
    rmSync(join(folders.builds, FORMER), { recursive: true, force: true });
    renameSync(folders.out, join(folders.builds, FORMER));
    reached('publish:moved-former-folder');
  }
  switchLink(folders, name);
  reached('publish:switched');
  // Deleting at once: on a disk where deleting is slow, deleting while Astro
  // writes the next site (tried) slowed that build by more than it saved.
  for (const other of readdirSync(folders.builds)) {
    if (other.startsWith(SITE) && other !== name) rmSync(join(folders.builds, other), { recursive: true, force: true });
  }
  reached('publish:cleaned');
}

/** Points `out` at build `name` by renaming a new link over it (rename replaces a link atomically). */
function switchLink(folders: OutputFolders, name: string): void {
  const next = join(folders.builds, `link-${process.pid}`);
  rmSync(next, { force: true });
  // Relative, so the project folder can be moved or mounted elsewhere.
  symlinkSync(relative(dirname(folders.out), join(folders.builds, name)), next, 'dir');
  reached('publish:linked');
  renameSync(next, folders.out);
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
