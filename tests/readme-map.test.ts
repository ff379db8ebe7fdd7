import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The paths the README's map names: an indented tree in the code block under
 * "Where things are", two spaces a level, a line's names first (`a.ts, b.ts`,
 * `folder/`) and then what they are.
 */
function mapPaths(readme: string): string[] {
  const section = readme.slice(readme.indexOf('## Where things are'));
  const block = section.slice(section.indexOf('```\n') + 4, section.indexOf('\n```', section.indexOf('```\n') + 4));
  const folders: string[] = [];
  const paths: string[] = [];
  for (const line of block.split('\n')) {
    const depth = (line.length - line.trimStart().length) / 2;
    const names: string[] = [];
    for (const token of line.trim().split(/\s+/)) {
      if (!/^[\w.[\]-]+(\/[\w.[\]-]+)*(\/|\.[a-z]+),?$/.test(token)) break;
      names.push(token.replace(/,$/, ''));
      if (!token.endsWith(',')) break;
    }
    if (!names.length) continue;
    const parent = folders.slice(0, depth).join('');
    folders.length = depth;
    for (const name of names) {
      if (name.endsWith('/')) folders[depth] = name;
      else paths.push(parent + name);
    }
  }
  return paths;
}

const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
const srcFiles = readdirSync(join(import.meta.dirname, '..', 'src'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => join(entry.parentPath, entry.name).slice(join(import.meta.dirname, '..').length + 1).replaceAll('\\', '/'));

describe("the README's map", () => {
  it('reads a nested tree, with several names on a line', () => {
    expect(mapPaths('## Where things are\n\n```\nsrc/\n  a.ts   what a is\n  lib/\n    b.ts, c.ts   two\n  d/e.ts  nested\n```\n')).toEqual(['src/a.ts', 'src/lib/b.ts', 'src/lib/c.ts', 'src/d/e.ts']);
  });

  it('names every file under src/', () => {
    const named = new Set(mapPaths(readme));
    expect(srcFiles.filter((file) => !named.has(file))).toEqual([]);
  });

  it('names no file under src/ that does not exist', () => {
    const files = new Set(srcFiles);
    expect(mapPaths(readme).filter((path) => path.startsWith('src/') && !files.has(path))).toEqual([]);
  });
});
