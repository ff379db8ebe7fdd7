import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeWhole } from '../src/lib/files.ts';

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
