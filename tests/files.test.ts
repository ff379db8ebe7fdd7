import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkTree, removeDeadWrites, sameFiles, writeWhole } from '../src/lib/build/files.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeWhole', () => {
  it('creates the folders, writes the file, and leaves no temporary file beside it', () => {
    writeWhole(join(dir, 'a', 'b', 'card.png'), new Uint8Array([1, 2, 3]));
    expect([...readFileSync(join(dir, 'a', 'b', 'card.png'))]).toEqual([1, 2, 3]);
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['card.png']);
  });

  it('replaces a file that is there', () => {
    writeFileSync(join(dir, 'check.json'), 'old');
    writeWhole(join(dir, 'check.json'), 'new');
    expect(readFileSync(join(dir, 'check.json'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['check.json']);
  });

  it('fails, leaving nothing half-written, where the file cannot be', () => {
    writeFileSync(join(dir, 'plain'), 'x');
    expect(() => writeWhole(join(dir, 'plain', 'inside.json'), 'y')).toThrow();
    expect(readdirSync(dir)).toEqual(['plain']);
  });
});

/** Writes `files` (path: text) under `root`. */
function tree(root: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('linkTree', () => {
  it('puts every file and folder of one tree into another, as hard links', () => {
    const from = tree(join(dir, 'from'), { 'a.js': 'a', 'index/en/b.pf': 'b', 'index/c.pf': 'c' });
    linkTree(from, join(dir, 'to'));
    expect(readdirSync(join(dir, 'to'), { recursive: true, encoding: 'utf8' }).sort()).toEqual(['a.js', 'index', 'index/c.pf', 'index/en', 'index/en/b.pf']);
    expect(readFileSync(join(dir, 'to', 'index/en/b.pf'), 'utf8')).toBe('b');
    expect(statSync(join(dir, 'to', 'index/en/b.pf')).ino).toBe(statSync(join(from, 'index/en/b.pf')).ino);
  });
});

describe('sameFiles', () => {
  const site = { 'index.html': '<p>home</p>', 'es/notas/a/index.html': '<p>nota</p>', 'feed.xml': '<rss/>' };

  it('is true when the two folders hold the same pages with the same bytes, whatever else they hold', () => {
    const a = tree(join(dir, 'a'), site);
    const b = tree(join(dir, 'b'), { ...site, 'feed.xml': '<rss>other</rss>', 'pagefind/x.pf': 'index' });
    expect(sameFiles(a, b, '.html')).toBe(true);
  });

  it('is false when one page differs by one byte at the same size', () => {
    const a = tree(join(dir, 'a'), site);
    const b = tree(join(dir, 'b'), { ...site, 'es/notas/a/index.html': '<p>notA</p>' });
    expect(sameFiles(a, b, '.html')).toBe(false);
  });

  it('is false when a page is added, removed or moved', () => {
    const a = tree(join(dir, 'a'), site);
    expect(sameFiles(a, tree(join(dir, 'added'), { ...site, 'en/index.html': 'x' }), '.html')).toBe(false);
    expect(sameFiles(a, tree(join(dir, 'removed'), { 'index.html': '<p>home</p>' }), '.html')).toBe(false);
    expect(sameFiles(a, tree(join(dir, 'moved'), { 'index.html': '<p>home</p>', 'es/notas/b/index.html': '<p>nota</p>' }), '.html')).toBe(false);
  });

  it('is false when a folder is missing', () => {
    expect(sameFiles(tree(join(dir, 'a'), site), join(dir, 'nowhere'), '.html')).toBe(false);
    expect(sameFiles(join(dir, 'nowhere'), join(dir, 'nowhere'), '.html')).toBe(false);
  });
});

describe('removeDeadWrites', () => {
  it("deletes the temporary files of processes that are gone, and keeps a live process's and every other file", () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    for (const name of [`card.png.${gone}-0.tmp`, `card.png.${process.pid}-3.tmp`, 'card.png', 'notes.tmp']) writeFileSync(join(dir, name), '');
    removeDeadWrites(dir);
    expect(readdirSync(dir).sort()).toEqual(['card.png', `card.png.${process.pid}-3.tmp`, 'notes.tmp']);
  });

  it('does nothing for a folder that is not there', () => {
    expect(() => removeDeadWrites(join(dir, 'none'))).not.toThrow();
  });
});
