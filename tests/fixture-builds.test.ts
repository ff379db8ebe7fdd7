import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtSite, buildStatusFile } from './setup/fixture-builds.ts';

// The fixture builds run while the first tests do: a test reading one waits until it has ended.
describe('builtSite', () => {
  const root = mkdtempSync(join(tmpdir(), 'fixture-status-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('waits until the build says it ended well', async () => {
    const dir = join(root, 'good');
    let ended = false;
    const waiting = builtSite(dir).then((site) => (ended = true) && site);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ended, 'not before the build ends').toBe(false);
    writeFileSync(buildStatusFile(dir), 'ok');
    expect(await waiting).toBe(dir);
  });

  it('rejects with what a failed build printed', async () => {
    const dir = join(root, 'bad');
    writeFileSync(buildStatusFile(dir), 'The fixture build "bad" failed:\nBuild stopped: 1 content problem(s) above.');
    await expect(builtSite(dir)).rejects.toThrow('Build stopped: 1 content problem(s) above.');
  });
});
