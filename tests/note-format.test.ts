import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/lib/content/content.ts';
import { parseYaml, splitFrontmatter } from '../src/lib/content/frontmatter.ts';
import { noteTemplate } from '../src/lib/content/scaffold.ts';
import { noteFrontmatter } from '../src/lib/content/schema.ts';
import { FIELD_ORDER, readNoteFile, writeNoteFile } from '../src/lib/editor/note-format.ts';

const MX = 'America/Mexico_City';
const SAMPLE = 'content';
const FIXTURE = 'tests/fixtures/site/content';

/** Every version file under `dir`/notes, as paths relative to the project. */
const versionFiles = (dir: string) =>
  readdirSync(join(dir, 'notes')).flatMap((folder) =>
    readdirSync(join(dir, 'notes', folder))
      .filter((name) => /^index\.[a-z-]+\.md$/.test(name))
      .map((name) => join(dir, 'notes', folder, name)),
  );

const roundTrip = (text: string) => writeNoteFile(readNoteFile(text));
const headerOf = (text: string) => parseYaml(splitFrontmatter(text).yaml ?? '').data as Record<string, unknown>;

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of a content folder whose version files went through the format; the check's problems with it. */
function checkRewritten(dir: string) {
  const root = mkdtempSync(join(tmpdir(), 'note-format-'));
  scratch.push(root);
  cpSync(dir, join(root, 'content'), { recursive: true });
  for (const file of versionFiles(join(root, 'content'))) writeFileSync(file, roundTrip(readFileSync(file, 'utf8')));
  return loadContent({ root, timeZone: MX, lang: 'en' }).problems.filter((p) => p.severity === 'error');
}

describe('readNoteFile', () => {
  it('reads a file without a draft line as published (draft false), as the build does', () => {
    expect(readNoteFile('---\ntitle: Hola\nsummary: Algo\ndate: 2023-03-01\nstop: texas\n---\n\nTexto.\n')).toEqual({
      title: 'Hola',
      summary: 'Algo',
      date: '2023-03-01',
      stop: 'texas',
      draft: false,
      body: 'Texto.',
    });
  });

  it('keeps draft as written, dates as the text typed, and the body without the blank line after the header', () => {
    const fields = readNoteFile('---\ndraft: true\ndate: 2023-02-27T12:00:00-08:00\n---\n\n## Uno\n\nDos\n');
    expect(fields).toEqual({ draft: true, date: '2023-02-27T12:00:00-08:00', body: '## Uno\n\nDos' });
  });

  it('reads a byte-order mark and CRLF line ends as the check does', () => {
    expect(readNoteFile('\uFEFF---\r\ntitle: "A"\r\n---\r\nUno\r\nDos\r\n')).toEqual({ title: 'A', draft: false, body: 'Uno\nDos' });
  });

  it('refuses a header that is not YAML, naming the line', () => {
    expect(() => readNoteFile('---\ntitle: "A\nsummary: B\n---\n')).toThrow(/^Line \d+: /);
  });
});

