import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killLeftChildren, runAndKill, type Ended, type KillAt } from './helpers/kill.ts';
import { ScratchSite } from './helpers/scratch-site.ts';

/** The hash of every file of a built site, read through the dist/ link. */
function siteHash(dir: string): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    if (statSync(join(dir, file)).isFile()) hash.update(`${file}\0`).update(readFileSync(join(dir, file)));
  }
  return hash.digest('hex');
}

describe('a build killed at any moment', () => {
  // Its own share cards: one kill is while a card is written, after the cache is emptied.
  const site = new ScratchSite('kill', undefined, { ownShareImages: true });
  const env = site.env();
  const build = (at: KillAt, args: string[] = []) => runAndKill(['src/cli/build.ts', '--out', site.out, ...args], env, at, site.dir);
  const finished = async (args: string[] = []) => {
    const run = await build({ point: 'none' }, args);
    if (run.code !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
    return run;
  };
  const note = join(site.contentDir, 'notes', '2023-02-27-bilingue', 'index.es.md');
  const original = readFileSync(note, 'utf8');
  /** The two versions of the site the kills alternate between: the fixture, and the fixture with one note retitled. */
  const use = (version: 'A' | 'B') => writeFileSync(note, version === 'A' ? original : original.replace('title: Nota bilingüe de prueba', 'title: Nota bilingüe retitulada'));
  const forced: Record<string, string> = {};
  /** The second reference build: forced over a site already built. */
  let reforced: Ended;
  const leftovers = () => readdirSync(join(site.dir, '.dist-builds')).filter((name) => name !== basename(readlinkSync(site.out)));

  beforeAll(async () => {
    // What a forced build of each version publishes: what dist/ must be, before and after each kill.
    use('B');
    await finished(['--force']);
    forced.B = siteHash(site.out);
    use('A');
    reforced = await finished(['--force']);
    forced.A = siteHash(site.out);
  }, 240_000);
  afterAll(() => {
    killLeftChildren();
    site.remove();
  });

  it('has two different sites to tell apart', () => {
    expect(forced.A).not.toBe(forced.B);
  });

  it('has references that are full builds: --force renders every page and draws every share card again', () => {
    // The second follows a build of almost the same site: all but one page and one card could have been reused.
    expect(reforced.stdout).toMatch(/^[1-9]\d* pages rendered, 0 copied unchanged from the last build$/m);
    expect(reforced.stdout).toMatch(/, [1-9]\d* share images rendered \(0 cached\)/);
  });

  const kills: (KillAt & { why: string })[] = [
    { point: 'partial.png', why: 'half-way through writing a share image into its cache' },
    { point: 'astro-generated', why: 'after Astro wrote its pages and its cache, before its last hooks' },
    { point: 'astro-generated', signal: 'SIGINT', why: 'by Ctrl-C inside Astro' },
    { point: 'indexed', signal: 'SIGTERM', why: 'by SIGTERM (a cancelled CI job) with a complete site not yet published' },
  ];
  let published: 'A' | 'B' = 'A';

  /** Starts a build of the other version and kills it; checks that dist/ is still one of the two complete sites. */
  const killed = async (kill: KillAt) => {
    const next: 'A' | 'B' = published === 'A' ? 'B' : 'A';
    use(next);
    const run: Ended = await build(kill);
    expect(run.killed, `the build reached the moment:\n${run.stdout}\n${run.stderr}`).toBe(true);
    const now = siteHash(site.out);
    expect([forced[published], forced[next]], 'dist/ is one of the two complete sites').toContain(now);
    return { run, next, now };
  };

  it.each(kills)('leaves dist/ whole and the next build right when killed $why', async (kill) => {
    // The only card that differs is cached from the reference builds: without it, there is a card to render.
    if ('point' in kill && kill.point === 'partial.png') rmSync(site.shareImages, { recursive: true, force: true });
    const { run, next, now } = await killed(kill);
    if (kill.signal) {
      // Stopped cleanly: nothing to heal, so no build after it.
      expect(run.code).toBe(kill.signal === 'SIGINT' ? 130 : 143);
      expect(run.stderr.trim().split('\n').at(-1)).toBe(`Build interrupted (${kill.signal}); ${site.out}/ is unchanged.`);
      expect(now).toBe(forced[published]);
      expect(leftovers(), 'staging, snapshot and lock removed').toEqual([]);
      return;
    }
    const after = await finished();
    expect(siteHash(site.out), 'the next build publishes what a forced build does').toBe(forced[next]);
    expect(leftovers(), 'and nothing of the killed build is left').toEqual([]);
    if ('point' in kill && kill.point === 'astro-generated') {
      expect(after.stdout).toContain('The last build did not finish: everything is checked and rendered again.');
      expect(after.stdout).toMatch(/^\d+ pages rendered, 0 copied unchanged from the last build$/m);
    }
    published = next;
  }, 120_000);

  // Publishing is one atomic switch; tests/output-folder.test.ts kills a publish at each of its steps, this kills a real build at one of them,
  // or anywhere before it. The two builds after it are started at once: one heals, and the other waits for it.
  const PUBLISH = ['publish:start', 'publish:renamed', 'publish:linked', 'publish:switched', 'publish:cleaned'];
  const moment: KillAt = Math.random() < 0.5 ? { point: PUBLISH[Math.floor(Math.random() * PUBLISH.length)]! } : { line: 4 + Math.floor(Math.random() * 10) };

  it(`leaves dist/ whole when killed at a random moment (${JSON.stringify(moment)}), and two builds started at once then run one after the other, the second saying whom it waited for`, async () => {
    const { next } = await killed(moment);
    const [one, two] = await Promise.all([build({ point: 'none' }), build({ point: 'none' })]);
    expect([one.code, two.code]).toEqual([0, 0]);
    const waited = [one, two].filter((run) => /^Waiting for the build running as process \d+ \(building .*\/, since \d\d:\d\d:\d\d\) to finish\.\.\.$/m.test(run.stdout));
    expect(waited).toHaveLength(1);
    expect(siteHash(site.out), 'the builds after the kill publish what a forced build does').toBe(forced[next]);
    expect(leftovers(), 'and nothing of the killed build is left').toEqual([]);
    published = next;
  }, 120_000);

  it('refuses at once with --no-wait, naming the running build, and takes over the lock of a killed one', async () => {
    use('B');
    const holder = runAndKill(['src/cli/build.ts', '--out', site.out], { ...env, CONVOY_BUILD_PAUSE_AT: 'locked' }, { line: 1_000_000 }, site.dir);
    // The first build stops itself once it holds the locks; the second is started when it says so.
    await new Promise<void>((resolve) => {
      const look = setInterval(() => {
        try {
          if (readFileSync(join(site.dir, '.dist-builds', 'lock'), 'utf8')) {
            clearInterval(look);
            resolve();
          }
        } catch {
          // not yet
        }
      }, 20);
    });
    const pid = JSON.parse(readFileSync(join(site.astroCache, 'convoy-build.lock'), 'utf8')).pid as number;
    const refused = await build({ point: 'none' }, ['--no-wait']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`^Build stopped: another build is running as process ${pid} \\(building .*/, since \\d\\d:\\d\\d:\\d\\d\\)\\. Wait for it, or build again without --no-wait to wait; .*/ is unchanged\\.$`, 'm'));
    process.kill(-pid, 'SIGKILL');
    await holder;
    // Its locks are still there, naming a process that is gone: the next build takes them over at once.
    expect(readFileSync(join(site.dir, '.dist-builds', 'lock'), 'utf8')).toContain(`"pid":${pid}`);
    const after = await build({ point: 'locked' }, ['--no-wait']);
    expect(after.killed, after.stderr).toBe(true);
    expect(after.stdout).not.toContain('Waiting');
  }, 120_000);
});
