import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleKey, editorBundle } from '../src/admin/integration.ts';
import { thisProcess } from '../src/lib/build/build-lock.ts';

describe('the web editor bundle', () => {
  const root = mkdtempSync(join(tmpdir(), 'editor-bundle-'));
  // A process that stands for another build, bundling the editor.
  const other = spawn('sleep', ['60'], { stdio: 'ignore' });
  afterAll(() => {
    other.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('is made once when builds of several copies of the project start at once: the others wait and link it', async () => {
    const cache = join(root, 'cache');
    const kept = join(cache, bundleKey());
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, `${bundleKey()}.lock`), JSON.stringify({ ...thisProcess('the web editor'), pid: other.pid }));

    let settled = false;
    const waiting = editorBundle(join(root, 'out'), cache).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(settled, 'it waits while the other build bundles').toBe(false);

    // The other build is done: its bundle is in place, its lock gone.
    mkdirSync(join(kept, 'assets'), { recursive: true });
    writeFileSync(join(kept, 'assets', 'editor-abc.js'), 'export {};\n');
    writeFileSync(join(kept, 'entry.txt'), 'assets/editor-abc.js\n');
    rmSync(join(cache, `${bundleKey()}.lock`));

    expect(await waiting).toEqual({ script: 'assets/editor-abc.js', reused: true });
    expect(readFileSync(join(root, 'out', 'assets', 'editor-abc.js'), 'utf8')).toBe('export {};\n');
  }, 20_000);
});
