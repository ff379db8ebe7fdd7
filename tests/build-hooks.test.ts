import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_ENV, fixtureBuild } from './setup/fixture-builds.ts';
import { attr, BuiltSite } from './helpers/built-site.ts';
import { scratchProject } from './helpers/scratch-project.ts';

/** Every file of a build and the hash of its bytes. */
function files(dir: string): Record<string, string> {
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()).sort();
  return Object.fromEntries(names.map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

describe('plain astro build writes the whole site, through the integration hooks', () => {
  const dir = scratchProject('astro-build');
  const out = join(dir, 'out');
  let run: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    // What a hosting preset runs: Astro's own command, no npm run build around it.
    run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ...FIXTURE_ENV, BASE_PATH: '/', NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', ASTRO_CACHE_DIR: join(dir, 'astro-cache'), CONTENT_SNAPSHOT: '' },
    });
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('succeeds', () => {
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  });

  it("has every note page's share image, a real 1200x630 PNG", async () => {
    const site = new BuiltSite(out);
    const notes = site.htmlPaths().filter((p) => /^\/(es\/notas|en\/news)\/[^/]+\/$/.test(p));
    expect(notes.length).toBeGreaterThan(2);
    for (const path of notes) {
      const image = attr(site.page(path), 'meta[property="og:image"]', 'content')!;
      const file = join(out, new URL(image).pathname);
      expect(existsSync(file), `${path}: ${image}`).toBe(true);
      expect(await sharp(file).metadata(), path).toMatchObject({ width: 1200, height: 630, format: 'png' });
    }
  });

  it('has the search index of every published note', () => {
    const entry = JSON.parse(readFileSync(join(out, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'es']);
    expect(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0)).toBe(4);
  });

  it('is the same site, byte for byte, as npm run build publishes', async () => {
    expect(files(out)).toEqual(files(await fixtureBuild('root')));
  });
});
