import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Declared packages no file imports, each with what uses it.
const USED_OUTSIDE_IMPORTS: Record<string, string> = {
  '@astrojs/check': 'astro check (it does not load on these machines; see README, "Checks")',
  '@types/opentype.js': 'the types of opentype.js, for tsc',
  node: 'the Node 24 every npm script runs on',
  typescript: 'TypeScript 6, for astro check: its language server needs the JavaScript API that TypeScript 7 does not have',
  'typescript-7': 'npm run typecheck (the native tsc --noEmit of TypeScript 7), run by tests/typecheck.test.ts',
};

const SKIP = new Set(['node_modules', '.cache', 'dist', '.astro', '.git', 'fixtures']);
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : /\.(ts|mjs|astro)$/.test(entry.name) ? [path] : [];
  });
}

/** The packages a file imports, requires or resolves: `@scope/name` or `name`. */
function importedPackages(text: string): string[] {
  // Quotes for import statements; a template literal too in require.resolve (font files by weight).
  const specifiers = [
    ...text.matchAll(/(?:^import\s[^'"]*?\bfrom\s+|^import\s+|^export\s[^'"]*?\bfrom\s+|\bimport\(\s*|\brequire\(\s*)['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\brequire\.resolve\(\s*['"`]([^'"`$]+)/g),
  ].map((m) => m[1]!);
  return specifiers
    .filter((s) => !/^(\.|\/|node:|astro:|virtual:)/.test(s))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);
const files = [...['src', 'tests', 'bench'].flatMap(sourceFiles), 'astro.config.mjs', 'vitest.config.ts', 'vitest.browser.config.ts'];
const imported = new Set(files.flatMap((file) => importedPackages(readFileSync(file, 'utf8'))));

describe('package.json', () => {
  it('declares every package the code imports', () => {
    expect([...imported].filter((name) => !declared.has(name)).sort()).toEqual([]);
  });

  it('declares no package nothing uses', () => {
    expect([...declared].filter((name) => !imported.has(name) && !(name in USED_OUTSIDE_IMPORTS)).sort()).toEqual([]);
  });
});
