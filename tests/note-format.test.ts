import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/lib/content/content.ts';
import { parseYaml, splitFrontmatter } from '../src/lib/content/frontmatter.ts';
import { noteTemplate } from '../src/lib/content/scaffold.ts';
import { noteFrontmatter } from '../src/lib/content/schema.ts';
import { parseContentDate } from '../src/lib/i18n/dates.ts';
import { FIELD_ORDER, noteFormat, readNoteFile, siteClock, writeNoteFile } from '../src/lib/editor/note-format.ts';

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

// What the editor does with a file opened and saved without a change: its format reads it and writes it.
const roundTrip = (text: string, format = noteFormat(MX)) => format.toFile(format.fromFile(text));
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

describe("dates in the site's time (siteClock)", () => {
  it.each([
    // An offset is moved into the site's zone: Los Angeles is 2 hours behind Mexico City in February 2023.
    ['2023-02-27T10:00:00-08:00', '2023-02-27T12:00'],
    // …and a day later there when the offset says so.
    ['2023-03-01T23:30:00-08:00', '2023-03-02T01:30'],
    ['2023-04-21T18:00:00-05:00', '2023-04-21T17:00'],
    ['2023-02-27T18:00:00Z', '2023-02-27T12:00'],
    ['2023-02-27T10:00-0800', '2023-02-27T12:00'],
    ['2023-02-27 10:00:00 -08:00', '2023-02-27T12:00'],
    // Without a zone it is already the site's time: kept (seconds dropped, as the editor's field has none).
    ['2026-11-28T10:00', '2026-11-28T10:00'],
    ['2026-11-28 10:00:45', '2026-11-28T10:00'],
    // A day alone is its midnight.
    ['2023-03-01', '2023-03-01T00:00'],
  ])('%s reads as %s in Mexico City', (stored, wall) => {
    expect(siteClock(stored, MX)).toBe(wall);
    // The same instant as the check reads: the wall-clock value, taken in the site's zone.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(stored) && !/:\d\d:[1-5]\d/.test(stored)) {
      expect(parseContentDate(wall, MX)?.date.getTime()).toBe(parseContentDate(stored, MX)?.date.getTime());
    }
  });

  it('depends on the site zone only, not on the computer running it', () => {
    expect(siteClock('2023-02-27T10:00:00-08:00', 'Asia/Tokyo')).toBe('2023-02-28T03:00');
    expect(siteClock('2023-02-27T10:00:00-08:00', 'Europe/Madrid')).toBe('2023-02-27T19:00');
  });

  it('is undefined for a text that is no date', () => {
    for (const text of ['mañana', '2023-02-27T10', '27/02/2023']) expect(siteClock(text, MX)).toBeUndefined();
    // Read by the check's rules: a day that does not exist is no date (the check reports it).
    expect(siteClock('2023-02-30T10:00', MX)).toBeUndefined();
  });
});

describe('the editor format (noteFormat)', () => {
  const file = (date: string, updated?: string) => `---\ntitle: "A"\ndate: ${date}\n${updated ? `updated: ${updated}\n` : ''}draft: false\n---\n\nTexto.\n`;

  it("opens date and updated in the site's wall-clock time", () => {
    expect(noteFormat(MX).fromFile(file('2023-02-27T10:00:00-08:00', '2023-02-28T09:15:00-06:00'))).toMatchObject({ date: '2023-02-27T12:00', updated: '2023-02-28T09:15' });
  });

  it('writes a date left unchanged as it was in the file, whatever other field changed', () => {
    const format = noteFormat(MX);
    const fields = format.fromFile(file('2023-02-27T10:00:00-08:00', '2023-03-01'));
    expect(format.toFile({ ...fields, title: 'B' })).toBe(file('2023-02-27T10:00:00-08:00', '2023-03-01').replace('"A"', '"B"'));
  });

  it("writes a date typed in the editor as the site's time without a zone, which the check reads as the site's", () => {
    const format = noteFormat(MX);
    const fields = format.fromFile(file('2023-02-27T10:00:00-08:00'));
    const saved = format.toFile({ ...fields, date: '2023-02-27T13:45', updated: '2023-02-28T08:00' });
    expect(saved).toBe(file('2023-02-27T13:45', '2023-02-28T08:00'));
    expect(parseContentDate('2023-02-27T13:45', MX)?.date.toISOString()).toBe('2023-02-27T19:45:00.000Z');
    // A new note, dated by the editor.
    expect(format.toFile({ title: 'N', date: '2026-11-23T23:30', draft: true, body: '' })).toBe('---\ntitle: "N"\ndate: 2026-11-23T23:30\ndraft: true\n---\n');
  });

  it('writes the wall-clock value when two files wrote the same minute differently (either would be right)', () => {
    const format = noteFormat(MX);
    const fields = format.fromFile(file('2023-02-27T10:00:00-08:00'));
    format.fromFile(file('2023-02-27T12:00:00-06:00'));
    expect(format.toFile(fields)).toBe(file('2023-02-27T12:00'));
    // One text read twice (the same note opened again) is no ambiguity.
    const again = noteFormat(MX);
    again.fromFile(file('2023-02-27T10:00:00-08:00'));
    expect(again.toFile(again.fromFile(file('2023-02-27T10:00:00-08:00')))).toBe(file('2023-02-27T10:00:00-08:00'));
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

  it('all written back byte for byte by one format that first read them all, as the editor does', () => {
    const format = noteFormat(MX);
    const files = versionFiles(SAMPLE).map((path) => readFileSync(path, 'utf8'));
    const opened = files.map((text) => format.fromFile(text));
    expect(opened.map((fields) => format.toFile(fields))).toEqual(files);
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
