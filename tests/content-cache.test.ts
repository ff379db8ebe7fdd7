import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentKey, readCachedContent, sourceFingerprint, writeCachedContent } from '../src/lib/content/content-cache.ts';
import { toSnapshot } from '../src/lib/content/content-snapshot.ts';
import type { Content } from '../src/lib/content/content.ts';

let dir: string;
const content = () => join(dir, 'content');
const note = (name: string) => join(content(), 'notes', '2023-02-27-llegada', name);
const key = (checker = 'checker-1', options = { lang: 'en' }) => contentKey(content(), checker, options);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'content-cache-'));
  mkdirSync(join(content(), 'notes', '2023-02-27-llegada'), { recursive: true });
  writeFileSync(note('index.es.md'), '---\ntitle: Llegada\n---\nTexto.\n');
  writeFileSync(join(content(), 'topics.yaml'), 'economy: {}\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('contentKey', () => {
  it('is the same while nothing changes', () => {
    expect(key()).toBe(key());
    expect(key()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with an edit, even one that keeps the size, with a new or deleted file, and with a new folder', () => {
    const seen = new Set([key()]);
    writeFileSync(note('index.es.md'), '---\ntitle: Llegado\n---\nTexto.\n');
    utimesSync(note('index.es.md'), new Date('2030-01-01'), new Date('2030-01-01'));
    seen.add(key());
    writeFileSync(note('index.en.md'), '---\ntitle: Arrival\n---\nText.\n');
    seen.add(key());
    rmSync(note('index.es.md'));
    seen.add(key());
    mkdirSync(join(content(), 'notes', '2023-03-01-otra'));
    seen.add(key());
    expect(seen.size).toBe(5);
  });

  it('changes with the checker and with the options it runs with', () => {
    expect(new Set([key(), key('checker-2'), key('checker-1', { lang: 'es' })]).size).toBe(3);
  });
});

describe('sourceFingerprint', () => {
  it('changes when a source file does, whatever the order the files are given in', () => {
    const a = join(dir, 'a.ts');
    const b = join(dir, 'b.ts');
    writeFileSync(a, 'export const a = 1;\n');
    writeFileSync(b, 'export const b = 2;\n');
    const before = sourceFingerprint([a, b]);
    expect(sourceFingerprint([b, a])).toBe(before);
    writeFileSync(b, 'export const b = 3;\n');
    expect(sourceFingerprint([a, b])).not.toBe(before);
  });
});

describe('the cached check', () => {
  const checked: Content = {
    notes: [{ folder: '2023-02-27-llegada', versions: { es: { id: '2023-02-27-llegada/es', folder: '2023-02-27-llegada', lang: 'es', file: 'content/notes/2023-02-27-llegada/index.es.md', slug: 'llegada', title: 'Llegada', summary: 'Resumen', date: new Date('2023-02-27T18:00:00Z'), dateOnly: false, stop: 'los-angeles', topics: [], people: [], organizations: [], draft: false, source: 'source' } } }],
    stops: [],
    topics: {},
    problems: [{ file: 'content/notes/x/index.es.md', line: 3, field: 'title', message: 'Too long.', severity: 'warning' }],
  };
  const file = () => join(dir, 'cache', 'convoy-content-check.json');

  it('gives back what was stored under the same key, dates as dates and problems included', () => {
    writeCachedContent(file(), 'key-1', toSnapshot(checked));
    const back = readCachedContent(file(), 'key-1');
    expect(back).toEqual({ content: checked, snapshot: toSnapshot(checked) });
    expect(back!.content.notes[0]!.versions.es!.date).toBeInstanceOf(Date);
  });

  it('gives nothing for another key or when there is no cache yet', () => {
    expect(readCachedContent(file(), 'key-1')).toBeUndefined();
    writeCachedContent(file(), 'key-1', toSnapshot(checked));
    expect(readCachedContent(file(), 'key-2')).toBeUndefined();
  });
});
