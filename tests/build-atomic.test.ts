import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScratchSite, type Run } from './helpers/scratch-site.ts';

/** Every file of a folder with its size, modification time and hash: what "unchanged" means. */
function snapshot(dir: string): Record<string, string> {
  const entries = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  return Object.fromEntries(
    entries.map((path) => {
      const file = join(dir, path);
      const stat = statSync(file);
      if (stat.isDirectory()) return [path, `dir ${stat.mtimeMs}`];
      return [path, `${stat.size} ${stat.mtimeMs} ${createHash('sha256').update(readFileSync(file)).digest('hex')}`];
    }),
  );
}

const problemLines = (run: Run) => run.stdout.split('\n').filter((line) => /^(error|warning)  /.test(line));

describe('a build that fails leaves the previous dist/ exactly as it was', () => {
  const site = new ScratchSite('atomic');
  const note = (path: string) => join(site.contentDir, 'notes', path);
  let before: Record<string, string>;
  /** What the builds put beside dist/ (all named `.dist-*`), other than the build it links to. */
  const leftovers = () => [
    ...readdirSync(site.dir).filter((name) => name.startsWith('.dist-') && name !== '.dist-builds'),
    ...readdirSync(join(site.dir, '.dist-builds')).filter((name) => name !== basename(readlinkSync(site.out))),
  ];

  beforeAll(() => {
    const first = site.build();
    if (first.status !== 0) throw new Error(`first build failed:\n${first.stdout}\n${first.stderr}`);
    before = snapshot(site.out);
  }, 240_000);
  afterAll(() => site.remove());

  it('starts from a complete build', () => {
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['index.html', 'es/notas/bilingue/index.html', 'en/rss.xml']));
  });

  it('refuses bad content with the messages of npm run check, and writes nothing', () => {
    // A typo in a field name and an impossible date, in two notes.
    const es = note('2023-02-27-bilingue/index.es.md');
    writeFileSync(es, readFileSync(es, 'utf8').replace('summary:', 'sumary:'));
    const en = note('2023-03-01-tricky/index.en.md');
    writeFileSync(en, readFileSync(en, 'utf8').replace('date: 2023-03-01T23:30:00-08:00', 'date: 2023-02-30T23:30:00-08:00'));

    const build = site.build();
    const check = site.run('check', ['--lang', 'en']);
    expect(build.status).toBe(1);
    expect(problemLines(build)).toEqual(problemLines(check));
    expect(problemLines(build)).toEqual([
      `error  content/notes/2023-02-27-bilingue/index.es.md:2  summary  This required field is missing. Add it to the header.`,
      `error  content/notes/2023-02-27-bilingue/index.es.md:3  sumary  Unknown field "sumary". Did you mean "summary"? Fix or delete it.`,
      `error  content/notes/2023-03-01-tricky/index.en.md:4  date  "2023-02-30T23:30:00-08:00" is not a valid date. Use YYYY-MM-DD or YYYY-MM-DDTHH:MM, with a day that exists.`,
    ]);
    expect(build.stderr).toContain(`Build stopped: 3 content problem(s) above. Nothing was written; ${site.out}/ is unchanged.`);
    expect(snapshot(site.out)).toEqual(before);
  }, 240_000);

  it('keeps dist/ as it was when the build fails after the check, and cleans up after itself', () => {
    // Content the check accepts but Astro cannot compile: an unclosed tag in MDX.
    const es = note('2023-02-27-bilingue/index.es.md');
    writeFileSync(es, readFileSync(es, 'utf8').replace('sumary:', 'summary:'));
    const en = note('2023-03-01-tricky/index.en.md');
    writeFileSync(en, readFileSync(en, 'utf8').replace('2023-02-30', '2023-03-01'));
    renameSync(note('2023-02-28-solo-espanol/index.es.md'), note('2023-02-28-solo-espanol/index.es.mdx'));
    writeFileSync(note('2023-02-28-solo-espanol/index.es.mdx'), '\n<div>\n', { flag: 'a' });
    expect(site.run('check').status).toBe(0);

    const build = site.build();
    expect(build.status).toBe(1);
    expect(build.stderr).toContain(`Build failed; ${site.out}/ is unchanged.`);
    // What failed and in which note, in words (src/lib/build/build-failure.ts), with no stack trace.
    expect(build.stderr).toContain('What failed: Building pages: ');
    expect(build.stderr).toContain('Expected a closing tag for `<div>`');
    expect(build.stderr).toContain('Note: content/notes/2023-02-28-solo-espanol/index.es.mdx');
    expect(build.stderr).toContain('(The technical details: npm run build -- --verbose, or DEBUG=1.)');
    expect(build.stderr).not.toMatch(/^\s+at /m);
    expect(snapshot(site.out)).toEqual(before);
    // The staging folder and the build's content snapshot live in .dist-builds/, beside the published site.
    expect(leftovers()).toEqual([]);
  }, 240_000);

  it('prints the raw stack trace of that failure with DEBUG=1', () => {
    const debug = site.build([], { DEBUG: '1' });
    expect(debug.status).toBe(1);
    expect(debug.stderr).toContain('What failed: Building pages');
    expect(debug.stderr).toMatch(/^\s+at /m);
    expect(snapshot(site.out)).toEqual(before);
  }, 240_000);

  // tests/build-reuse.test.ts shows the check reused when nothing changed.
  it('checks changed content again, once it is fixed', () => {
    const mdx = note('2023-02-28-solo-espanol/index.es.mdx');
    writeFileSync(note('2023-02-28-solo-espanol/index.es.md'), readFileSync(mdx, 'utf8').replace(/\n<div>\n$/, ''));
    rmSync(mdx);

    const fixed = site.build();
    expect(fixed.status).toBe(0);
    expect(fixed.stdout, 'a changed note is checked again').toMatch(/topics: OK\n/);
    expect(leftovers(), 'no staging folder or old site left beside dist/').toEqual([]);
  }, 240_000);
});
