import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildName, currentBuild, outputFolders, publish, tidyOutput, type OutputFolders } from '../src/lib/build/output-folder.ts';
import { runAndKill } from './helpers/kill.ts';
import { SITE_FILES } from './helpers/stand-in-site.ts';

let dir: string;
let folders: OutputFolders;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'output-folder-'));
  folders = outputFolders(join(dir, 'dist'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a finished build into staging, as Astro would. */
function stage(text: string): void {
  mkdirSync(join(folders.staging, 'es'), { recursive: true });
  writeFileSync(join(folders.staging, 'index.html'), text);
  writeFileSync(join(folders.staging, 'es', 'index.html'), text);
}

/** What dist/ holds, read through the link: which site, or why it is not one. */
function siteIn(out: string, files = SITE_FILES): string {
  if (!existsSync(out)) return 'missing';
  const texts = new Set(files.map((file) => (existsSync(join(out, file)) ? readFileSync(join(out, file), 'utf8') : 'absent')));
  const extra = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length !== files.length;
  return texts.size === 1 && !extra ? [...texts][0]! : `mixed: ${[...texts].join(', ')}`;
}

describe('outputFolders and buildName', () => {
  it('puts everything of a build in one hidden folder beside the output', () => {
    expect(outputFolders('/p/dist')).toEqual({ out: '/p/dist', builds: '/p/.dist-builds', staging: '/p/.dist-builds/staging', lock: '/p/.dist-builds/lock' });
  });

  it('names builds so that they sort by age', () => {
    expect(buildName(new Date('2026-12-01T10:15:00.123Z'), 42)).toBe('site-20261201T101500123Z-42');
    expect(buildName(new Date('2026-12-01T10:15:00.124Z'), 1) > buildName(new Date('2026-12-01T10:15:00.123Z'), 99)).toBe(true);
  });
});

describe('publish', () => {
  it('makes the output a relative link to the new build and deletes the one before', () => {
    stage('one');
    publish(folders, 'site-1');
    expect(readlinkSync(folders.out)).toBe(join('.dist-builds', 'site-1'));
    expect(readFileSync(join(folders.out, 'es', 'index.html'), 'utf8')).toBe('one');
    stage('two');
    publish(folders, 'site-2');
    expect(readFileSync(join(folders.out, 'index.html'), 'utf8')).toBe('two');
    expect(readdirSync(folders.builds)).toEqual(['site-2']);
    expect(currentBuild(folders)).toBe('site-2');
  });

  it('replaces a real output folder of the layout before links', () => {
    mkdirSync(folders.out);
    writeFileSync(join(folders.out, 'index.html'), 'old');
    stage('new');
    publish(folders, 'site-1');
    expect(lstatSync(folders.out).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(folders.out, 'index.html'), 'utf8')).toBe('new');
    expect(readdirSync(folders.builds)).toEqual(['site-1']);
  });

  it('refuses to replace a file', () => {
    writeFileSync(folders.out, 'not a site');
    stage('new');
    expect(() => publish(folders, 'site-1')).toThrow(`${folders.out} is a file, not the site's folder; move it away and build again.`);
    expect(readFileSync(folders.out, 'utf8')).toBe('not a site');
  });
});

describe('tidyOutput', () => {
  it('deletes what a killed build left, and keeps the published build and the locks', () => {
    stage('one');
    publish(folders, 'site-1');
    stage('half');
    for (const name of ['site-2', 'link-99', 'content-99.json', 'lock', 'lock.99.new']) writeFileSync(join(folders.builds, name), '');
    mkdirSync(join(dir, '.dist-staging-old', 'es'), { recursive: true });
    mkdirSync(join(dir, '.dist-staging'));
    expect(tidyOutput(folders)).toBe(false);
    expect(readdirSync(folders.builds).sort()).toEqual(['lock', 'lock.99.new', 'site-1']);
    expect(readdirSync(dir).sort()).toEqual(['.dist-builds', 'dist']);
    expect(readFileSync(join(folders.out, 'index.html'), 'utf8')).toBe('one');
  });

  it('links the newest complete build again when the output is missing', () => {
    mkdirSync(join(folders.builds, 'site-1'), { recursive: true });
    mkdirSync(join(folders.builds, 'site-2'));
    writeFileSync(join(folders.builds, 'site-2', 'index.html'), 'newest');
    stage('unfinished');
    expect(tidyOutput(folders)).toBe(true);
    expect(readFileSync(join(folders.out, 'index.html'), 'utf8')).toBe('newest');
    expect(readdirSync(folders.builds)).toEqual(['site-2']);
  });

  it('leaves a real output folder alone until a build replaces it, and a missing one missing when no build is complete', () => {
    mkdirSync(folders.out);
    expect(tidyOutput(folders)).toBe(false);
    expect(lstatSync(folders.out).isDirectory()).toBe(true);
    rmSync(folders.out, { recursive: true });
    expect(tidyOutput(folders)).toBe(false);
    expect(existsSync(folders.out)).toBe(false);
  });

  it('takes a link that points elsewhere for no build of its own', () => {
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'elsewhere'), folders.out);
    expect(currentBuild(folders)).toBeUndefined();
    stage('new');
    publish(folders, 'site-1');
    expect(readFileSync(join(folders.out, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(join(dir, 'elsewhere')), 'the folder it named is not deleted').toBe(true);
  });
});

describe('a publish killed at any moment (SIGKILL to a real process)', () => {
  const child = (label: string, ...more: string[]) => ['tests/helpers/publish-child.ts', folders.out, label, ...more];
  const POINTS = ['publish:start', 'publish:renamed', 'publish:linked', 'publish:switched', 'publish:cleaned'];

  it('leaves the output the old site or the new one at every step, and the next publish heals it', async () => {
    let published = 'A';
    expect((await runAndKill(child('A'), {}, { point: 'none' })).code).toBe(0);
    for (const [i, point] of POINTS.entries()) {
      const next = i % 2 ? 'A' : 'B';
      const run = await runAndKill(child(next), {}, { point });
      expect(run.killed, `${point}: ${run.stderr}`).toBe(true);
      const now = siteIn(folders.out);
      expect([published, next], `killed at ${point}`).toContain(now);
      published = now;
      const after = await runAndKill(child(next), {}, { point: 'none' });
      expect(after.code, after.stderr).toBe(0);
      expect(siteIn(folders.out), `the build after a kill at ${point}`).toBe(next);
      expect(readdirSync(folders.builds)).toEqual([currentBuild(folders)]);
      published = next;
    }
  }, 60_000);

  it('heals a kill inside the one-time move of a real dist/ folder', async () => {
    mkdirSync(folders.out);
    for (const file of SITE_FILES) {
      mkdirSync(join(folders.out, file, '..'), { recursive: true });
      writeFileSync(join(folders.out, file), 'A');
    }
    const run = await runAndKill(child('B'), {}, { point: 'publish:moved-former-folder' });
    expect(run.killed).toBe(true);
    // The one instant without a dist/: both sites are complete in .dist-builds/.
    expect(existsSync(folders.out)).toBe(false);
    expect((await runAndKill(child('C'), {}, { point: 'publish:start' })).killed).toBe(true);
    expect(siteIn(folders.out), 'the next build links the newest complete site first').toBe('B');
  });

  it('never leaves a missing or mixed site when killed at random moments of repeated publishes', async () => {
    expect((await runAndKill(child('A'), {}, { point: 'none' })).code).toBe(0);
    for (let i = 0; i < 16; i++) {
      // Killed once it has published a random number of times: the kill lands wherever the next publish is.
      const run = await runAndKill(child('A', '--loop', '1000', 'B'), {}, { line: 1 + Math.floor(Math.random() * 4) });
      expect(run.killed).toBe(true);
      expect(['A', 'B']).toContain(siteIn(folders.out));
    }
    expect((await runAndKill(child('A'), {}, { point: 'none' })).code).toBe(0);
    expect(siteIn(folders.out)).toBe('A');
    expect(readdirSync(folders.builds)).toEqual([currentBuild(folders)]);
  }, 60_000);
});
