import { existsSync, readFileSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIn, scratchProject } from './helpers/scratch-project.ts';

// What lets build tests run at once: each builds in a project of its own, so each has its own .astro/.
describe('scratchProject', () => {
  const made: string[] = [];
  const make = (...args: Parameters<typeof scratchProject>) => {
    const root = scratchProject(...args);
    made.push(root);
    return root;
  };
  afterAll(() => {
    for (const root of made) rmSync(root, { recursive: true, force: true });
  });

  it('gives each caller a folder of its own under .cache/, with the code a build reads and node_modules linked', () => {
    const [one, two] = [make('scratch-test'), make('scratch-test')];
    expect(one).not.toBe(two);
    for (const root of [one, two]) {
      expect(root.startsWith(join(process.cwd(), '.cache', 'scratch-test-'))).toBe(true);
      for (const file of ['astro.config.mjs', 'src/settings.ts', 'src/cli/build.ts', 'src/content.config.ts', 'tests/fixtures/site/content/topics.yaml']) {
        expect(readFileSync(join(root, file), 'utf8'), file).toBe(readFileSync(file, 'utf8'));
      }
      expect(realpathSync(join(root, 'node_modules'))).toBe(realpathSync('node_modules'));
      expect(existsSync(join(root, '.astro')), 'no Astro state copied in').toBe(false);
    }
    // A change in one copy is not seen by the other.
    writeFileSync(join(one, 'src', 'settings.ts'), '// changed\n');
    expect(readFileSync(join(two, 'src', 'settings.ts'), 'utf8')).toBe(readFileSync('src/settings.ts', 'utf8'));
  });

  it('copies a content folder in as content/ when told', () => {
    const root = make('scratch-test', { content: 'tests/fixtures/one-language/content' });
    expect(readFileSync(join(root, 'content', 'topics.yaml'), 'utf8')).toBe(readFileSync('tests/fixtures/one-language/content/topics.yaml', 'utf8'));
  });

  it('makes a fixed folder afresh under its exact name', () => {
    const root = make('scratch-test-fixed', { fixed: true });
    expect(root).toBe(join(process.cwd(), '.cache', 'scratch-test-fixed'));
    writeFileSync(join(root, 'left-over.txt'), 'from a last run');
    expect(make('scratch-test-fixed', { fixed: true })).toBe(root);
    expect(existsSync(join(root, 'left-over.txt'))).toBe(false);
    expect(readlinkSync(join(root, 'node_modules'))).toBe(join(process.cwd(), 'node_modules'));
  });

  it('builds in a copy and, when the build fails, rejects with what it printed', async () => {
    const root = make('scratch-test', { content: 'tests/fixtures/site/content' });
    const note = join(root, 'content', 'notes', '2023-02-27-bilingue', 'index.es.md');
    writeFileSync(note, readFileSync(note, 'utf8').replace('summary:', 'sumary:'));
    const out = join(root, 'out');
    await expect(buildIn(root, out, { CONTENT_DIR: 'content', ASTRO_CACHE_DIR: join(root, 'astro-cache'), LANG: '', LC_ALL: '' })).rejects.toThrow(
      /sumary  Unknown field "sumary"[\s\S]*Build stopped: 2 content problem\(s\) above/,
    );
    expect(existsSync(out), 'nothing written').toBe(false);
  });
});