describe('writeNoteFile', () => {
  it('writes the fields in the content contract’s order', () => {
    expect([...FIELD_ORDER]).toEqual(Object.keys(noteFrontmatter.shape));
  });

  it('writes the style of npm run new: texts quoted, ids and dates bare, lists on one line, the image as a block, draft always', () => {
    const text = writeNoteFile({
      body: 'Texto **uno**.\n',
      slug: 'en-texas',
      draft: undefined,
      image: { credit: '', alt: 'Un "mapa"', src: 'hero.jpg' },
      organizations: ['SRE'],
      people: [],
      topics: ['economy', 'diplomacy'],
      stop: 'texas',
      updated: '',
      date: '2023-04-21T18:00:00-05:00',
      summary: 'Resumen: sí.',
      title: 'true',
    });
    expect(text).toBe(
      [
        '---',
        'title: "true"',
        'summary: "Resumen: sí."',
        'date: 2023-04-21T18:00:00-05:00',
        'stop: texas',
        'topics: [economy, diplomacy]',
        'organizations: ["SRE"]',
        'image:',
        '  src: hero.jpg',
        '  alt: "Un \\"mapa\\""',
        'draft: false',
        'slug: en-texas',
        '---',
        '',
        'Texto **uno**.',
        '',
      ].join('\n'),
    );
    expect(readNoteFile(text)).toMatchObject({ title: 'true', image: { src: 'hero.jpg', alt: 'Un "mapa"' }, draft: false });
  });

  it('quotes an id or file name that YAML would read as something else than text', () => {
    const text = writeNoteFile({ stop: 'null', slug: '2023', image: { src: 'a b.jpg', alt: 'x' }, topics: ['true', 'ok'], draft: true });
    expect(text).toContain('stop: "null"\n');
    expect(text).toContain('slug: "2023"\n');
    expect(text).toContain('  src: "a b.jpg"\n');
    expect(text).toContain('topics: ["true", ok]\n');
    expect(readNoteFile(text)).toMatchObject({ stop: 'null', slug: '2023', topics: ['true', 'ok'], image: { src: 'a b.jpg' }, draft: true });
  });

  it('keeps a field the contract does not know, after the others, for the check to report', () => {
    expect(writeNoteFile({ titel: 'Hola', title: 'Hola', draft: false })).toBe('---\ntitle: "Hola"\ndraft: false\ntitel: "Hola"\n---\n');
  });
});

describe('a sample note opened and saved', () => {
  it.each(versionFiles(SAMPLE))('%s is written back byte for byte', (file) => {
    const text = readFileSync(file, 'utf8');
    expect(roundTrip(text)).toBe(text);
  });

  it('passes the content check', () => {
    expect(checkRewritten(SAMPLE)).toEqual([]);
  });
});

describe('a fixture note opened and saved', () => {
  // Hand-written: bare texts, no draft line, no blank line after the header. Saved: texts quoted, `draft: false` and the blank line added.
  it('changes only the quotes around texts, and adds draft: false and a blank line before the body', () => {
    const text = readFileSync(join(FIXTURE, 'notes/2023-02-27-bilingue/index.es.md'), 'utf8');
    const expected = text
      .replace('title: Nota bilingüe de prueba', 'title: "Nota bilingüe de prueba"')
      .replace('summary: Resumen en español.', 'summary: "Resumen en español."')
      .replace('people: [Karen Bass]', 'people: ["Karen Bass"]')
      .replace('organizations: [Netflix, Secretaría de Relaciones Exteriores]', 'organizations: ["Netflix", "Secretaría de Relaciones Exteriores"]')
      .replace('\n---\n', '\ndraft: false\n---\n\n');
    expect(expected).not.toBe(text);
    expect(roundTrip(text)).toBe(expected);
  });

  it.each(versionFiles(FIXTURE))('%s keeps its values and body, draft written, and saving again changes nothing', (file) => {
    const text = readFileSync(file, 'utf8');
    const saved = roundTrip(text);
    expect(headerOf(saved)).toEqual({ draft: false, ...headerOf(text) });
    expect(splitFrontmatter(saved).body.trim()).toBe(splitFrontmatter(text).body.trim());
    expect(saved).toMatch(/\ndraft: (true|false)\n/);
    expect(roundTrip(saved)).toBe(saved);
  });

  it('passes the content check', () => {
    expect(checkRewritten(FIXTURE)).toEqual([]);
  });
});

describe('a note made by npm run new, opened and saved', () => {
  it('keeps its fields and draft: true, and loses only the comments', () => {
    const text = noteTemplate('es', { title: 'Hola', date: '2023-03-02', stop: 'texas', topics: ['economy'] });
    const saved = roundTrip(text);
    expect(saved).toBe(text.replace(/ {2}# .*$/m, '').replace(/^# .*\n/gm, ''));
    expect(readNoteFile(saved)).toMatchObject({ draft: true, topics: ['economy'] });
  });
});
